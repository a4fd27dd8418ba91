/**
 * The `sheets` collection: one entry per converted review sheet under content/sheets/<id>.md.
 *
 * Every entry is validated here, at build time, with the same zod schema the converter used
 * (src/schema/sheet.ts): a bad entry fails the build with its file and field. The collection then keeps
 * only a small projection of each record (SheetIndexEntry), and hands the pages a listing of every sheet
 * from the same pass (shareListings in src/lib/collection.ts); pages read the full records through
 * src/lib/collection.ts (src/lib/load-sheets.ts), because keeping whole records in Astro's data store made
 * Astro serialise them, bundle the store into the server build and parse it back — ~40 s and ~2.6 GB of a
 * ~100 s build at a year of sheets (5,664 entries of ~25 kB).
 */
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { indexEntries, sheetIndexEntry } from './lib/index-entries.ts';
import { shareListings } from './lib/collection.ts';
import { contentDir } from './lib/paths.ts';
import { waitForContent } from './lib/content-ready.ts';
import { finishCommit } from '../scripts/lib/entries-store.ts';

const sheets = defineCollection({
  loader: {
    name: 'sheet-entries',
    async load({ store, generateDigest, logger }) {
      const dir = path.join(contentDir(), 'sheets');
      // Under `npm run build` the converter may still be writing the entries (src/lib/content-ready.ts).
      const waited = await waitForContent();
      if (waited > 0) logger.info(`waited ${waited.toFixed(1)} s for the converter`);
      // A converter run stopped after its commit point is finished before any entry is read
      // (scripts/lib/entries-store.ts): the entries are then all of one run.
      finishCommit(dir);
      // indexEntries validates every entry with the sheet schema (on two threads) and throws one
      // error listing each bad file and field, so the build fails on any entry that does not match;
      // entries that are byte for byte what the converter wrote and validated are taken from its
      // hand-over instead (src/lib/index-cache.ts). It keeps only a projection and a listing of each
      // record, so the whole records are never all in memory.
      const { sheets: picked, handedOver } = await indexEntries(dir);
      if (picked.length === 0) logger.warn(`no entries in ${dir}: run \`npm run convert\` first`);
      else logger.info(`${picked.length} entries, ${handedOver} of them as the converter handed them over`);
      store.clear();
      for (const { data } of picked) store.set({ id: data.id, data, digest: generateDigest(data) });
      // The pages take the listings from here instead of reading every entry again (src/lib/collection.ts).
      shareListings(dir, picked.map((p) => p.listing));
    },
  },
  schema: sheetIndexEntry,
});

export const collections = { sheets };
