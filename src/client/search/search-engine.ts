/**
 * The search page's engine (browser only): loads the Pagefind bundle(s) the indexer wrote
 * (scripts/build-search.ts; layout in ./manifest.ts) and answers a query exactly as the matching contract
 * in src/shared/search/tokens.ts says:
 *
 * - each term is one exact-phrase Pagefind search over its bigram words (a one-character term: its
 *   character word; over its character words when the manifest's `words` says the index has those); a
 *   page is a hit when it matches
 *   every term (the id sets are intersected here, so several terms need not be adjacent);
 * - relevance order is where the match is: Pagefind scores every exact hit alike but reports the word
 *   position of the first match, and sheet pages are laid out alike (事業名, the summary, 目的 and 概要
 *   first; tables and payees later), so a page naming the term in its title or summary comes before one
 *   that mentions it in passing far down. With several terms, the position where the last of them has
 *   first appeared counts (a word position is a character offset of the page's text; a one-character
 *   term's, its first occurrence but at most PART_POSITION_CAP: scripts/search-index/direct-index.ts). Equal positions keep
 *   Pagefind's order, the index's: sheet pages before continuation pages (indexRank,
 *   src/shared/search/page-kind.ts), so a project's sheets come before its lists of payees; a payee profile counts as matched PROFILE_RANK_OFFSET further
 *   down. This costs nothing beyond the exact searches (a second,
 *   BM25-scored Pagefind search took ten times as long on common terms: it returns every occurrence on
 *   every page);
 * - sorting by a key uses the parts' sort tables (fetched on first use), so it is global across merged
 *   parts, and pages without a value come last in both directions;
 * - filters are Pagefind filters, applied inside each search;
 * - a `deferred` part of the index (the payee profiles, src/shared/search/manifest.ts) is not searched until
 *   loadDeferred() merges it, which the search page calls once the first results are shown. Its pages
 *   have no filters nor sort keys, so only a search with words and no filter wants it (wantsDeferred).
 *
 * Pagefind's own query processing (word segmentation chosen from `<html lang>`) never matters here: every
 * word sent is lower-case ASCII.
 */
import { exactQuery, SEARCH_WORDS } from '../../shared/search/tokens.ts';
import { MANIFEST_FILE, MANIFEST_FORMAT, PROFILE_MARK, SORTS_FILE, type SearchManifest, type SearchPart, type SortTable } from '../../shared/search/manifest.ts';

/**
 * A payee profile's text is its name first: matched there, it is ranked as if it began this many
 * characters down, after the sheets naming the term in their 事業名 (the first ≈ 30 characters of a sheet
 * page) and before those that name it only further down (the summary's 最大の支出先, the payee tables).
 * Without it a short common term (国, 独立行政法人) would list dozens of profiles before any sheet.
 */
const PROFILE_RANK_OFFSET = 30;

interface PagefindResult {
  id: string;
  score: number;
  /** Word positions of the match: with an exact search, those of its first match only (a one-word phrase too). */
  words: number[];
  data: () => Promise<PagefindData>;
}

interface PagefindResponse {
  results: PagefindResult[];
}

/** What pagefind.js returns from `result.data()` for a fragment written by the indexer. */
interface PagefindData {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort?: Record<string, number>;
}

/** One search over a bundle and those merged into it (pagefind.js `createInstance`). */
interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** A deferred part's pages (payee profiles) have words only: no filter values, no sort keys. */
function couldFindDeferred(query: SearchQuery): boolean {
  return query.terms.length > 0 && Object.keys(query.filters).length === 0;
}

/** A Pagefind instance of the bundle the module was loaded from, with `parts` merged into it. */
async function openInstance(module: PagefindModule, base: string, parts: readonly SearchPart[]): Promise<PagefindInstance> {
  // Search on the page's own thread: Pagefind's Web Worker (its default since 1.5) costs a cold search
  // one more request and ≈ 42 KB of script, and our exact-phrase queries are short work.
  const instance = module.createInstance({ noWorker: true });
  await instance.init();
  for (const part of parts) await instance.mergeIndex(`${base}${part.path}`);
  return instance;
}

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  key: string;
  direction: SortDirection;
}

export interface SearchQuery {
  /** Terms in queryTerms() form; all must match. */
  terms: string[];
  /** Filter name → required value. */
  filters: Record<string, string>;
  /** `null`: by relevance (or, without terms, by the manifest's default key). */
  sort: SortSpec | null;
}

/** One page of the site as a result. */
export interface ResultPage {
  /** URL path on the site (base included). */
  url: string;
  /** The page's indexed text, whitespace collapsed (for excerpts). */
  text: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort: Record<string, number>;
}

export interface Hit {
  id: string;
  load: () => Promise<ResultPage>;
}

export interface SearchOutcome {
  /** Every matching page, in display order. */
  hits: Hit[];
  /** The order actually used. */
  sort: SortSpec | null;
}

/** Sort used when there are no terms to rank by (browsing with filters only). */
const BROWSE_SORT: SortSpec = { key: 'budget', direction: 'desc' };

export class SearchEngine {
  readonly manifest: SearchManifest;
  /** `null` when the index has no pages (Pagefind cannot open an index without a language). */
  private readonly module: PagefindModule | null;
  /** The parts searched from the start (merged when the engine opens). */
  private readonly opened: SearchPart[];
  /** `null` when the index has no pages. */
  private instance: Promise<PagefindInstance> | null;
  private readonly bundleBase: string;
  private sortTables: Promise<Map<string, (number | null)[]>> | null = null;
  /** Deferred parts not merged yet (loadDeferred()). */
  private deferred: SearchPart[];
  private deferredLoad: Promise<void> | null = null;
  /** A deferred part could not be loaded: searches go on without it (loadDeferred). */
  private deferredFailed = false;

  private constructor(
    module: PagefindModule | null,
    instance: PagefindInstance | null,
    bundleBase: string,
    manifest: SearchManifest,
    opened: SearchPart[],
    deferred: SearchPart[],
  ) {
    this.module = module;
    this.instance = instance === null ? null : Promise.resolve(instance);
    this.opened = opened;
    this.bundleBase = bundleBase;
    this.manifest = manifest;
    this.deferred = deferred;
  }

  /** Opens the index under `bundleBase` (the site's `<base>pagefind/`), by its manifest when the page carries it. */
  static async open(bundleBase: string, embedded: SearchManifest | null = null): Promise<SearchEngine> {
    const base = bundleBase.endsWith('/') ? bundleBase : `${bundleBase}/`;
    let manifest = embedded;
    if (manifest === null) {
      const res = await fetch(`${base}${MANIFEST_FILE}`);
      if (!res.ok) throw new Error(`search index not found (${res.status} ${base}${MANIFEST_FILE})`);
      manifest = (await res.json()) as SearchManifest;
    }
    if (manifest.format !== MANIFEST_FORMAT || manifest.parts.length === 0 || !SEARCH_WORDS.includes(manifest.words)) {
      throw new Error(`unsupported search index format ${String(manifest.format)}`);
    }
    if (manifest.pages === 0) return new SearchEngine(null, null, base, manifest, [], []);
    const [first, ...others] = manifest.parts;
    const rest = others.filter((p) => !p.deferred);
    const module = (await import(/* @vite-ignore */ `${base}${first!.path}pagefind.js`)) as PagefindModule;
    const instance = await openInstance(module, base, rest);
    return new SearchEngine(module, instance, base, manifest, rest, others.filter((p) => p.deferred));
  }

  /** Whether `query` could find more pages once the deferred parts are loaded: it has words and no filter. */
  wantsDeferred(query: SearchQuery): boolean {
    return this.deferred.length > 0 && couldFindDeferred(query);
  }

  /** Whether `query` would have found pages of a deferred part that could not be loaded. */
  missesDeferred(query: SearchQuery): boolean {
    return this.deferredFailed && couldFindDeferred(query);
  }

  /**
   * Merges the deferred parts into the index (once); later searches search them too. When one cannot be
   * loaded, it rejects, and the engine goes on without the deferred parts (not tried again in this page
   * view): Pagefind keeps a bundle that failed to open among those it searches, and every later search
   * would fail on it, so the search starts again from a new instance of the parts opened first (its wasm
   * and metadata fetched again).
   */
  loadDeferred(): Promise<void> {
    this.deferredLoad ??= (async () => {
      const instance = await this.instance!;
      try {
        for (const part of this.deferred) await instance.mergeIndex(`${this.bundleBase}${part.path}`);
      } catch (err) {
        this.deferredFailed = true;
        const reopened = openInstance(this.module!, this.bundleBase, this.opened);
        // Its failure is the next search's to report.
        reopened.catch(() => {});
        this.instance = reopened;
        throw err;
      } finally {
        this.deferred = [];
      }
    })();
    return this.deferredLoad;
  }

  async search(query: SearchQuery): Promise<SearchOutcome> {
    const filters = query.filters;
    const hasFilters = Object.keys(filters).length > 0;
    // Without words, filters or an order nothing was asked; an order alone lists every page.
    if (query.terms.length === 0 && !hasFilters && query.sort === null) return { hits: [], sort: null };

    let matched: Map<string, PagefindResult>;
    /** Result id → word position by which every term has matched once (smaller is more relevant). */
    const firstMatch = new Map<string, number>();
    if (query.terms.length === 0) {
      // Browsing (an order or filters, no words) lists sheets. Filters already leave out the pages that
      // have none (a payee profile, a sheet's continuation page: src/lib/view/search-attributes.ts); an
      // order alone would list every page, so it keeps the pages with a sort key (every sheet has its year).
      const res = await this.run(null, filters);
      const table = hasFilters ? null : await this.loadSortTables();
      matched = new Map(res.filter((r) => table === null || table.get(r.id)?.some((v) => v !== null)).map((r) => [r.id, r]));
    } else {
      const perTerm = await Promise.all(query.terms.map((t) => this.run(exactQuery(t, this.manifest.words), filters)));
      matched = new Map(perTerm[0]!.map((r) => [r.id, r]));
      for (const other of perTerm.slice(1)) {
        const ids = new Set(other.map((r) => r.id));
        for (const id of [...matched.keys()]) if (!ids.has(id)) matched.delete(id);
      }
      query.terms.forEach((_term, i) => {
        for (const r of perTerm[i]!) {
          if (!matched.has(r.id)) continue;
          let first = Number.MAX_SAFE_INTEGER;
          for (const w of r.words) if (w < first) first = w;
          firstMatch.set(r.id, Math.max(firstMatch.get(r.id) ?? 0, first));
        }
      });
    }

    // Pagefind's own order (index order) is the final tie-break, so the order is stable across reloads.
    const order = new Map([...matched.keys()].map((id, i) => [id, i]));
    const sort = query.sort ?? (query.terms.length === 0 ? BROWSE_SORT : null);
    let ids = [...matched.keys()];
    const at = (id: string) => (firstMatch.get(id) ?? 0) + (id.includes(PROFILE_MARK) ? PROFILE_RANK_OFFSET : 0);
    const byRelevance = (a: string, b: string) => at(a) - at(b) || order.get(a)! - order.get(b)!;
    if (sort && this.manifest.sortKeys.includes(sort.key)) {
      const column = this.manifest.sortKeys.indexOf(sort.key);
      const table = await this.loadSortTables();
      const value = (id: string) => table.get(id)?.[column] ?? null;
      const sign = sort.direction === 'asc' ? 1 : -1;
      ids.sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (va === null || vb === null) return va === vb ? byRelevance(a, b) : va === null ? 1 : -1;
        return (va - vb) * sign || byRelevance(a, b);
      });
    } else {
      ids = ids.sort(byRelevance);
    }
    return {
      sort: sort && this.manifest.sortKeys.includes(sort.key) ? sort : null,
      hits: ids.map((id) => {
        const r = matched.get(id)!;
        return { id, load: () => r.data().then(toResultPage) };
      }),
    };
  }

  private async run(term: string | null, filters: Record<string, string>): Promise<PagefindResult[]> {
    if (this.instance === null) return [];
    const res = await (await this.instance).search(term, { filters });
    const results = res?.results ?? [];
    // A payee profile has no filter values, so a filtered search never lists one; said here, since a
    // filter in a merged bundle that has no filters at all is not one Pagefind can apply.
    return Object.keys(filters).length === 0 ? results : results.filter((r) => !r.id.includes(PROFILE_MARK));
  }

  private loadSortTables(): Promise<Map<string, (number | null)[]>> {
    this.sortTables ??= Promise.all(
      this.manifest.parts.map(async (part) => {
        const res = await fetch(`${this.bundleBase}${part.path}${SORTS_FILE}`);
        if (!res.ok) throw new Error(`sort table not found (${res.status})`);
        return (await res.json()) as SortTable;
      }),
    ).then((tables) => {
      const all = new Map<string, (number | null)[]>();
      for (const t of tables) {
        for (const [id, row] of Object.entries(t.pages)) {
          // Columns by manifest key order (every table is written with the same keys).
          all.set(id, this.manifest.sortKeys.map((k) => row[t.keys.indexOf(k)] ?? null));
        }
      }
      return all;
    });
    this.sortTables.catch(() => {
      this.sortTables = null;
    });
    return this.sortTables;
  }
}

function toResultPage(d: PagefindData): ResultPage {
  return { url: d.url, text: d.content, filters: d.filters ?? {}, meta: d.meta ?? {}, sort: d.sort ?? {} };
}
