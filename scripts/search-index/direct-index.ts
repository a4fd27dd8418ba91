/**
 * One part's word index, filters and metadata, written directly in Node in the bundle layout Pagefind 1.6
 * writes (pagefind-internals.ts 5, 6 and 8), instead of handing the pages to Pagefind's indexer binary.
 * The pages' words are already ours (index-content.ts: letter codes separated by spaces, "language" und-pN,
 * so Pagefind would only split compounds, number positions and build postings); doing that here costs a
 * fraction of the binary's time and memory (docs/BENCHMARKS.md, "Writing the word index in Node").
 *
 * What is written, exactly as Pagefind writes it for the same records (tests/unit/search-direct-index.test.ts
 * builds the same pages both ways and compares the merged result word for word):
 *
 * - Each space-separated word of a page's content is one position, counted from 0; the page's word count
 *   is the number of those words. A word "A-B" is indexed as AB at full weight and as A and as B at half
 *   weight, all at its position (2 in pagefind-internals.ts; our codes are letters only and at least two
 *   long, so no part is split further or dropped).
 * - A word's entry is [word, [[page number − the previous page's, locations, []], …], []]; a page's
 *   locations are the weight marker −(weight + 1) before the first location and wherever the weight
 *   changes, and each position as the difference from the previous one (8).
 * - Pages are numbered in the order they are added; a filter chunk lists each value's page numbers as
 *   they are (6).
 *
 * Postings are kept in Maps for one part only (≈ 1,000 pages: tens of MB), never for the whole site.
 * Chunk boundaries and file names need only be valid (the merge re-chunks and renames everything,
 * mergeBundles): chunks hold about PAGEFIND_CHUNK_LOCATIONS locations as Pagefind's do, files are named
 * "<language>_<content hash>" as Pagefind names them, pages "<language>_<page number>" (unique in the part,
 * and the parts' language tags differ, 4); a chunk's `from`/`to` are its first and last words.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chunkWords, encodeIndexFile, FRAGMENT_SIGNATURE, type BundleFile } from './pagefind-internals.ts';

/** Pagefind's weight of a word of the content (its default weight 1, stored as 24). */
export const FULL_WEIGHT = 24;
/** Pagefind's weight of each part of a compound word (half the word's). */
export const PART_WEIGHT = 12;
/** Locations a word-index chunk of a part holds, as Pagefind fills them. */
export const PAGEFIND_CHUNK_LOCATIONS = 20_000;
/**
 * What our content is not (index-content.ts writes words of letters, one "-" at most, single spaces):
 * anything else Pagefind would index by rules this writer does not follow. No nested quantifier, so the
 * check is linear on a page of any length.
 */
const NOT_CONTENT = /[^a-z -]|^[ -]|[ -]$|[ -][ -]|-[a-z]*-/;

/** A word's postings: per page [page number − previous, location count, locations …], flat. */
interface WordList {
  pages: number;
  lastPage: number;
  data: number[];
}

/** A word's locations on the page being added. */
interface PageWord {
  weight: number;
  last: number;
  locs: number[];
}

/** What the index writes into its entry file besides the language (Pagefind's own fields, pagefind-runtime.ts). */
export interface EntryFields {
  version: string;
  /** The wasm named for the language (Pagefind writes null for und, and loads its "unknown" wasm). */
  wasm: string | null;
  /** Fields after `languages` (1.6: include_characters). */
  extra: Record<string, unknown>;
}

/** Growable CBOR output for the word chunks (unsigned and negative integers, ASCII text, arrays). */
class CborWriter {
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

  bytes(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

/** Pagefind's file name: "<language>_" + the first hex digits of SHA-256 (7 by default), longer on a collision. */
function hashName(language: string, bytes: Uint8Array, taken: Set<string>, digits = 7): string {
  const full = createHash('sha256').update(bytes).digest('hex');
  let n = digits;
  while (taken.has(`${language}_${full.slice(0, n)}`)) n += 1;
  const name = `${language}_${full.slice(0, n)}`;
  taken.add(name);
  return name;
}

/** Index file bytes: gzip of the signature and the CBOR. Level 1: a part's files are read once by the merge. */
function indexFile(cbor: Buffer): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE, 'latin1'), cbor]), { level: 1 });
}

export class DirectIndex {
  readonly language: string;
  readonly #words = new Map<string, WordList>();
  readonly #filters = new Map<string, Map<string, number[]>>();
  /** Each page's name and word count, by page number. */
  readonly #pages: { name: string; wordCount: number }[] = [];

  constructor(language: string) {
    this.language = language;
  }

  get pages(): number {
    return this.#pages.length;
  }

  /**
   * Adds a page with its content (space-separated words, as index-content.ts writes them; not empty) and
   * its filters; returns the page's name (its fragment is `fragment/<name>.pf_fragment`) and word count.
   */
  addPage(content: string, filters: Record<string, readonly string[]>): { name: string; wordCount: number } {
    if (content === '' || NOT_CONTENT.test(content)) throw new Error(`search index: content that is not letter-code words: "${content.slice(0, 80)}"`);
    const page = this.#pages.length;
    const local = new Map<string, PageWord>();
    const put = (word: string, position: number, weight: number) => {
      let w = local.get(word);
      if (w === undefined) {
        w = { weight: -1, last: 0, locs: [] };
        local.set(word, w);
      }
      if (w.weight !== weight) {
        w.locs.push(-weight - 1);
        w.weight = weight;
      }
      w.locs.push(position - w.last);
      w.last = position;
    };
    let position = 0;
    for (let start = 0; start <= content.length; position += 1) {
      let end = content.indexOf(' ', start);
      if (end < 0) end = content.length;
      const word = content.slice(start, end);
      const dash = word.indexOf('-');
      if (dash < 0) put(word, position, FULL_WEIGHT);
      else {
        const first = word.slice(0, dash);
        const second = word.slice(dash + 1);
        put(first + second, position, FULL_WEIGHT);
        put(first, position, PART_WEIGHT);
        put(second, position, PART_WEIGHT);
      }
      start = end + 1;
    }
    for (const [word, w] of local) {
      let list = this.#words.get(word);
      if (list === undefined) {
        list = { pages: 0, lastPage: 0, data: [] };
        this.#words.set(word, list);
      }
      const data = list.data;
      data.push(page - list.lastPage, w.locs.length);
      for (const loc of w.locs) data.push(loc);
      list.lastPage = page;
      list.pages += 1;
    }
    for (const [name, values] of Object.entries(filters)) {
      for (const value of values) {
        let byValue = this.#filters.get(name);
        if (byValue === undefined) {
          byValue = new Map();
          this.#filters.set(name, byValue);
        }
        const list = byValue.get(value);
        if (list === undefined) byValue.set(value, [page]);
        else list.push(page);
      }
    }
    const name = `${this.language}_${page.toString(36)}`;
    this.#pages.push({ name, wordCount: position });
    return { name, wordCount: position };
  }

  /**
   * The bundle's files (entry, metadata, word-index chunks, filter chunks; not the fragments nor the
   * code files). Without pages, only an entry naming no language, as Pagefind writes it.
   */
  files(fields: EntryFields): BundleFile[] {
    const entry = (languages: object) => ({
      path: 'pagefind-entry.json',
      content: Buffer.from(JSON.stringify({ version: fields.version, languages, ...fields.extra }), 'utf8'),
    });
    if (this.#pages.length === 0) return [entry({})];
    const out: BundleFile[] = [];
    const taken = new Set<string>();
    const words = [...this.#words.keys()].sort().map((word) => {
      const list = this.#words.get(word)!;
      // Pagefind's measure of a word: its locations and one for each page.
      return { word, list, size: list.data.length - list.pages };
    });
    const chunks: [string, string, string][] = chunkWords(words, PAGEFIND_CHUNK_LOCATIONS).map((chunk) => {
      const w = new CborWriter();
      w.head(4, 1);
      w.head(4, chunk.length);
      for (const { word, list } of chunk) {
        w.head(4, 3);
        w.ascii(word);
        w.head(4, list.pages);
        const d = list.data;
        for (let i = 0; i < d.length; ) {
          w.head(4, 3);
          w.head(0, d[i]!);
          const n = d[i + 1]!;
          w.head(4, n);
          for (let k = i + 2; k < i + 2 + n; k += 1) w.int(d[k]!);
          // No meta locations: the pages have no metadata in the index (build-part.ts).
          w.head(4, 0);
          i += 2 + n;
        }
        // No variants: our words have no diacritics.
        w.head(4, 0);
      }
      const cbor = w.bytes();
      const name = hashName(this.language, cbor, taken);
      out.push({ path: `index/${name}.pf_index`, content: indexFile(cbor) });
      return [chunk[0]!.word, chunk[chunk.length - 1]!.word, name];
    });
    this.#words.clear();
    const filters = [...this.#filters.keys()].sort().map((name) => {
      const values = [...this.#filters.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const content = encodeIndexFile([name, values]);
      const hash = hashName(this.language, content, taken);
      out.push({ path: `filter/${hash}.pf_filter`, content });
      return [name, hash];
    });
    const meta = encodeIndexFile([
      fields.version,
      this.#pages.map((p) => [p.name, p.wordCount, '']),
      chunks,
      filters,
      // Pagefind's sorts (the index keeps its own sort tables) and 1.6's sixth field, empty as it writes them.
      [],
      [],
    ]);
    // Pagefind names the metadata with as many hex digits as the language tag has letters, plus 8.
    const metaHash = hashName(this.language, meta, new Set(), this.language.length + 8);
    out.push({ path: `pagefind.${metaHash}.pf_meta`, content: meta });
    out.push(entry({ [this.language]: { hash: metaHash, wasm: fields.wasm, page_count: this.#pages.length } }));
    return out;
  }
}
