/**
 * Writes the golden entries of the text-sheet converter: tests/golden/text/<sample>.md for every
 * sheets/text/<sample>.txt. Run from the project root, after checking that the change is wanted:
 *
 *   . scripts/node22.sh && node tests/golden/update.ts
 *
 * The golden test never writes goldens; when an entry differs it writes <sample>-changed.md beside the
 * golden (gitignored) and fails, so `diff tests/golden/text/<sample>.md tests/golden/text/<sample>-changed.md`
 * shows the change before this script accepts it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { GOLDEN_DIR, goldenPath, renderTextEntry, sampleNames } from './render.ts';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const name of sampleNames()) {
  writeFileSync(goldenPath(name), await renderTextEntry(name));
  rmSync(goldenPath(name, '-changed'), { force: true });
  console.log(`wrote ${goldenPath(name)}`);
}
