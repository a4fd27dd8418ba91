/**
 * Worker thread of src/integrations/sheet-data-files.ts: reads and validates the entries (the same loader
 * the pages use) and writes every sheet's download files under `stageDir`. Runs on the second core while
 * Astro renders the pages on the first.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { listEntryFiles, loadSheet } from '../lib/load-sheets.ts';
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

/** Entries read at once; one batch of records is held at a time, never all of them. */
const READ_BATCH = 32;

async function run({ entriesDir, stageDir }: SheetDataJob): Promise<SheetDataResult> {
  const ids = (await listEntryFiles(entriesDir)).map((f) => f.slice(0, -'.md'.length));
  // One mkdir per folder, shared by the files written into it at the same time.
  const made = new Map<string, Promise<unknown>>();
  const write = async (f: DataFile) => {
    const target = path.join(stageDir, ...f.path.split('/'));
    const dir = path.dirname(target);
    if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }));
    await made.get(dir);
    await writeFile(target, f.text);
  };
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const sheets = await Promise.all(ids.slice(i, i + READ_BATCH).map((id) => loadSheet(entriesDir, id)));
    const batch = sheets.flatMap((sheet) => (sheet ? sheetDataFiles(sheet) : []));
    await Promise.all(batch.map(write));
    files += batch.length;
    bytes += batch.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  }
  return { sheets: ids.length, files, bytes };
}

run(workerData as SheetDataJob).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
