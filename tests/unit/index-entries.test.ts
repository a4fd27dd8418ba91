/**
 * The content loader's pass over every entry (src/lib/index-entries.ts): read on two threads at a year of
 * sheets, with the same result, in the same order, and the same errors as on one.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEntry } from '../../src/lib/entry-file.ts';
import { indexEntries, indexSheet } from '../../src/lib/index-entries.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { rsSamples, textSample } from '../support/sample-records.ts';

let dir: string;
let records: Sheet[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'index-entries-'));
  records = [await textSample('000_ef263abaeb28aada.txt'), ...(await rsSamples())];
  for (const r of records) await writeFile(path.join(dir, `${r.id}.md`), serializeEntry(r, '# body\n'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('indexEntries', () => {
  it('reads part of the entries on a worker thread, with the same result as one thread, in file-name order', async () => {
    const two = await indexEntries(dir, { parallelFrom: 1 });
    const one = await indexEntries(dir, { parallelFrom: Number.POSITIVE_INFINITY });
    expect(two.threads).toBe(2);
    expect(one.threads).toBe(1);
    const expected = [...records].sort((a, b) => (a.id < b.id ? -1 : 1)).map(indexSheet);
    expect(two.sheets).toHaveLength(records.length);
    expect(two.sheets).toEqual(expected);
    expect(one.sheets).toEqual(expected);
    // A real value, through the worker's half (the last file by name is read there).
    const last = two.sheets[two.sheets.length - 1]!;
    expect(last.data.id).toBe(expected[expected.length - 1]!.data.id);
    expect(last.listing.row.title).toBe(last.data.title);
  });

  it('names the bad entries of both threads, in file-name order', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'index-entries-bad-'));
    try {
      const sample = records.slice(1, 9);
      for (const [i, r] of sample.entries()) {
        const broken = i === 1 ? { ...r, title: 42 } : i === 6 ? { ...r, fiscalYear: '令和6年度' } : r;
        await writeFile(path.join(bad, `e${i}.md`), serializeEntry(broken as unknown as Sheet, ''));
      }
      const err = await indexEntries(bad, { parallelFrom: 1 }).then(
        () => null,
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      const lines = err!.message.split('\n');
      expect(lines[0]).toContain('(2 problems)');
      expect(lines[1]).toMatch(/^e1\.md: title: /);
      expect(lines[2]).toMatch(/^e6\.md: fiscalYear: /);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
