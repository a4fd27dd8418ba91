/**
 * Builds the search index from pages given one by one, as they come (src/integrations/search-index.ts
 * feeds it while Astro renders the pages; build-index.ts from a built site's files), into `outDir`:
 *
 * 1. Pages are split into parts of at most `partSize` pages, in the order they come (one part when the
 *    expected number fits; pages beyond the expected number make further parts; part-plan.ts).
 * 2. Each part is built (build-part.ts: its word index written in Node, direct-index.ts) in its own worker
 *    thread, from its first page on; at most `concurrency` parts at once, the others' pages wait.
 * 3. finish() merges the parts into one index and writes it into place (write-index.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchWords } from '../../src/shared/search/tokens.ts';
import { INDEX_WORDS } from './index-content.ts';
import type { PartResult, PartTask } from './build-part.ts';
import type { PageInput } from './page-queue.ts';
import type { PartMessage } from './part-worker.ts';
import { checkPositive, DEFAULT_CONCURRENCY, DEFAULT_PART_SIZE, partOf, partSizes } from './part-plan.ts';
import { writeIndex, type BuildIndexResult } from './write-index.ts';
import type { RecordAt } from '../../src/shared/search/record-place.ts';

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
  /** How many pages are expected: sizes the parts (pages beyond it make further parts of `partSize`). */
  expectedPages: number;
  partSize?: number;
  concurrency?: number;
  words?: SearchWords;
  /** The entries' folder (CONTENT_DIR): pages' text is made from their records; without it, read from the HTML. */
  contentDir?: string;
  /**
   * With contentDir: where a sheet's record is (record-places.ts), asked once all pages have come; a page
   * made from a sheet's record names it in its fragment instead of holding its text.
   */
  recordAt?: (id: string) => RecordAt;
  /** The built search page (…/search/index.html): the manifest is written into it too (embed-manifest.ts). */
  manifestPage?: string;
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

export function createIndexBuilder(options: IndexBuilderOptions): IndexBuilder {
  const outDir = path.resolve(options.outDir);
  const partSize = checkPositive(options.partSize ?? DEFAULT_PART_SIZE, 'part size');
  let concurrency = checkPositive(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency');
  const log = options.log ?? (() => {});
  const sizes = partSizes(Math.max(1, options.expectedPages), partSize);
  const tmp = `${outDir}.tmp-${process.pid}`;
  const ready = rm(tmp, { recursive: true, force: true }).then(() => mkdir(tmp, { recursive: true }));
  const newRun = (p: number): PartRun => ({
    task: {
      part: p,
      dir: path.join(tmp, `p${p + 1}/`),
      // "und": the search page's Pagefind applies no stemming or segmentation to queries. Each part gets
      // its own tag because pages are named "<language>_<n>" (direct-index.ts), and page names must stay
      // unique across merged parts.
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
  });
  const runs: PartRun[] = sizes.map((_, p) => newRun(p));
  /** The run of part `p`, made when pages come beyond the planned parts. */
  const runAt = (p: number): PartRun => {
    while (runs.length <= p) runs.push(newRun(runs.length));
    return runs[p]!;
  };
  let received = 0;
  let failure: unknown = null;
  let waitingPages = 0;
  /** Parts whose worker has finished (or failed). */
  const settledRuns = new Set<PartRun>();
  const running = () => runs.filter((r) => r.result !== null && !settledRuns.has(r));

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
            `index files ${r.seconds.build.toFixed(1)} s, write ${r.seconds.write.toFixed(1)} s)`,
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
      const p = partOf(sizes, received++, partSize);
      const run = runAt(p);
      // Pages come in order: the parts before this one are complete.
      for (let q = 0; q < p; q += 1) close(runs[q]!);
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
      runs.length = received === 0 ? 1 : partOf(sizes, received - 1, partSize) + 1;
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
        return await writeIndex(results, runs.map((r) => r.task), tmp, outDir, options.recordAt ?? null, options.manifestPage ?? null);
      } finally {
        await abort();
      }
    },
    abort,
  };
}
