/**
 * The `sheets` collection: one entry per converted review sheet under content/sheets/<id>.md, and the
 * way the pages get them (src/lib/data/collection.ts: getCollection / getEntry).
 *
 * The loader makes one pass over the entries (src/lib/data/entry-index.ts): an entry the converter wrote and
 * validated in this build is taken as it handed it over (its hash and listing, src/schema/hand-over.ts);
 * any other entry is validated here with the sheet schema. An entry that fails costs only itself: it is
 * left out, and its problems (file, field, value, what was expected) are logged and written to
 * `.entry-problems.json` (src/lib/data/entry-problems.ts) for the data-quality page and `npm run build`, which
 * exits non-zero.
 *
 * The store keeps per sheet its hash, and its listing only when the converter did not hand one over (the
 * pages take the others from the hand-over, src/lib/data/collection.ts): whole records (≈ 25 kB each) or even
 * every listing (≈ 4.5 kB each) in Astro's data store are serialised, bundled into the server build and
 * parsed again — ~40 s for whole records at a year of sheets (docs/BENCHMARKS.md).
 */
import { defineCollection } from 'astro:content';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexEntries } from './lib/data/entry-index.ts';
import { contentDir } from './shared/paths.ts';
import { waitForContent } from './lib/data/content-ready.ts';
import { CONVERT_RUN_ENV } from './schema/convert-report.ts';
import { ENTRY_PROBLEMS_FILE, entryProblemsText, problemLine } from './lib/data/entry-problems.ts';
import type { StoredSheet } from './lib/data/collection.ts';

/** The converter's manifest (scripts/converter/entries-store.ts): `pending` present = a run stopped mid-commit. */
const MANIFEST = '.manifest.json';

function stoppedMidCommit(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { pending?: unknown }).pending !== undefined;
  } catch {
    return false;
  }
}

const sheets = defineCollection({
  loader: {
    name: 'sheet-entries',
    async load({ store, logger, watcher }) {
      const dir = path.join(contentDir(), 'sheets');
      // Under `npm run build` the converter may still be writing the entries (src/lib/data/content-ready.ts).
      const waited = await waitForContent();
      if (waited > 0) logger.info(`waited ${waited.toFixed(1)} s for the converter`);
      if (stoppedMidCommit(dir)) logger.warn(`a converter run was stopped while it replaced the entries in ${dir}: run \`npm run convert\``);
      const indexed = indexEntries(dir);
      const { entries, handedOver } = indexed;
      // Problems name the entry by its path from the project (or the absolute path, outside it).
      const rel = path.relative(process.cwd(), dir);
      const shownDir = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
      const problems = indexed.problems.map((p) => ({ ...p, file: path.join(shownDir, p.file) }));
      if (entries.length === 0 && problems.length === 0) logger.warn(`no entries in ${dir}: run \`npm run convert\` first`);
      else logger.info(`${entries.length} entries, ${handedOver} of them as the converter handed them over`);
      for (const p of problems) logger.error(problemLine(p));
      if (problems.length > 0) {
        logger.error(`${problems.length} problem(s) in content entries: those entries are left out of the site`);
        // `astro build` run directly exits non-zero once the site is built (Astro's CLI ends with
        // process.exit(0); an exit listener may still set the code). Under `npm run build` the build
        // process reads the problems file instead: it puts the site in place, then fails. Not in
        // `astro dev` (`watcher` is set only there).
        if (!process.env[CONVERT_RUN_ENV] && !watcher) process.once('exit', () => void (process.exitCode ||= 1));
      }
      // Written whole (a rename), as the data-quality page and scripts/build.ts read it.
      if (existsSync(dir)) {
        const problemsFile = path.join(dir, ENTRY_PROBLEMS_FILE);
        writeFileSync(`${problemsFile}.tmp`, entryProblemsText(problems));
        renameSync(`${problemsFile}.tmp`, problemsFile);
      }
      store.clear();
      for (const e of entries) {
        const data: StoredSheet = { hash: e.hash, checkedHere: e.checkedHere, listing: e.checkedHere ? e.listing : null };
        store.set({ id: e.id, data: data as unknown as Record<string, unknown>, digest: e.hash });
      }
    },
  },
});

export const collections = { sheets };
