/**
 * `npm run build` says where it is, step by step with counts, on the sample build (the `root` test
 * site, built by tests/support/build-sites.ts from sheets/: 141 inputs, 392 sheets), in few lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/sites.ts';

describe('the build reports its progress', () => {
  const log = readFileSync(builtSite('root').log, 'utf8');
  const lines = log.split('\n').filter((l) => /^(build|convert): /.test(l));

  it('names each step with its counts, in order', () => {
    const steps = [
      /^convert: converting 141 inputs from .*sheets …$/,
      /^convert: 392 sheets converted from 141 inputs \(392 written, 0 removed\)/,
      /^build: convert done at \d+\.\ds$/,
      /^build: astro: rendering pages \(392 sheet pages and the lists\) at \d+\.\ds…$/,
      /^build: astro: 392 sheet pages rendered at \d+\.\ds; the other pages, the sheet JSON and the search index follow…$/,
      /^build: search index: [\d,]+ files, \d+\.\d MB; sheet JSON: [\d,]+ files, \d+\.\d MB$/,
      /^build: astro build \+ search index done at \d+\.\ds$/,
      /^build: swap: .*dist → \.dist-site-\d+-\d+ \(one rename of a link; the old site is deleted\)$/,
      /^build: all done in \d+\.\ds$/,
    ];
    let at = 0;
    for (const step of steps) {
      const found = lines.findIndex((l, i) => i >= at && step.test(l));
      expect(found, `${step} after line ${at} of:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('counts the inputs and the sheet pages as they go, a line a tenth or so, never a line per item', () => {
    const inputs = lines.filter((l) => /^convert: \d+\/141 inputs \(\d+ %\), \d+ sheets, \d+\.\d s$/.test(l));
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    expect(inputs.length).toBeLessThanOrEqual(20);
    const counts = inputs.map((l) => Number(/(\d+)\/141/.exec(l)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const pages = lines.filter((l) => /^build: astro: [\d,]+\/392 sheet pages \(\d+ %\), \d+\.\d s$/.test(l));
    expect(pages.length).toBeLessThanOrEqual(20);
    expect(lines.length).toBeLessThan(60);
  });
});
