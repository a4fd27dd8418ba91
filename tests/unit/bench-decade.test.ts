/**
 * The 52,000-sheet bench's input (scripts/bench/generate-decade.ts), planned and assembled small from the
 * shipped samples: the 138 real JUDGIT sheets of sheets/judgit (2015 28, 2017 29, 2019 29, 2021 26, 2023
 * 26) stand for the five shared years and sheets/rs2024 for the RS year, with a "decade" of 280 sheets of
 * which 40 RS. The copies must convert as real sheets do (0 errors, the same warnings as their source),
 * every id must be unique, the years must be the documented ones, and the same input must give the same
 * files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDecade, JUDGIT_ID_OFFSET, listRealYears, moveSheet, movedNumber, planDecade } from '../../scripts/bench/generate-decade.ts';
import { convertAll, type ConvertSummary } from '../../scripts/converter/run.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import type { Sheet } from '../../src/schema/sheet.ts';

const root = path.resolve(import.meta.dirname, '../..');
const realDir = path.join(root, 'sheets', 'judgit');
const rsSample = path.join(root, 'sheets', 'rs2024');
const FULL = 280;
const RS_FULL = 40;
const years = listRealYears(realDir);

/** Every file under `dir` with the SHA-1 of its bytes, by path. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs), createHash('sha1').update(readFileSync(abs)).digest('hex'));
  }
  return out;
}

describe('planDecade', () => {
  it('at full size: every real sheet, the RS year, the rest as copies split over the years between', () => {
    expect(years.map((y) => [y.year, y.files.length])).toEqual([[2015, 28], [2017, 29], [2019, 29], [2021, 26], [2023, 26]]);
    const plan = planDecade(years, FULL, FULL, RS_FULL);
    expect(plan.real.map((y) => y.files.length)).toEqual([28, 29, 29, 26, 26]);
    expect(plan.rs).toBe(40);
    // 280 − 138 − 40 = 102 copies; no copy year for 2023 (2024 is the RS year). The smallest source
    // year (2021, 26 sheets) takes its share first: 26, 26, then 25 and 25.
    expect(plan.copies.map((c) => [c.from, c.to, c.files.length])).toEqual([[2015, 2016, 26], [2017, 2018, 25], [2019, 2020, 25], [2021, 2022, 26]]);
    // Evenly spaced in path order: the first sheet of the year, then every 28 / 26-th.
    expect(plan.copies[0]!.files[0]).toBe(years[0]!.files[0]);
    expect(plan.copies[0]!.files[1]).toBe(years[0]!.files[1]);
    expect(plan.copies[0]!.files[25]).toBe(years[0]!.files[Math.floor((25 * 28) / 26)]);
  });

  it('scaled down: each part by sheets / full, copies make up the rest', () => {
    const plan = planDecade(years, 140, FULL, RS_FULL);
    expect(plan.real.map((y) => y.files.length)).toEqual([14, 15, 15, 13, 13]);
    expect(plan.rs).toBe(20);
    expect(plan.copies.map((c) => c.files.length)).toEqual([13, 12, 12, 13]);
    expect(plan.real[0]!.files).toEqual(years[0]!.files.filter((_, i) => i % 2 === 0));
  });

  it('refuses a size its years cannot make', () => {
    // Above full size only the copies grow, up to 28 + 29 + 29 + 26 = 112 of them.
    expect(planDecade(years, 290, FULL, RS_FULL).copies.map((c) => c.files.length)).toEqual([28, 29, 29, 26]);
    expect(() => planDecade(years, 291, FULL, RS_FULL)).toThrow('291 sheets need 113 copies; the years 2015, 2017, 2019, 2021 have 112 sheets to copy (at most 290 sheets)');
    expect(() => planDecade(years, 0)).toThrow(/positive integer/);
  });
});

describe('moveSheet', () => {
  it('moves the review year, every 年度 and the number\'s leading year; keeps the project and its texts', () => {
    const j = JSON.parse(readFileSync(path.join(realDir, '2021/文部科学省/2021-文科-20-0004.json'), 'utf8'));
    const m = moveSheet(j, 2021, 2022);
    expect(m['公開年度']).toBe(2022);
    expect(m['事業番号']).toBe('2022-文科-20-0004');
    expect(m['事業番号1']).toBe('2022');
    expect(m['事業番号3']).toBe(j['事業番号3']);
    expect((m['予算'] as { 年度: number }[]).map((b) => b.年度)).toEqual((j['予算'] as { 年度: number }[]).map((b) => b.年度 + 1));
    expect(m['事業名']).toBe(j['事業名']);
    expect(m['事業概要']).toBe(j['事業概要']);
    expect(m['開始年度']).toBe(j['開始年度']);
    expect(m['事業ID']).toBe(j['事業ID']);
    expect(() => moveSheet(j, 2019, 2020)).toThrow(/公開年度 is 2021/);
  });

  it('gives a sheet with a JUDGIT ID a new one', () => {
    const j = JSON.parse(readFileSync(path.join(realDir, '2015/個人情報保護委員会/0001.json'), 'utf8'));
    expect(j['ID']).toBe(200);
    expect(moveSheet(j, 2015, 2016)['ID']).toBe(200 + JUDGIT_ID_OFFSET);
    expect(movedNumber('新27-0025', 2015, 2016)).toBe('新27-0025');
  });
});

describe('assembleDecade, converted', () => {
  let tmp: string;
  let summary: ConvertSummary;
  const records: Sheet[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-decade-'));
    await assembleDecade({ realDir, rsSample, outDir: path.join(tmp, 'a'), sheets: FULL, full: FULL, rsFull: RS_FULL });
    await assembleDecade({ realDir, rsSample, outDir: path.join(tmp, 'b'), sheets: FULL, full: FULL, rsFull: RS_FULL });
    summary = await convertAll({ sheetsDir: path.join(tmp, 'a'), contentDir: path.join(tmp, 'content') });
    const dir = path.join(tmp, 'content', 'sheets');
    for (const f of readdirSync(dir)) if (f.endsWith('.md')) records.push(parseEntry(readFileSync(path.join(dir, f), 'utf8'), f).data as Sheet);
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is deterministic: the same files, byte for byte', () => {
    const a = tree(path.join(tmp, 'a'));
    expect(a.size).toBe(138 + 102 + 14); // real + copies + the 14 RS tables of the sample
    expect(tree(path.join(tmp, 'b'))).toEqual(a);
  });

  it('converts with 0 errors into 280 sheets with unique ids, in the documented years', () => {
    expect(summary.errors).toEqual([]);
    expect(summary.converted).toBe(FULL);
    expect(new Set(records.map((r) => r.id)).size).toBe(FULL);
    const byYear = new Map<number, number>();
    for (const r of records) byYear.set(r.fiscalYear, (byYear.get(r.fiscalYear) ?? 0) + 1);
    expect([...byYear].sort((a, b) => a[0] - b[0])).toEqual([
      [2015, 28], [2016, 26], [2017, 29], [2018, 25], [2019, 29], [2020, 25], [2021, 26], [2022, 26], [2023, 26], [2024, 40],
    ]);
    expect(records.filter((r) => r.source.form === 'rs-csv')).toHaveLength(40);
  });

  it('each copy reads as its source a year later: same title, payees and amounts, the same warnings', () => {
    const bySource = new Map(records.filter((r) => r.source.file.startsWith('judgit/')).map((r) => [r.source.file.slice('judgit/'.length), r]));
    const copies = records.filter((r) => r.source.file.startsWith('judgit-copies/'));
    expect(copies).toHaveLength(102);
    for (const c of copies) {
      const [, year, ministry, name] = c.source.file.split('/') as [string, string, string, string];
      const from = Number(year) - 1;
      const src = bySource.get(`${from}/${ministry}/${name.replace(`${year}-`, `${from}-`)}`)!;
      expect(src, c.source.file).toBeDefined();
      expect(c.fiscalYear).toBe(src.fiscalYear + 1);
      expect(c.id.slice(5)).toBe(src.id.slice(5).replace(`${from}-`, `${year}-`));
      expect(c.title).toBe(src.title);
      expect(c.overview).toBe(src.overview);
      expect(c.judgitProjectId).toBe(src.judgitProjectId);
      expect(c.budgets.map((b) => [b.year - 1, b.total, b.executed])).toEqual(src.budgets.map((b) => [b.year, b.total, b.executed]));
      expect(c.payees.map((p) => [p.name, p.corporateNumber, p.amount])).toEqual(src.payees.map((p) => [p.name, p.corporateNumber, p.amount]));
      expect(c.warnings.map((w) => w.code), c.source.file).toEqual(src.warnings.map((w) => w.code));
    }
    // One copy checked by its values: 文部科学省's 2021-文科-20-0004 as 2022.
    const one = copies.find((r) => r.source.file === 'judgit-copies/2022/文部科学省/2022-文科-20-0004.json');
    expect(one?.id).toBe('2022-mext-2022-mext-20-0004');
    expect(one?.fiscalYear).toBe(2022);
    expect(one?.title).toBe('学校保健統計調査');
    // The source's 2018 予算計 of 14.7 百万円 is the copy's 2019 column.
    expect(one?.budgets.map((b) => [b.year, b.isRequest, b.total])).toEqual([
      [2019, false, 14_700_000], [2020, false, 15_400_000], [2021, false, 14_800_000], [2022, false, 14_800_000], [2023, true, null],
    ]);
  });
});
