/**
 * The content loader's one pass over the entries (src/content.config.ts): for every entry file its hash
 * and listing, and the problems of the entries that fail the schema.
 *
 * An entry whose bytes are the ones the converter wrote and validated in this build is taken as it handed
 * it over (src/schema/hand-over.ts): read and hashed only. Any other entry (edited by hand, written by
 * something else, or any entry outside `npm run build`) is parsed and validated here with the schema; one
 * that fails costs only itself: it is left out and its problems (file, field, value, what was expected)
 * are returned, so that the build reports them and exits non-zero while every other page is built.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { listing, type SheetListing } from './sheet-listing.ts';
import { entryHash, readIndexCache } from '../../schema/hand-over.ts';
import { listEntryFilesSync, validateEntry } from './load-sheets.ts';
import type { ReportProblem } from '../../schema/convert-report.ts';

/** What the loader keeps of one valid entry. */
export interface IndexedEntry {
  id: string;
  /** Hash of the entry file's bytes (entryHash): what a page reads must hash to it to be trusted. */
  hash: string;
  /** True when validated by the loader (not as handed over by the converter): its page validates it again. */
  checkedHere: boolean;
  listing: SheetListing;
}

export interface Indexed {
  entries: IndexedEntry[];
  problems: ReportProblem[];
  /** How many entries were taken as the converter handed them over. */
  handedOver: number;
}

/**
 * Every entry of `dir` in file-name order. Entries are read synchronously: they are small and many, and
 * asynchronous reads queue on libuv's four threads, which the whole process shares (docs/BENCHMARKS.md).
 */
export function indexEntries(dir: string, env: NodeJS.ProcessEnv = process.env): Indexed {
  const cache = readIndexCache<SheetListing>(dir, env);
  const entries: IndexedEntry[] = [];
  const problems: ReportProblem[] = [];
  let handedOver = 0;
  for (const file of listEntryFilesSync(dir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed since the folder was listed
      throw err;
    }
    const hash = entryHash(bytes);
    const cached = cache?.get(file);
    if (cached && cached.hash === hash) {
      entries.push({ id: cached.listing.id, hash, checkedHere: false, listing: cached.listing });
      handedOver++;
      continue;
    }
    const r = validateEntry(bytes.toString('utf8'), file);
    if ('problems' in r) {
      problems.push(...r.problems);
      continue;
    }
    if (`${r.sheet.id}.md` !== file) {
      problems.push({ file, where: 'id', message: `the entry's id ${JSON.stringify(r.sheet.id)} is not its file name` });
      continue;
    }
    entries.push({ id: r.sheet.id, hash, checkedHere: true, listing: listing(r.sheet) });
  }
  return { entries, problems, handedOver };
}
