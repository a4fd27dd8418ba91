/**
 * Worker thread of src/integrations/sheet-data-files.ts: reads and validates the entries (the same loader
 * the pages use) and writes every sheet's download files under `stageDir`. Runs on the second core while
 * Astro renders the pages on the first.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadSheets } from '../lib/load-sheets.ts';
import { sheetDataFiles, type DataFile } from '../lib/sheet-data-files.ts';

export interface SheetDataJob {
  entriesDir: string;
  stageDir: string;
}
export interface SheetDataResult {
  sheets: number;
  files: number;
  bytes: number;
}

/** Files written at once: keeps the disk busy without opening thousands of handles. */
const WRITE_BATCH = 32;

async function run({ entriesDir, stageDir }: SheetDataJob): Promise<SheetDataResult> {
  const sheets = await loadSheets(entriesDir);
  // One mkdir per folder, shared by the files written into it at the same time.
  const made = new Map<string, Promise<unknown>>();
  let files = 0;
  let bytes = 0;
  let pending: DataFile[] = [];
  const flush = async () => {
    await Promise.all(
      pending.map(async (f) => {
        const target = path.join(stageDir, ...f.path.split('/'));
        const dir = path.dirname(target);
        if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
        await made.get(dir);
        await writeFile(target, f.text);
        bytes += Buffer.byteLength(f.text);
      }),
    );
    files += pending.length;
    pending = [];
  };
  for (const sheet of sheets) {
    pending.push(...sheetDataFiles(sheet));
    if (pending.length >= WRITE_BATCH) await flush();
  }
  await flush();
  return { sheets: sheets.length, files, bytes };
}

run(workerData as SheetDataJob).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
