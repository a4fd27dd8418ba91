/**
 * Worker thread of src/integrations/sheet-data-files.ts: reads and validates the entries (the same loader
 * the pages use) and writes every sheet's JSON (data/sheets/<id>.json) under `stageDir`. Started as soon
 * as Astro's config is done, it runs on the second core through Astro's start-up and the first pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { listEntryFiles, loadSheet } from '../lib/load-sheets.ts';
import { sheetDataFile } from '../lib/sheet-data-files.ts';

export interface SheetDataJob {
  entriesDir: string;
  stageDir: string;
}
export interface SheetDataResult {
  sheets: number;
  files: number;
  bytes: number;
}

/**
 * Synchronous file calls on purpose: this thread has nothing else to do, and the asynchronous ones would
 * queue on the process's shared libuv threads (4) with the main thread's reads and page writes, which then
 * wait behind these: measured when the chart CSVs were files too (≈ 23,000 calls), Astro's start-up to the
 * first page took 18–21 s with asynchronous calls instead of 8.4–8.7 s; with these, 8.9–10 s
 * (docs/BENCHMARKS.md).
 */
async function run({ entriesDir, stageDir }: SheetDataJob): Promise<SheetDataResult> {
  const ids = (await listEntryFiles(entriesDir)).map((f) => f.slice(0, -'.md'.length));
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const id of ids) {
    const sheet = loadSheet(entriesDir, id);
    if (!sheet) continue;
    const f = sheetDataFile(sheet);
    const target = path.join(stageDir, ...f.path.split('/'));
    // Every file goes into the one folder data/sheets/: made once.
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, f.text);
    files += 1;
    bytes += Buffer.byteLength(f.text);
  }
  return { sheets: ids.length, files, bytes };
}

run(workerData as SheetDataJob).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
