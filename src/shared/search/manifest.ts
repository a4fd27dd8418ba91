/**
 * What the search indexer (scripts/build-search.ts) writes next to the Pagefind bundles and the search
 * page reads. Everything lives under `<base>pagefind/`:
 *
 *   search-manifest.json          the SearchManifest below
 *   <part.path>pagefind.js …      Pagefind bundle(s); the first part's pagefind.js is the one loaded, the
 *                                 others are merged into it (mergeIndex). The indexer writes two: the
 *                                 sheets' pages at the top, the payee profiles' in PROFILES_PATH, a
 *                                 `deferred` part (see SearchPart).
 *   <part.path>search-sorts.json  the part's SortTable, fetched only when results are sorted by a key
 */

import type { SearchWords } from './tokens.ts';

export const MANIFEST_FILE = 'search-manifest.json';
/**
 * The search page carries the manifest in a `<script type="application/json">` element with this
 * attribute, written into the built page when the index is (scripts/search-index/embed-manifest.ts): a
 * cold search then starts with Pagefind's files, one request and one round trip sooner. Empty in a page
 * built without an index; the page then fetches MANIFEST_FILE.
 */
export const MANIFEST_ATTRIBUTE = 'data-search-manifest';
export const SORTS_FILE = 'search-sorts.json';
export const MANIFEST_FORMAT = 1;
/**
 * In a result id (a page's name in the index, scripts/search-index/merge-bundles.ts shortName), the mark of a payee
 * profile: ids are a build tag and a number in hexadecimal digits, a profile's with this between them.
 */
export const PROFILE_MARK = '-';
/** Where the payee profiles' bundle is, relative to `<base>pagefind/`. */
export const PROFILES_PATH = 'payees/';

export interface SearchPart {
  /** Folder of the bundle relative to `<base>pagefind/`: "" for a single index, else "p1/", "p2/" … */
  path: string;
  /** Pages indexed in this part. */
  pages: number;
  /**
   * Searched only after the other parts' results are shown, and only for words: its pages have no
   * filters nor sort keys (the payee profiles). A cold search's first list then loads only the sheets'
   * page table, the one file every query loads whole (Pagefind 1.6), which the profiles made 37 % larger
   * (issue 18; docs/BENCHMARKS.md, "Payee profiles searched after the sheets").
   */
  deferred?: boolean;
}

export interface SearchManifest {
  format: typeof MANIFEST_FORMAT;
  /** How the pages' text was cut into index words (src/shared/search/tokens.ts); queries are encoded the same way. */
  words: SearchWords;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** Pages indexed in all parts. */
  pages: number;
  parts: SearchPart[];
  /** Sort keys of the pages' search records (src/lib/view/search-attributes.ts), the columns of every SortTable. */
  sortKeys: string[];
  /** Filter names of the pages' search records. */
  filters: string[];
  /**
   * Locations a word-index chunk of the bundle holds (scripts/search-index/chunk-size.ts: it grows with the
   * index); for measuring what a search loads (scripts/search-cost.ts), not read by the search page.
   */
  chunkLocations: number;
}

export interface SortTable {
  keys: string[];
  /** Page (Pagefind result id) → one number per key, `null` when the page has no value for it. */
  pages: Record<string, (number | null)[]>;
}
