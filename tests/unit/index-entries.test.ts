/**
 * The content loader's one pass over the entries (src/lib/data/entry-index.ts) and the converter's hand-over
 * it trusts (src/schema/hand-over.ts): on the shipped samples, converted for real, an entry the converter
 * wrote in this build is taken as handed over (hash and listing), with the same listing as validating
 * it; any other entry is validated; an invalid one costs only itself and is named with its field, value
 * and what was expected.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexEntries } from '../../src/lib/data/entry-index.ts';
import { INDEX_CACHE_FILE, entryHash } from '../../src/schema/hand-over.ts';
import { CONVERT_RUN_ENV } from '../../src/schema/convert-report.ts';
import { loadSheet } from '../../src/lib/data/load-sheets.ts';
import { listing } from '../../src/lib/data/sheet-listing.ts';
import { convertAll } from '../../scripts/converter/run.ts';

const RUN = 'test-run-1';
const thisRun = { [CONVERT_RUN_ENV]: RUN };
let tmp: string;
let dir: string;
let files: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'index-entries-'));
  const saved = process.env[CONVERT_RUN_ENV];
  process.env[CONVERT_RUN_ENV] = RUN;
  try {
    const converted = await convertAll({ sheetsDir: path.resolve('sheets'), contentDir: tmp, listing });
    expect(converted.errors).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env[CONVERT_RUN_ENV];
    else process.env[CONVERT_RUN_ENV] = saved;
  }
  dir = path.join(tmp, 'sheets');
  files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('indexEntries', () => {
  it("takes every entry of this build's converter run as handed over, with the listing validating it gives", async () => {
    expect(files.length).toBe(392);
    const handed = indexEntries(dir, thisRun);
    expect(handed.handedOver).toBe(392);
    expect(handed.problems).toEqual([]);
    expect(handed.entries.map((e) => `${e.id}.md`)).toEqual(files);
    expect(handed.entries.every((e) => !e.checkedHere)).toBe(true);
    // Outside this build's run (astro dev, astro build, another run) every entry is validated, with the same result.
    for (const env of [{}, { [CONVERT_RUN_ENV]: 'another-run' }]) {
      const checked = indexEntries(dir, env);
      expect(checked.handedOver).toBe(0);
      expect(checked.entries.every((e) => e.checkedHere)).toBe(true);
      expect(checked.entries.map((e) => e.listing)).toStrictEqual(handed.entries.map((e) => e.listing));
      expect(checked.entries.map((e) => e.hash)).toEqual(handed.entries.map((e) => e.hash));
    }
    const rs1 = handed.entries.find((e) => e.id === '2024-cas-rs1')!;
    expect(rs1.listing.title).toBe('内閣人事局経費');
    expect(rs1.listing).toStrictEqual(listing(loadSheet(dir, '2024-cas-rs1')!));
    expect(rs1.hash).toBe(entryHash(await readFile(path.join(dir, '2024-cas-rs1.md'))));
  });

  it('validates an entry edited by hand; an invalid one costs only itself and is named with field, value and expectation', async () => {
    const entry = path.join(dir, '2024-cas-rs1.md');
    const original = await readFile(entry, 'utf8');
    try {
      await writeFile(entry, original.replace('title: "内閣人事局経費"', 'title: "内閣人事局経費（改）"'));
      const edited = indexEntries(dir, thisRun);
      expect(edited.handedOver).toBe(391);
      const rs1 = edited.entries.find((e) => e.id === '2024-cas-rs1')!;
      expect(rs1.checkedHere).toBe(true);
      expect(rs1.listing.title).toBe('内閣人事局経費（改）');

      await writeFile(entry, original.replace(/^fiscalYear: 2024$/m, 'fiscalYear: "令和6年度"'));
      const bad = indexEntries(dir, thisRun);
      expect(bad.entries).toHaveLength(391);
      expect(bad.entries.some((e) => e.id === '2024-cas-rs1')).toBe(false);
      expect(bad.problems).toEqual([
        { file: '2024-cas-rs1.md', where: 'fiscalYear', message: 'does not match the sheet schema: fiscalYear = "令和6年度": Invalid input: expected number, received string' },
      ]);
    } finally {
      await writeFile(entry, original);
    }
  });

  it('names an entry whose id is not its file name, and one that is not an entry', async () => {
    const copy = path.join(dir, '2024-cas-rs999.md');
    const junk = path.join(dir, 'zz-junk.md');
    await writeFile(copy, await readFile(path.join(dir, '2024-cas-rs1.md')));
    await writeFile(junk, 'no frontmatter\n');
    try {
      const r = indexEntries(dir, thisRun);
      expect(r.entries).toHaveLength(392);
      expect(r.problems).toEqual([
        { file: '2024-cas-rs999.md', where: 'id', message: 'the entry\'s id "2024-cas-rs1" is not its file name' },
        { file: 'zz-junk.md', where: null, message: 'entry does not start with a frontmatter fence' },
      ]);
    } finally {
      await rm(copy);
      await rm(junk);
    }
  });

  it('trusts no hand-over that is missing or unreadable', async () => {
    const handOver = path.join(dir, INDEX_CACHE_FILE);
    const saved = await readFile(handOver);
    try {
      await writeFile(handOver, '{"run":');
      expect(indexEntries(dir, thisRun).handedOver).toBe(0);
      await rm(handOver);
      const r = indexEntries(dir, thisRun);
      expect(r.handedOver).toBe(0);
      expect(r.entries).toHaveLength(392);
    } finally {
      await writeFile(handOver, saved);
    }
  });
});
