/**
 * One index from the bundles of several parts (each one Pagefind index of one language, built alone
 * because a whole index is held in memory while it is built, index-builder.ts): a cold search then fetches
 * one metadata file and one chunk per word instead of one of each per part. The result is laid out as one
 * Pagefind bundle: the first part's language, the pages of every part in order (page numbers of a later
 * part shifted by the pages before it), each word's page lists joined in part order, the word index cut
 * into chunks of about `limit` locations (or of `limit(the index's locations)`), each filter's values
 * joined; pages and chunks get short names. Fragments and code files are not read nor written: the caller
 * renames the fragments (pageNames). With one bundle, it re-splits and renames that one. Pages for which
 * `isProfile` holds get PROFILE_MARK in their name (the search page ranks them by it,
 * src/client/search/search-engine.ts). With `uniformWordCounts`, every page's word count is written as 1
 * (pagefind-internals.ts, 7); with `fragmentGroups`, a page names its fragment group (11).
 *
 * The words are merged as a stream (a k-way merge over the parts' sorted word lists, WordCursor): one
 * chunk of each part is inflated at a time and each finished chunk is written at once, so memory does not
 * grow with the index (the first version held every part's words and every page entry as objects: 23 GB
 * and ≈ 570 s at 43,000 pages, docs/BENCHMARKS.md). The private formats read and written here are
 * described in pagefind-internals.ts (5 and 6).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PROFILE_MARK } from '../../src/shared/search/manifest.ts';
import {
  CborWriter,
  decodeFilter,
  encodeIndexFile,
  fileHash,
  FRAGMENT_SIGNATURE,
  openBundle,
  chunkBounds,
  WordCursor,
  writeJoinedWord,
  type BundleFile,
  type Cbor,
  type OpenedBundle,
} from './pagefind-internals.ts';

/** A bundle's files by their path in the bundle (undefined for a file it does not have). */
export type BundleReader = (path: string) => Uint8Array | undefined;
/** Where the merged bundle's files go, by their path in the bundle. */
export type BundleWriter = (path: string, content: Uint8Array) => void;

export interface MergeOptions {
  /** Pages named as payee profiles. */
  isProfile?: (page: string) => boolean;
  /** Every page's word count written as 1 (pagefind-internals.ts, 7). */
  uniformWordCounts?: boolean;
  /**
   * Every page's fragment in a group of FRAGMENT_GROUP_PAGES consecutive pages, named in its metadata
   * entry's third field (pagefind-internals.ts, 11); the result's `groupOf` says which. The caller writes
   * the groups' files.
   */
  fragmentGroups?: boolean;
  /**
   * The bundles' locations in all (Pagefind's measure: a word's locations and one a page), when the caller
   * knows it (the parts count theirs as they write them, build-part.ts): a chunk-size function then needs
   * no pass over every word beforehand, which was a third of the merge's time.
   */
  totalLocations?: number;
}

export interface MergeResult {
  /** Each page's new name (its fragment is `fragment/<name>.pf_fragment`, its result id the name), in page order. */
  pageNames: Map<string, string>;
  /** With `fragmentGroups`: each page's fragment group by its new name (the group's file is `fragment/<group>.pf_fragment`). */
  groupOf: Map<string, string>;
  /** The locations a word-index chunk was cut at. */
  chunkLocations: number;
}

export interface MergedBundle extends MergeResult {
  /** The bundle's entry, metadata, word-index and filter files. */
  files: BundleFile[];
}

/**
 * How the merged word-index chunks are compressed. Not level 9: on real chunks of the 52,000-sheet site
 * (150 chunks, 35.9 MB before gzip) level 9 took 14.1 s for 11.36 MB, level 8 (memLevel 9) 4.7 s for
 * 11.43 MB, level 7 1.6 s for 11.56 MB, level 6 1.0 s for 11.62 MB (+2.3 %). At 52,000 sheets the chunks are
 * ≈ 1.1 GB before gzip: level 9 alone was ≈ 4–7 minutes of the build on one core, against the 10-minute
 * goal of issue 18, for ≈ 8 MB (0.15 KB a sheet) and ≈ 2 % of a cold search's index bytes.
 * docs/BENCHMARKS.md has the figures.
 */
const CHUNK_GZIP = { level: 6, memLevel: 9 } as const;
const gzipAsync = promisify(gzip);
/**
 * Chunks being compressed at once, on libuv's threads (4): the merge reads and joins the words on the main
 * thread while the finished chunks are compressed beside it; compressing in line took about half the merge's
 * time, on one core while the other was idle (the merge is the build's last step). A bound, so that chunks
 * never pile up in memory when the compression is the slower side.
 */
const CHUNKS_IN_FLIGHT = 4;

/** The parts' cursors ordered by their word, then by part (the order a word's page lists are joined in). */
class CursorHeap {
  private readonly items: WordCursor[] = [];
  private readonly partOf: Map<WordCursor, number>;
  constructor(partOf: Map<WordCursor, number>) {
    this.partOf = partOf;
  }

  get size(): number {
    return this.items.length;
  }

  peek(): WordCursor | undefined {
    return this.items[0];
  }

  private less(a: WordCursor, b: WordCursor): boolean {
    return a.word < b.word || (a.word === b.word && this.partOf.get(a)! < this.partOf.get(b)!);
  }

  push(c: WordCursor): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.less(h[i]!, h[up]!)) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }

  pop(): WordCursor {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Pages a fragment group holds: one hexadecimal digit of their names (shortName), so a page's group is its
 * name without that digit. 16 keeps a group small (≈ 1.35 kB of gzip for 16 sheet pages' fragments, 84
 * bytes a page, where a fragment file of its own is ≈ 384) and a common term's first ten results, mostly
 * neighbours in the index, in one or two groups (docs/BENCHMARKS.md, "Fragment groups").
 */
export const FRAGMENT_GROUP_PAGES = 16;

/**
 * The form of shortName's names, hashed into the tag: a build whose index is the same as the last one's
 * keeps its tag, and without this a browser's cached file of a build named another way (base 36, most
 * significant digit first, until 2026-12-05) could be taken for a file of the same name here.
 */
const NAME_FORM = 'hex, least significant digit first, padded';

/**
 * The name of the merge's `n`-th page or chunk: `tag`, then n's base-16 digits least significant first,
 * padded with zeros to `width` digits (any n has a name of its own: a reversed number ends in a non-zero
 * digit unless it is padded, and then it is `width` long). Why backwards: the metadata every cold search
 * loads lists each page as [name, word count, group], and gzip stores an entry as what differs from the entry
 * before. Least significant first, that is the name's first digit alone, and one match copies the rest of
 * it with the next entry's head. Most significant first, gzip's greedy parse takes longer matches from
 * far back and pays more for each: at 54,460 pages the page table took 124 KB in base 36 and 74 KB so,
 * 86 KB with the fragment groups' names (docs/BENCHMARKS.md, "Page names backwards", "Fragment groups").
 */
export function shortName(tag: string, n: number, width: number): string {
  const digits = n.toString(16).padStart(width, '0');
  let name = tag;
  for (let i = digits.length - 1; i >= 0; i -= 1) name += digits[i];
  return name;
}

/** The base-16 digits of the largest of `count` numbers from 0 (at least one). */
function digitsFor(count: number): number {
  return Math.max(1, (Math.max(count, 1) - 1).toString(16).length);
}

/**
 * Writes the chunks of the merged word index as they fill, named by shortName: each is
 * compressed off the main thread and written in order (CHUNKS_IN_FLIGHT); call settle() when full().
 */
class ChunkWriter {
  private readonly body = new CborWriter();
  private words = 0;
  private size = 0;
  private first = '';
  private last = '';
  /** [from, to, name] of each chunk written (from/to made short bounds at the end, chunkBounds). */
  readonly table: Cbor[][] = [];
  /** The chunks being compressed, oldest first: each written once it and those before it are done. */
  private readonly inFlight: Promise<void>[] = [];
  /** The previous chunk's write: the chunks are written in order. */
  private written: Promise<void> = Promise.resolve();

  private readonly limit: number;
  private readonly tag: string;
  /** The digits of the chunks' names, from the number of chunks expected (a name may have more: shortName). */
  private readonly nameWidth: number;
  private readonly write: BundleWriter;

  constructor(limit: number, tag: string, expectedChunks: number, write: BundleWriter) {
    this.limit = limit;
    this.tag = tag;
    this.nameWidth = digitsFor(expectedChunks);
    this.write = write;
  }

  /** Where a word's entry is appended (then added() called). */
  get sink(): CborWriter {
    return this.body;
  }

  /** Counts the word just appended to `sink`, and starts writing the chunk when it is full. */
  added(word: string, size: number): void {
    if (this.words === 0) this.first = word;
    this.last = word;
    this.words += 1;
    // As Pagefind's chunk_index (chunkWords, pagefind-internals.ts): a chunk is closed once it holds `limit` locations.
    this.size += size;
    if (this.size >= this.limit) this.flush();
  }

  /** As many chunks are being compressed as may be: settle() before the next word. */
  get full(): boolean {
    return this.inFlight.length >= CHUNKS_IN_FLIGHT;
  }

  /** Waits until the oldest chunk in flight is written. */
  async settle(): Promise<void> {
    await this.inFlight.shift();
  }

  private flush(): void {
    if (this.words === 0) return;
    const head = new CborWriter();
    head.head(4, 1);
    head.head(4, this.words);
    const raw = Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE, 'latin1'), head.bytes(), this.body.bytes()]);
    const name = shortName(this.tag, this.table.length, this.nameWidth);
    const file = `index/${name}.pf_index`;
    const compressed = gzipAsync(raw, CHUNK_GZIP);
    const previous = this.written;
    this.written = Promise.all([compressed, previous]).then(([content]) => this.write(file, content));
    // A failure is the merge's (settle() or finish() rethrows it), not an unhandled rejection while the
    // main thread is still joining words.
    this.written.catch(() => {});
    this.inFlight.push(this.written);
    this.table.push([this.first, this.last, name]);
    this.body.clear();
    this.words = 0;
    this.size = 0;
  }

  /** Writes the last chunk; resolves with the chunk table once every chunk is written (from/to short bounds that tell a chunk from its neighbours, chunkBounds). */
  async finish(): Promise<Cbor[][]> {
    this.flush();
    await this.written;
    this.inFlight.length = 0;
    const t = this.table;
    for (let i = 0; i + 1 < t.length; i += 1) [t[i]![1], t[i + 1]![0]] = chunkBounds(t[i]![1] as string, t[i + 1]![0] as string);
    return t;
  }
}

/** Merges the bundles read by `readers` into files given to `write`; see the module comment. */
export async function mergeBundleSources(
  readers: readonly BundleReader[],
  write: BundleWriter,
  limit: number | ((totalLocations: number) => number),
  options: MergeOptions = {},
): Promise<MergeResult> {
  if (readers.length === 0) throw new Error('no bundle to merge');
  const isProfile = options.isProfile ?? (() => false);
  // A part without pages has an entry naming no language (and nothing else): it adds nothing.
  const languagesOf = (read: BundleReader) => {
    const entry = read('pagefind-entry.json');
    return entry ? Object.keys((JSON.parse(Buffer.from(entry).toString('utf8')) as { languages?: object }).languages ?? {}).length : 1;
  };
  const withPages = readers.map((read, i) => ({ read, i })).filter(({ read }) => languagesOf(read) > 0);
  if (withPages.length === 0) {
    const entry = readers[0]!('pagefind-entry.json');
    if (entry) write('pagefind-entry.json', entry);
    return { pageNames: new Map(), groupOf: new Map(), chunkLocations: typeof limit === 'number' ? limit : limit(0) };
  }
  const opened: OpenedBundle[] = withPages.map(({ read, i }) => openBundle(read, `part ${i + 1}`));
  const first = opened[0]!;
  const language = first.language;
  const pages: Cbor[][] = [];
  const offsets: number[] = [];
  for (const b of opened) {
    offsets.push(pages.length);
    for (const p of b.meta[1] as Cbor[][]) pages.push([...p]);
  }

  // The index's size sets the chunk size: given, or counted in a first pass over the words.
  let totalLocations = options.totalLocations ?? 0;
  if (typeof limit !== 'number' && options.totalLocations === undefined) {
    for (const b of opened) {
      const cursor = new WordCursor(b.chunks, b.read);
      while (cursor.next()) totalLocations += cursor.size;
    }
  }
  const chunkLocations = typeof limit === 'number' ? limit : limit(totalLocations);
  // A tag that changes with the index, for short names (every page and chunk is named in the metadata a
  // cold search loads: a content hash each made half its bytes) that never mix a cached file of another
  // build in. The metadata names each word-index chunk by a hash of its content, so it stands for them.
  const tagHash = createHash('sha256');
  tagHash.update(NAME_FORM);
  for (const b of opened) tagHash.update(Buffer.from(JSON.stringify(b.meta)));
  tagHash.update(String(chunkLocations));
  for (const p of pages) tagHash.update(`${p[0] as string} ${isProfile(p[0] as string)}\n`);
  const tag = tagHash.digest('hex').slice(0, 4);

  // Words: each part's are sorted; merge them in order, joining the lists of a word several parts have.
  const partOf = new Map<WordCursor, number>();
  const heap = new CursorHeap(partOf);
  opened.forEach((b, i) => {
    const cursor = new WordCursor(b.chunks, b.read);
    partOf.set(cursor, i);
    if (cursor.next()) heap.push(cursor);
  });
  const chunks = new ChunkWriter(chunkLocations, tag, Math.ceil(totalLocations / chunkLocations), write);
  const group: WordCursor[] = [];
  const groupOffsets: number[] = [];
  while (heap.size > 0) {
    group.length = 0;
    groupOffsets.length = 0;
    const word = heap.peek()!.word;
    while (heap.size > 0 && heap.peek()!.word === word) {
      const c = heap.pop();
      group.push(c);
      groupOffsets.push(offsets[partOf.get(c)!]!);
    }
    let size = 0;
    for (const c of group) size += c.size;
    const only = group[0]!;
    // A word of the first part alone is copied as it is.
    if (group.length === 1 && groupOffsets[0] === 0) chunks.sink.copy(only.buf, only.start, only.end);
    else writeJoinedWord(chunks.sink, group, groupOffsets);
    chunks.added(word, size);
    if (chunks.full) await chunks.settle();
    for (const c of group) if (c.next()) heap.push(c);
  }
  const table = await chunks.finish();

  const pageNames = new Map<string, string>();
  const groupOf = new Map<string, string>();
  // With groups, a name's first digit is the page's place in its group: the group is named by the rest.
  const pageWidth = Math.max(digitsFor(pages.length), options.fragmentGroups ? 2 : 1);
  pages.forEach((p, i) => {
    const prefix = `${tag}${isProfile(p[0] as string) ? PROFILE_MARK : ''}`;
    const name = `${prefix}${shortName('', i, pageWidth)}`;
    pageNames.set(p[0] as string, name);
    p[0] = name;
    // A varying count (thousands of different numbers) is most of a page entry's bytes after gzip.
    if (options.uniformWordCounts) p[1] = 1;
    if (options.fragmentGroups) {
      // The page's name without its first digit, so gzip copies it with the name (docs/BENCHMARKS.md, "Fragment groups").
      const group = `${prefix}${shortName('', Math.floor(i / FRAGMENT_GROUP_PAGES), pageWidth - 1)}`;
      groupOf.set(name, group);
      p[2] = group;
    }
  });

  // Filters: per name, each value's pages from every part, shifted.
  const taken = new Set<string>();
  const filters = new Map<string, Map<string, number[]>>();
  opened.forEach((b, i) => {
    for (const f of b.meta[3] as Cbor[][]) {
      const filterPath = `filter/${f[1] as string}.pf_filter`;
      const { name, values } = decodeFilter(b.read(filterPath), filterPath);
      const byValue = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, byValue);
      for (const [value, ps] of values) {
        const list = byValue.get(value) ?? [];
        byValue.set(value, list);
        for (const p of ps) list.push(p + offsets[i]!);
      }
    }
  });
  const filterMeta: Cbor[][] = [...filters.keys()].sort().map((name) => {
    const values = [...filters.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const content = encodeIndexFile([name, values.map(([v, ps]) => [v, ps])]);
    const hash = fileHash(language, content, taken);
    write(`filter/${hash}.pf_filter`, content);
    return [name, hash];
  });

  // Fields after the sorts (1.6 has one more, empty here) must be the same in every part: kept as they are.
  const rest = first.meta.slice(5);
  for (const [i, b] of opened.entries()) {
    if (JSON.stringify(b.meta.slice(5)) !== JSON.stringify(rest)) throw new Error(`part ${i + 1}: metadata fields after the sorts differ from part 1's`);
  }
  const meta: Cbor[] = [first.meta[0]!, pages, table, filterMeta, [], ...rest];
  const metaContent = encodeIndexFile(meta);
  const metaHash = fileHash(language, metaContent, new Set());
  write(`pagefind.${metaHash}.pf_meta`, metaContent);
  const entry = { ...first.entry, languages: { [language]: { ...first.info, hash: metaHash, page_count: pages.length } } };
  write('pagefind-entry.json', Buffer.from(JSON.stringify(entry), 'utf8'));
  return { pageNames, groupOf, chunkLocations };
}

/** mergeBundleSources on bundles held in memory, returning the merged bundle's files. */
export async function mergeBundles(
  bundles: readonly (readonly BundleFile[])[],
  limit: number | ((totalLocations: number) => number),
  isProfile: (page: string) => boolean = () => false,
  options: Pick<MergeOptions, 'uniformWordCounts' | 'fragmentGroups'> = {},
): Promise<MergedBundle> {
  const files: BundleFile[] = [];
  const readers = bundles.map((b) => {
    const byPath = new Map(b.map((f) => [f.path, f.content]));
    return (file: string) => byPath.get(file);
  });
  const result = await mergeBundleSources(readers, (file, content) => files.push({ path: file, content }), limit, { ...options, isProfile });
  return { ...result, files };
}
