/**
 * What the content collection's loader (src/content.config.ts) takes from every entry: the small
 * projection it stores and the listing it hands to the pages (src/lib/collection.ts), each entry read and
 * validated with the sheet schema (a bad entry fails the build with its file and field).
 *
 * Entries that are byte for byte what the converter wrote come from its hand-over (index-cache.ts): only
 * read and hashed. The others are read, parsed and validated (≈ 0.55 ms each, ≈ 3 s for a year of 5,664
 * sheets on one thread); when there is no usable hand-over at all, half of them are read by a worker
 * thread (index-entries-worker.ts) while this thread reads the other half, during Astro's otherwise
 * single-threaded start-up. Only the small results cross between the threads, never whole records
 * (≈ 0.2 MB each once parsed). Where the worker cannot run (its file is not beside this module, e.g. when
 * bundled), or fails, this thread reads everything, with the same result.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sheet, type Sheet } from '../schema/sheet.ts';
import { listing, type SheetListing } from './collection.ts';
import { collectSheets, listEntryFiles, throwIfInvalid, validateEntry, type Collected } from './load-sheets.ts';
import { entryHash, readIndexCache } from './index-cache.ts';

/** What the collection stores of a record: enough to list sheets without loading them. */
export const sheetIndexEntry = sheet.pick({ id: true, fiscalYear: true, ministry: true, title: true, purpose: true, overview: true });

export interface IndexedSheet {
  data: ReturnType<typeof sheetIndexEntry.parse>;
  listing: SheetListing;
}

export function indexSheet(record: Sheet): IndexedSheet {
  return { data: sheetIndexEntry.parse(record), listing: listing(record) };
}

/** Below this many entries one thread is quicker than starting a worker (≈ 0.3 s to load its modules). */
const PARALLEL_FROM = 400;
/** This thread's share of the entries (measured at 5,664: both halves then take ≈ 1.7 s). */
const MAIN_SHARE = 0.55;
/** Not a literal in `new URL(…)`, so that no bundler turns the worker into an asset of its own. */
const WORKER_FILE = './index-entries-worker.ts';

export interface IndexJob {
  dir: string;
  files: string[];
}

function workerScript(): string | null {
  try {
    const file = fileURLToPath(new URL(WORKER_FILE, import.meta.url));
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function runWorker(script: string, job: IndexJob): Promise<Collected<IndexedSheet>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (result: Collected<IndexedSheet>) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`entry reader worker exited with code ${code} before answering`)));
  });
}

export interface IndexOptions {
  /** Use the worker from this many entries on (default PARALLEL_FROM). */
  parallelFrom?: number;
}

/**
 * The indexed entries; how many were taken from the converter's hand-over (src/lib/index-cache.ts); and
 * whether a worker thread read part of the others (1 or 2 threads).
 */
export interface Indexed {
  sheets: IndexedSheet[];
  handedOver: number;
  threads: 1 | 2;
}

/** Every entry of `dir` indexed, in file-name order; throws one error naming every bad entry. */
export async function indexEntries(dir: string, options: IndexOptions = {}): Promise<Indexed> {
  const files = await listEntryFiles(dir);
  const cache = readIndexCache(dir);
  if (!cache) return { ...(await readEntries(dir, files, options)), handedOver: 0 };
  // An entry whose bytes are the ones the converter hashed is taken as it handed it over. The others
  // (entries edited or added by hand since: few) are read and validated here, one by one, in their place.
  const sheets: IndexedSheet[] = [];
  const problems: string[] = [];
  let handedOver = 0;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed since the folder was listed
      throw err;
    }
    const cached = cache.get(file);
    if (cached && cached.hash === entryHash(bytes)) {
      sheets.push({ data: cached.data, listing: cached.listing });
      handedOver++;
    } else {
      // The bytes already read, validated as any entry is (not read a second time).
      const r = validateEntry(bytes.toString('utf8'), file);
      if ('sheet' in r) sheets.push(indexSheet(r.sheet));
      else problems.push(...r.problems);
    }
  }
  throwIfInvalid(dir, problems);
  return { sheets, handedOver, threads: 1 };
}

/** `files` of `dir` read, validated and indexed, on two threads from `parallelFrom` files on. */
async function readEntries(dir: string, files: string[], { parallelFrom = PARALLEL_FROM }: IndexOptions): Promise<Omit<Indexed, 'handedOver'>> {
  const script = files.length >= parallelFrom ? workerScript() : null;
  if (!script) {
    const all = collectSheets(dir, files, indexSheet);
    throwIfInvalid(dir, all.problems);
    return { sheets: all.items, threads: 1 };
  }
  // The worker spends ≈ 0.3 s loading its modules first: this thread takes a little more than half.
  const split = Math.ceil(files.length * MAIN_SHARE);
  const second = files.slice(split);
  let threads: 1 | 2 = 2;
  // Started first, so that it loads its modules while this thread reads the first half.
  const fromWorker = runWorker(script, { dir, files: second }).catch(() => {
    // A worker that cannot start or fails: its half is read here (the same code, the same result).
    threads = 1;
    return collectSheets(dir, second, indexSheet);
  });
  const first = collectSheets(dir, files.slice(0, split), indexSheet);
  const rest = await fromWorker;
  throwIfInvalid(dir, [...first.problems, ...rest.problems]);
  return { sheets: [...first.items, ...rest.items], threads };
}
