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
 *    fills a chunk until it holds 20,000 locations, whatever the words; the merge (merge-bundles.ts) splits them finer.
 * 6. Merging (merge-bundles.ts): the metadata's pages are [name, word count, …], a word's page entry is [page
 *    number (its index in the metadata's pages) minus the previous entry's, locations, …], a filter chunk (`filter/<hash>.pf_filter`,
 *    named in the metadata's filters [name, hash]) is [name, [[value, [page numbers]], …]]; Pagefind's own
 *    sorts (the metadata's fifth field) are empty, since the index keeps its own sort tables; 1.6 writes a
 *    sixth field, empty here too, kept as it is.
 * 7. A page's word count (the second field of its metadata entry) only weighs Pagefind's BM25 score (page
 *    length): an exact phrase finds the same pages at the same positions whatever it is, and the search
 *    page ranks by position (src/client/search/search-engine.ts). The merge can write the same count
 *    for every page (`uniformWordCounts`), which makes the metadata every cold search loads ≈ 14 % smaller.
 * 8. What Pagefind writes for a custom record (direct-index.ts writes the same without Pagefind's indexer;
 *    tests/unit/search-direct-index.test.ts compares the two): each space-separated word of the content is
 *    one position; a word's locations on a page are positions as differences from the previous one, with
 *    the weight marker −(weight + 1) before the first and wherever the weight changes (24 for a word, 12
 *    for each part of a compound); a word entry is [word, pages, variants] and a page entry [page number
 *    difference, locations, meta locations] (variants and meta locations empty for our words); a page of
 *    the metadata is [name, word count (the content's words), ""]; filter chunks list page numbers as they
 *    are; pagefind-entry.json is {version, languages: {tag: {hash, wasm, page_count}}, include_characters}.
 * 9. A page entry of two fields, [page number difference, locations] with no weight marker among the
 *    locations, is read as Pagefind's own: the same pages at the same positions, in the same order (a
 *    missing marker is Pagefind's default weight, a missing third field no meta locations). The direct
 *    index writes its entries so (direct-index.ts); the merge copies entries of either form.
 * 10. The search looks a word up in the first chunk whose `from` ≤ word ≤ `to` (string order), and only
 *    when no chunk's range holds it, in the chunks whose bounds share its prefix: two, at a boundary.
 *    Pagefind's `to` is a prefix of the chunk's last word, so it is less than that word and than every
 *    word of the chunk that extends it, and each of those cost a cold search two chunks. The merge writes
 *    a `to` that no word of its chunk passes (chunkBounds): one chunk a word.
 * 11. A metadata page's third field, when not empty, names its fragment group: `result.data()` then fetches
 *    `fragment/<group>.pf_fragment` (gzip of the signature followed by a JSON object, page name →
 *    fragment) once for every page of the group and takes the page's fragment from it, instead of
 *    `fragment/<page name>.pf_fragment` (pagefind.js `loadFragment`). The merge groups the pages'
 *    fragments so (merge-bundles.ts `fragmentGroups`, merge-parts.ts; encodeFragmentGroup).
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

/** The JSON after the signature of an inflated fragment file (a fragment, or a group of them: `what`). */
function signedJson(raw: Buffer, file: string, what: string): unknown {
  const text = raw.toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`${file}: ${what} without the "${FRAGMENT_SIGNATURE}" signature`);
  }
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length));
}

/** A fragment's fields the search page reads, checked (Pagefind's format changed?). */
function checkedFragment(data: Fragment, file: string, page = ''): Fragment {
  if (typeof data?.url !== 'string' || typeof data.content !== 'string') {
    throw new Error(`${file}: Pagefind fragment${page && ` of page ${page}`} without url/content (Pagefind's format changed?)`);
  }
  return data;
}

/** Parses an inflated fragment. */
export function parseFragment(raw: Buffer, file: string): Fragment {
  return checkedFragment(signedJson(raw, file, 'Pagefind fragment') as Fragment, file);
}

/** Reads a fragment file's bytes. */
export function decodeFragment(bytes: Uint8Array, file: string): Fragment {
  return parseFragment(inflated(bytes, file, 'Pagefind fragment'), file);
}

/** A gzip file's bytes inflated, or an error naming the file and what it should have been. */
function inflated(bytes: Uint8Array, file: string, what: string): Buffer {
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new Error(`${file}: not a gzip ${what}`, { cause: err });
  }
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

/** A fragment group's file (11): the fragments of its pages by page name, gzip level 9 (a group is written once per build). */
export function encodeFragmentGroup(fragments: Record<string, Fragment>): Buffer {
  return gzipSync(Buffer.from(FRAGMENT_SIGNATURE + JSON.stringify(fragments), 'utf8'), { level: 9 });
}

/** Reads a fragment group's file (11): its pages' fragments by page name. */
export function decodeFragmentGroup(bytes: Uint8Array, file: string): Record<string, Fragment> {
  const group = signedJson(inflated(bytes, file, 'Pagefind fragment group'), file, 'Pagefind fragment group') as Record<string, Fragment>;
  for (const [name, f] of Object.entries(group)) checkedFragment(f, file, name);
  return group;
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

export type Cbor = number | string | Cbor[];

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
export function prefixes(a: string, b: string): [string, string] {
  const ca = [...a];
  const cb = [...b];
  let common = 0;
  while (common < ca.length && common < cb.length && ca[common] === cb[common]) common += 1;
  return [ca.slice(0, common + 1).join(''), cb.slice(0, common + 1).join('')];
}

/**
 * A chunk's `to` and the next chunk's `from` (10 above), from the chunk's last word and the next one's first.
 * `from` is Pagefind's: the shortest prefix of the next first word that tells it from the last word, so
 * greater than it. `to` is that same prefix where it is shorter than the next first word (greater than
 * every word of the chunk, less than every word of the next), else the last word itself. Either is as
 * short as Pagefind's own `to`, or the word the chunk ends with.
 */
export function chunkBounds(last: string, nextFirst: string): [string, string] {
  const [, from] = prefixes(last, nextFirst);
  return [from !== nextFirst ? from : last, from];
}

/**
 * Words in order, split into chunks as Pagefind's `chunk_index` does: until a chunk holds `limit` locations
 * (a part's own index, direct-index.ts; the merge cuts its chunks by the same rule as it writes them,
 * merge-bundles.ts ChunkWriter).
 */
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

export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** Pagefind's file name hash: "<language>_" + the first `digits` (7) hex digits of SHA-256, longer on a collision. */
export function fileHash(language: string, bytes: Uint8Array, taken: Set<string>, digits = 7): string {
  const full = createHash('sha256').update(bytes).digest('hex');
  let n = digits;
  while (taken.has(`${language}_${full.slice(0, n)}`)) n += 1;
  const hash = `${language}_${full.slice(0, n)}`;
  taken.add(hash);
  return hash;
}


// ---- Reading a bundle's word index one word at a time (5 and 6 above) ----

/**
 * CBOR heads are read into these two variables (readHead returns where the value's content starts) rather
 * than returned as a tuple: a merge reads one head per location of the index (tens of millions at 52,000
 * sheets), and a tuple each was a large share of the build's garbage.
 */
let headMajor = 0;
let headArg = 0;

/** The major type of the head readHead read last (a call, so that no check narrows it for the next read). */
function major(): number {
  return headMajor;
}

/** Reads the CBOR head at `at` into headMajor and headArg; returns where the value's content starts. */
function readHead(b: Buffer, at: number): number {
  const head = b[at]!;
  const info = head & 31;
  headMajor = head >> 5;
  if (info < 24) {
    headArg = info;
    return at + 1;
  }
  if (info === 24) {
    headArg = b[at + 1]!;
    return at + 2;
  }
  if (info === 25) {
    headArg = (b[at + 1]! << 8) | b[at + 2]!;
    return at + 3;
  }
  if (info === 26) {
    headArg = b.readUInt32BE(at + 1);
    return at + 5;
  }
  throw new Error(`Pagefind index: unexpected CBOR head 0x${head.toString(16)} (Pagefind's format changed?)`);
}

/** Where the CBOR value at `at` ends (integers, text and arrays: what a word index holds). */
function skipValue(b: Buffer, at: number): number {
  const p = readHead(b, at);
  const major = headMajor;
  const n = headArg;
  if (major === 0 || major === 1) return p;
  if (major === 3) return p + n;
  if (major !== 4) throw new Error(`Pagefind index: unexpected CBOR type ${major} (Pagefind's format changed?)`);
  let q = p;
  for (let i = 0; i < n; i += 1) q = skipValue(b, q);
  return q;
}

/**
 * The words of one bundle's word index, in order, one at a time: a chunk file is inflated only when its
 * first word is reached and dropped after its last, and a word is described by offsets into the chunk
 * (nothing is copied or decoded but the word's text and the numbers below), so a merge of many parts holds
 * one chunk of each at a time whatever the index's size. A word entry is [word, [[page number minus the
 * previous entry's, [locations], …], …], …] (5 and 6 above).
 */
export class WordCursor {
  /** The word (valid after next() returned true). */
  word = '';
  /** The inflated chunk holding it, and where its entry starts and ends. */
  buf: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  /** Where its text's bytes are. */
  textStart = 0;
  textEnd = 0;
  /** Its size in Pagefind's measure: locations + 1 a page. */
  size = 0;
  /** The entry's fields; its page entries (count, and where their list ends: after it, the tail fields). */
  fields = 0;
  pages = 0;
  pagesEnd = 0;
  /** Its first page entry: its fields, its number (as written: the page number), and where what follows the number starts. */
  firstFields = 0;
  firstPage = 0;
  firstRestAt = 0;
  /** Its last page number (the sum of the differences). */
  lastPage = 0;

  private chunk = 0;
  private left = 0;
  private at = 0;
  private file = '';

  private readonly chunks: readonly string[];
  private readonly read: (path: string) => Uint8Array;

  /** `chunks` are the bundle's chunk files in the metadata's order; `read` gives a file's (gzip) bytes. */
  constructor(chunks: readonly string[], read: (path: string) => Uint8Array) {
    this.chunks = chunks;
    this.read = read;
  }

  private bad(): Error {
    return new Error(`${this.file}: not a Pagefind word-index chunk (Pagefind's format changed?)`);
  }

  /** Moves to the next word; false after the last. */
  next(): boolean {
    while (this.left === 0) {
      if (this.file !== '' && this.at !== this.buf.length) throw this.bad();
      if (this.chunk >= this.chunks.length) return false;
      this.file = this.chunks[this.chunk++]!;
      const raw = gunzipSync(this.read(this.file));
      if (raw.toString('latin1', 0, FRAGMENT_SIGNATURE.length) !== FRAGMENT_SIGNATURE) {
        throw new Error(`${this.file}: Pagefind index file without the "${FRAGMENT_SIGNATURE}" signature`);
      }
      let p = readHead(raw, FRAGMENT_SIGNATURE.length);
      if (major() !== 4 || headArg !== 1) throw this.bad();
      p = readHead(raw, p);
      if (major() !== 4) throw this.bad();
      this.buf = raw;
      this.left = headArg;
      this.at = p;
    }
    const b = this.buf;
    const previous = this.word;
    this.start = this.at;
    const q = readHead(b, this.at);
    const fields = headArg;
    if (major() !== 4 || fields < 2) throw this.bad();
    const text = readHead(b, q);
    if (major() !== 3) throw this.bad();
    this.fields = fields;
    this.textStart = text;
    this.textEnd = text + headArg;
    this.word = b.toString('utf8', text, this.textEnd);
    // Each part's words are sorted (a merge relies on it), in the order of JavaScript's string comparison:
    // the index's words are letter codes (src/shared/search/tokens.ts), where it equals Pagefind's byte order.
    if (previous !== '' && previous >= this.word) throw new Error(`${this.file}: word ${this.word} after ${previous} (words out of order)`);
    const pagesAt = readHead(b, this.textEnd);
    if (major() !== 4) throw this.bad();
    const pages = headArg;
    this.pages = pages;
    let size = 0;
    let page = 0;
    let r = pagesAt;
    for (let j = 0; j < pages; j += 1) {
      const pageAt = readHead(b, r);
      const pageFields = headArg;
      if (major() !== 4 || pageFields < 2) throw this.bad();
      const restAt = readHead(b, pageAt);
      const delta = headArg;
      if (major() !== 0) throw this.bad();
      readHead(b, restAt);
      if (major() !== 4) throw this.bad();
      size += headArg + 1;
      page += delta;
      if (j === 0) {
        this.firstFields = pageFields;
        this.firstPage = delta;
        this.firstRestAt = restAt;
      }
      r = restAt;
      for (let k = 1; k < pageFields; k += 1) r = skipValue(b, r);
    }
    this.pagesEnd = r;
    for (let k = 2; k < fields; k += 1) r = skipValue(b, r);
    this.end = r;
    this.at = r;
    this.left -= 1;
    this.size = size;
    this.lastPage = page;
    return true;
  }
}

/** The words of a word-index chunk file and their locations (for measuring what a chunk holds). */
export function chunkWordSizes(bytes: Uint8Array, file: string): { word: string; locations: number }[] {
  const cursor = new WordCursor([file], () => bytes);
  const out: { word: string; locations: number }[] = [];
  while (cursor.next()) out.push({ word: cursor.word, locations: cursor.size });
  return out;
}

/**
 * Growable CBOR output for word-index chunks (unsigned and negative integers, ASCII text, arrays, and
 * bytes copied as they are): a part's chunks (direct-index.ts) and the merged ones (merge-bundles.ts).
 */
export class CborWriter {
  buf = Buffer.allocUnsafe(1 << 16);
  at = 0;

  #room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  head(major: number, n: number): void {
    this.#room(5);
    const m = major << 5;
    const b = this.buf;
    if (n < 24) b[this.at++] = m | n;
    else if (n < 0x100) (b[this.at++] = m | 24), (b[this.at++] = n);
    else if (n < 0x10000) (b[this.at++] = m | 25), b.writeUInt16BE(n, this.at), (this.at += 2);
    else (b[this.at++] = m | 26), b.writeUInt32BE(n, this.at), (this.at += 4);
  }

  int(v: number): void {
    if (v < 0) this.head(1, -1 - v);
    else this.head(0, v);
  }

  ascii(s: string): void {
    this.head(3, s.length);
    this.#room(s.length);
    this.at += this.buf.write(s, this.at, 'latin1');
  }

  copy(from: Buffer, start: number, end: number): void {
    this.#room(end - start);
    from.copy(this.buf, this.at, start, end);
    this.at += end - start;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }

  clear(): void {
    this.at = 0;
  }
}

/**
 * Writes one word's entry for the pages of several bundles, its cursors given in bundle order (the same
 * word in each), each bundle's page numbers shifted by its offset: every page entry is copied as it is but
 * the first of each bundle, whose number (a difference from the previous entry's) is written anew. The
 * fields after the pages must be the same in every bundle.
 */
export function writeJoinedWord(out: CborWriter, group: readonly WordCursor[], offsets: readonly number[]): void {
  const first = group[0]!;
  const tailLength = first.end - first.pagesEnd;
  let pages = 0;
  for (const c of group) {
    if (c.fields !== first.fields || c.end - c.pagesEnd !== tailLength || c.buf.compare(first.buf, first.pagesEnd, first.end, c.pagesEnd, c.end) !== 0) {
      throw new Error(`word ${first.word}: parts differ in the fields after its pages (Pagefind's format changed?)`);
    }
    pages += c.pages;
  }
  out.head(4, first.fields);
  out.head(3, first.textEnd - first.textStart);
  out.copy(first.buf, first.textStart, first.textEnd);
  out.head(4, pages);
  let previous = 0;
  group.forEach((c, i) => {
    if (c.pages === 0) return;
    const page = c.firstPage + offsets[i]!;
    if (page < previous) throw new Error(`word ${first.word}: page numbers out of order`);
    out.head(4, c.firstFields);
    out.head(0, page - previous);
    out.copy(c.buf, c.firstRestAt, c.pagesEnd);
    previous = c.lastPage + offsets[i]!;
  });
  out.copy(first.buf, first.pagesEnd, first.end);
}

/** A bundle's one language: its entry, its metadata and a reader of the files they name. */
export interface OpenedBundle {
  entry: { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
  language: string;
  info: { hash: string; wasm: string | null; page_count: number };
  meta: Cbor[];
  /** Its word-index chunk files, in order. */
  chunks: string[];
  read: (path: string) => Uint8Array;
}

/** Opens a bundle of one language (`read` gives a file's bytes by its path in the bundle; undefined when it has none). */
export function openBundle(read: (path: string) => Uint8Array | undefined, what: string): OpenedBundle {
  const need = (file: string): Uint8Array => {
    const bytes = read(file);
    if (!bytes) throw new Error(`${what}: Pagefind bundle without ${file} (Pagefind's format changed?)`);
    return bytes;
  };
  const entry = JSON.parse(Buffer.from(need('pagefind-entry.json')).toString('utf8')) as OpenedBundle['entry'];
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${what}: a bundle of ${languages.length} languages cannot be merged`);
  const [language, info] = languages[0]!;
  const metaPath = `pagefind.${info.hash}.pf_meta`;
  const meta = decodeIndexFile(need(metaPath), metaPath) as Cbor[];
  if (meta.length < 5 || !Array.isArray(meta[1]) || !Array.isArray(meta[2]) || !Array.isArray(meta[3]) || !Array.isArray(meta[4])) {
    throw new Error(`${what}: ${metaPath} is not [version, pages, chunks, filters, sorts, …] (Pagefind's format changed?)`);
  }
  if ((meta[4] as Cbor[]).length > 0) throw new Error(`${what}: Pagefind sorts cannot be merged (the index keeps its own sort tables)`);
  const chunks = (meta[2] as Cbor[][]).map((c) => `index/${c[2] as string}.pf_index`);
  return { entry, language, info, meta, chunks, read: (file) => need(file) };
}

/** A filter chunk: [filter name, [[value, [page numbers]], …]]. */
export function decodeFilter(bytes: Uint8Array, file: string): { name: string; values: [string, number[]][] } {
  const v = decodeIndexFile(bytes, file) as Cbor[];
  if (v.length !== 2 || typeof v[0] !== 'string' || !Array.isArray(v[1])) throw new Error(`${file}: not a Pagefind filter chunk (Pagefind's format changed?)`);
  return { name: v[0], values: (v[1] as Cbor[][]).map((x) => [x[0] as string, x[1] as number[]]) };
}
