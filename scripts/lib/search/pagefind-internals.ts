/**
 * Everything the search index relies on that Pagefind 1.6 does not document (its private formats and
 * behaviour), in one place; tests/unit/search-pagefind-contract.test.ts checks each against the installed
 * Pagefind and fails when an upgrade changes it:
 *
 * 1. Fragment files (`fragment/<page hash>.pf_fragment`): gzip of the signature "pagefind_dcd" followed
 *    by the page's JSON ({url, content, word_count, filters, meta, anchors}), `url` first. pagefind.js
 *    fetches one per displayed result. The indexer replaces each Pagefind makes before writing it, and
 *    finds its page from the URL at its start (build-part.ts).
 * 2. Compound words: a word with a "-" is indexed as the word without it and as each part of two or more
 *    characters, all at the word's position; a boundary between letters and digits splits a part too
 *    (pagefind/src/fossick/splitting.rs). The indexer writes a page's character words this way
 *    (compoundWord, index-content.ts).
 * 3. An exact phrase (`"w1 w2 …"`) finds a page where the words occur at consecutive positions, each word
 *    looked up whole (no prefix or stem), and a result's `words` holds the positions of its first match
 *    (src/components/search/search-engine.ts ranks by them).
 * 4. Pages are named "<language>_<hash>", so merged parts need distinct language tags (build-index.ts).
 * 5. The word index: `pagefind-entry.json` names each language's metadata file
 *    (`pagefind.<hash>.pf_meta`); that and the word-index chunks (`index/<hash>.pf_index`) are gzip of the
 *    signature followed by CBOR (minicbor, structs as arrays): the metadata is [version, pages,
 *    index chunks [from, to, hash], filters, sorts, …], a chunk is [[word, pages [page, locations,
 *    meta locations], variants], …] with the words sorted; a chunk's `from`/`to` are the shortest prefixes
 *    that tell it from its neighbours (pagefind/src/index/mod.rs, `chunk_index`, `chunk_meta`). Pagefind
 *    fills a chunk until it holds 20,000 locations, whatever the words; rechunkIndex splits them finer.
 */
import { createHash } from 'node:crypto';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

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

/**
 * The bundle with its word index re-split into chunks of at most about `limit` locations (a word with more
 * keeps a chunk of its own), the metadata and entry file rewritten to name them. A query fetches the
 * whole chunk of each of its words: Pagefind's 20,000-location chunks (≈ 25–35 KB) cost a rare bigram as
 * much as a common one. Everything else is passed through unchanged.
 */
export function rechunkIndex(files: readonly BundleFile[], limit: number): BundleFile[] {
  const entryFile = files.find((f) => f.path === 'pagefind-entry.json');
  if (!entryFile) throw new Error('Pagefind bundle without pagefind-entry.json (Pagefind\'s format changed?)');
  const entry = JSON.parse(Buffer.from(entryFile.content).toString('utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const byPath = new Map(files.map((f) => [f.path, f]));
  const replaced = new Set<string>(['pagefind-entry.json']);
  const added: BundleFile[] = [];
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = `pagefind.${info.hash}.pf_meta`;
    const metaFile = byPath.get(metaPath);
    if (!metaFile) throw new Error(`Pagefind bundle without ${metaPath} (Pagefind's format changed?)`);
    const meta = decodeIndexFile(metaFile.content, metaPath) as Cbor[];
    const oldChunks = meta[2] as Cbor[][];
    const words: RawWord[] = [];
    for (const chunk of oldChunks) {
      const chunkPath = `index/${chunk[2] as string}.pf_index`;
      const file = byPath.get(chunkPath);
      if (!file) throw new Error(`Pagefind bundle without ${chunkPath} (Pagefind's format changed?)`);
      for (const w of scanWords(file.content, chunkPath)) words.push(w);
      replaced.add(chunkPath);
    }
    const taken = new Set<string>();
    const named: Cbor[][] = chunkWords(words, limit).map((chunk) => {
      const content = encodeChunk(chunk);
      const hash = fileHash(language, content, taken);
      added.push({ path: `index/${hash}.pf_index`, content });
      return [chunk[0]!.word, chunk[chunk.length - 1]!.word, hash];
    });
    for (let i = 0; i + 1 < named.length; i += 1) {
      [named[i]![1], named[i + 1]![0]] = prefixes(named[i]![1] as string, named[i + 1]![0] as string);
    }
    meta[2] = named;
    const metaContent = encodeIndexFile(meta);
    const metaHash = fileHash(language, metaContent, new Set());
    replaced.add(metaPath);
    added.push({ path: `pagefind.${metaHash}.pf_meta`, content: metaContent });
    info.hash = metaHash;
  }
  added.push({ path: 'pagefind-entry.json', content: Buffer.from(JSON.stringify(entry), 'utf8') });
  return [...files.filter((f) => !replaced.has(f.path)), ...added];
}
