/**
 * Everything the search index relies on that Pagefind 1.6 does not document (its private formats and
 * behaviour), in one place; tests/unit/search-pagefind-contract.test.ts checks each against the installed
 * Pagefind and fails when an upgrade changes it:
 *
 * 1. Fragment files (`fragment/<page hash>.pf_fragment`): gzip of the signature "pagefind_dcd" followed
 *    by the page's JSON ({url, content, word_count, filters, meta, anchors}), `url` first. pagefind.js
 *    fetches one per displayed result. The indexer writes each page's own (build-part.ts); the tests find
 *    the page of a fragment Pagefind made from the URL at its start (fragmentUrl).
 * 2. Compound words: a word with a "-" is indexed as the word without it and as each part of two or more
 *    characters, all at the word's position; a boundary between letters and digits splits a part too
 *    (pagefind/src/fossick/splitting.rs). The indexer writes a page's character words this way
 *    (compoundWord, index-content.ts).
 * 3. An exact phrase (`"w1 w2 …"`) finds a page where the words occur at consecutive positions, each word
 *    looked up whole (no prefix or stem), and a result's `words` holds the positions of its first match
 *    (src/client/search/search-engine.ts ranks by them).
 * 4. Pages are named "<language>_<hash>", so merged parts need distinct language tags (index-builder.ts).
 * 5. The word index: `pagefind-entry.json` names each language's metadata file
 *    (`pagefind.<hash>.pf_meta`); that and the word-index chunks (`index/<hash>.pf_index`) are gzip of the
 *    signature followed by CBOR (minicbor, structs as arrays): the metadata is [version, pages,
 *    index chunks [from, to, hash], filters, sorts, …], a chunk is [[word, pages [page, locations,
 *    meta locations], variants], …] with the words sorted; a chunk's `from`/`to` are the shortest prefixes
 *    that tell it from its neighbours (pagefind/src/index/mod.rs, `chunk_index`, `chunk_meta`). Pagefind
 *    fills a chunk until it holds 20,000 locations, whatever the words; mergeBundles splits them finer.
 * 6. Merging (mergeBundles): the metadata's pages are [name, word count, …], a word's page entry is [page
 *    number (its index in the metadata's pages) minus the previous entry's, locations, …], a filter chunk (`filter/<hash>.pf_filter`,
 *    named in the metadata's filters [name, hash]) is [name, [[value, [page numbers]], …]]; Pagefind's own
 *    sorts (the metadata's fifth field) are empty, since the index keeps its own sort tables; 1.6 writes a
 *    sixth field, empty here too, kept as it is.
 * 7. A page's word count (the second field of its metadata entry) only weighs Pagefind's BM25 score (page
 *    length): an exact phrase finds the same pages at the same positions whatever it is, and the search
 *    page ranks by position (src/client/search/search-engine.ts). mergeBundles can write the same count
 *    for every page (`uniformWordCounts`), which makes the metadata every cold search loads ≈ 14 % smaller.
 * 8. What Pagefind writes for a custom record (direct-index.ts writes the same without Pagefind's indexer;
 *    tests/unit/search-direct-index.test.ts compares the two): each space-separated word of the content is
 *    one position; a word's locations on a page are positions as differences from the previous one, with
 *    the weight marker −(weight + 1) before the first and wherever the weight changes (24 for a word, 12
 *    for each part of a compound); a word entry is [word, pages, variants] and a page entry [page number
 *    difference, locations, meta locations] (variants and meta locations empty for our words); a page of
 *    the metadata is [name, word count (the content's words), ""]; filter chunks list page numbers as they
 *    are; pagefind-entry.json is {version, languages: {tag: {hash, wasm, page_count}}, include_characters}.
 */
import { createHash } from 'node:crypto';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { PROFILE_MARK } from '../../src/shared/search/manifest.ts';

export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: unknown[];
  [extra: string]: unknown;
}

/** Parses an inflated fragment. */
export function parseFragment(raw: Buffer, file: string): Fragment {
  const text = raw.toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`${file}: Pagefind fragment without the "${FRAGMENT_SIGNATURE}" signature`);
  }
  const data = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
  if (typeof data.url !== 'string' || typeof data.content !== 'string') {
    throw new Error(`${file}: Pagefind fragment without url/content (Pagefind's format changed?)`);
  }
  return data;
}

/** Reads a fragment file's bytes. */
export function decodeFragment(bytes: Uint8Array, file: string): Fragment {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (err) {
    throw new Error(`${file}: not a gzip Pagefind fragment`, { cause: err });
  }
  return parseFragment(raw, file);
}

/** A fragment's bytes before compression (the file is their gzip). */
export function fragmentBytes(fragment: Fragment): Buffer {
  return Buffer.from(FRAGMENT_SIGNATURE + JSON.stringify(fragment), 'utf8');
}

/**
 * A fragment file's bytes. gzip level 1, not the default 6: a year of sheets has ≈ 5,700 fragments of
 * ≈ 12 kB, and level 1 takes ≈ 0.15 ms less each for ≈ 7 % more bytes (4.7 instead of 4.4 kB), which
 * the search page fetches only for the results it shows.
 */
export function encodeFragment(fragment: Fragment): Buffer {
  return gzipSync(fragmentBytes(fragment), { level: 1 });
}

/**
 * The page URL of a fragment Pagefind made. Pagefind serialises the fragment's fields in order, `url`
 * first, so only the start is inflated (the rest is the page's words, discarded anyway); any other layout
 * falls back to reading the whole fragment.
 */
export function fragmentUrl(bytes: Buffer, file: string): string {
  let head: Buffer | null = null;
  try {
    head = gunzipSync(bytes.subarray(0, 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    // Not inflatable from its first bytes: read the whole fragment below.
  }
  const prefix = `${FRAGMENT_SIGNATURE}{"url":`;
  if (head) {
    const text = head.toString('utf8');
    const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(prefix.length));
    if (text.startsWith(prefix) && m) return JSON.parse(m[0]) as string;
  }
  return decodeFragment(bytes, file).url;
}

/**
 * One word that Pagefind indexes as `first + second` and also as `first` and as `second`, all at its
 * position (2 above): both must be letters only and at least two long, or Pagefind splits them further
 * or drops them.
 */
export function compoundWord(first: string, second: string): string {
  return `${first}-${second}`;
}

// ---- The word index (5 above) ----

type Cbor = number | string | Cbor[];

/** Decodes the CBOR Pagefind writes (unsigned and negative integers, text, arrays; nothing else). */
function cborDecode(b: Uint8Array, at: number): [Cbor, number] {
  const head = b[at]!;
  const major = head >> 5;
  const info = head & 31;
  let p = at + 1;
  let n = info;
  if (info === 24) n = b[p++]!;
  else if (info === 25) (n = b[p]! * 0x100 + b[p + 1]!), (p += 2);
  else if (info === 26) (n = b[p]! * 0x1000000 + b[p + 1]! * 0x10000 + b[p + 2]! * 0x100 + b[p + 3]!), (p += 4);
  else if (info > 26) throw new Error(`Pagefind index: unexpected CBOR head 0x${head.toString(16)} (Pagefind's format changed?)`);
  if (major === 0) return [n, p];
  if (major === 1) return [-1 - n, p];
  if (major === 3) return [Buffer.from(b.buffer, b.byteOffset + p, n).toString('utf8'), p + n];
  if (major === 4) {
    const out: Cbor[] = [];
    for (let i = 0; i < n; i += 1) {
      const [v, q] = cborDecode(b, p);
      out.push(v);
      p = q;
    }
    return [out, p];
  }
  throw new Error(`Pagefind index: unexpected CBOR type ${major} (Pagefind's format changed?)`);
}

function cborHead(out: number[], major: number, n: number): void {
  const m = major << 5;
  if (n < 24) out.push(m | n);
  else if (n < 0x100) out.push(m | 24, n);
  else if (n < 0x10000) out.push(m | 25, n >> 8, n & 0xff);
  else out.push(m | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function cborEncodeInto(out: number[], v: Cbor): void {
  if (typeof v === 'number') cborHead(out, v < 0 ? 1 : 0, v < 0 ? -1 - v : v);
  else if (typeof v === 'string') {
    const bytes = Buffer.from(v, 'utf8');
    cborHead(out, 3, bytes.length);
    for (const x of bytes) out.push(x);
  } else {
    cborHead(out, 4, v.length);
    for (const x of v) cborEncodeInto(out, x);
  }
}

/** An index file's value: gzip of the signature and CBOR. */
export function decodeIndexFile(bytes: Uint8Array, file: string): Cbor {
  const raw = gunzipSync(bytes);
  if (raw.toString('latin1', 0, FRAGMENT_SIGNATURE.length) !== FRAGMENT_SIGNATURE) {
    throw new Error(`${file}: Pagefind index file without the "${FRAGMENT_SIGNATURE}" signature`);
  }
  const [value, end] = cborDecode(raw, FRAGMENT_SIGNATURE.length);
  if (end !== raw.length) throw new Error(`${file}: trailing bytes after the CBOR value (Pagefind's format changed?)`);
  return value;
}

export function encodeIndexFile(value: Cbor): Buffer {
  const out: number[] = [];
  cborEncodeInto(out, value);
  return gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE, 'latin1'), Buffer.from(out)]), { level: 9 });
}

/** Pagefind's `get_prefixes`: the shortest prefixes of two neighbouring chunks' last and first words that differ. */
function prefixes(a: string, b: string): [string, string] {
  const ca = [...a];
  const cb = [...b];
  let common = 0;
  while (common < ca.length && common < cb.length && ca[common] === cb[common]) common += 1;
  return [ca.slice(0, common + 1).join(''), cb.slice(0, common + 1).join('')];
}

/** Words in order, split into chunks as Pagefind's `chunk_index` does: until a chunk holds `limit` locations. */
export function chunkWords<W extends { size: number }>(words: readonly W[], limit: number): W[][] {
  const chunks: W[][] = [];
  let chunk: W[] = [];
  let size = 0;
  for (const word of words) {
    size += word.size;
    chunk.push(word);
    if (size >= limit) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** One word of a chunk, as its CBOR bytes: its text and its size in Pagefind's measure (locations + 1 a page). */
interface RawWord {
  word: string;
  size: number;
  bytes: Buffer;
}

/** A CBOR head: major type, argument, where the value's content starts. */
function headAt(b: Buffer, at: number): [number, number, number] {
  const head = b[at]!;
  const info = head & 31;
  if (info < 24) return [head >> 5, info, at + 1];
  if (info === 24) return [head >> 5, b[at + 1]!, at + 2];
  if (info === 25) return [head >> 5, b.readUInt16BE(at + 1), at + 3];
  if (info === 26) return [head >> 5, b.readUInt32BE(at + 1), at + 5];
  throw new Error(`Pagefind index: unexpected CBOR head 0x${head.toString(16)} (Pagefind's format changed?)`);
}

/** The end of the CBOR value at `at` (integers, text and arrays, as cborDecode). */
function skipValue(b: Buffer, at: number): number {
  const [major, n, p] = headAt(b, at);
  if (major === 0 || major === 1) return p;
  if (major === 3) return p + n;
  if (major !== 4) throw new Error(`Pagefind index: unexpected CBOR type ${major} (Pagefind's format changed?)`);
  let q = p;
  for (let i = 0; i < n; i += 1) q = skipValue(b, q);
  return q;
}

/**
 * The words of a chunk file without decoding their locations (a year's index has tens of millions): each
 * word's bytes are copied as they are into the new chunks; only the word and its size are read.
 */
function scanWords(bytes: Uint8Array, file: string): RawWord[] {
  const raw = gunzipSync(bytes);
  if (raw.toString('latin1', 0, FRAGMENT_SIGNATURE.length) !== FRAGMENT_SIGNATURE) {
    throw new Error(`${file}: Pagefind index file without the "${FRAGMENT_SIGNATURE}" signature`);
  }
  const bad = () => new Error(`${file}: not a Pagefind word-index chunk (Pagefind's format changed?)`);
  let [major, n, p] = headAt(raw, FRAGMENT_SIGNATURE.length);
  if (major !== 4 || n !== 1) throw bad();
  [major, n, p] = headAt(raw, p);
  if (major !== 4) throw bad();
  const words: RawWord[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = p;
    const [wm, fields, q] = headAt(raw, p);
    const [tm, length, text] = headAt(raw, q);
    if (wm !== 4 || fields < 2 || tm !== 3) throw bad();
    const word = raw.toString('utf8', text, text + length);
    const [pm, pages, pagesAt] = headAt(raw, text + length);
    if (pm !== 4) throw bad();
    let size = 0;
    let r = pagesAt;
    for (let j = 0; j < pages; j += 1) {
      const [am, pageFields, pageAt] = headAt(raw, r);
      if (am !== 4 || pageFields < 2) throw bad();
      const locsAt = skipValue(raw, pageAt);
      const [lm, locs] = headAt(raw, locsAt);
      if (lm !== 4) throw bad();
      size += locs + 1;
      r = pageAt;
      for (let k = 0; k < pageFields; k += 1) r = skipValue(raw, r);
    }
    for (let k = 2; k < fields; k += 1) r = skipValue(raw, r);
    p = r;
    words.push({ word, size, bytes: raw.subarray(start, p) });
  }
  if (p !== raw.length) throw bad();
  return words;
}

/** The words of a word-index chunk file and their locations (for measuring what a chunk holds). */
export function chunkWordSizes(bytes: Uint8Array, file: string): { word: string; locations: number }[] {
  return scanWords(bytes, file).map((w) => ({ word: w.word, locations: w.size }));
}

/** A chunk file of words given as their CBOR bytes: [[word, …]]. */
function encodeChunk(words: readonly RawWord[]): Buffer {
  const head: number[] = [0x81];
  cborHead(head, 4, words.length);
  return gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE, 'latin1'), Buffer.from(head), ...words.map((w) => w.bytes)]), {
    level: 9,
  });
}

export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** Pagefind's file name hash: "<language>_" + the first 7 hex digits of SHA-256, longer on a collision. */
function fileHash(language: string, bytes: Uint8Array, taken: Set<string>): string {
  const full = createHash('sha256').update(bytes).digest('hex');
  let n = 7;
  while (taken.has(`${language}_${full.slice(0, n)}`)) n += 1;
  const hash = `${language}_${full.slice(0, n)}`;
  taken.add(hash);
  return hash;
}

// ---- Merging parts into one index (6 above) ----

/** One page of a word's list: its (absolute) number, how many fields its entry has, the bytes after the number. */
interface Posting {
  page: number;
  fields: number;
  rest: Buffer;
}

/** A word's entry split into its parts. */
interface WordPostings {
  word: string;
  pages: Posting[];
  /** The entry's fields after its pages (Pagefind's word variants …), as bytes. */
  tail: Buffer;
  fields: number;
}

function cborHeadBytes(major: number, n: number): Buffer {
  const out: number[] = [];
  cborHead(out, major, n);
  return Buffer.from(out);
}

/** Reads a word entry's pages (numbers and the rest of each page entry) from its bytes. */
function postings(w: RawWord, file: string): WordPostings {
  const b = w.bytes;
  const bad = () => new Error(`${file}: not a Pagefind word entry (Pagefind's format changed?)`);
  const [wm, fields, q] = headAt(b, 0);
  const [tm, length, text] = headAt(b, q);
  if (wm !== 4 || fields < 2 || tm !== 3) throw bad();
  const [pm, count, pagesAt] = headAt(b, text + length);
  if (pm !== 4) throw bad();
  const pages: Posting[] = [];
  let r = pagesAt;
  let page = 0;
  for (let j = 0; j < count; j += 1) {
    const [am, fields, pageAt] = headAt(b, r);
    const [nm, delta, restAt] = headAt(b, pageAt);
    if (am !== 4 || fields < 2 || nm !== 0) throw bad();
    let end = restAt;
    for (let k = 1; k < fields; k += 1) end = skipValue(b, end);
    // Page numbers are written as the difference from the previous page of the list.
    page += delta;
    pages.push({ page, fields, rest: b.subarray(restAt, end) });
    r = end;
  }
  return { word: w.word, pages, tail: b.subarray(r), fields };
}

/** A word entry's bytes from its postings (absolute page numbers, in order; written as differences). */
function wordBytes(p: WordPostings): Buffer {
  const parts: Buffer[] = [cborHeadBytes(4, p.fields), cborHeadBytes(3, Buffer.byteLength(p.word)), Buffer.from(p.word, 'utf8'), cborHeadBytes(4, p.pages.length)];
  let previous = 0;
  for (const page of p.pages) {
    if (page.page < previous) throw new Error(`word ${p.word}: page numbers out of order`);
    parts.push(cborHeadBytes(4, page.fields), cborHeadBytes(0, page.page - previous), page.rest);
    previous = page.page;
  }
  parts.push(p.tail);
  return Buffer.concat(parts);
}

/** The words of one language of a bundle, in order, with their chunk files' paths (to be replaced). */
function bundleWords(byPath: Map<string, BundleFile>, meta: Cbor[]): { words: RawWord[]; paths: string[] } {
  const words: RawWord[] = [];
  const paths: string[] = [];
  for (const chunk of meta[2] as Cbor[][]) {
    const chunkPath = `index/${chunk[2] as string}.pf_index`;
    const file = byPath.get(chunkPath);
    if (!file) throw new Error(`Pagefind bundle without ${chunkPath} (Pagefind's format changed?)`);
    for (const w of scanWords(file.content, chunkPath)) words.push(w);
    paths.push(chunkPath);
  }
  return { words, paths };
}

/** A bundle's one language: its entry, its metadata and the files they name. */
function openBundle(files: readonly BundleFile[], what: string) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entryFile = byPath.get('pagefind-entry.json');
  if (!entryFile) throw new Error(`${what}: Pagefind bundle without pagefind-entry.json (Pagefind's format changed?)`);
  const entry = JSON.parse(Buffer.from(entryFile.content).toString('utf8')) as {
    version: string;
    languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  };
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${what}: a bundle of ${languages.length} languages cannot be merged`);
  const [language, info] = languages[0]!;
  const metaPath = `pagefind.${info.hash}.pf_meta`;
  const metaFile = byPath.get(metaPath);
  if (!metaFile) throw new Error(`${what}: Pagefind bundle without ${metaPath} (Pagefind's format changed?)`);
  const meta = decodeIndexFile(metaFile.content, metaPath) as Cbor[];
  if (meta.length < 5 || !Array.isArray(meta[1]) || !Array.isArray(meta[3]) || !Array.isArray(meta[4])) {
    throw new Error(`${what}: ${metaPath} is not [version, pages, chunks, filters, sorts, …] (Pagefind's format changed?)`);
  }
  if ((meta[4] as Cbor[]).length > 0) throw new Error(`${what}: Pagefind sorts cannot be merged (the index keeps its own sort tables)`);
  return { byPath, entry, language, info, metaPath, meta };
}

/** A filter chunk: [filter name, [[value, [page numbers]], …]]. */
function decodeFilter(bytes: Uint8Array, file: string): { name: string; values: [string, number[]][] } {
  const v = decodeIndexFile(bytes, file) as Cbor[];
  if (v.length !== 2 || typeof v[0] !== 'string' || !Array.isArray(v[1])) throw new Error(`${file}: not a Pagefind filter chunk (Pagefind's format changed?)`);
  return { name: v[0], values: (v[1] as Cbor[][]).map((x) => [x[0] as string, x[1] as number[]]) };
}

/**
 * One index from the bundles of several parts (each one Pagefind index of one language, built alone
 * because Pagefind holds a whole index in memory, index-builder.ts): a cold search then fetches one
 * metadata file and one chunk per word instead of one of each per part. The result is laid out as one
 * Pagefind bundle: the first part's language and code files, the pages of every part in order (page
 * numbers of a later part shifted by the pages before it; pages keep their names, which the parts'
 * distinct language tags keep unique), each word's page lists joined in part order, the word index
 * split into chunks of about `limit` locations (or of `limit(the index's locations)`), each filter's values joined; pages and chunks get short
 * names. Fragments are not given nor returned: the caller renames them (pageNames). With one bundle, it
 * re-splits and renames that one. Pages for which `isProfile` holds get PROFILE_MARK in their name (the
 * search page ranks them by it, src/client/search/search-engine.ts). With `uniformWordCounts`, every
 * page's word count is written as 1 (7 above).
 */
export function mergeBundles(
  bundles: readonly (readonly BundleFile[])[],
  limit: number | ((totalLocations: number) => number),
  isProfile: (page: string) => boolean = () => false,
  options: { uniformWordCounts?: boolean } = {},
): MergedBundle {
  if (bundles.length === 0) throw new Error('no bundle to merge');
  // A part without pages has an entry naming no language (and nothing else): it adds nothing.
  const languagesOf = (files: readonly BundleFile[]) => {
    const entry = files.find((f) => f.path === 'pagefind-entry.json');
    return entry ? Object.keys((JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages?: object }).languages ?? {}).length : 1;
  };
  const withPages = bundles.map((files, i) => ({ files, i })).filter(({ files }) => languagesOf(files) > 0);
  if (withPages.length === 0) {
    return { files: bundles[0]!.filter((f) => f.path === 'pagefind-entry.json'), pageNames: new Map(), chunkLocations: typeof limit === 'number' ? limit : limit(0) };
  }
  const opened = withPages.map(({ files, i }) => openBundle(files, `part ${i + 1}`));
  const first = opened[0]!;
  const pages: Cbor[][] = [];
  const offsets: number[] = [];
  for (const b of opened) {
    offsets.push(pages.length);
    for (const p of b.meta[1] as Cbor[][]) pages.push([...p]);
  }

  // Words: each part's are sorted; merge them in order, joining the lists of a word several parts have.
  const lists = opened.map((b, i) => bundleWords(b.byPath, b.meta).words.map((w) => ({ w, part: i })));
  const all = lists.flat().sort((a, b) => (a.w.word < b.w.word ? -1 : a.w.word > b.w.word ? 1 : a.part - b.part));
  const merged: RawWord[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && all[j]!.w.word === all[i]!.w.word) j += 1;
    const group = all.slice(i, j);
    if (group.length === 1 && group[0]!.part === 0) merged.push(group[0]!.w);
    else {
      const ps = group.map((g) => {
        const p = postings(g.w, `part ${g.part + 1} word ${g.w.word}`);
        for (const page of p.pages) page.page += offsets[g.part]!;
        return p;
      });
      const base = ps[0]!;
      for (const p of ps.slice(1)) {
        if (p.fields !== base.fields || !p.tail.equals(base.tail)) {
          throw new Error(`word ${base.word}: parts differ in the fields after its pages (Pagefind's format changed?)`);
        }
      }
      const joined: WordPostings = { ...base, pages: ps.flatMap((p) => p.pages) };
      merged.push({ word: base.word, size: group.reduce((n, g) => n + g.w.size, 0), bytes: wordBytes(joined) });
    }
    i = j;
  }

  const out: BundleFile[] = [];
  const taken = new Set<string>();
  const language = first.language;
  const chunkLocations = typeof limit === 'number' ? limit : limit(merged.reduce((n, w) => n + w.size, 0));
  const chunks = chunkWords(merged, chunkLocations).map((chunk) => ({ chunk, content: encodeChunk(chunk) }));
  // Short names (every page and chunk is named in the metadata a cold search loads: a content hash each
  // made half its bytes): a tag that changes with the index, so no cached file of another build is
  // mixed in, and a number in base 36.
  const tagHash = createHash('sha256');
  for (const p of pages) tagHash.update(`${p[0] as string}\n`);
  for (const c of chunks) tagHash.update(c.content);
  const tag = `${tagHash.digest('hex').slice(0, 4)}`;
  const pageNames = new Map<string, string>();
  pages.forEach((p, i) => {
    const name = `${tag}${isProfile(p[0] as string) ? PROFILE_MARK : ''}${i.toString(36)}`;
    pageNames.set(p[0] as string, name);
    p[0] = name;
    // A varying count (thousands of different numbers) is most of a page entry's bytes after gzip.
    if (options.uniformWordCounts) p[1] = 1;
  });
  const named: Cbor[][] = chunks.map(({ chunk, content }, i) => {
    const name = `${tag}${i.toString(36)}`;
    out.push({ path: `index/${name}.pf_index`, content });
    return [chunk[0]!.word, chunk[chunk.length - 1]!.word, name];
  });
  for (let i = 0; i + 1 < named.length; i += 1) {
    [named[i]![1], named[i + 1]![0]] = prefixes(named[i]![1] as string, named[i + 1]![0] as string);
  }

  // Filters: per name, each value's pages from every part, shifted.
  const filters = new Map<string, Map<string, number[]>>();
  opened.forEach((b, i) => {
    for (const f of b.meta[3] as Cbor[][]) {
      const filterPath = `filter/${f[1] as string}.pf_filter`;
      const file = b.byPath.get(filterPath);
      if (!file) throw new Error(`part ${i + 1}: Pagefind bundle without ${filterPath} (Pagefind's format changed?)`);
      const { name, values } = decodeFilter(file.content, filterPath);
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
    out.push({ path: `filter/${hash}.pf_filter`, content });
    return [name, hash];
  });

  // Fields after the sorts (1.6 has one more, empty here) must be the same in every part: kept as they are.
  const rest = first.meta.slice(5);
  for (const [i, b] of opened.entries()) {
    if (JSON.stringify(b.meta.slice(5)) !== JSON.stringify(rest)) throw new Error(`part ${i + 1}: metadata fields after the sorts differ from part 1's`);
  }
  const meta: Cbor[] = [first.meta[0]!, pages, named, filterMeta, [], ...rest];
  const metaContent = encodeIndexFile(meta);
  const metaHash = fileHash(language, metaContent, new Set());
  out.push({ path: `pagefind.${metaHash}.pf_meta`, content: metaContent });
  const entry = { ...first.entry, languages: { [language]: { ...first.info, hash: metaHash, page_count: pages.length } } };
  out.push({ path: 'pagefind-entry.json', content: Buffer.from(JSON.stringify(entry), 'utf8') });
  return { files: out, pageNames, chunkLocations };
}

export interface MergedBundle {
  /** The bundle's entry, metadata, word-index and filter files. */
  files: BundleFile[];
  /** Each page's new name (its fragment is `fragment/<name>.pf_fragment`, its result id the name). */
  pageNames: Map<string, string>;
  /** The locations a word-index chunk was cut at. */
  chunkLocations: number;
}
