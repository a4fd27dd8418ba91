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
 * word for word), but for the two rules below:
 *
 * - Each word given (a code alone, or a pair of codes) is one position, counted from 0; the page's word
 *   count is the number of positions. A compound pair "A-B" is indexed as AB at its position, and as A
 *   and as B (2 in pagefind-internals.ts; our codes are letters only and at least two long, so Pagefind
 *   splits no part further and drops none).
 * - A word's entry is [word, [[page number − the previous page's, locations], …], []]; a page's locations
 *   are each position as the difference from the previous one (8).
 * - Pages are numbered in the order they are added; a filter chunk lists each value's page numbers as
 *   they are (6).
 *
 * The two rules, on purpose:
 *
 * - A compound's parts (the character words, which answer one-character terms, index-content.ts) are
 *   written once a page, at their first position but at most PART_POSITION_CAP, where Pagefind writes each
 *   at every compound's position. A one-character term is a one-word phrase, which matches wherever the
 *   word is; its position only ranks the results (src/client/search/search-engine.ts): a page naming the
 *   character in its first positions (a sheet's 事業名 and 府省庁) comes first, the others after, in page
 *   order. The first occurrence's position was a large, different number on every page: 20 % of the word
 *   index's bytes at 52,000 sheets (docs/BENCHMARKS.md, "Character words at position 0").
 * - A page entry has no weight marker and no meta locations: Pagefind writes [difference,
 *   [−(weight + 1), locations…], []] (weight 24 for a word, 12 for a compound's part); its search reads a
 *   missing marker as its default weight and a missing third field as no meta locations (9 in
 *   pagefind-internals.ts). The search page never reads a weight: it ranks by position, and Pagefind
 *   scores every hit of an exact phrase alike. The marker and the empty list were 8 % of the word index's
 *   bytes after gzip at 52,000 sheets (docs/BENCHMARKS.md, "Under 10⁹ bytes").
 *
 * Postings are kept for one part only (≈ 1,000 pages: ≈ 10 million locations, ≈ 150 MB at a year of RS sheets), never for the whole site.
 * Chunk boundaries and file names need only be valid (the merge re-chunks and renames everything,
 * mergeBundles): chunks hold about PAGEFIND_CHUNK_LOCATIONS locations as Pagefind's do, files are named
 * "<language>_<content hash>" as Pagefind names them, pages "<language>_<page number>" (unique in the part,
 * and the parts' language tags differ, 4); a chunk's `from`/`to` are its first and last words.
 */
import { gzipSync } from 'node:zlib';
import { CborWriter, chunkWords, encodeIndexFile, fileHash, FRAGMENT_SIGNATURE, type BundleFile } from './pagefind-internals.ts';
import { NO_CODE, wordText, type WordSink } from './index-content.ts';

/**
 * Where a compound's part is written at most (see the header): beyond the first characters of a page (a
 * sheet page's 事業名 and 府省庁, the ≈ 30 characters search-engine.ts's PROFILE_RANK_OFFSET counts on),
 * where a character first occurs does not rank it. On the sample, a cap of 32 keeps 95 % of what writing
 * every part at 0 saves.
 */
export const PART_POSITION_CAP = 32;
/** Locations a word-index chunk of a part holds, as Pagefind fills them. */
export const PAGEFIND_CHUNK_LOCATIONS = 20_000;

/** Positions a page may have (an Int32, far beyond any page). */
const MAX_POSITION = 2 ** 31;

/**
 * Every location of the part's pages in the order they are given: its word's number (a number of this
 * index), its page and its position. Appended in turn to typed arrays, not to a list per
 * word: a JS array per word, growing by push, made every location a write to a different place in a large
 * heap (the words of 1,000 sheet pages of a year took 2.2–2.7 s to add, 0.84–0.96 s this way;
 * docs/BENCHMARKS.md). The word lists are made once, when the files are written (DirectIndex.files, a
 * counting sort).
 */
class Locations {
  word = new Int32Array(1 << 16);
  page = new Int32Array(1 << 16);
  position = new Int32Array(1 << 16);
  length = 0;

  add(word: number, page: number, position: number): void {
    if (this.length === this.word.length) this.#grow();
    if (position >= MAX_POSITION) throw new Error(`search index: a page with more than ${MAX_POSITION} words`);
    const i = this.length++;
    this.word[i] = word;
    this.page[i] = page;
    this.position[i] = position;
  }

  /** Drops every location (and the memory they held). */
  clear(): void {
    this.word = new Int32Array(0);
    this.page = new Int32Array(0);
    this.position = new Int32Array(0);
    this.length = 0;
  }

  #grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(Math.max(a.length * 2, 1 << 16));
      b.set(a);
      return b;
    };
    this.word = grow(this.word);
    this.page = grow(this.page);
    this.position = grow(this.position);
  }
}

/**
 * The locations of each word, one after the other in word-number order (pages in order, positions in the
 * order given within a page): `start[w]` … `start[w + 1]` − 1 are word w's, in `page` and `position`.
 */
interface WordRuns {
  start: Int32Array;
  page: Int32Array;
  position: Int32Array;
}

/** A counting sort of the locations by word number, stable: each word's locations keep their order. */
function wordRuns(locations: Locations, words: number): WordRuns {
  const n = locations.length;
  const start = new Int32Array(words + 1);
  for (let i = 0; i < n; i += 1) start[locations.word[i]! + 1]! += 1;
  for (let w = 0; w < words; w += 1) start[w + 1]! += start[w]!;
  const next = start.slice(0, words);
  const page = new Int32Array(n);
  const position = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const k = next[locations.word[i]!]!++;
    page[k] = locations.page[i]!;
    position[k] = locations.position[i]!;
  }
  return { start, page, position };
}

/** A word's size in Pagefind's measure (its locations, and one for each page) and its pages. */
function runSize(runs: WordRuns, w: number): { size: number; pages: number } {
  let pages = 0;
  let page = -1;
  for (let k = runs.start[w]!; k < runs.start[w + 1]!; k += 1) {
    if (runs.page[k] !== page) {
      page = runs.page[k]!;
      pages += 1;
    }
  }
  return { size: runs.start[w + 1]! - runs.start[w]! + pages, pages };
}

/** Writes word w's page entries: [page number − the previous page's, [locations]] each (see the header). */
function writeRun(w: CborWriter, runs: WordRuns, word: number): void {
  const end = runs.start[word + 1]!;
  let lastPage = 0;
  for (let k = runs.start[word]!; k < end; ) {
    const page = runs.page[k]!;
    let pageEnd = k;
    while (pageEnd < end && runs.page[pageEnd] === page) pageEnd += 1;
    w.head(4, 2);
    w.head(0, page - lastPage);
    w.head(4, pageEnd - k);
    let position = 0;
    for (; k < pageEnd; k += 1) {
      const at = runs.position[k]!;
      w.int(at - position);
      position = at;
    }
    lastPage = page;
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
   * hashed per word of a page. Each word gets a number of this index as it first comes: a code alone by
   * its number (−1: none yet), a pair by its first code's number, then its second's.
   */
  #single = new Int32Array(1 << 12).fill(-1);
  readonly #pairs: (Map<number, number> | undefined)[] = [];
  /** Each word's codes, by its number in this index (second NO_CODE for a code alone). */
  readonly #wordFirst: number[] = [];
  readonly #wordSecond: number[] = [];
  /** By code number: the last page its character word was given its one location as a part on (−1: none yet). */
  #partPage = new Int32Array(1 << 12).fill(-1);
  readonly #locationsOf = new Locations();
  readonly #filters = new Map<string, Map<string, number[]>>();
  /** Each page's name and word count, by page number. */
  readonly #pages: { name: string; wordCount: number }[] = [];
  #locations = 0;

  constructor(language: string) {
    this.language = language;
  }

  /**
   * Makes the tables by code number long enough for `n`: the typed ones by doubling, #pairs one entry at a
   * time (a write far past a JS array's end would make V8 turn it into a dictionary).
   */
  #reach(n: number): void {
    if (n >= this.#single.length) {
      const size = Math.max(this.#single.length * 2, n + 1);
      const grown = (table: Int32Array) => {
        const t = new Int32Array(size).fill(-1);
        t.set(table);
        return t;
      };
      this.#single = grown(this.#single);
      this.#partPage = grown(this.#partPage);
    }
    while (this.#pairs.length <= n) this.#pairs.push(undefined);
  }

  #newWord(first: number, second: number): number {
    this.#wordFirst.push(first);
    this.#wordSecond.push(second);
    return this.#wordFirst.length - 1;
  }

  #singleWord(code: number): number {
    let w = this.#single[code]!;
    if (w < 0) this.#single[code] = w = this.#newWord(code, NO_CODE);
    return w;
  }

  /**
   * A compound's part, the character word of `code`, on `page`: once a page, at its first position (the
   * first compound naming it comes first) but at most PART_POSITION_CAP (see the header).
   */
  #addPart(code: number, page: number, position: number): void {
    if (this.#partPage[code] === page) return;
    this.#partPage[code] = page;
    this.#locationsOf.add(this.#singleWord(code), page, Math.min(position, PART_POSITION_CAP));
  }

  get pages(): number {
    return this.#pages.length;
  }

  /** The word index's locations in Pagefind's measure (a word's locations and one a page), once files() ran. */
  get locations(): number {
    return this.#locations;
  }

  /**
   * Adds a page given as its words (`walk` gives them to the sink in order, as index-content.ts's
   * indexWords does, and returns how many positions it gave) and its filters; returns the page's name
   * (its fragment is `fragment/<name>.pf_fragment`) and word count.
   */
  addPage(walk: (sink: WordSink) => number, filters: Record<string, readonly string[]>): { name: string; wordCount: number } {
    const page = this.#pages.length;
    const locations = this.#locationsOf;
    const wordCount = walk((position, first, second, compound) => {
      this.#reach(first > second ? first : second);
      if (second === NO_CODE) {
        locations.add(this.#singleWord(first), page, position);
        return;
      }
      const pairs = (this.#pairs[first] ??= new Map());
      let word = pairs.get(second);
      if (word === undefined) {
        word = this.#newWord(first, second);
        pairs.set(second, word);
      }
      locations.add(word, page, position);
      if (compound) {
        this.#addPart(first, page, position);
        this.#addPart(second, page, position);
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
    const runs = wordRuns(this.#locationsOf, this.#wordFirst.length);
    const words: { word: string; n: number; size: number; pages: number }[] = this.#wordFirst.map((first, n) => {
      const second = this.#wordSecond[n]!;
      return { word: second === NO_CODE ? wordText(first) : wordText(first) + wordText(second), n, ...runSize(runs, n) };
    });
    words.sort((x, y) => (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
    for (const w of words) this.#locations += w.size;
    // Codes are prefix-free, so no pair spells a code or another pair (src/shared/search/tokens.ts), and
    // EMPTY_PAGE_WORD (build-part.ts) is neither; one word twice would be two entries Pagefind never writes.
    for (let i = 1; i < words.length; i += 1) {
      if (words[i]!.word === words[i - 1]!.word) throw new Error(`search index: the word ${words[i]!.word} is made two ways`);
    }
    const chunks: [string, string, string][] = chunkWords(words, PAGEFIND_CHUNK_LOCATIONS).map((chunk) => {
      const w = new CborWriter();
      w.head(4, 1);
      w.head(4, chunk.length);
      for (const { word, n, pages } of chunk) {
        w.head(4, 3);
        w.ascii(word);
        w.head(4, pages);
        writeRun(w, runs, n);
        // No variants: our words have no diacritics.
        w.head(4, 0);
      }
      const cbor = w.bytes();
      const name = fileHash(this.language, cbor, taken);
      out.push({ path: `index/${name}.pf_index`, content: indexFile(cbor) });
      return [chunk[0]!.word, chunk[chunk.length - 1]!.word, name];
    });
    // Released once encoded: files() is called once.
    this.#locationsOf.clear();
    this.#pairs.length = 0;
    this.#wordFirst.length = 0;
    this.#wordSecond.length = 0;
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
