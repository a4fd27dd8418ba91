/**
 * The `sheets` collection: one entry per converted review sheet under content/sheets/<id>.md.
 *
 * Every entry is validated here, at build time, with the same zod schema the converter used
 * (src/schema/sheet.ts): a bad entry fails the build with its file and field. The collection then keeps
 * only a small projection of each record (SheetIndexEntry): pages read the full records through
 * src/lib/collection.ts (src/lib/load-sheets.ts), because keeping whole records in Astro's data store made
 * Astro serialise them, bundle the store into the server build and parse it back — ~40 s and ~2.6 GB of a
 * ~100 s build at a year of sheets (5,664 entries of ~25 kB).
 */
import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sheet } from './schema/sheet.ts';
import { listEntryFiles } from './lib/load-sheets.ts';
import { parseEntry } from './lib/entry-file.ts';
import { contentDir } from './lib/paths.ts';

/** What the collection keeps of a record: enough to list sheets without loading them. */
const sheetIndexEntry = sheet.pick({ id: true, fiscalYear: true, ministry: true, title: true, purpose: true, overview: true });

const sheets = defineCollection({
  loader: {
    name: 'sheet-entries',
    async load({ store, generateDigest, logger }) {
      const dir = path.join(contentDir(), 'sheets');
      const files = await listEntryFiles(dir);
      if (files.length === 0) logger.warn(`no entries in ${dir}: run \`npm run convert\` first`);
      store.clear();
      const problems: string[] = [];
      for (const file of files) {
        const text = await readFile(path.join(dir, file), 'utf8');
        const parsed = sheet.safeParse(parseEntry(text, file).data);
        if (!parsed.success) {
          problems.push(...parsed.error.issues.slice(0, 3).map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
          continue;
        }
        const r = parsed.data;
        const data = sheetIndexEntry.parse(r);
        store.set({ id: file.slice(0, -3), data, digest: generateDigest(text) });
      }
      if (problems.length) throw new Error(`content/sheets: entries that do not match the sheet schema:\n${problems.join('\n')}`);
    },
  },
  schema: sheetIndexEntry,
});

export const collections = { sheets };
