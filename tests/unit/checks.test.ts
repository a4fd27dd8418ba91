import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { checkSheet, corporateNumberCheckDigit, decimalsOf, parseFormula } from '../../scripts/converter/quality-warnings.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';
import { rsSample, rsSamples } from '../support/sample-records.ts';

let r4: Sheet;
let h28: Sheet;

async function load(file: string): Promise<Sheet> {
  const r = await readTextSheet(path.resolve(file), `text/${path.basename(file)}`);
  return sheet.parse(r.records[0]);
}

beforeAll(async () => {
  r4 = await load('sheets/text/000_ef263abaeb28aada.txt');
  h28 = await load('sheets/text/004_b3591854bc0903ef.txt');
});

/** A deep copy of a sample to modify. */
const copy = (s: Sheet): Sheet => structuredClone(s);
const codes = (s: Sheet) => checkSheet(s).map((w) => w.code);

describe('法人番号 check digit', () => {
  it('accepts every 法人番号 printed in the R4 sample (7010001008844 …)', () => {
    expect(corporateNumberCheckDigit('010001008844')).toBe(7);
    expect(r4.payees.length).toBeGreaterThan(20);
    for (const p of r4.payees) expect(corporateNumberCheckDigit(p.corporateNumber!.slice(1)), p.corporateNumber!).toBe(Number(p.corporateNumber![0]));
  });

  it('warns on a wrong check digit and on a number that is not 13 digits', () => {
    const s = copy(r4);
    s.payees[0]!.corporateNumber = '8010001008844';
    s.payees[1]!.corporateNumber = '801040108444';
    const w = checkSheet(s).filter((x) => x.code === 'corporate-number-check-digit');
    expect(w).toEqual([
      { code: 'corporate-number-check-digit', section: 'payees', ref: 'A-1', message: 'ブロックAの支出先 株式会社日立製作所(1位)の法人番号 8010001008844 の検査用数字(先頭の 8)が正しくありません(残り12桁からは 7)' },
      { code: 'corporate-number-check-digit', section: 'payees', ref: 'B-1', message: 'ブロックBの支出先 NRIセキュアテクノロジーズ株式会社(1位)の法人番号「801040108444」は13桁の数字ではありません' },
    ]);
  });

  it('ignores payees without a number', () => {
    const s = copy(r4);
    s.payees[0]!.corporateNumber = null;
    expect(codes(s)).toEqual([]);
  });
});

describe('budget 計', () => {
  it('the samples agree: 計 = 当初 + 補正 + 前年度から繰越し + 予備費等 − 翌年度へ繰越し', () => {
    expect(codes(r4)).toEqual([]);
    expect(codes(h28)).not.toContain('budget-total-mismatch');
  });

  it('warns with the sheet\'s figures when 計 is not the sum of its parts', () => {
    const s = copy(r4);
    s.budgets[2]!.initial = 358000000;
    const w = checkSheet(s).filter((x) => x.code === 'budget-total-mismatch');
    expect(w).toEqual([{ code: 'budget-total-mismatch', section: 'budgets', ref: '2021', message: '令和3年度の計 359百万円 が内訳の合計 358百万円 と一致しません(当初予算 358百万円)' }]);
  });

  it('subtracts 翌年度へ繰越し whether written with ▲ or as a positive amount (text sheets)', () => {
    for (const next of [-20000000, 20000000]) {
      const s = copy(r4);
      Object.assign(s.budgets[0]!, { initial: 339000000, carriedFromPrev: 30000000, carriedToNext: next, total: 349000000, executed: 320000000, executionRate: 0.92 });
      expect(checkSheet(s).filter((x) => x.code === 'budget-total-mismatch')).toEqual([]);
    }
  });

  it('RS records: 計 (歳出予算現額) does not subtract 翌年度への繰越し', () => {
    const s = copy(r4);
    s.source.form = 'rs-csv';
    Object.assign(s.budgets[0]!, { initial: 339000000, carriedToNext: 20000000, total: 339000000 });
    expect(checkSheet(s).filter((x) => x.code === 'budget-total-mismatch')).toEqual([]);
    s.budgets[0]!.total = 319000000;
    expect(checkSheet(s).filter((x) => x.code === 'budget-total-mismatch').map((w) => w.message)).toEqual([
      '2019年度の計 319百万円 が内訳の合計 339百万円 と一致しません(当初予算 339百万円)',
    ]);
  });

  it('does not warn for a 計 of 0 over parts that are all "-"', () => {
    expect(r4.budgets[3]).toMatchObject({ initial: null, total: 0 });
    expect(codes(r4)).toEqual([]);
  });

  it('never changes the record', () => {
    const s = copy(r4);
    s.budgets[2]!.initial = 1;
    const before = JSON.stringify(s);
    checkSheet(s);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('執行率', () => {
  it('accepts rates that round or truncate from 執行額/計 at their stated precision', () => {
    // 311/339 = 91.7% stated 92%; 325/359 = 90.5% stated 91%; H28 118/150 = 78.7% stated 79%.
    expect(codes(r4)).not.toContain('execution-rate-mismatch');
    expect(codes(h28)).not.toContain('execution-rate-mismatch');
  });

  it('warns when the rate disagrees beyond its precision', () => {
    const s = copy(r4);
    s.budgets[2]!.executionRate = 0.89;
    expect(checkSheet(s)).toEqual([{ code: 'execution-rate-mismatch', section: 'budgets', ref: '2021', message: '令和3年度の執行率 89% が 執行額 325百万円 / 計 359百万円 = 90.5% と一致しません' }]);
  });

  it('checks 当初予算+補正予算に対する執行額の割合 against 執行額 / (当初予算+補正予算)', () => {
    const s = copy(r4);
    s.budgets[0]!.initialPlusSupplementaryRate = 0.95;
    expect(checkSheet(s).map((w) => w.message)).toEqual(['令和元年度の当初予算+補正予算に対する執行額の割合 95% が 執行額 311百万円 / 当初予算+補正予算 339百万円 = 91.7% と一致しません']);
  });

  it('takes amounts at their stated precision (small amounts)', () => {
    const s = copy(r4);
    // 計 2 百万円 (1.5–2.5) and 執行 1.5 (1.45–1.55): 58%–103% all agree; 50% does not.
    Object.assign(s.budgets[0]!, { initial: 2000000, total: 2000000, executed: 1500000, executionRate: 0.6, initialPlusSupplementaryRate: null });
    expect(codes(s)).toEqual([]);
    s.budgets[0]!.executionRate = 0.5;
    // The stated rate reads as stated (src/shared/format.ts formatPercent): "50%", where the converter's own
    // percent formatter once stripped the zero of "50" and wrote "5%".
    expect(checkSheet(s).map((w) => w.message)).toEqual(['令和元年度の執行率 50% が 執行額 1.5百万円 / 計 2百万円 = 75% と一致しません']);
  });
});

describe('unit costs', () => {
  it('warns when the formula\'s denominator is not the activity count (H28: 118/4 against 7 件)', () => {
    expect(checkSheet(h28)).toEqual([
      { code: 'unit-cost-formula-mismatch', section: 'unitCosts', ref: '2015', message: '平成27年度の単位当たりコストの計算式 118/4 の分母 4 が活動実績 7件 と一致しません' },
    ]);
  });

  it('accepts R4 values rounded from their formulas (179/1000 = 0.179 → 0.2, 175/2000 = 0.0875 → 0.1)', () => {
    expect(codes(r4)).not.toContain('unit-cost-formula-mismatch');
  });

  it('warns when the value does not match its formula beyond the stated precision', () => {
    const s = copy(r4);
    s.unitCosts[0]!.values[0]!.value = 0.3;
    expect(checkSheet(s)).toEqual([
      { code: 'unit-cost-formula-mismatch', section: 'unitCosts', ref: '2019', message: '令和元年度の単位当たりコスト 0.3百万円/件 が計算式 179/1000 = 0.179 と一致しません' },
    ]);
  });

  it('accepts a formula in another power-of-1000 unit than the value', () => {
    const s = copy(h28);
    s.unitCosts[0]!.values[2]!.formula = '118/4';
    s.unitCosts[0]!.values[2]!.value = 29500000; // 円 per 件
    expect(checkSheet(s).filter((w) => w.message.includes('が計算式'))).toEqual([]);
  });

  it('parses formulas', () => {
    expect(parseFormula('118/4')).toEqual([118, 4]);
    expect(parseFormula(' 1,790 / 1,000 ')).toEqual([1790, 1000]);
    expect(parseFormula('１７９／１０００')).toEqual([179, 1000]);
    expect(parseFormula('179/0')).toBeNull();
    expect(parseFormula('費用/件数')).toBeNull();
  });
});

describe('blocks and payees', () => {
  it('R4 blocks sum to their 計 (A: 131+15+4+3+3+4+13+2 = 175; G: 6.9+0.1 = 7)', () => {
    expect(codes(r4)).not.toContain('block-expenses-mismatch');
  });

  it('warns when a block\'s lines do not sum to its 計', () => {
    const s = copy(h28);
    s.blocks[1]!.total = 26000000;
    expect(checkSheet(s).filter((w) => w.code === 'block-expenses-mismatch')).toEqual([
      { code: 'block-expenses-mismatch', section: 'blocks', ref: 'B', message: 'ブロックB((株)FFRI)の費目・用途の金額の合計 25百万円 が計 26百万円 と一致しません' },
    ]);
  });

  it('text sheets: a payee may not exceed the block\'s 費目・用途 計 (the largest payee\'s total)', () => {
    // E: payee 20 (19.5–20.5) against 計 19.9 agrees at the stated precision.
    expect(codes(r4)).not.toContain('payees-exceed-block');
    const s = copy(r4);
    s.payees.find((p) => p.block === 'B' && p.rank === 1)!.amount = 16000000;
    expect(checkSheet(s).filter((w) => w.code === 'payees-exceed-block')).toEqual([
      { code: 'payees-exceed-block', section: 'payees', ref: 'B-1', message: 'ブロックBの支出先 NRIセキュアテクノロジーズ株式会社(1位)の支出額 16百万円 が費目・用途の計 15百万円 を超えています' },
    ]);
  });

  it('RS records: the payees of a block may not add up to more than its total', () => {
    const s = copy(r4);
    s.source.form = 'rs-csv';
    // B's seven payees add up to 44 百万円.
    s.blocks.find((b) => b.id === 'B')!.total = 44000000;
    expect(checkSheet(s).filter((w) => w.code === 'payees-exceed-block' && w.ref === 'B')).toEqual([]);
    s.blocks.find((b) => b.id === 'B')!.total = 43000000;
    expect(checkSheet(s).filter((w) => w.code === 'payees-exceed-block' && w.ref === 'B').map((w) => w.message)).toEqual([
      'ブロックBの支出先の支出額の合計 44百万円 がブロックの合計支出額 43百万円 を超えています',
    ]);
  });
});

describe('decimalsOf', () => {
  it.each([[0.983, 3], [29.5, 1], [7, 0], [0.92, 2], [1e-7, 7], [1.5e-7, 8]])('%j → %j', (x, d) => expect(decimalsOf(x)).toBe(d));
});

describe('RS: 費目・使途 (5-3) against the block total (5-1), calibrated on the real subset', () => {
  const mismatches = (s: Sheet) => checkSheet(s).filter((w) => w.code === 'block-expenses-mismatch');

  it('5-3 listing only part of a block is not a contradiction: ID 1 block A lists 3.295百万円 of 10.07百万円', async () => {
    const s = await rsSample(1);
    const a = s.blocks.find((b) => b.id === 'A')!;
    expect(a.total).toBe(10070000);
    expect(a.expenses.map((e) => e.amount)).toEqual([3295000]);
    expect(mismatches(s)).toEqual([]);
  });

  it('fires only where the lines exceed the block total: 29 blocks of the 252 projects (507 before calibration)', async () => {
    const all = (await rsSamples()).flatMap((s) => mismatches(s).map((w) => `${s.id}:${w.ref}`));
    expect(all).toHaveLength(29);
    // Every one is a block whose 5-3 lines sum to more than its 5-1 total.
    for (const s of await rsSamples()) {
      for (const w of mismatches(s)) {
        const b = s.blocks.find((x) => x.id === w.ref)!;
        expect(b.expenses.reduce((t, e) => t + (e.amount ?? 0), 0)).toBeGreaterThan(b.total!);
      }
    }
  });

  it('ID 7339 block A: lines of 10百万円 in a block whose total is 0', async () => {
    expect(mismatches(await rsSample(7339))).toContainEqual({
      code: 'block-expenses-mismatch',
      section: 'blocks',
      ref: 'A',
      message: 'ブロックA(環境省)の費目・使途の金額の合計 10百万円 がブロックの合計支出額 0百万円 を超えています',
    });
  });

  it('an RS block whose lines sum to less than its total stays quiet; raising a line above it warns', async () => {
    const s = copy(await rsSample(1));
    const a = s.blocks.find((b) => b.id === 'A')!;
    expect(mismatches(s)).toEqual([]);
    a.expenses[0]!.amount = 10070001;
    expect(mismatches(s).map((w) => w.ref)).toEqual(['A']);
  });
});

describe('RS: payees against the block total (5-1), on the real subset', () => {
  const exceed = (s: Sheet) => checkSheet(s).filter((w) => w.code === 'payees-exceed-block');

  it('a block that 5-2 says pays itself counts the same money twice: ID 6433 block C stays quiet', async () => {
    const s = await rsSample(6433);
    expect(s.flows).toContainEqual({ from: 'C', to: 'C', amount: null, inferred: false, note: null, sourceName: null });
    expect(s.payees.filter((p) => p.block === 'C').map((p) => [p.name, p.amount])).toEqual([
      ['厚生労働省', 25520000],
      ['第二東京弁護士会', 25520000],
    ]);
    expect(exceed(s)).toEqual([]);
  });

  it('fires once on the subset: ID 860 block AZ, payees 0.383百万円 against a total of 0.11百万円', async () => {
    const all = (await rsSamples()).flatMap((s) => exceed(s).map((w) => ({ id: s.id, ...w })));
    expect(all).toEqual([
      { id: '2024-soumu-rs860', code: 'payees-exceed-block', section: 'payees', ref: 'AZ', message: 'ブロックAZの支出先の支出額の合計 0.383百万円 がブロックの合計支出額 0.11百万円 を超えています' },
    ]);
  });
});
