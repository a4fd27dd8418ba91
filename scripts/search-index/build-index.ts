/**
 * Builds the search index of a site into `<outDir>` (normally dist/pagefind/), from pages given one by one
 * (createIndexBuilder: src/integrations/search-index.ts feeds it while Astro renders the pages) or from a
 * built site's files (buildSearchIndex: scripts/build-search.ts).
 *
 * 1. Pages with `data-pagefind-body` are split into parts of at most `partSize` pages, in the order they
 *    come (one part when the expected number fits). Pagefind holds every
 *    page of an index in memory until it writes it, and needs most while writing (see DEFAULT_PART_SIZE),
 *    so each part is built as its own Pagefind index, and the parts are then merged into one
 *    (mergeBundles, pagefind-internals.ts, which also re-splits the word index into small chunks and names
 *    pages and chunks short): one metadata file and one chunk per word for a cold search.
 * 2. Each part is built (build-part.ts) in its own worker thread with its own Pagefind service, from its
 *    first page on; at most `concurrency` parts at once (see DEFAULT_CONCURRENCY), the others' pages wait.
 * 3. Merges the parts, writes the sort table and the manifest (src/shared/search/manifest.ts).
 * 4. Writes everything to a temporary folder and swaps it into place, so a failed run leaves the previous
 *    index untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SORTS_FILE,
  type SearchManifest,
  type SearchPart,
  type SortTable,
} from '../../src/shared/search/manifest.ts';
import type { SearchWords } from '../../src/shared/search/tokens.ts';
import { INDEX_WORDS } from './index-content.ts';
import { INDEX_CHUNK_LOCATIONS, PRIMARY_ONLY } from './build-part.ts';
import { mergeBundles, type BundleFile } from './pagefind-internals.ts';
import type { PageProblem, PartResult, PartTask } from './build-part.ts';
import type { PageInput } from './page-queue.ts';
import type { PartMessage } from './part-worker.ts';

export type { PageProblem } from './build-part.ts';

/**
 * Most pages in one Pagefind index. Measured on generated sheet pages (≈6,400 characters of text each,
 * docs/BENCHMARKS.md): a part of 1,000 pages peaks at ≈0.75 GB in the Pagefind service plus ≈0.15 GB in
 * its worker thread's share, so two parts at once stay near 2 GB for the process tree (the goal is
 * ≤ 2.5 GB); larger parts were no faster. 5,664 sheets become 6 parts, 20,000 become 20; the search page
 * fetches each query word's chunk from every part (in parallel), so parts should not be much smaller.
 */
export const DEFAULT_PART_SIZE = 1000;
/**
 * Parts built at once. The Pagefind service answers one request at a time and spends most of a part's
 * time writing the index, when the Node side is idle; two parts at once keep both cores of a CI runner busy.
 */
export const DEFAULT_CONCURRENCY = Math.max(1, Math.min(2, os.availableParallelism()));

/** What marks a page to index (Pagefind's attribute); the pre-scan and the Astro integration look for it. */
export const BODY_MARKER = 'data-pagefind-body';
/** Bytes of a page read first by the pre-scan. */
const HEAD_BYTES = 16 * 1024;

export interface BuildIndexOptions {
  /** The built site. */
  dist: string;
  /** Where the index goes; default `<dist>/pagefind`. */
  outDir?: string;
  /** Most pages in one Pagefind index. */
  partSize?: number;
  /** Parts built at once. */
  concurrency?: number;
  /** How the pages' text is cut into index words (default: INDEX_WORDS, index-content.ts). */
  words?: SearchWords;
  /** The entries' folder: pages' text is made from their records (page-source.ts); without it, read from the HTML. */
  contentDir?: string;
  log?: (line: string) => void;
}

export interface BuildIndexResult {
  manifest: SearchManifest;
  /** Pages of each part the index was built in (merged into one index when there are several). */
  builtParts: number[];
  /** Pages that were indexed with a problem (a sort value that is not a number …) or not at all. */
  problems: PageProblem[];
  /** Total bytes written under outDir. */
  bytes: number;
}

/** All .html files under `dir`, except in `skip` (folders read concurrently: a site has one per page). */
async function listHtml(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) {
          if (path.resolve(p) !== path.resolve(skip)) await walk(p);
        } else if (entry.name.endsWith('.html')) {
          out.push(p);
        }
      }),
    );
  };
  await walk(dir);
  return out;
}

/** The URL path (relative to the site base, with a leading "/") a built file is served at. */
export function urlOfFile(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Splits `n` items into `parts` contiguous runs whose sizes differ by at most one. */
export function partSizes(n: number, partSize: number): number[] {
  if (!Number.isInteger(partSize) || partSize < 1) throw new Error(`part size must be a positive integer, not ${partSize}`);
  const parts = Math.max(1, Math.ceil(n / partSize));
  const sizes: number[] = [];
  for (let i = 0; i < parts; i += 1) sizes.push(Math.floor(n / parts) + (i < n % parts ? 1 : 0));
  return sizes;
}

async function sumBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** A part being built: its worker, once started, and the pages that wait for it. */
interface PartRun {
  task: PartTask;
  waiting: PageInput[];
  /** Resolves the add() calls of waiting pages once they are handed to the worker. */
  handed: (() => void)[];
  worker: Worker | null;
  /** All its pages have come. */
  closed: boolean;
  result: Promise<PartResult> | null;
}

export interface IndexBuilderOptions {
  /** Where the index goes (swapped into place by finish()). */
  outDir: string;
  /** How many pages are expected: sizes the parts (pages beyond it go to the last part). */
  expectedPages: number;
  partSize?: number;
  concurrency?: number;
  words?: SearchWords;
  /** The entries' folder (CONTENT_DIR): pages' text is made from their records; without it, read from the HTML. */
  contentDir?: string;
  log?: (line: string) => void;
}

export interface IndexBuilder {
  /**
   * Queues a page (one with data-pagefind-body; others are skipped when read). Resolves once the page is
   * handed to its part's worker: await it to bound the pages held in memory.
   */
  add(page: PageInput): Promise<void>;
  /** Pages queued but not yet handed to a worker. */
  readonly waiting: number;
  /** Parts the index is planned in (from the expected number of pages). */
  readonly parts: number;
  /** Parts built at once from now on. */
  setConcurrency(n: number): void;
  /** No more pages: builds what is left, writes the manifest and swaps the index into place. */
  finish(): Promise<BuildIndexResult>;
  /** Stops every worker and removes the temporary folder. */
  abort(): Promise<void>;
}

function checkPositive(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${n}`);
  return n;
}

export function createIndexBuilder(options: IndexBuilderOptions): IndexBuilder {
  const outDir = path.resolve(options.outDir);
  const partSize = checkPositive(options.partSize ?? DEFAULT_PART_SIZE, 'part size');
  let concurrency = checkPositive(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency');
  const log = options.log ?? (() => {});
  const sizes = partSizes(Math.max(1, options.expectedPages), partSize);
  const tmp = `${outDir}.tmp-${process.pid}`;
  const ready = rm(tmp, { recursive: true, force: true }).then(() => mkdir(tmp, { recursive: true }));
  const runs: PartRun[] = sizes.map((_, p) => ({
    task: {
      part: p,
      dir: path.join(tmp, `p${p + 1}/`),
      // "und": Pagefind applies no stemming or segmentation. Each part gets its own tag because Pagefind
      // names pages "<language>_<short hash>", and page names must stay unique across merged parts.
      language: `und-p${p + 1}`,
      primary: p === 0,
      words: options.words ?? INDEX_WORDS,
      contentDir: options.contentDir ?? null,
    },
    waiting: [],
    handed: [],
    worker: null,
    closed: false,
    result: null,
  }));
  let received = 0;
  let failure: unknown = null;
  let waitingPages = 0;
  /** Parts whose worker has finished (or failed). */
  const settledRuns = new Set<PartRun>();
  const running = () => runs.filter((r) => r.result !== null && !settledRuns.has(r));

  /** Which part the n-th page (0-based) belongs to. */
  const partOf = (n: number) => {
    let end = 0;
    for (let p = 0; p < sizes.length; p += 1) if (n < (end += sizes[p]!)) return p;
    return sizes.length - 1;
  };

  /** All of a part's pages have come: its worker may write the part once it has read them. */
  const close = (run: PartRun) => {
    if (run.closed) return;
    run.closed = true;
    run.worker?.postMessage({ type: 'end' } satisfies PartMessage);
  };

  const send = (run: PartRun) => {
    for (const page of run.waiting) run.worker!.postMessage({ type: 'page', page } satisfies PartMessage);
    waitingPages -= run.waiting.length;
    run.waiting = [];
    for (const done of run.handed.splice(0)) done();
    if (run.closed) run.worker!.postMessage({ type: 'end' } satisfies PartMessage);
  };

  const start = (run: PartRun) => {
    const worker = new Worker(new URL('./part-worker.ts', import.meta.url), { workerData: run.task });
    run.worker = worker;
    run.result = new Promise<PartResult>((resolve, reject) => {
      let settled = false;
      worker.on('message', (msg: { ok: true; result: PartResult } | { ok: false; message: string; stack?: string }) => {
        settled = true;
        if (msg.ok) resolve(msg.result);
        else reject(Object.assign(new Error(msg.message), { stack: msg.stack }));
      });
      worker.on('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`search part ${run.task.part + 1}: worker exited with code ${code} before it finished`));
      });
    });
    run.result.then(
      (r) => {
        settledRuns.add(run);
        log(
          `search: part ${r.part + 1}/${runs.length}: ${r.pages} pages (read and add ${r.seconds.add.toFixed(1)} s, ` +
            `Pagefind build ${r.seconds.build.toFixed(1)} s, write ${r.seconds.write.toFixed(1)} s)`,
        );
        schedule();
      },
      (err: unknown) => {
        settledRuns.add(run);
        failure ??= err;
        for (const r of runs) for (const done of r.handed.splice(0)) done();
      },
    );
    send(run);
  };

  /** Starts the next parts that have pages, in order, while fewer than `concurrency` are running. */
  function schedule() {
    if (failure) return;
    for (const run of runs) {
      if (run.worker) continue;
      if (run.waiting.length === 0 && !run.closed) break;
      if (running().length >= concurrency) break;
      start(run);
    }
  }

  async function abort() {
    failure ??= new Error('search index: aborted');
    await Promise.all(runs.map((r) => r.worker?.terminate()));
    await rm(tmp, { recursive: true, force: true });
  }

  return {
    get waiting() {
      return waitingPages;
    },
    parts: sizes.length,
    async add(page) {
      if (failure) throw failure;
      await ready;
      const p = partOf(received++);
      // Pages come in order: the parts before this one are complete.
      for (let q = 0; q < p; q += 1) close(runs[q]!);
      const run = runs[p]!;
      if (run.worker) {
        run.worker.postMessage({ type: 'page', page } satisfies PartMessage);
        return;
      }
      run.waiting.push(page);
      waitingPages += 1;
      const handed = new Promise<void>((resolve) => run.handed.push(resolve));
      schedule();
      await handed;
      if (failure) throw failure;
    },
    setConcurrency(n) {
      concurrency = checkPositive(n, 'concurrency');
      schedule();
    },
    async finish() {
      await ready;
      // Fewer pages than expected: the parts that got none are dropped (the first part is always built).
      runs.length = received === 0 ? 1 : partOf(received - 1) + 1;
      for (const run of runs) close(run);
      try {
        // Parts start one after another as slots free up (schedule() runs as each one ends).
        schedule();
        while (!failure && runs.some((r) => !settledRuns.has(r))) {
          await Promise.race(running().map((r) => r.result!.catch(() => {})));
          // A settled part's own handler has scheduled the next ones.
        }
        if (failure) throw failure;
        const results = await Promise.all(runs.map((r) => r.result!));
        return await writeIndex(results, runs.map((r) => r.task), tmp, outDir);
      } finally {
        await abort();
      }
    },
    abort,
  };
}

/** The files of a part's bundle that mergeBundles reads (all but its fragments and code). */
async function readBundle(dir: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel === 'pagefind-entry.json' || rel.endsWith('.pf_meta') || rel.startsWith('index/') || rel.startsWith('filter/')) {
      files.push({ path: rel, content: await readFile(path.join(dir, rel)) });
    }
  }
  return files;
}

/**
 * Merges the parts' bundles (each in its folder under `tmp`) into one bundle in `tmp` itself
 * (mergeBundles): a cold search then fetches one metadata file and one chunk per word, not one of each
 * per part. The fragments move into one folder, the first part's code files to the top.
 */
async function mergeParts(tasks: PartTask[], results: PartResult[], tmp: string): Promise<Map<string, string>> {
  const bundles = [];
  for (const t of tasks) bundles.push(await readBundle(t.dir));
  const profiles = new Set(results.flatMap((r) => r.profiles));
  const { files, pageNames } = mergeBundles(bundles, INDEX_CHUNK_LOCATIONS, (page) => profiles.has(page));
  for (const sub of ['index', 'filter', 'fragment']) await mkdir(path.join(tmp, sub), { recursive: true });
  for (const f of files) await writeFile(path.join(tmp, ...f.path.split('/')), f.content);
  for (const t of tasks) {
    const fragments = path.join(t.dir, 'fragment');
    for (const file of existsSync(fragments) ? await readdir(fragments) : []) {
      const name = pageNames.get(file.replace(/\.pf_fragment$/, ''));
      if (name === undefined) throw new Error(`search part ${t.part + 1}: fragment ${file} is not a page of its index`);
      await rename(path.join(fragments, file), path.join(tmp, 'fragment', `${name}.pf_fragment`));
    }
    for (const name of await readdir(t.dir)) {
      if (PRIMARY_ONLY.test(name)) await rename(path.join(t.dir, name), path.join(tmp, name));
    }
    await rm(t.dir, { recursive: true, force: true });
  }
  return pageNames;
}

/** Merges the parts, writes the sort table and the manifest into `tmp`, then swaps `tmp` into `outDir`. */
async function writeIndex(results: PartResult[], tasks: PartTask[], tmp: string, outDir: string): Promise<BuildIndexResult> {
  const problems = results.flatMap((r) => r.problems);
  const keys = [...new Set(results.flatMap((r) => r.sortKeys))].sort();
  const version = await pagefindVersion(tasks[0]!.dir);
  const pageNames = await mergeParts(tasks, results, tmp);
  const table: SortTable = { keys, pages: {} };
  for (const r of results) for (const [hash, sort] of r.sorts) table.pages[pageNames.get(hash)!] = keys.map((k) => sort[k] ?? null);
  await writeFile(path.join(tmp, SORTS_FILE), JSON.stringify(table));
  const parts: SearchPart[] = [{ path: '', pages: results.reduce((n, r) => n + r.pages, 0) }];
  const manifest: SearchManifest = {
    format: MANIFEST_FORMAT,
    words: tasks[0]!.words,
    pagefind: version,
    pages: parts.reduce((n, p) => n + p.pages, 0),
    parts,
    sortKeys: keys,
    filters: [...new Set(results.flatMap((r) => r.filterNames))].sort(),
  };
  await writeFile(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = await sumBytes(tmp);
  // Swap into place: the old index stays until the new one is complete.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(tmp, outDir);
  await rm(old, { recursive: true, force: true });
  return { manifest, builtParts: results.map((r) => r.pages), problems, bytes };
}

/** Pages read from files at once ahead of their part (the rest wait: memory stays bounded). */
const READ_AHEAD = 16;

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const dist = path.resolve(options.dist);
  const outDir = path.resolve(options.outDir ?? path.join(dist, 'pagefind'));
  const log = options.log ?? (() => {});
  checkPositive(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency');
  if (!existsSync(dist)) throw new Error(`${dist}: no built site (run the Astro build first)`);

  const started = performance.now();
  const candidates: { file: string; url: string }[] = [];
  const files = await listHtml(dist, outDir);
  let nextFile = 0;
  // A cheap pre-scan, so the parts can be sized before any page is parsed (extractPage decides): the
  // marker's bytes, looked for in the head of the file first (sheet pages have it in their first few KB),
  // in the whole file only when the head lacks it; several files at once.
  const scan = async () => {
    const head = Buffer.alloc(HEAD_BYTES);
    while (nextFile < files.length) {
      const file = files[nextFile++]!;
      const handle = await open(file);
      let found: boolean;
      try {
        const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
        found = head.subarray(0, bytesRead).includes(BODY_MARKER);
        if (!found && bytesRead === HEAD_BYTES) found = (await readFile(file)).includes(BODY_MARKER);
      } finally {
        await handle.close();
      }
      if (found) candidates.push({ file, url: urlOfFile(dist, file) });
    }
  };
  await Promise.all(Array.from({ length: 16 }, scan));
  candidates.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const builder = createIndexBuilder({ ...options, outDir, expectedPages: candidates.length });
  log(
    `search: ${candidates.length} pages with data-pagefind-body (found in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
      `${builder.parts} index part(s)`,
  );
  try {
    // Read a few files ahead, in order; add() holds a page back until its part's worker runs.
    const reads = new Map<number, Promise<PageInput>>();
    const read = (i: number) => {
      const c = candidates[i];
      if (c) reads.set(i, readFile(c.file).then((html) => ({ ...c, html })));
    };
    for (let j = 0; j < READ_AHEAD; j += 1) read(j);
    for (let i = 0; i < candidates.length; i += 1) {
      const page = await reads.get(i)!;
      reads.delete(i);
      read(i + READ_AHEAD);
      await builder.add(page);
    }
    return await builder.finish();
  } catch (err) {
    await builder.abort();
    throw err;
  }
}

/** The version Pagefind wrote into the bundle's entry file. */
async function pagefindVersion(bundleDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { version?: string };
  return entry.version ?? 'unknown';
}
