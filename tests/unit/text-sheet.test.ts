import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { checkSheet } from '../../scripts/converter/quality-warnings.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';

const R4 = 'sheets/text/000_ef263abaeb28aada.txt';
const H28 = 'sheets/text/004_b3591854bc0903ef.txt';

async function read(file: string, rel = `text/${path.basename(file)}`): Promise<Sheet> {
  const r = await readTextSheet(path.resolve(file), rel);
  expect(r.errors).toEqual([]);
  expect(r.records).toHaveLength(1);
  return sheet.parse(r.records[0]);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'text-sheet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let variants = 0;

/** Reads a variant of a sample written to a temporary file. */
async function readVariant(text: string): Promise<Sheet> {
  const file = path.join(tmp, `variant-${++variants}.txt`);
  writeFileSync(file, text);
  return read(file, 'text/variant.txt');
}

describe('令和4年度 sample (000_ef263abaeb28aada.txt)', () => {
  let s: Sheet;
  beforeAll(async () => {
    s = await read(R4);
  });

  it('reads the title line and basic information', () => {
    expect(s.fiscalYear).toBe(2022);
    expect(s.ministry).toBe('総務省');
    expect(s.title).toBe('サイバーセキュリティ情報共有推進事業');
    expect(s.bureau).toBe('サイバーセキュリティ統括官');
    expect(s.division).toBe('サイバーセキュリティ統括官室');
    expect(s.manager).toBe('参事官 小川 久仁子'); // on the row below its label
    expect(s.startYear).toBe(2019); // 令和元年度
    expect(s.endYear).toBe(2021);
    expect(s.accountType).toBe('一般会計');
    expect(s.legalBasis).toBe('サイバーセキュリティ基本法第20条 総務省設置法第4条第70号');
    expect(s.relatedPlans).toMatch(/^サイバーセキュリティ戦略\(令和3年9月28日閣議決定\)/);
    expect(s.majorPolicy).toBeNull(); // "-"
    expect(s.majorExpense).toBe('その他の事項経費');
    expect(s.implementation).toEqual(['委託・請負']);
    expect(s.policy).toBe('V. 情報通信 (ICT政策)');
    expect(s.measure).toBe('2. 情報通信高度利活用の推進');
    expect(s.purpose).toMatch(/^複雑化・巧妙化するサイバー攻撃による被害を防止するため/);
    expect(s.activityDescription).toMatch(/^通信事業者や放送事業者をはじめとする産業界の多様な主体が/);
  });

  it('has no 事業番号 of its own, so the id hashes the title (past sheets are other years\' numbers)', () => {
    expect(s.projectNumber).toBeNull();
    expect(s.id).toMatch(/^2022-soumu-t[0-9a-f]{8}$/);
    expect(s.source).toEqual({ form: 'text', file: 'text/000_ef263abaeb28aada.txt', location: null, missingParts: [] });
  });

  it('strips <p> markup from the overview, keeping paragraphs and ①②③', () => {
    expect(s.overview).not.toMatch(/<|>/);
    const paras = s.overview!.split('\n\n');
    expect(paras).toHaveLength(2);
    expect(paras[0]).toMatch(/仕組みを確立する。$/);
    expect(paras[1]).toMatch(/^① 通信事業者や放送事業者/);
    expect(paras[1]).toContain('② 日々公開される');
    expect(paras[1]).toMatch(/③ 総合通信局を中心として所管事業者等との情報共有等を実施する体制を構築$/);
  });

  it('reads budgets 2019–2021 in integer 円 with rates as fractions', () => {
    const by = (y: number) => s.budgets.find((b) => b.year === y && !b.isRequest)!;
    expect([2019, 2020, 2021].map((y) => by(y).initial)).toEqual([339000000, 358000000, 359000000]);
    expect([2019, 2020, 2021].map((y) => by(y).total)).toEqual([339000000, 358000000, 359000000]);
    expect([2019, 2020, 2021].map((y) => by(y).executed)).toEqual([311000000, 333000000, 325000000]);
    expect([2019, 2020, 2021].map((y) => by(y).executionRate)).toEqual([0.92, 0.93, 0.91]);
    expect([2019, 2020, 2021].map((y) => by(y).initialPlusSupplementaryRate)).toEqual([0.92, 0.93, 0.91]);
    // "-" stays null, never 0; the 計 of 0 the sheet wrote stays 0.
    expect(by(2019).supplementary).toBeNull();
    expect(by(2019).carriedToNext).toBeNull();
    expect(by(2022)).toMatchObject({ initial: null, total: 0, executed: null, executionRate: null });
  });

  it('marks the 令和5年度要求 column as a request', () => {
    expect(s.budgets.map((b) => [b.year, b.isRequest])).toEqual([[2019, false], [2020, false], [2021, false], [2022, false], [2023, true]]);
  });

  it('reads 予算内訳: the "-" row is no item, the 計 row is kept', () => {
    expect(s.budgetItems).toEqual([
      { year: 2022, kind: '当初予算', account: null, organisation: null, item: '計', amount: null, note: null },
      { year: 2023, kind: '要求', account: null, organisation: null, item: '計', amount: null, note: null },
    ]);
  });

  it('reads the activity with its era-less 見込 columns', () => {
    expect(s.activities).toHaveLength(1);
    const a = s.activities[0]!;
    expect(a.goal).toBe('脆弱性情報の共有');
    expect(a.unit).toBe('件');
    expect(a.values.map((v) => [v.year, v.actual, v.planned, v.isPlan])).toEqual([
      [2019, 1000, 500, false], [2020, 1200, 600, false], [2021, 2000, 1000, false], [2022, null, null, true], [2023, null, null, true],
    ]);
    expect(a.values[3]!.label).toBe('4年度 活動見込');
  });

  it('reads unit costs with their formulas', () => {
    const u = s.unitCosts[0]!;
    expect(u.unit).toBe('百万円/件');
    expect(u.basis).toMatch(/^脆弱性情報を情報共有基盤で共有するための費用/);
    expect(u.values.map((v) => [v.year, v.value, v.formula])).toEqual([
      [2019, 0.2, '179/1000'], [2020, 0.1, '168/1200'], [2021, 0.1, '175/2000'], [2022, null, null],
    ]);
  });

  it('reads the outcome: 37 者 against 26 in 2021, achievement 1.42, final target year 2021', () => {
    expect(s.outcomes).toHaveLength(1);
    const o = s.outcomes[0]!;
    expect(o.unit).toBe('者');
    expect(o.targetYear).toBe(2021); // "目標最終年度 3 年度" on a 令和 sheet
    expect(o.dataSource).toBe('事業者からのヒアリングを基に設定');
    const y2021 = o.values.find((v) => v.year === 2021 && !v.isPlan)!;
    expect(y2021).toMatchObject({ actual: 37, target: 26, achievement: 1.42, label: '令和3年度' });
    expect(o.values.find((v) => v.year === 2020)).toMatchObject({ actual: 35, target: 25, achievement: 1.4 });
    expect(o.values.find((v) => v.year === 2019)).toMatchObject({ actual: null, target: null, achievement: null });
    // The final-target column keeps its own label; "中間目標 - 年度" has no year and is skipped.
    expect(o.values.filter((v) => v.isPlan).map((v) => v.label)).toEqual(['目標最終年度 3 年度']);
  });

  it('reads the irregular check list (rows with and without the group column)', () => {
    expect(s.checks).toHaveLength(18);
    expect(s.checks[0]).toMatchObject({ group: '国費投入の必要性', item: '事業の目的は国民や社会のニーズを的確に反映しているか。', mark: '○' });
    const eff = s.checks.find((c) => c.item.startsWith('費目・使途が事業目的に即し'))!;
    expect(eff).toMatchObject({ group: '事業の効率性', mark: '○', note: '検査職員を任命し、用務が使用目的に即し、適正に実施されるよう管理している。' });
    expect(s.checks.find((c) => c.item.startsWith('競争性のない随意契約'))).toMatchObject({ mark: '有', note: null });
    expect(s.checks.find((c) => c.item.startsWith('不用率が大きい場合'))).toMatchObject({ group: '事業の効率性', mark: '-', note: null });
    expect(s.checks.find((c) => c.item.startsWith('成果実績は成果目標'))).toMatchObject({ group: '事業の有効性', mark: '○' });
    expect(s.checks.at(-1)).toMatchObject({ group: '関連事業', mark: '-' });
    expect(s.relatedProjects).toEqual([]);
  });

  it('reads findings, joining the split verdict words', () => {
    expect(s.findings.inspection).toMatch(/^サイバーセキュリティ戦略\(令和3年9月閣議決定\)においても/);
    expect(s.findings.direction).toBe('令和3年度をもって事業終了。');
    expect(s.findings.externalExperts).toBe('点検対象外口'); // the stray 口 is the sheet's own
    expect(s.findings.reviewTeamVerdict).toBe('終了予定'); // "終了\n予定"
    expect(s.findings.reviewTeam).toBe('令和3年度をもって事業終了。');
    expect(s.findings.improvementsVerdict).toBe('予定通り終了'); // "予定\n終了\n通り", reordered
    expect(s.findings.improvements).toBe('令和3年度をもって事業終了。');
    expect(s.findings.remarks).toBeNull();
    expect(s.warnings.some((w) => w.code === 'layout' && w.section === 'findings' && w.message.includes('予定/終了/通り'))).toBe(true);
  });

  it('reads past sheet numbers, one pair per line', () => {
    expect(s.pastSheets).toEqual([
      { year: 2018, number: '新31-0015', written: null, ministry: null },
      { year: 2019, number: '総務省 - 新31 - 0011', written: null, ministry: null },
      { year: 2020, number: '総務省 0097', written: null, ministry: null },
      { year: 2021, number: '2021 総務 20 0083', written: null, ministry: null },
    ]);
  });

  it('reads 14 blocks from both 費目・用途 tables with their totals', () => {
    expect(s.blocks.map((b) => b.id).join('')).toBe('ABCDEFGHIJKLMN');
    const a = s.blocks[0]!;
    expect(a.name).toBe('(株)日立製作所');
    expect(a.total).toBe(175000000);
    expect(a.expenses).toHaveLength(8);
    expect(a.expenses[0]).toMatchObject({ category: '業務費', amount: 131000000, subcontractor: null });
    expect(a.expenses[1]).toEqual({ category: '外部委託費', purpose: 'NRIセキュアテクノロジーズ(株)', amount: 15000000, subcontractor: 'NRIセキュアテクノロジーズ(株)', payee: null, corporateNumber: null, contract: null });
    expect(a.expenses.at(-1)).toMatchObject({ purpose: '東京電機大学', amount: 2000000, subcontractor: '東京電機大学' });
    const e = s.blocks.find((b) => b.id === 'E')!;
    expect(e.total).toBe(19900000);
    expect(e.expenses.map((x) => x.amount)).toEqual([18000000, 1500000, 400000]);
    expect(s.blocks.find((b) => b.id === 'F')!.total).toBe(1500000);
    expect(s.blocks.find((b) => b.id === 'I')).toMatchObject({ name: '(一財)関西情報センター', total: 3400000 });
    expect(s.blocks.find((b) => b.id === 'N')).toMatchObject({ name: '(株)オーエムシー', total: 2000000 });
  });

  it('reads the top-10 payee lists, including I–N after the second 費目・用途 table', () => {
    const a1 = s.payees.find((p) => p.block === 'A' && p.rank === 1)!;
    expect(a1).toEqual({
      block: 'A', year: null, rank: 1, name: '株式会社日立製作所', corporateNumber: '7010001008844',
      description: 'ソフトウェア脆弱性を狙ったサイバー攻撃の防御に向けた情報共有基盤に関する実証実験',
      amount: 175000000, contractMethod: '一般競争契約 (総合評価)', bidders: 1, winningBidRate: 0.983, singleBidReason: null,
      location: null, corporateType: null, otherPayee: null, contracts: [], // RS-only fields
    });
    expect(s.payees.filter((p) => p.block === 'B').map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.payees.find((p) => p.block === 'B' && p.rank === 1)).toMatchObject({ bidders: null, winningBidRate: null }); // "-", "--"
    expect(s.payees.find((p) => p.block === 'F' && p.rank === 2)).toMatchObject({ name: '株式会社コプロシステム', amount: 400000 });
    expect(s.payees.find((p) => p.block === 'N')).toMatchObject({ name: '株式会社オーエムシー', bidders: 3, winningBidRate: 0.682 });
    expect(s.payees).toHaveLength(24); // A1 B7 C1 D4 E1 F2 G1 H1 I–N 6
  });

  it('infers flows from subcontract lines naming other blocks\' payees', () => {
    expect(s.flows.filter((f) => f.from !== 'ministry')).toEqual([
      // A's lines naming B's payees: NRI 15 + NTTテクノクロス 4 + コア 3 + セキュアブレイン 4 + ICT-ISAC 13 +
      // 東京電機大学 2 = 41 (SCSK "Minori" vs payee "Minoripro" is a different name and is not matched).
      { from: 'A', to: 'B', amount: 41000000, inferred: true, note: null, sourceName: null },
      { from: 'C', to: 'D', amount: 32000000, inferred: true, note: null, sourceName: null },
      { from: 'E', to: 'F', amount: 1900000, inferred: true, note: null, sourceName: null },
      { from: 'G', to: 'H', amount: 100000, inferred: true, note: null, sourceName: null },
    ]);
    expect(s.flows.filter((f) => f.from === 'ministry').map((f) => f.to).join('')).toBe('ACEGIJKLMN');
    expect(s.flows.every((f) => f.inferred)).toBe(true);
  });

  it('passes the data-quality checks (all 法人番号 check digits valid, 計 consistent)', () => {
    expect(checkSheet(s)).toEqual([]);
  });
});

describe('平成28年度 sample (004_b3591854bc0903ef.txt)', () => {
  let s: Sheet;
  beforeAll(async () => {
    s = await read(H28);
  });

  it('reads the title line and basic information', () => {
    expect(s.fiscalYear).toBe(2016);
    expect(s.title).toBe('M2Mセキュリティ実証事業'); // one column right of its label
    expect(s.bureau).toBe('情報流通行政局'); // label 担当部局
    expect(s.division).toBe('情報セキュリティ対策室');
    expect(s.manager).toBe('室長 大森 一顕');
    expect(s.startYear).toBe(2015);
    expect(s.endYear).toBe(2015);
    expect(s.majorPolicy).toBe('IT戦略');
    expect(s.policy).toBe('V. 情報通信(ICT政策)');
    expect(s.measure).toBe('2. 情報通信技術高度利活用の推進');
    expect(s.activityDescription).toBeNull();
    expect(s.id).toMatch(/^2016-soumu-t[0-9a-f]{8}$/);
  });

  it('reads the budget by label as written: 150 total and 118 executed in 2015, rate 0.79', () => {
    const y = s.budgets.find((b) => b.year === 2015)!;
    expect(y.total).toBe(150000000);
    expect(y.executed).toBe(118000000); // the 執行額 row starts one column left
    expect(y.executionRate).toBe(0.79);
    // The 当初予算 label shares the year-heading line, so its values row is absent: not shifted.
    expect(y.initial).toBeNull();
    expect(y.supplementary).toBe(150000000);
    expect(y.carriedFromPrev).toBe(0);
    expect(s.budgets.map((b) => [b.year, b.isRequest])).toEqual([[2013, false], [2014, false], [2015, false], [2016, false], [2017, true]]);
    expect(s.budgets.find((b) => b.year === 2013)).toMatchObject({ supplementary: null, total: 0, executed: null });
    expect(s.budgets.find((b) => b.year === 2016)).toMatchObject({ executed: null, executionRate: null });
    const layout = s.warnings.filter((w) => w.code === 'layout' && w.section === 'budgets');
    expect(layout).toHaveLength(1);
    expect(layout[0]!.message).toContain('当初予算');
    expect(layout[0]!.message).toContain('13行目');
  });

  it('reads 予算内訳 with the note row and the 計 row', () => {
    expect(s.budgetItems.filter((i) => i.item === '計').map((i) => [i.year, i.kind, i.amount])).toEqual([[2016, '当初予算', 0], [2017, '要求', 0]]);
    expect(s.budgetItems.find((i) => i.item === '')?.note).toBe('「M2Mセキュリティ実証事業」は平成27年度で終了。');
  });

  it('reads the unit cost 29.5 百万円 with formula 118/4 and the activity of 7 件', () => {
    const u = s.unitCosts[0]!;
    expect(u.unit).toBe('百万円');
    expect(u.basis).toBe('実証に係る費用/調査・実証の課題件数');
    expect(u.values.find((v) => v.year === 2015)).toMatchObject({ value: 29.5, formula: '118/4', label: '27年度' });
    const a = s.activities[0]!;
    expect(a.goal).toBeNull();
    expect(a.indicator).toBe('M2Mシステムのセキュリティ技術に関する調査・実証の課題件数');
    expect(a.values.find((v) => v.year === 2015)).toMatchObject({ actual: 7, planned: null });
    expect(a.values.map((v) => v.label)).toEqual(['25年度', '26年度', '27年度', '28年度活動見込']);
  });

  it('warns that 118/4 does not match the 7 reported 課題', () => {
    const w = checkSheet(s);
    expect(w).toEqual([
      {
        code: 'unit-cost-formula-mismatch', section: 'unitCosts', ref: '2015',
        message: '平成27年度の単位当たりコストの計算式 118/4 の分母 4 が活動実績 7件 と一致しません',
      },
    ]);
  });

  it('reads the outcome; the year-less target columns are skipped with a warning for the stated 3', () => {
    const o = s.outcomes[0]!;
    expect(o.goal).toBe('平成29年度までに3つの産業界分野におけるM2Mセキュリティ技術の実装を行う');
    expect(o.unit).toBe('件');
    expect(o.targetYear).toBeNull();
    expect(o.values.map((v) => v.year)).toEqual([2013, 2014, 2015]);
    expect(o.values.every((v) => v.actual === null && v.target === null)).toBe(true);
    expect(s.warnings.find((w) => w.section === 'outcomes')?.message).toBe('23行目: 「目標最終年度」の目標値「3」は年度が書かれていないため取り込んでいません');
  });

  it('reads checks, related projects and findings', () => {
    expect(s.checks).toHaveLength(17);
    expect(s.checks.find((c) => c.item.startsWith('成果実績は成果目標'))).toMatchObject({ group: '事業の有効性', mark: '△' });
    expect(s.checks.find((c) => c.item.startsWith('競争性のない随意契約'))).toMatchObject({ group: '事業の効率性', mark: '無' });
    expect(s.relatedProjects).toEqual([
      { owner: '総務省情報流津行政局情報セキュリティ対策室', number: '58', title: 'ICT環境の変化に対応した情報セキュリティ対応方策の推進事業', relation: null },
      { owner: '総務省情報流津行政局情報セキュリティ対策室', number: '76', title: 'サイバー攻撃複合防御モデル・実践演習', relation: null },
    ]);
    expect(s.findings).toMatchObject({
      direction: '平成27年度事業終了。',
      reviewTeamVerdict: '終了予定',
      reviewTeam: '平成27年度をもって事業終了。',
      improvementsVerdict: '予定通り終了',
      remarks: '本事業は平成27年度で終了。',
    });
    expect(s.findings.externalExperts).toMatch(/^「平成29年度までに3つの産業分野における/);
  });

  it('reads past sheets written three pairs per line with a trailing "/"', () => {
    expect(s.pastSheets).toEqual([{ year: 2014, number: '新27-0015', written: null, ministry: null }, { year: 2015, number: '新27-0011', written: null, ministry: null }]);
  });

  it('reads four blocks, no payee lists, and ministry flows only', () => {
    expect(s.blocks.map((b) => [b.id, b.name, b.total])).toEqual([
      ['A', '(株)日立製作所', 108000000], ['B', '(株)FFRI', 25000000], ['C', '(株)KDDI研究所', 22000000], ['D', '(株)日立製作所', 10000000],
    ]);
    expect(s.blocks[1]!.expenses).toEqual([
      { category: '委託費', purpose: 'M2M機器の脆弱性調査費等', amount: 23100000, subcontractor: null, payee: null, corporateNumber: null, contract: null }, // names no party
      { category: 'その他', purpose: '消費税等', amount: 1900000, subcontractor: null, payee: null, corporateNumber: null, contract: null },
    ]);
    expect(s.payees).toEqual([]);
    expect(s.flows).toEqual(['A', 'B', 'C', 'D'].map((to) => ({ from: 'ministry', to, amount: null, inferred: true, note: null, sourceName: null })));
  });
});

describe('reads by labels and structure, not by line numbers', () => {
  it('gives the same record when sections move, blank lines are added and padding differs', async () => {
    const original = await read(R4);
    const lines = readFileSync(R4, 'utf8').split('\n');
    // Move the 政策評価 part (5 lines) to the end, add blank lines before headings, and pad rows.
    const start = lines.findIndex((l) => l.startsWith('政策評価、'));
    const policy = lines.splice(start, 5);
    const moved = [...lines, '', ...policy]
      .flatMap((l) => (/^(活動内容|単位当たり|外部有識者の所見|備考)/.test(l) ? ['', '', l] : [l]))
      .map((l) => (l.startsWith('\t計\t\t') ? `${l}\t\t\t` : l));
    const variant = await readVariant(moved.join('\n'));
    const strip = (s: Sheet) => ({ ...s, id: '', source: null, warnings: s.warnings.map((w) => w.code) });
    expect(strip(variant)).toEqual(strip(original));
  });

  it('reads a values row with an extra leading empty cell under the same years', async () => {
    const text = readFileSync(R4, 'utf8').replace('\t執行額\t\t311\t333\t325', '\t執行額\t\t\t311\t333\t325');
    const v = await readVariant(text);
    // The row reaches one column past the last year column, so it is read as shifted right.
    expect(v.budgets.slice(0, 3).map((b) => b.executed)).toEqual([311000000, 333000000, 325000000]);
  });

  it('reads a row whose first values are blank by position', async () => {
    const text = readFileSync(R4, 'utf8').replace('\t執行額\t\t311\t333\t325\t-\t-', '\t執行額\t\t\t333\t325\t-\t-');
    const v = await readVariant(text);
    expect(v.budgets.slice(0, 3).map((b) => b.executed)).toEqual([null, 333000000, 325000000]);
  });

  it('reads CRLF line ends and a UTF-8 byte order mark like the original', async () => {
    const original = await read(R4);
    const text = readFileSync(R4, 'utf8');
    const crlf = await readVariant(`\ufeff${text.replace(/\n/g, '\r\n')}`);
    expect({ ...crlf, source: null }).toEqual({ ...original, source: null });
  });

  it('uses a 事業番号 the sheet prints for itself as projectNumber and id', async () => {
    const text = readFileSync(R4, 'utf8').replace('令和4年度行政事業レビューシート (総務省)', '令和4年度行政事業レビューシート (総務省)\n事業番号\t0097\t\t');
    const v = await readVariant(text);
    expect(v.projectNumber).toBe('0097');
    expect(v.id).toBe('2022-soumu-0097');
    expect(v.title).toBe('サイバーセキュリティ情報共有推進事業');
  });

  it('keeps an unreadable cell as null with an unparsed-value warning, and reads the rest', async () => {
    const text = readFileSync(R4, 'utf8').replace('当初予算\t339\t358\t359', '当初予算\t339\t約358\t359');
    const v = await readVariant(text);
    expect(v.budgets.slice(0, 3).map((b) => b.initial)).toEqual([339000000, null, 359000000]);
    expect(v.warnings.filter((w) => w.code === 'unparsed-value')).toEqual([
      { code: 'unparsed-value', section: 'budgets', ref: '2020', message: '14行目の令和2年度の当初予算: 「約358」は数値ではありません(値なしとして扱いました)' },
    ]);
  });

  it('joins a <p> cell that spans lines back into its row', async () => {
    const text = readFileSync(R4, 'utf8').replace('確立する。</p> <p>①', '確立する。</p>\n<p>①').replace('その他の事項経費', 'その他の事項経費');
    const v = await readVariant(text);
    expect(v.overview).toBe((await read(R4)).overview);
    expect(v.implementation).toEqual(['委託・請負']);
  });

  it('reads basic information placed after the budget table', async () => {
    const lines = readFileSync(R4, 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('事業の目的'));
    const [purpose] = lines.splice(i, 1);
    const j = lines.findIndex((l) => l.startsWith('当初予算+補正予算に対す'));
    lines.splice(j + 1, 0, purpose!);
    const v = await readVariant(lines.join('\n'));
    const original = await read(R4);
    expect(v.purpose).toBe(original.purpose);
    expect(v.budgets).toEqual(original.budgets);
    expect(v.budgetItems).toEqual(original.budgetItems);
  });

  it('splits a table with two outcomes into two entries', async () => {
    const extra = ['\t二つ目の目標\t二つ目の指標\t成果実績\t件\t1\t2\t3\t-\t3\t', '\t\t\t目標値\t件\t1\t2\t2\t-\t2\t', '\t\t\t達成度\t%\t100\t100\t150\t-\t150\t'];
    const lines = readFileSync(R4, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('根拠として用いた'));
    lines.splice(k, 0, ...extra);
    const v = await readVariant(lines.join('\n'));
    expect(v.outcomes).toHaveLength(2);
    expect(v.outcomes[0]!.unit).toBe('者');
    expect(v.outcomes[1]).toMatchObject({ goal: '二つ目の目標', indicator: '二つ目の指標', unit: '件', targetYear: 2021 });
    expect(v.outcomes[1]!.values.find((x) => x.year === 2021 && !x.isPlan)).toMatchObject({ actual: 3, target: 2, achievement: 1.5 });
    expect(v.outcomes.every((o) => o.dataSource === '事業者からのヒアリングを基に設定')).toBe(true);
  });
});

