/**
 * Project chains (src/lib/history/chains.ts) and a project's figures (src/lib/history/project.ts), on
 * JUDGIT-like records typed in from the shared JUDGIT sample (tests/fixtures/history/judgit-like.ts) and
 * on the real shipped sheets (text samples, the RS 2024 subset).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChains, type Chain } from '../../src/lib/history/chains.ts';
import { projectChanges, projectYears, type HistorySheet } from '../../src/lib/history/project.ts';
import { projectBudgetChart } from '../../src/lib/history/charts.ts';
import { budgetChart } from '../../src/lib/view/chart-budget.ts';
import { listing, type SheetListing } from '../../src/lib/data/sheet-listing.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { allSpecs, jinjiKyoku, judgitRecord, ppcSupervision, senmon, type Spec } from '../fixtures/history/judgit-like.ts';
import { rsSample, rsSamples, textSample } from '../support/sample-records.ts';

const M = 1_000_000;
const listings = (records: Sheet[]) => records.map(listing);
const records = (specs: Spec[]) => specs.map(judgitRecord);
const chainOf = <S extends HistorySheet>(chains: Chain<S>[], id: string) => chains.find((c) => c.members.some((m) => m.sheet.id === id))!;
const years = (c: Chain) => c.members.map((m) => m.sheet.fiscalYear);
const links = (c: Chain) => c.members.map((m) => m.link);

describe('chains on JUDGIT-like records', () => {
  let all: SheetListing[];
  let chains: Chain<SheetListing>[];
  beforeAll(async () => {
    // With the real 2022 text sample of 総務省: another 府省庁's year in between is not a neighbouring year.
    all = [...listings(records(allSpecs)), listing(await textSample('000_ef263abaeb28aada.txt'))];
    chains = buildChains(all);
  });

  it('follows 内閣人事局経費 across all five years: by 事業ID to 2019, by name after (marked inferred)', () => {
    const c = chainOf(chains, all.find((l) => l.fiscalYear === 2015 && l.title === '内閣人事局経費')!.id);
    expect(years(c)).toEqual([2015, 2017, 2019, 2021, 2023]);
    expect(c.key).toBe('j15');
    expect(links(c)).toEqual(['judgit', 'judgit', 'judgit', 'inferred', 'inferred']);
  });

  it('joins a project whose 事業ID changed by name, and leaves a renamed sheet with no stated link alone', () => {
    const c = chainOf(chains, all.find((l) => l.fiscalYear === 2015 && l.ministry === '個人情報保護委員会')!.id);
    expect(years(c)).toEqual([2015, 2017, 2019, 2021]);
    // 2019 carries 事業ID 1, the earlier years 2: the key is the earliest sheet's 事業ID.
    expect(c.key).toBe('j2');
    expect(links(c)).toEqual(['judgit', 'judgit', 'inferred', 'inferred']);
    const renamed = chainOf(chains, all.find((l) => l.title === '特定個人情報の適正な取扱いの推進に必要な経費')!.id);
    expect(renamed.members).toHaveLength(1);
    expect(renamed.members[0]!.link).toBeNull();
    // Its id keeps the 事業番号's ministry abbreviation (個情 → ppc: docs/IDS.md).
    expect(renamed.key).toBe('2023-ppc-2023-ppc-22-0001');
  });

  it('shows a renamed project when a stated link (旧事業番号) joins it, and the 事業番号 changes', () => {
    const renamed = judgitRecord({ ...ppcSupervision[4]!, pastSheets: [{ year: 2021, number: '2021-個情-20-0001' }] });
    const ls = listings([...records(ppcSupervision.slice(0, 4)), renamed]);
    const c = chainOf(buildChains(ls), renamed.id);
    expect(years(c)).toEqual([2015, 2017, 2019, 2021, 2023]);
    expect(c.members[4]!.link).toBe('past');
    expect(projectChanges(c)).toEqual([
      { year: 2021, field: '事業番号', from: '0001', to: '2021-個情-20-0001' },
      { year: 2023, field: '事業名', from: '特定個人情報の監視・監督に必要な経費', to: '特定個人情報の適正な取扱いの推進に必要な経費' },
      { year: 2023, field: '事業番号', from: '2021-個情-20-0001', to: '2023-個情-22-0001' },
    ]);
  });

  it('keeps the 事業番号 changes of a project followed by 事業ID', () => {
    const c = chainOf(chains, all.find((l) => l.projectNumber === '新27-0003')!.id);
    expect(c.key).toBe('j2898');
    expect(projectChanges(c).map((x) => `${x.year}:${x.from}→${x.to}`)).toEqual(['2017:新27-0003→0021', '2019:0021→0030']);
  });

  it('takes each year from the latest sheet that states it, naming that sheet', () => {
    const c = chainOf(chains, all.find((l) => l.title === '内閣人事局経費')!.id);
    const ys = projectYears(c as Chain<SheetListing>);
    const id = (y: number) => c.members.find((m) => m.sheet.fiscalYear === y)!.sheet.id;
    expect(ys.map((y) => y.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    // 2014: the 2015 sheet states 28.637 百万円, the 2017 sheet 29 百万円: the later statement is shown.
    expect(ys.find((y) => y.year === 2014)).toEqual({ year: 2014, total: 29 * M, executed: 10 * M, rate: null, fromId: id(2017), fromYear: 2017 });
    // 2017: the 2017 sheet has no 執行額 yet; the 2019 sheet states 23 百万円.
    expect(ys.find((y) => y.year === 2017)).toMatchObject({ total: 35 * M, executed: 23 * M, fromYear: 2019 });
    expect(ys.find((y) => y.year === 2012)).toMatchObject({ total: 0, executed: 0, fromYear: 2015 });
    expect(ys.find((y) => y.year === 2023)).toMatchObject({ total: 33 * M, executed: null, fromYear: 2023 });
  });

  it('a key does not change when a later year is added (the real RS 2024 sheet joins by name)', async () => {
    const rs1 = await rsSample(1);
    expect(rs1.title).toBe('内閣人事局経費');
    const withRs = buildChains([...all, listing(rs1)]);
    const c = chainOf(withRs, rs1.id);
    expect(c.key).toBe('j15');
    expect(years(c)).toEqual([2015, 2017, 2019, 2021, 2023, 2024]);
    expect(c.members[5]!.link).toBe('inferred');
    // The project chart leaves an execution not reported as a gap, as the sheet chart does: RS 2024 states
    // 2024 with 執行額 0 and a blank 執行率 (not spent yet), JUDGIT 2023 states 2023 with a blank 執行額.
    const chart = projectBudgetChart(projectYears(c))!;
    const at = (y: number) => chart.table.rows.findIndex((r) => String(r[0]).startsWith(`${y}（`));
    expect(chart.table.rows[at(2024)]!.slice(1, 4)).toEqual([33_498_000, 0, null]);
    expect(chart.canvas).toMatchObject({ kind: 'budget' });
    const canvas = chart.canvas as Extract<typeof chart.canvas, { kind: 'budget' }>;
    expect(canvas.executed[at(2024)]).toBeNull();
    expect(canvas.executed[at(2023)]).toBe(11_200_834);
    expect(canvas.budget[at(2024)]).toBe(33_498_000);
    // The same as the sheet chart of that RS sheet draws for 2024.
    const sheetCanvas = budgetChart(rs1)!.canvas as typeof canvas;
    expect(sheetCanvas.executed.at(-1)).toBeNull();
    expect(canvas.executed.slice(at(2021))).toEqual(sheetCanvas.executed);
  });

  it('links by 事業番号 only within the same 府省庁, and never two sheets of one year', () => {
    const base = senmon[2]!;
    const other = judgitRecord({ ...base, ministry: '内閣官房', title: '別の事業', judgitProjectId: null, fiscalYear: 2018, projectNumber: '0019' });
    const ls = listings([judgitRecord(base), other]);
    expect(buildChains(ls).map((c) => c.members.length)).toEqual([1, 1]);
    const same = judgitRecord({ ...base, title: '別の事業', judgitProjectId: null, fiscalYear: 2018, projectNumber: '0019' });
    const linked = buildChains(listings([judgitRecord(base), same]));
    expect(linked).toHaveLength(1);
    expect(linked[0]!.members.map((m) => m.link)).toEqual(['past', 'past']);
    // A second 2019 sheet with the same 事業ID stays out of the chain (one sheet per year).
    const twin = judgitRecord({ ...base, title: '同じ事業IDの別シート', projectNumber: '0031' });
    const split = buildChains(listings([...records(senmon), twin]));
    expect(split.map((c) => c.members.length).sort()).toEqual([1, 3]);
    expect(split.find((c) => c.members.length === 1)!.key).toBe(twin.id);
  });
});

describe('links by figures (a renamed project)', () => {
  // Typed in from sheets/judgit/2021/カジノ管理委員会/2021-カジノ-20-0001.json and 2023/…/2023-カジノ-22-0001.json:
  // renamed in 2023, both sheets state 2020 as 116 / 69 百万円.
  const casino2021: Spec = {
    fiscalYear: 2021, ministry: 'カジノ管理委員会', title: 'カジノ規制の整備・運用のための調査研究', projectNumber: '2021-カジノ-20-0001', judgitProjectId: null,
    budgets: [[2018, 0, 0], [2019, 0, 0], [2020, 116 * M, 69 * M], [2021, 116 * M, null]], file: 'judgit/2021/カジノ管理委員会/2021-カジノ-20-0001.json',
  };
  const casino2023: Spec = {
    fiscalYear: 2023, ministry: 'カジノ管理委員会', title: 'カジノ事業者等の監督体制の整備', projectNumber: '2023-カジノ-22-0001', judgitProjectId: null,
    budgets: [[2020, 116 * M, 69 * M], [2021, 116 * M, 93 * M], [2022, 209 * M, 86 * M], [2023, 164 * M, null]], file: 'judgit/2023/カジノ管理委員会/2023-カジノ-22-0001.json',
  };
  const chainsOf = (specs: Spec[]) => buildChains(listings(records(specs)));

  it('joins the sheets whose shared year states the same 予算額（計）and 執行額, marked as figures', () => {
    const c = chainsOf([casino2021, casino2023]);
    expect(c).toHaveLength(1);
    expect(c[0]!.members.map((m) => [m.sheet.fiscalYear, m.link])).toEqual([[2021, 'figures'], [2023, 'figures']]);
    expect(c[0]!.key).toBe(judgitRecord(casino2021).id);
  });

  it('not when two sheets of a year state those figures, nor when only the 執行額 differs', () => {
    const twin = { ...casino2021, title: '別の事業（同じ数字）', projectNumber: '2021-カジノ-20-0002' };
    expect(chainsOf([casino2021, twin, casino2023]).map((c) => c.members.length)).toEqual([1, 1, 1]);
    const other = { ...casino2023, budgets: [[2020, 116 * M, 70 * M], ...casino2023.budgets!.slice(1)] as Spec['budgets'] };
    expect(chainsOf([casino2021, other]).map((c) => c.members.length)).toEqual([1, 1]);
  });

  it('across 府省庁 only under the same 事業名', () => {
    const moved = { ...casino2023, ministry: '内閣府' };
    expect(chainsOf([casino2021, moved]).map((c) => c.members.length)).toEqual([1, 1]);
    const movedSameName = { ...moved, title: casino2021.title };
    expect(chainsOf([casino2021, movedSameName])[0]!.members.map((m) => [m.sheet.ministry, m.link])).toEqual([['カジノ管理委員会', 'figures'], ['内閣府', 'figures']]);
  });
});

describe('chains on the real shipped sheets', () => {
  it('RS 旧事業番号 names the previous year: a sheet of that year and number in the same 府省庁 is linked', async () => {
    const rs = await rsSamples();
    const withPast = rs.find((s) => s.pastSheets.some((p) => p.year === 2023))!;
    const past = withPast.pastSheets.find((p) => p.year === 2023)!;
    expect(past.number).toMatch(/^2023-/);
    const previous = judgitRecord({ fiscalYear: 2023, ministry: withPast.ministry, title: `${withPast.title}（旧名）`, projectNumber: past.number, judgitProjectId: null, file: 'fixture' });
    const c = buildChains(listings([withPast, previous]));
    expect(c).toHaveLength(1);
    expect(c[0]!.key).toBe(previous.id);
    expect(c[0]!.members.map((m) => [m.sheet.id, m.link])).toEqual([[previous.id, 'past'], [withPast.id, 'past']]);
  });

  it('the RS and text samples alone (without the JUDGIT years) have no earlier year: every sheet is its own chain, keyed by its id', async () => {
    const all = [...(await rsSamples()), await textSample('000_ef263abaeb28aada.txt'), await textSample('004_b3591854bc0903ef.txt')];
    const chains = buildChains(listings(all));
    expect(chains).toHaveLength(254);
    expect(chains.map((c) => c.key).sort()).toEqual(all.map((s) => s.id).sort());
  });
});
