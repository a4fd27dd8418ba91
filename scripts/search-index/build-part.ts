/**
 * Builds one part of the search index (one Pagefind index, see index-builder.ts) into its folder:
 *
 * 1. For each page of the part: takes its searchable text, made from its record, and the search record it
 *    states (filters, sort keys and metadata: src/lib/view/search-attributes.ts; page-source.ts) and
 *    gives Pagefind the character words of the text (index-content.ts) with the record's filters, as a
 *    custom record in the part's language tag.
 * 2. Takes the index files from Pagefind in memory (getFiles) and writes them, each fragment replaced by
 *    ours: `content` becomes the page's readable text (the search page builds excerpts from it; the
 *    character words would only bloat the download), `meta` the page's metadata (kept out of the index, so
 *    metadata words can never match a query) and `sort` its raw sort values. The bundle files the search
 *    page does not load are not written (merge-parts.ts merges the parts and re-splits the word index). Which fragment is which page is read from Pagefind's private
 *    fragment layout (pagefind-internals.ts, where every such dependency is kept and described).
 *
 * Runs in a worker thread (part-worker.ts), so that two parts can be built at once: the Pagefind service
 * answers one request at a time, and while it writes an index (most of its work) the Node side would
 * otherwise sit idle. Each thread that imports `pagefind` gets its own service. Its file and zlib calls
 * are synchronous (see where the files are written), which is right for a worker thread only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { EntrySource, pageSource } from './page-source.ts';
import { encodeFragment, fragmentUrl, type Fragment } from './pagefind-internals.ts';
import { indexContent } from './index-content.ts';
import type { SearchWords } from '../../src/shared/search/tokens.ts';
import type { PageInput } from './page-queue.ts';

/** Files of Pagefind's bundle the search page does not use (Pagefind's own UIs). */
const UNUSED_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
/** Files only the first part needs: merged parts are read by the first part's pagefind.js and wasm. */
export const PRIMARY_ONLY = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;
/** How many pages are handed to the Pagefind service at once (it reads the next while it indexes one). */
const IN_FLIGHT = 8;

export interface PartTask {
  /** 0-based part number. */
  part: number;
  /** The part's folder (the bundle is written into it). */
  dir: string;
  /** Pagefind language tag of the part: unique per part, because Pagefind names pages "<tag>_<hash>". */
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
  /** Result id (fragment hash) → the page's numeric sort values. */
  sorts: [string, Record<string, number>][];
  /** Result ids (fragment hashes) of payee profiles (meta kind "payee"): named as such when merged. */
  profiles: string[];
  sortKeys: string[];
  filterNames: string[];
  problems: PageProblem[];
  /** Seconds spent reading and adding pages, in Pagefind's getFiles (it builds the index), and writing. */
  seconds: { add: number; build: number; write: number };
}

/**
 * The content of a page without text: Pagefind drops a record with no words (it writes no fragment for it),
 * but the page must still be listed when browsing by filters. No query produces this word (query words are
 * character codes of 2 or 5 characters, src/shared/search/tokens.ts), so it never matches a term.
 */
const EMPTY_PAGE_WORD = 'zzzzzzz';

interface PageInfo {
  file: string;
  text: string;
  wordCount: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort: Record<string, number>;
}

export async function pagefindCall<T extends { errors: string[] }>(what: string, call: Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call;
  } catch (err) {
    throw new Error(`Pagefind ${what} failed: ${(err as Error).message}`, { cause: err });
  }
  if (result.errors.length > 0) throw new Error(`Pagefind ${what} failed: ${result.errors.join('; ')}`);
  return result;
}

/** Builds the part from `source`, page by page as they come (a PageQueue still being filled). */
export async function buildPart(task: PartTask, source: AsyncIterable<PageInput>): Promise<PartResult> {
  const started = performance.now();
  const problems: PageProblem[] = [];
  const sortKeys = new Set<string>();
  const filterNames = new Set<string>();
  const pages = new Map<string, PageInfo>();

  const { index } = await pagefindCall(
    'createIndex',
    // One fragment file per page: the search page fetches only the results it shows.
    pagefind.createIndex({ maxFragments: 1_000_000_000 }) as Promise<{ errors: string[]; index?: PagefindIndex }>,
  );
  if (!index) throw new Error('Pagefind createIndex returned no index');
  const pending = new Set<Promise<void>>();
  const decoder = new TextDecoder();
  const entries = task.contentDir === null ? null : new EntrySource(task.contentDir);
  for await (const { file, url, html: raw } of source) {
    const html = typeof raw === 'string' ? raw : decoder.decode(raw);
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
    for (const key of Object.keys(record.sort)) sortKeys.add(key);
    for (const name of Object.keys(record.filters)) filterNames.add(name);
    const { content, words } = indexContent(extracted.indexText, task.words);
    pages.set(url, {
      file,
      text: extracted.text,
      wordCount: words,
      filters: record.filters,
      meta: record.meta,
      sort: record.sort,
    });
    const job = index
      .addCustomRecord({ url, content: content || EMPTY_PAGE_WORD, language: task.language, filters: record.filters })
      .then((res) => {
        if (res.errors.length > 0) {
          problems.push({ file, message: `Pagefind: ${res.errors.join('; ')}` });
          pages.delete(url);
        }
      })
      .catch((err: unknown) => {
        problems.push({ file, message: `Pagefind: ${(err as Error).message}` });
        pages.delete(url);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  const added = performance.now();
  // The files are taken in memory, not written by Pagefind: each fragment is replaced by ours before it is
  // written, and unused bundle files are never written, so every file is written once (measured no faster
  // than writing and reading fragments back, docs/BENCHMARKS.md; it is simpler on the disk).
  const { files: pagefindFiles } = await pagefindCall('getFiles', index.getFiles());
  await index.deleteIndex();
  // Pagefind's chunks are written as they are: the merge (merge-parts.ts) re-splits the merged index.
  const files = pagefindFiles;
  const built = performance.now();

  const sorts: [string, Record<string, number>][] = [];
  const profiles: string[] = [];
  const fragments: { name: string; bytes: Uint8Array }[] = [];
  const others: { file: string; bytes: Uint8Array }[] = [];
  const dirs = new Set<string>([task.dir]);
  for (const f of files) {
    const base = path.posix.basename(f.path);
    if (UNUSED_FILES.test(base) || (!task.primary && PRIMARY_ONLY.test(base))) continue;
    const file = path.join(task.dir, ...f.path.split('/'));
    dirs.add(path.dirname(file));
    if (f.path.startsWith('fragment/')) fragments.push({ name: base, bytes: f.content });
    else others.push({ file, bytes: f.content });
  }
  // Synchronous zlib and file calls on purpose: this worker thread has nothing else to do meanwhile, and
  // the asynchronous ones would queue on the process's shared libuv threads (4) with the main thread's page
  // writes and reads, which then wait behind ≈ 1,000 of these (docs/BENCHMARKS.md).
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  const fragmentDir = path.join(task.dir, 'fragment');
  for (const { name, bytes } of fragments) {
    const file = path.join(fragmentDir, name);
    const url = fragmentUrl(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
    const page = pages.get(url);
    if (!page) throw new Error(`${file}: Pagefind made a fragment for ${url}, which was not indexed`);
    const fragment: Fragment = {
      url,
      content: page.text,
      word_count: page.wordCount,
      filters: page.filters,
      meta: page.meta,
      anchors: [],
      sort: page.sort,
    };
    writeFileSync(file, encodeFragment(fragment));
    sorts.push([name.replace(/\.pf_fragment$/, ''), page.sort]);
    if (page.meta.kind === 'payee') profiles.push(name.replace(/\.pf_fragment$/, ''));
  }
  if (sorts.length !== pages.size) {
    throw new Error(`Pagefind made ${sorts.length} fragments for ${pages.size} pages in part ${task.part + 1}`);
  }
  for (const { file, bytes } of others) writeFileSync(file, bytes);
  const end = performance.now();
  return {
    part: task.part,
    pages: pages.size,
    sorts,
    profiles,
    sortKeys: [...sortKeys],
    filterNames: [...filterNames],
    problems,
    seconds: { add: (added - started) / 1000, build: (built - added) / 1000, write: (end - built) / 1000 },
  };
}
