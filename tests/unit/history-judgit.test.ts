/**
 * Chains and payee profiles on the real JUDGIT sample the project ships (sheets/judgit: 公開年度 2015–2023,
 * 138 files copied unchanged from ../shared/data/judgit), converted by the project's own converter into a
 * temporary content folder. The converter is pointed at sheets/judgit itself: the reader recognises JUDGIT
 * files by content wherever they lie under SHEETS_DIR (a symlink to the folder is not followed: it is
 * reported as an unrecognisable input, and nothing converts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertAll, type ConvertSummary } from '../../scripts/converter/run.ts';
import { buildChains, type Chain } from '../../src/lib/history/chains.ts';
import { sitePayeeIndex } from '../support/payee-index.ts';
import { listing, type SheetListing } from '../../src/lib/data/sheet-listing.ts';
import { loadSheets } from '../../src/lib/data/load-sheets.ts';
import type { Sheet } from '../../src/schema/sheet.ts';

const JUDGIT = path.resolve('sheets/judgit');

let root = '';
let summary: ConvertSummary;
let records: Sheet[] = [];
let chains: Chain<SheetListing>[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'history-judgit-'));
  summary = await convertAll({ sheetsDir: JUDGIT, contentDir: path.join(root, 'content') });
  records = await loadSheets(path.join(root, 'content', 'sheets'));
  chains = buildChains(records.map(listing));
}, 240_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const chainWith = (ministry: string, title: string, year: number) =>
  chains.find((c) => c.members.some((m) => m.sheet.ministry === ministry && m.sheet.title === title && m.sheet.fiscalYear === year));

describe('the shipped JUDGIT sample (sheets/judgit)', () => {
  it('converts every file', () => {
    expect(summary.failedInputs).toEqual([]);
    expect(summary.inputs).toBe(138);
    expect(records.filter((r) => r.source.form === 'judgit')).toHaveLength(138);
  });

  it('follows 内閣官房 内閣人事局経費 across 2015–2023 (事業ID 15 to 2019, by name after)', () => {
    const c = chainWith('内閣官房', '内閣人事局経費', 2015)!;
    expect(c.key).toBe('j15');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.link])).toEqual([
      [2015, 'judgit'],
      [2017, 'judgit'],
      [2019, 'judgit'],
      [2021, 'inferred'],
      [2023, 'inferred'],
    ]);
  });

  it('follows 専門学校生への効果的な経済的支援… (事業ID 2898) through its 事業番号 changes', () => {
    const c = chainWith('文部科学省', '専門学校生への効果的な経済的支援の在り方に関する実証研究事業', 2015)!;
    expect(c.key).toBe('j2898');
    expect(c.members.map((m) => m.sheet.fiscalYear)).toEqual([2015, 2017, 2019, 2021, 2023]);
  });

  it('個人情報保護委員会: 事業ID 2 then 1 joined by name; the renamed 2023 sheet has no stated link and stands alone', () => {
    const c = chainWith('個人情報保護委員会', '特定個人情報の監視・監督に必要な経費', 2015)!;
    expect(c.key).toBe('j2');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.link])).toEqual([
      [2015, 'judgit'],
      [2017, 'judgit'],
      [2019, 'inferred'],
      [2021, 'inferred'],
    ]);
    expect(chainWith('個人情報保護委員会', '特定個人情報の適正な取扱いの推進に必要な経費', 2023)!.members).toHaveLength(1);
  });

  it('a payee profile (三菱電機株式会社, 4010001008772) lists every sheet line with its amount', () => {
    const profile = sitePayeeIndex(records.map(listing)).profiles.get('4010001008772')!;
    const expected = records.flatMap((s) => s.payees.filter((p) => p.corporateNumber === '4010001008772').map((p) => `${s.id} ${p.block}-${p.rank} ${p.amount}`));
    expect(expected.length).toBeGreaterThan(10);
    expect(new Set(profile.lines.map((l) => l.sheet.id)).size).toBeGreaterThan(2);
    expect(profile.lines.map((l) => `${l.sheet.id} ${l.payee.block}-${l.payee.rank} ${l.payee.amount}`).sort()).toEqual(expected.sort());
  });
});
