/**
 * The site's record loader (src/lib/data/load-sheets.ts): reads content entries written by serializeEntry,
 * validates them with the schema, and on bad entries names every file and field instead of stopping at
 * the first.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEntry } from '../../src/schema/entry-file.ts';
import { listEntryFiles, loadSheet, loadSheets } from '../../src/lib/data/load-sheets.ts';
import { entryHash } from '../../src/schema/hand-over.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { rsSamples, textSample } from '../support/sample-records.ts';

let dir: string;
let records: Sheet[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'load-sheets-'));
  records = [await textSample('000_ef263abaeb28aada.txt'), ...(await rsSamples()).slice(0, 3)];
  for (const r of records) await writeFile(path.join(dir, `${r.id}.md`), serializeEntry(r, '# body\n'));
  await writeFile(path.join(dir, 'notes.txt'), 'not an entry');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadSheets', () => {
  it('lists only .md entries, sorted by file name', async () => {
    const files = await listEntryFiles(dir);
    expect(files).toEqual(records.map((r) => `${r.id}.md`).sort());
  });

  it('returns every record exactly as validated, in file-name order', async () => {
    const loaded = await loadSheets(dir);
    const expected = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(loaded.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(loaded).toEqual(expected);
  });

  it('returns nothing for a folder that does not exist', async () => {
    expect(await loadSheets(path.join(dir, 'missing'))).toEqual([]);
  });

  it('names each bad file and field, after checking every entry', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'load-sheets-bad-'));
    try {
      const [a, b] = records;
      const wrongAmount = { ...a, budgets: a.budgets.map((y, i) => (i === 0 ? { ...y, initial: '12,000' } : y)) };
      await writeFile(path.join(bad, 'a.md'), serializeEntry(wrongAmount as unknown as Sheet, ''));
      await writeFile(path.join(bad, 'b.md'), serializeEntry({ ...b, title: 42 } as unknown as Sheet, ''));
      await writeFile(path.join(bad, 'c.md'), 'no frontmatter\n');
      await writeFile(path.join(bad, 'd.md'), serializeEntry(records[2], ''));
      const err = await loadSheets(bad).then(
        () => null,
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      const lines = err!.message.split('\n');
      expect(lines[0]).toContain('(3 problems)');
      expect(lines).toContainEqual('a.md: does not match the sheet schema: budgets[0].initial = "12,000": Invalid input: expected number, received string');
      expect(lines).toContainEqual('b.md: does not match the sheet schema: title = 42: Invalid input: expected string, received number');
      expect(lines).toContainEqual('c.md: entry does not start with a frontmatter fence');
      expect(err!.message).not.toContain('d.md');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

describe('loadSheet', () => {
  it('parses an entry whose bytes hash to what the converter validated without validating it again, with the same record', async () => {
    const r = records[1]!;
    const bytes = await readFile(path.join(dir, `${r.id}.md`));
    const trusted = loadSheet(dir, r.id, entryHash(bytes));
    expect(trusted).toStrictEqual(loadSheet(dir, r.id));
    expect(trusted).toStrictEqual(r);
  });

  it('validates an entry whose bytes changed since, and names its problem', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'load-sheets-edited-'));
    try {
      const r = records[0]!;
      const good = serializeEntry(r, '');
      await writeFile(path.join(bad, `${r.id}.md`), serializeEntry({ ...r, title: 42 } as unknown as Sheet, ''));
      expect(() => loadSheet(bad, r.id, entryHash(good))).toThrow(`${r.id}.md: does not match the sheet schema: title = 42: Invalid input: expected string, received number`);
      expect(loadSheet(bad, 'missing', null)).toBeNull();
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
