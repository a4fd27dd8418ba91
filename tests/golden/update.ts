/**
 * Writes the golden outputs of every case (tests/golden/render.ts) after checking that the change is wanted:
 *
 *   . scripts/node22.sh && node tests/golden/update.ts
 *
 * - the entries and summary: from the real converter run on tests/golden/<case>/input/;
 * - each entry's page key text (<id>.page.txt): from the built sample site of the site tests
 *   (.test-sites/root, e.g. after `TEST_SITES=root npx vitest run --project site tests/site/golden-pages.test.ts`),
 *   when it is there and was built from the same entries; otherwise the page texts are left as they are
 *   and this script says so.
 *
 * The golden tests never write goldens; when an output differs they write <file>-changed.<ext> beside it
 * (gitignored) and fail, so `diff` shows the change before this script accepts it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convertCase, expectedDir, goldenCases, pageKeyText } from './render.ts';
import { readPage } from '../support/site-text.ts';

const root = path.resolve('.test-sites/root');
for (const name of goldenCases()) {
  const dir = expectedDir(name);
  mkdirSync(dir, { recursive: true });
  const output = await convertCase(name);
  // Files of a run that no longer writes them go (a renamed id): the expected folder is the converter's output.
  for (const f of readdirSync(dir)) {
    if (!output.has(f) && !f.endsWith('.page.txt')) rmSync(path.join(dir, f));
  }
  for (const [file, text] of output) {
    writeFileSync(path.join(dir, file), text);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, file))}`);
  }
  for (const file of output.keys()) {
    if (!file.endsWith('.md')) continue;
    const id = file.slice(0, -3);
    const pageTxt = path.join(dir, `${id}.page.txt`);
    const entry = path.join(root, 'content', 'sheets', file);
    const page = path.join(root, 'dist', 'sheets', id, 'index.html');
    if (!existsSync(page) || !existsSync(entry) || readFileSync(entry, 'utf8') !== output.get(file)) {
      console.log(`kept ${path.relative(process.cwd(), pageTxt)}: no page built from this entry under ${path.relative(process.cwd(), root)}`);
      continue;
    }
    // As the golden test reads it: with its body, published apart, put back (readPage).
    writeFileSync(pageTxt, pageKeyText(readPage(page)));
    console.log(`wrote ${path.relative(process.cwd(), pageTxt)}`);
  }
  for (const f of readdirSync(dir)) {
    // A failed test's <id>-changed.page.txt is both: removed once.
    const stale = f.endsWith('.page.txt') && !output.has(`${f.slice(0, -'.page.txt'.length)}.md`);
    if (stale || /-changed\.[a-z.]+$/.test(f)) rmSync(path.join(dir, f));
  }
}
