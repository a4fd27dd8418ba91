/**
 * The `sheets` collection: one entry per converted review sheet under content/sheets/<id>.md.
 * A small custom loader instead of glob(): entries carry all their data in frontmatter and the site never
 * renders the markdown body, so skipping Astro's markdown pipeline saves time and memory at 5,000+ entries.
 * Every entry is validated against the same zod schema the converter used (src/schema/sheet.ts).
 */
import { defineCollection } from 'astro:content';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sheet } from './schema/sheet.ts';
import { parseEntry } from './lib/entry-file.ts';
import { contentDir } from './lib/paths.ts';

const sheets = defineCollection({
  loader: {
    name: 'sheet-entries',
    async load({ store, parseData, generateDigest, logger }) {
      const dir = path.join(contentDir(), 'sheets');
      let files: string[] = [];
      try {
        files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
      } catch {
        logger.warn(`no entries in ${dir}: run \`npm run convert\` first`);
      }
      store.clear();
      for (const file of files) {
        const text = await readFile(path.join(dir, file), 'utf8');
        const { data: raw } = parseEntry(text, file);
        const id = file.slice(0, -3);
        const data = await parseData({ id, data: raw, filePath: path.join(dir, file) });
        store.set({ id, data, digest: generateDigest(text) });
      }
    },
  },
  schema: sheet,
});

export const collections = { sheets };
