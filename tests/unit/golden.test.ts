/**
 * Golden cases per source form (tests/golden/render.ts): each case's input folder through the real
 * converter (convertAll), every entry and the run's summary compared with tests/golden/<case>/expected/.
 * Update, after reviewing the change: node tests/golden/update.ts
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changedPath, convertCase, expectedConverterFiles, expectedDir, goldenCases } from '../golden/render.ts';

describe('golden cases through the real converter (update: node tests/golden/update.ts)', () => {
  it('has a case for each source form', () => {
    expect(goldenCases()).toEqual(['judgit', 'rs', 'text']);
  });

  it.each(goldenCases())('%s: the converter writes exactly the expected entries and summary', async (name) => {
    const actual = await convertCase(name);
    const expected = expectedConverterFiles(name);
    expect([...actual.keys()].sort(), `${name}: files written`).toEqual(expected);
    const differ: string[] = [];
    for (const [file, text] of actual) {
      const golden = path.join(expectedDir(name), file);
      const changed = changedPath(golden);
      if (readFileSync(golden, 'utf8') !== text) {
        // Never overwrite a golden here: leave the new output beside it for review (diff golden changed).
        writeFileSync(changed, text);
        differ.push(`${golden} (new output: ${changed})`);
      } else rmSync(changed, { force: true });
    }
    expect(differ, `${name}: outputs differ from their goldens`).toEqual([]);
  });
});
