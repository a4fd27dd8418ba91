import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { goldenPath, renderTextEntry, sampleNames } from '../golden/render.ts';

describe('golden entries of the text samples (update: node tests/golden/update.ts)', () => {
  it('has a golden for every sample', () => {
    expect(sampleNames().length).toBeGreaterThanOrEqual(2);
    for (const name of sampleNames()) expect(existsSync(goldenPath(name)), goldenPath(name)).toBe(true);
  });

  it.each(sampleNames())('%s converts to its golden entry', async (name) => {
    const actual = await renderTextEntry(name);
    const golden = readFileSync(goldenPath(name), 'utf8');
    const changed = goldenPath(name, '-changed');
    if (actual !== golden) {
      // Never overwrite the golden here: leave the new output beside it for review.
      writeFileSync(changed, actual);
      expect.fail(`${name}: entry differs from ${goldenPath(name)}; new output written to ${changed}`);
    }
    rmSync(changed, { force: true });
  });
});
