/**
 * Builds one part of the search index (one Pagefind bundle, see index-builder.ts) into its folder:
 *
 * 1. For each page of the part, as it comes: takes its searchable text, made from its record, and the
 *    search record it states (filters, sort keys and metadata: src/lib/view/search-attributes.ts;
 *    page-source.ts), adds the character words of the text (index-content.ts) with the record's filters
 *    to the part's word index (direct-index.ts, written in Node in Pagefind's layout; Pagefind's own
 *    indexer is not run), and writes the page's fragment: `content` is the page's readable text (the
 *    search page builds excerpts from it; the character words would only bloat the download) for a page
 *    read from its HTML or a payee profile, and nothing for a page made from a sheet's record, whose
 *    fragment gets the record's place when the parts are merged (record-places.ts; the search page makes
 *    the excerpt and the summary from the record, src/client/search/record-text.ts), `meta` the
 *    page's metadata (kept out of the index, so metadata words can never match a query) and `sort` its
 *    raw sort values.
 * 2. Once all have come: writes the part's entry, metadata, word-index and filter files, and, in the part
 *    the search page loads, Pagefind's code files (pagefind-runtime.ts). merge-parts.ts merges the parts
 *    and re-splits the word index. Every private Pagefind format relied on is in pagefind-internals.ts.
 *
 * Payee profiles (meta kind "payee") go into a bundle of their own in the part's PROFILES_PATH folder
 * (its pages named "<language>-q_<n>"): the search page loads it only after the sheets' first results are
 * shown (src/shared/search/manifest.ts, SearchPart.deferred).
 *
 * Runs in a worker thread (part-worker.ts), so that two parts are built at once on two cores. Its file
 * and zlib calls are synchronous (see where the files are written), which is right for a worker thread only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EntrySource, pageSource } from './page-source.ts';
import { encodeFragment, type Fragment } from './pagefind-internals.ts';
import { indexWords, NO_CODE, wordNumber } from './index-content.ts';
import { DirectIndex, type EntryFields } from './direct-index.ts';
import { installedPagefindVersion, pagefindRuntime } from './pagefind-runtime.ts';
import type { SearchWords } from '../../src/shared/search/tokens.ts';
import type { PageInput } from './page-queue.ts';
import { PROFILES_PATH } from '../../src/shared/search/manifest.ts';

/** Files only the first part needs: merged parts are read by the first part's pagefind.js and wasm. */
export { PRIMARY_ONLY } from './pagefind-runtime.ts';

export interface PartTask {
  /** 0-based part number. */
  part: number;
  /** The part's folder (the bundle is written into it). */
  dir: string;
  /** Pagefind language tag of the part: unique per part, because pages are named "<tag>_<n>" (direct-index.ts). */
  language: string;
  /** Whether this part's bundle is the one the search page loads (it keeps pagefind.js and the wasm). */
  primary: boolean;
  /** How the pages' text is cut into index words (the manifest records it for the search page). */
  words: SearchWords;
  /** The entries' folder: pages' text is made from their records (page-source.ts); null: read from the HTML. */
  contentDir: string | null;
}

export interface PageProblem {
  file: string;
  message: string;
}

export interface PartResult {
  part: number;
  /** Pages indexed. */
  pages: number;
  /** Its word index's locations in Pagefind's measure (DirectIndex.locations): the merge's chunk size is made from their sum. */
  locations: number;
  /** The same of the payee profiles' bundle (PROFILES_PATH). */
  profileLocations: number;
  /** Result id (fragment hash) → the page's numeric sort values. */
  sorts: [string, Record<string, number>][];
  /** Result ids (fragment hashes) of payee profiles (meta kind "payee"), the pages of the PROFILES_PATH bundle. */
  profiles: string[];
  /**
   * The pages made from a sheet's record: their result id (fragment hash), sheet and fragment, not yet
   * written (merge-parts.ts writes it with the record's place, known only then). Handed over rather than
   * written and read back: ≈ 54,000 fragments at 52,000 sheets, a read, a write and a removal each.
   */
  fromSheets: { name: string; sheet: string; fragment: Fragment }[];
  sortKeys: string[];
  filterNames: string[];
  problems: PageProblem[];
  /** Seconds spent reading and adding pages (fragments written), encoding the index files, and writing them. */
  seconds: { add: number; build: number; write: number };
}

/**
 * The content of a page without text: a page with no words would have no entry in the index (Pagefind
 * drops such a record), but the page must still be listed when browsing by filters. No query produces this
 * word, so it never matches a term: query words are character codes, pairs of them, or number words of 15
 * letters (src/shared/search/tokens.ts), and a code that starts with "z" has 5 letters, so seven z's are
 * neither one code nor a pair.
 */
export const EMPTY_PAGE_WORD = 'zzzzzzz';

/** Builds the part from `source`, page by page as they come (a PageQueue still being filled). */
export async function buildPart(task: PartTask, source: AsyncIterable<PageInput>): Promise<PartResult> {
  const started = performance.now();
  const problems: PageProblem[] = [];
  const sortKeys = new Set<string>();
  const filterNames = new Set<string>();
  const sorts: [string, Record<string, number>][] = [];
  const profiles: string[] = [];
  const fromSheets: PartResult['fromSheets'] = [];
  const urls = new Set<string>();
  // The part the search page loads starts Pagefind for its code files while its pages are read.
  const runtime = task.primary ? pagefindRuntime(task.language) : null;
  runtime?.catch(() => {});
  const index = new DirectIndex(task.language);
  const profileIndex = new DirectIndex(`${task.language}-q`);
  const fragmentDir = path.join(task.dir, 'fragment');
  const profileFragmentDir = path.join(task.dir, PROFILES_PATH, 'fragment');
  mkdirSync(fragmentDir, { recursive: true });
  mkdirSync(profileFragmentDir, { recursive: true });
  const decoder = new TextDecoder();
  const entries = task.contentDir === null ? null : new EntrySource(task.contentDir);
  for await (const { file, url, html: raw } of source) {
    const html = raw === null || typeof raw === 'string' ? raw : decoder.decode(raw);
    let extracted;
    try {
      extracted = pageSource({ url, html }, entries);
    } catch (err) {
      problems.push({ file, message: `could not read the page: ${(err as Error).message}` });
      continue;
    }
    if (extracted === null) continue;
    const { record } = extracted;
    if (record === null) {
      problems.push({ file, message: 'the page has data-pagefind-body but no search record (src/components/PagefindAttributes.astro)' });
      continue;
    }
    // Two pages at one URL would be one result with two records: the second one is reported, not indexed.
    if (urls.has(url)) {
      problems.push({ file, message: `another page of the index has the URL ${url}` });
      continue;
    }
    urls.add(url);
    for (const key of Object.keys(record.sort)) sortKeys.add(key);
    for (const name of Object.keys(record.filters)) filterNames.add(name);
    let words = 0;
    const isProfile = record.meta.kind === 'payee';
    const { name } = (isProfile ? profileIndex : index).addPage((sink) => {
      words = indexWords(extracted.indexText, task.words, sink).words;
      if (words > 0) return words;
      sink(0, wordNumber(EMPTY_PAGE_WORD), NO_CODE, false);
      return 1;
    }, record.filters);
    // A page made from a sheet's record: the search page makes its excerpt and its summary from the record
    // (src/client/search/record-text.ts), so its fragment holds neither.
    const fromRecord = extracted.fromSheet !== undefined;
    const { summary: _summary, ...metaWithoutSummary } = record.meta;
    const fragment: Fragment = {
      url,
      content: fromRecord ? '' : extracted.text,
      word_count: words,
      filters: record.filters,
      meta: fromRecord ? metaWithoutSummary : record.meta,
      anchors: [],
      sort: record.sort,
    };
    sorts.push([name, record.sort]);
    if (isProfile) profiles.push(name);
    if (fromRecord) {
      fromSheets.push({ name, sheet: extracted.fromSheet!, fragment });
      continue;
    }
    // Synchronous zlib and file calls on purpose: this worker thread has nothing else to do meanwhile, and
    // the asynchronous ones would queue on the process's shared libuv threads (4) with the main thread's
    // page writes and reads (docs/BENCHMARKS.md).
    writeFileSync(path.join(isProfile ? profileFragmentDir : fragmentDir, `${name}.pf_fragment`), encodeFragment(fragment));
  }
  const added = performance.now();
  const pages = index.pages + profileIndex.pages;
  const code = runtime ? await runtime : null;
  const fields: EntryFields = code?.fields ?? { version: installedPagefindVersion(), wasm: null, extra: {} };
  const files = [
    ...index.files(fields),
    ...(code?.files ?? []),
    ...profileIndex.files(fields).map((f) => ({ ...f, path: `${PROFILES_PATH}${f.path}` })),
  ];
  const built = performance.now();
  const dirs = new Set(files.map((f) => path.dirname(path.join(task.dir, ...f.path.split('/')))));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(path.join(task.dir, ...f.path.split('/')), f.content);
  const end = performance.now();
  return {
    part: task.part,
    pages,
    locations: index.locations,
    profileLocations: profileIndex.locations,
    sorts,
    profiles,
    fromSheets,
    sortKeys: [...sortKeys],
    filterNames: [...filterNames],
    problems,
    seconds: { add: (added - started) / 1000, build: (built - added) / 1000, write: (end - built) / 1000 },
  };
}
