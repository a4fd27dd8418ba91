/**
 * One part's word index, filters and metadata, written directly in Node in the bundle layout Pagefind 1.6
 * writes (pagefind-internals.ts 5, 6 and 8), instead of handing the pages to Pagefind's indexer binary.
 * The pages' words are already ours (index-content.ts: letter codes, one word or pair of codes a position,
 * no stemming), so Pagefind's indexer would only split compounds, number positions and build postings;
 * doing that here costs a fraction of the binary's time and memory (docs/BENCHMARKS.md, "Writing the word
 * index in Node").
 *
 * What is written is exactly what Pagefind writes for the content indexContent makes of the same words
 * (tests/unit/search-direct-index.test.ts builds the same pages both ways and compares the merged result
 * word for word):
 *
 * - Each word given (a code alone, or a pair of codes) is one position, counted from 0; the page's word
 *   count is the number of positions. A compound pair "A-B" is indexed as AB at full weight and as A and
 *   as B at half weight, all at its position (2 in pagefind-internals.ts; our codes are letters only and
 *   at least two long, so Pagefind splits no part further and drops none).
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
import { gzipSync } from 'node:zlib';
import { CborWriter, chunkWords, encodeIndexFile, fileHash, FRAGMENT_SIGNATURE, type BundleFile } from './pagefind-internals.ts';
import { NO_CODE, wordText, type WordSink } from './index-content.ts';

/** Pagefind's weight of a word of a custom record's content (its default weight 1, stored as 24). */
export const FULL_WEIGHT = 24;
/** Pagefind's weight of each part of a compound word (half the word's). */
export const PART_WEIGHT = 12;
/** Locations a word-index chunk of a part holds, as Pagefind fills them. */
export const PAGEFIND_CHUNK_LOCATIONS = 20_000;

/**
 * A word's postings: per page [page number − previous, location count, locations …], flat, and where the
 * page being added stands.
 */
class WordList {
  pages = 0;
  lastPage = 0;
  data: number[] = [];
  /** Where the location count of the page being added is in `data` (−1: no page yet). */
  countAt = -1;
  /** The weight and position of the word's last location on that page. */
  weight = 0;
  position = 0;

  /** The word at `position` of page `page` (pages in order, positions in order within a page). */
  add(page: number, position: number, weight: number): void {
    const data = this.data;
    if (this.countAt < 0 || this.lastPage !== page) {
      data.push(page - this.lastPage, 0);
      this.countAt = data.length - 1;
      this.lastPage = page;
      this.pages += 1;
      this.weight = -1;
      this.position = 0;
    }
    if (this.weight !== weight) {
      data.push(-weight - 1);
      data[this.countAt]! += 1;
      this.weight = weight;
    }
    data.push(position - this.position);
    data[this.countAt]! += 1;
    this.position = position;
  }
}

/** What the index writes into its entry file besides the language (Pagefind's own fields, pagefind-runtime.ts). */
export interface EntryFields {
  version: string;
  /** The wasm named for the language (Pagefind writes null for und, and loads its "unknown" wasm). */
  wasm: string | null;
  /** Fields after `languages` (1.6: include_characters). */
  extra: Record<string, unknown>;
}

/** Index file bytes: gzip of the signature and the CBOR. Level 1: a part's files are read once by the merge. */
function indexFile(cbor: Buffer): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE, 'latin1'), cbor]), { level: 1 });
}

export class DirectIndex {
  readonly language: string;
  /**
   * Words by their codes' numbers (index-content.ts wordNumber), not by text: no string is made or
   * hashed per word of a page. A code's postings as a word alone, by its number.
   */
  readonly #single: (WordList | undefined)[] = [];
  /** A pair's postings, by its first code's number, then its second's. */
  readonly #pairs: (Map<number, WordList> | undefined)[] = [];
  readonly #filters = new Map<string, Map<string, number[]>>();
  /** Each page's name and word count, by page number. */
  readonly #pages: { name: string; wordCount: number }[] = [];

  constructor(language: string) {
    this.language = language;
  }

  /** Makes the arrays by code number long enough for `n`, one by one (a write far past the end would make V8 turn them into dictionaries). */
  #reach(n: number): void {
    while (this.#single.length <= n) {
      this.#single.push(undefined);
      this.#pairs.push(undefined);
    }
  }

  get pages(): number {
    return this.#pages.length;
  }

  /**
   * Adds a page given as its words (`walk` gives them to the sink in order, as index-content.ts's
   * indexWords does, and returns how many positions it gave) and its filters; returns the page's name
   * (its fragment is `fragment/<name>.pf_fragment`) and word count.
   */
  addPage(walk: (sink: WordSink) => number, filters: Record<string, readonly string[]>): { name: string; wordCount: number } {
    const page = this.#pages.length;
    const single = (code: number): WordList => (this.#single[code] ??= new WordList());
    const wordCount = walk((position, first, second, compound) => {
      this.#reach(first > second ? first : second);
      if (second === NO_CODE) {
        single(first).add(page, position, FULL_WEIGHT);
        return;
      }
      const pairs = (this.#pairs[first] ??= new Map());
      let list = pairs.get(second);
      if (list === undefined) {
        list = new WordList();
        pairs.set(second, list);
      }
      list.add(page, position, FULL_WEIGHT);
      if (compound) {
        single(first).add(page, position, PART_WEIGHT);
        single(second).add(page, position, PART_WEIGHT);
      }
    });
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
    this.#pages.push({ name, wordCount });
    return { name, wordCount };
  }

  /**
   * The bundle's files (entry, metadata, word-index chunks, filter chunks; not the fragments nor the
   * code files), once all pages are added: the postings are released as they are encoded, so it is
   * called once. Without pages, only an entry naming no language, as Pagefind writes it.
   */
  files(fields: EntryFields): BundleFile[] {
    const entry = (languages: object) => ({
      path: 'pagefind-entry.json',
      content: Buffer.from(JSON.stringify({ version: fields.version, languages, ...fields.extra }), 'utf8'),
    });
    if (this.#pages.length === 0) return [entry({})];
    const out: BundleFile[] = [];
    const taken = new Set<string>();
    const words: { word: string; list: WordList; size: number }[] = [];
    // Pagefind's measure of a word: its locations and one for each page.
    const put = (word: string, list: WordList) => words.push({ word, list, size: list.data.length - list.pages });
    this.#single.forEach((list, n) => list && put(wordText(n), list));
    this.#pairs.forEach((pairs, a) => pairs?.forEach((list, b) => put(wordText(a) + wordText(b), list)));
    words.sort((x, y) => (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
    // Codes are prefix-free, so no pair spells a code or another pair (src/shared/search/tokens.ts), and
    // EMPTY_PAGE_WORD (build-part.ts) is neither; one word twice would be two entries Pagefind never writes.
    for (let i = 1; i < words.length; i += 1) {
      if (words[i]!.word === words[i - 1]!.word) throw new Error(`search index: the word ${words[i]!.word} is made two ways`);
    }
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
      const name = fileHash(this.language, cbor, taken);
      out.push({ path: `index/${name}.pf_index`, content: indexFile(cbor) });
      return [chunk[0]!.word, chunk[chunk.length - 1]!.word, name];
    });
    this.#single.length = 0;
    this.#pairs.length = 0;
    const filters = [...this.#filters.keys()].sort().map((name) => {
      const values = [...this.#filters.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const content = encodeIndexFile([name, values]);
      const hash = fileHash(this.language, content, taken);
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
    const metaHash = fileHash(this.language, meta, new Set(), this.language.length + 8);
    out.push({ path: `pagefind.${metaHash}.pf_meta`, content: meta });
    out.push(entry({ [this.language]: { hash: metaHash, wasm: fields.wasm, page_count: this.#pages.length } }));
    return out;
  }
}
