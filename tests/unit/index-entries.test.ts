/**
 * The content loader's pass over every entry (src/lib/index-entries.ts): read on two threads at a year of
 * sheets, with the same result, in the same order, and the same errors as on one; and the converter's
 * hand-over, which spares reading the entries it wrote, with the same result.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEntry } from '../../src/lib/entry-file.ts';
import { indexEntries, indexSheet, type IndexedSheet } from '../../src/lib/index-entries.ts';
import { INDEX_CACHE_FILE } from '../../src/lib/index-cache.ts';
import { convertAll } from '../../scripts/lib/convert-run.ts';
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

describe('the converter\'s hand-over (src/lib/index-cache.ts)', () => {
  let tmp: string;
  let sheetsDir: string;

  beforeAll(async () => {
    // The project's shipped sample sheets (both text samples and the RS subset), converted for real.
    tmp = await mkdtemp(path.join(tmpdir(), 'index-handover-'));
    const converted = await convertAll({ sheetsDir: path.resolve('sheets'), contentDir: tmp });
    expect(converted.errors).toEqual([]);
    sheetsDir = path.join(tmp, 'sheets');
  });

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  /** The same folder read with no hand-over: every entry read and validated. */
  async function readWithout(): Promise<IndexedSheet[]> {
    const handOver = path.join(sheetsDir, INDEX_CACHE_FILE);
    const saved = await readFile(handOver);
    await rm(handOver);
    try {
      const read = await indexEntries(sheetsDir, { parallelFrom: 1 });
      expect(read.handedOver).toBe(0);
      return read.sheets;
    } finally {
      await writeFile(handOver, saved);
    }
  }

  it('gives every converted entry exactly as reading and validating it would', async () => {
    const files = (await readdir(sheetsDir)).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(250);
    const handed = await indexEntries(sheetsDir);
    expect(handed.handedOver).toBe(files.length);
    expect(handed.sheets).toStrictEqual(await readWithout());
    const cas1 = handed.sheets.find((s) => s.data.id.endsWith('-rs1'))!;
    expect(cas1.data.title).toBe('内閣人事局経費');
  });

  it('reads an entry edited after the convert, and names it when it is no longer valid', async () => {
    const [file] = (await readdir(sheetsDir)).filter((f) => f.endsWith('-rs1.md'));
    const entry = path.join(sheetsDir, file!);
    const original = await readFile(entry, 'utf8');
    try {
      await writeFile(entry, original.replace('title: "内閣人事局経費"', 'title: "内閣人事局経費（改）"'));
      const edited = await indexEntries(sheetsDir);
      expect(edited.handedOver).toBe(edited.sheets.length - 1);
      expect(edited.sheets.find((s) => s.data.id === file!.slice(0, -3))!.listing.title).toBe('内閣人事局経費（改）');
      expect(edited.sheets).toStrictEqual(await readWithout());

      await writeFile(entry, original.replace('title: "内閣人事局経費"', 'title: 42'));
      await expect(indexEntries(sheetsDir)).rejects.toThrow(new RegExp(`${file!.replace('.', '\\.')}: title: `));
    } finally {
      await writeFile(entry, original);
    }
  });

  it('is not used when it was made by other code', async () => {
    const handOver = path.join(sheetsDir, INDEX_CACHE_FILE);
    const saved = await readFile(handOver, 'utf8');
    try {
      await writeFile(handOver, saved.replace(/^\{"code":"[^"]*"/, '{"code":"made-by-another-version"'));
      const read = await indexEntries(sheetsDir);
      expect(read.handedOver).toBe(0);
      expect(read.sheets).toStrictEqual((await indexEntries(sheetsDir, { parallelFrom: 1 })).sheets);
    } finally {
      await writeFile(handOver, saved);
    }
    expect((await indexEntries(sheetsDir)).handedOver).toBeGreaterThan(250);
  });
});
