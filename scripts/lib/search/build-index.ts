/**
 * Builds the search index of a built site (dist/**.html) into `<outDir>` (normally dist/pagefind/):
 *
 * 1. Finds the pages that have `data-pagefind-body` and orders them by URL.
 * 2. Splits them into parts of at most `partSize` pages (one part, written to `<outDir>/` itself, when they
 *    fit). Pagefind holds every page of an index in memory until it writes it, and needs most while writing
 *    (see DEFAULT_PART_SIZE), so each part is its own Pagefind index; the search page merges them in the
 *    browser (mergeIndex).
 * 3. Builds the parts (build-part.ts), `concurrency` at a time, each in its own worker thread with its own
 *    Pagefind service when there is more than one part (see DEFAULT_CONCURRENCY).
 * 4. Writes each part's sort table and the manifest (src/components/search/manifest.ts).
 * 5. Writes everything to a temporary folder and swaps it into place, so a failed run leaves the previous
 *    index untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SORTS_FILE,
  type SearchManifest,
  type SearchPart,
  type SortTable,
} from '../../../src/components/search/manifest.ts';
import { buildPart, type PageProblem, type PartResult, type PartTask } from './build-part.ts';

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

const BODY_MARKER = 'data-pagefind-body';
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
  log?: (line: string) => void;
}

export interface BuildIndexResult {
  manifest: SearchManifest;
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

/** Builds one part in a worker thread (its own Pagefind service). */
function buildPartInWorker(task: PartTask): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./part-worker.ts', import.meta.url), { workerData: task });
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
      if (!settled) reject(new Error(`search part ${task.part + 1}: worker exited with code ${code} before it finished`));
    });
  });
}

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const dist = path.resolve(options.dist);
  const outDir = path.resolve(options.outDir ?? path.join(dist, 'pagefind'));
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a positive integer, not ${concurrency}`);
  const log = options.log ?? (() => {});
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
  const sizes = partSizes(candidates.length, partSize);
  const single = sizes.length === 1;
  const inWorkers = sizes.length > 1 && concurrency > 1;
  log(
    `search: ${candidates.length} pages with data-pagefind-body (found in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
      `${sizes.length} index part(s)` +
      (inWorkers ? `, ${Math.min(concurrency, sizes.length)} at a time` : ''),
  );

  const tmp = `${outDir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const tasks: PartTask[] = [];
  let offset = 0;
  for (let p = 0; p < sizes.length; p += 1) {
    const partPath = single ? '' : `p${p + 1}/`;
    tasks.push({
      part: p,
      dir: path.join(tmp, partPath),
      // "und": Pagefind applies no stemming or segmentation. Each part gets its own tag because Pagefind
      // names pages "<language>_<short hash>", and result ids must stay unique across merged parts.
      language: single ? 'und' : `und-p${p + 1}`,
      primary: p === 0,
      pages: candidates.slice(offset, offset + sizes[p]!),
    });
    offset += sizes[p]!;
  }

  try {
    const results: PartResult[] = new Array(tasks.length);
    let next = 0;
    let failed = false;
    const runner = async () => {
      while (next < tasks.length && !failed) {
        const task = tasks[next++]!;
        try {
          results[task.part] = inWorkers ? await buildPartInWorker(task) : await buildPart(task);
        } catch (err) {
          failed = true;
          throw err;
        }
        const r = results[task.part]!;
        log(
          `search: part ${task.part + 1}/${tasks.length}: ${r.pages} pages (read and add ${r.seconds.add.toFixed(1)} s, ` +
            `Pagefind write ${r.seconds.write.toFixed(1)} s, fragments ${r.seconds.fragments.toFixed(1)} s)`,
        );
      }
    };
    // Every runner finishes (or fails) before the temporary folder is removed.
    const outcomes = await Promise.allSettled(
      Array.from({ length: inWorkers ? Math.min(concurrency, tasks.length) : 1 }, runner),
    );
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;

    const problems = results.flatMap((r) => r.problems);
    const keys = [...new Set(results.flatMap((r) => r.sortKeys))].sort();
    const parts: SearchPart[] = [];
    for (const [i, r] of results.entries()) {
      const table: SortTable = { keys, pages: {} };
      for (const [hash, sort] of r.sorts) table.pages[hash] = keys.map((k) => sort[k] ?? null);
      await writeFile(path.join(tasks[i]!.dir, SORTS_FILE), JSON.stringify(table));
      parts.push({ path: single ? '' : `p${i + 1}/`, pages: r.pages });
    }
    const manifest: SearchManifest = {
      format: MANIFEST_FORMAT,
      pagefind: await pagefindVersion(tasks[0]!.dir),
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
    return { manifest, problems, bytes };
  } finally {
    await rm(tmp, { recursive: true, force: true });
    if (!inWorkers) await pagefind.close();
  }
}

/** The version Pagefind wrote into the bundle's entry file. */
async function pagefindVersion(bundleDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { version?: string };
  return entry.version ?? 'unknown';
}
