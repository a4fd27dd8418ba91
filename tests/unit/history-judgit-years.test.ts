/**
 * Project chains (src/lib/history/chains.ts) over the five whole JUDGIT years shared in
 * ../shared/data/judgit-years (2015, 2017, 2019, 2021, 2023; 26,395 sheets), read by the project's JUDGIT
 * reader and validated by the schema. JUDGIT gives a 事業ID only to 2015–2019 and no 関連する過去のレビューシート
 * that names a year on the site, so 2019 → 2021 → 2023 are joined by the same name or, for a renamed project,
 * by the same figures of the year both sheets report (`figures`): asserted here on real projects, and
 * counted (how many chains span all five years with and without those links).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJudgitText } from '../../scripts/converter/readers/judgit/index.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { listing, type SheetListing } from '../../src/lib/data/sheet-listing.ts';
import { buildChains, type Chain } from '../../src/lib/history/chains.ts';
import { projectChanges } from '../../src/lib/history/project.ts';
import { PAYEE_PAGE_SIZE, payeeIndex } from '../../src/lib/history/payees.ts';
import { chainProjects } from '../support/payee-index.ts';
import { payeeLineColumns, payeeLineRows } from '../../src/lib/history/rows.ts';
import { unpackJudgitYears } from '../support/judgit-years.ts';

let remove = () => {};
let listings: SheetListing[] = [];
let chains: Chain<SheetListing>[] = [];

beforeAll(() => {
  const unpacked = unpackJudgitYears('history-judgit-years-');
  remove = unpacked.remove;
  for (const { rel, text } of unpacked.files) {
    const read = readJudgitText(text, rel);
    if (read.errors.length || read.records.length !== 1) throw new Error(`${rel}: ${JSON.stringify(read.errors)}`);
    listings.push(listing(sheet.parse(read.records[0])));
  }
  chains = buildChains(listings);
}, 240_000);

afterAll(() => remove(), 60_000);

const chainWith = (ministry: string, title: string, year: number) =>
  chains.find((c) => c.members.some((m) => m.sheet.ministry === ministry && m.sheet.title === title && m.sheet.fiscalYear === year))!;
const rows = (c: Chain<SheetListing>) => c.members.map((m) => [m.sheet.fiscalYear, m.sheet.title, m.link]);
const fiveYears = (cs: Chain<SheetListing>[]) => cs.filter((c) => c.members.length === 5).length;

describe('project chains over the five shared JUDGIT years', () => {
  it('reads every sheet; 2021 and 2023 carry no 事業ID', () => {
    expect(listings).toHaveLength(26395);
    expect(listings.filter((l) => l.fiscalYear >= 2021 && l.history.judgitProjectId !== null)).toEqual([]);
  });

  it('2,352 chains span all five years; 1,909 without the budget figures (no `figures` link, no 事業ID doubted)', () => {
    expect(fiveYears(chains)).toBe(2352);
    expect(chains.flatMap((c) => c.members).filter((m) => m.link === 'figures')).toHaveLength(1639);
    // The same sheets with no budget figures to compare: only 事業ID, past sheets and names link them.
    const noFigures = listings.map((l) => ({ ...l, history: { ...l.history, budgets: [] } }));
    expect(fiveYears(buildChains(noFigures))).toBe(1909);
  });

  it('内閣官房 内閣人事局経費: 事業ID 15 to 2019, then the same name (inferred)', () => {
    const c = chainWith('内閣官房', '内閣人事局経費', 2015);
    expect(c.key).toBe('j15');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.sheet.projectNumber, m.link])).toEqual([
      [2015, '0001', 'judgit'],
      [2017, '0001', 'judgit'],
      [2019, '0001', 'judgit'],
      [2021, '2021-官房-20-0001', 'inferred'],
      [2023, '2023-官房-22-0001', 'inferred'],
    ]);
  });

  it('内閣官房 健康・医療戦略経費, renamed in 2021: joined by the figures of 2018 both sheets report', () => {
    const c = chainWith('内閣官房', '健康・医療戦略経費', 2015);
    expect(c.key).toBe('j13');
    expect(rows(c)).toEqual([
      [2015, '健康・医療戦略経費', 'judgit'],
      [2017, '健康・医療戦略経費', 'judgit'],
      [2019, '健康・医療戦略経費', 'judgit'],
      [2021, '健康・医療戦略の推進に必要な経費', 'figures'],
      [2023, '健康・医療戦略の推進に必要な経費', 'inferred'],
    ]);
    // The 2019 sheet's last column and the 2021 sheet's first: 2018, the same 予算額（計） and 執行額.
    const [s2019, s2021] = [c.members[2]!.sheet, c.members[3]!.sheet];
    const y2018 = (s: SheetListing) => s.history.budgets.find((b) => b.year === 2018)!;
    expect(y2018(s2021)).toEqual(y2018(s2019));
    expect(projectChanges(c).filter((x) => x.field === '事業名')).toEqual([
      { year: 2021, field: '事業名', from: '健康・医療戦略経費', to: '健康・医療戦略の推進に必要な経費' },
    ]);
  });

  it('個人情報保護委員会 広報・啓発, renamed in 2017, 2019 (a new 事業ID) and 2023: followed across all five years', () => {
    const c = chainWith('個人情報保護委員会', '番号制度普及啓発・国際協力経費', 2015);
    expect(c.key).toBe('j4');
    expect(rows(c)).toEqual([
      [2015, '番号制度普及啓発・国際協力経費', 'judgit'],
      [2017, '所掌事務に係る広報・啓発、国際協力', 'judgit'],
      [2019, '所掌事務に係る広報・啓発', 'figures'],
      [2021, '所掌事務に係る広報・啓発', 'inferred'],
      [2023, '個人情報の適正な取扱いに関する広報・啓発に必要な経費', 'figures'],
    ]);
  });

  it('食品添加物等の安全性確認…, renamed in 2021 and moved to 消費者庁 in 2023, joins by the same name and figures; a restructured one (other figures) stays alone', () => {
    const moved = chainWith('消費者庁', '食品添加物等の安全性確認の計画的推進事業', 2023);
    // 厚生労働省 to 2021 (renamed in 2021: figures), 消費者庁 from 2023 under the 2021 name (name and figures).
    expect(moved.members.map((m) => [m.sheet.fiscalYear, m.sheet.ministry, m.link])).toEqual([
      [2015, '厚生労働省', 'judgit'],
      [2017, '厚生労働省', 'judgit'],
      [2019, '厚生労働省', 'judgit'],
      [2021, '厚生労働省', 'figures'],
      [2023, '消費者庁', 'figures'],
    ]);
    expect(projectChanges(moved).find((x) => x.field === '府省庁')).toEqual({ year: 2023, field: '府省庁', from: '厚生労働省', to: '消費者庁' });
    // 2023 merged 特定個人情報の監視・監督 with another project: its 2020 figures are not the 2021 sheet's.
    const merged = chainWith('個人情報保護委員会', '特定個人情報の適正な取扱いの推進に必要な経費', 2023);
    expect(merged.members).toHaveLength(1);
  });

  it('figures alone do not join two names with nothing in common; with the next year\'s 予算額 agreeing too, they do', () => {
    // 2021 気候・海洋情報処理業務 and 2023 城泊・寺泊による歴史的資源の活用 both state 2020 as 38 / 36 百万円 (a coincidence).
    expect(chainWith('国土交通省', '気候・海洋情報処理業務', 2021).members.map((m) => m.sheet.fiscalYear)).toEqual([2015, 2017, 2019, 2021]);
    expect(chainWith('国土交通省', '城泊・寺泊による歴史的資源の活用（国際観光旅客税財源）', 2023).members).toHaveLength(1);
    // 環境省 2015 廃棄物等の越境移動に係る国際的環境問題対策費 → 2017 バーゼル条約実施等経費: 2014 and 2015 agree.
    expect(rows(chainWith('環境省', 'バーゼル条約実施等経費', 2017))).toEqual([
      [2015, '廃棄物等の越境移動に係る国際的環境問題対策費', 'figures'],
      [2017, 'バーゼル条約実施等経費', 'figures'],
      [2019, 'バーゼル条約実施等経費', 'judgit'],
      [2021, 'バーゼル条約実施等経費', 'inferred'],
    ]);
  });

  it('a 事業ID JUDGIT gave to another project is not followed when the name and figures name the right sheet', () => {
    // JUDGIT gives 事業ID 1 to 2017 新30-0001 広聴・相談業務 (new that year) and to 2019 0001 特定個人情報の監視・監督.
    const ids = listings.filter((l) => l.ministry === '個人情報保護委員会' && l.history.judgitProjectId === 1).map((l) => [l.fiscalYear, l.title]);
    expect(ids).toEqual([[2017, '広聴・相談業務に必要な経費'], [2019, '特定個人情報の監視・監督に必要な経費']]);
    const c = chainWith('個人情報保護委員会', '特定個人情報の監視・監督に必要な経費', 2019);
    expect(c.key).toBe('j2');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.sheet.projectNumber, m.link])).toEqual([
      [2015, '0001', 'judgit'],
      [2017, '0001', 'judgit'],
      [2019, '0001', 'inferred'],
      [2021, '2021-個情-20-0001', 'inferred'],
    ]);
  });

  it('payee profiles: 13,182 of the 37,479 valid 法人番号 are named in two projects or more; the largest (国土交通省, 3,046 lines) is cut into 31 pages; no page\'s table of lines reaches 150 KB', () => {
    const { profiles, newestSheet } = payeeIndex(listings, chainProjects(chains));
    // 37,479 valid 法人番号 in all; a profile page only for those named in two projects or more. 20,204 are
    // named on one sheet, 4,093 on several sheets of one project only: those sheets are their record.
    expect(profiles.size + newestSheet.size).toBe(37479);
    expect(profiles.size).toBe(13182);
    const bySheets = new Map<string, Set<string>>();
    for (const l of listings) for (const p of l.history.payees) bySheets.set(p.corporateNumber ?? '', (bySheets.get(p.corporateNumber ?? '') ?? new Set()).add(l.id));
    expect([...newestSheet.keys()].filter((n) => bySheets.get(n)!.size === 1)).toHaveLength(20204);
    const largest = [...profiles.values()].sort((a, b) => b.lines.length - a.lines.length)[0]!;
    expect([largest.corporateNumber, largest.names, largest.lines.length]).toEqual(['2000012100001', [{ name: '国土交通省', lines: 3046 }], 3046]);
    expect(Math.ceil(largest.lines.length / PAYEE_PAGE_SIZE)).toBe(31);
    // The lines' table body is what grows with a payee; the rest of a page is bounded (names, one row per year).
    // Built from the 1,696 sheets listing the three largest payees, the largest payee page was 105.6 KB in all.
    let most = 0;
    for (const p of profiles.values()) {
      for (let i = 0; i < p.lines.length; i += PAYEE_PAGE_SIZE) most = Math.max(most, Buffer.byteLength(payeeLineRows(p.lines.slice(i, i + PAYEE_PAGE_SIZE), payeeLineColumns(p)).value));
    }
    expect(most).toBeLessThan(150 * 1024);
    console.log(`largest table of payee lines on one page: ${(most / 1024).toFixed(1)} KB`);
  });
});
