/** Display formatting (src/shared/format.ts): units, exact values, and null never shown as 0. */
import { describe, expect, it } from 'vitest';
import {
  NONE,
  formatAmountExact,
  formatMillionYenNumber,
  formatNumber,
  formatPercent,
  formatPercentShort,
  formatQuantity,
  formatYenExact,
  formatYenShort,
  ratioDecimal,
  shiftDecimal,
  textOrNone,
} from '../../src/shared/format.ts';
import { textSample } from '../support/sample-records.ts';

describe('null is "—", never 0', () => {
  it.each([
    ['formatYenExact', formatYenExact],
    ['formatAmountExact', formatAmountExact],
    ['formatMillionYenNumber', formatMillionYenNumber],
    ['formatYenShort', formatYenShort],
    ['formatPercent', formatPercent],
    ['formatPercentShort', formatPercentShort],
    ['formatNumber', formatNumber],
  ] as const)('%s(null) and (undefined)', (_name, fn) => {
    expect(fn(null)).toBe(NONE);
    expect(fn(undefined)).toBe(NONE);
    expect(NONE).toBe('—');
  });

  it('a stated 0 stays 0', () => {
    expect(formatAmountExact(0)).toBe('0百万円');
    expect(formatYenShort(0)).toBe('0百万円');
    expect(formatPercent(0)).toBe('0%');
    expect(formatNumber(0)).toBe('0');
  });

  it('quantities drop the unit for no value, keep it otherwise', () => {
    expect(formatQuantity(null, '件')).toBe('—');
    expect(formatQuantity(1000, '件')).toBe('1,000件');
    expect(formatQuantity(0.2, null)).toBe('0.2');
    expect(textOrNone('  ')).toBe('—');
    expect(textOrNone('委託・請負')).toBe('委託・請負');
  });
});

describe('百万円 and 億円', () => {
  it('scales exactly on the decimal string (no float noise, nothing rounded away)', () => {
    expect(shiftDecimal(339000000, 6)).toBe('339');
    expect(shiftDecimal(1500000, 6)).toBe('1.5');
    expect(shiftDecimal(400000, 6)).toBe('0.4');
    expect(shiftDecimal(-250000, 6)).toBe('-0.25');
    expect(shiftDecimal(11200834, 6)).toBe('11.200834');
    expect(shiftDecimal(0, 6)).toBe('0');
    expect(formatMillionYenNumber(19938516000)).toBe('19,938.516');
    expect(formatAmountExact(100000)).toBe('0.1百万円');
    // A float division would print 0.30000000000000004-style noise for some amounts.
    expect(formatMillionYenNumber(300000)).toBe('0.3');
  });

  it('exact 円 for titles', () => {
    expect(formatYenExact(339000000)).toBe('339,000,000円');
    expect(formatYenExact(-1500000)).toBe('-1,500,000円');
    expect(formatYenExact(34482000)).toBe('34,482,000円');
  });

  it('groups every integer the way Intl does, at every length, signs and beyond 2^53 included', () => {
    const intl = new Intl.NumberFormat('en-US', { useGrouping: true, maximumFractionDigits: 0 });
    for (let digits = 1; digits <= 22; digits += 1) {
      for (const lead of ['1', '9', '4']) {
        const n = BigInt(lead.padEnd(digits, '7'));
        for (const v of [n, -n]) {
          const yen = Number(v);
          // Above 2^53 the number is whatever double the digits round to; BigInt(yen) is its exact value.
          expect(formatYenExact(yen)).toBe(`${intl.format(BigInt(yen))}円`);
        }
      }
    }
    expect(formatYenExact(0)).toBe('0円');
    expect(formatYenExact(-0)).toBe('0円');
    expect(shiftDecimal(-400000, 6)).toBe('-0.4');
    expect(shiftDecimal(2n ** 64n, 3)).toBe('18446744073709551.616');
    expect(() => shiftDecimal(1.5, 0)).toThrow(RangeError);
  });

  it('table figures: 百万円 to 千円 at most, rounded half up on the decimal string (RS states whole 円)', () => {
    // Real RS amounts (2024-nta-rs1360 予算額, 2024-cfa-rs6501, 2024-mext-rs1699 当初予算).
    expect(formatMillionYenNumber(404495356)).toBe('404.495');
    expect(formatMillionYenNumber(1799999)).toBe('1.8');
    expect(formatMillionYenNumber(81299999)).toBe('81.3');
    expect(formatMillionYenNumber(34464010)).toBe('34.464');
    // Half up: …5 goes up, …4 down; negatives by magnitude.
    expect(formatMillionYenNumber(1000500)).toBe('1.001');
    expect(formatMillionYenNumber(1000499)).toBe('1');
    expect(formatMillionYenNumber(-1000500)).toBe('-1.001');
    expect(formatMillionYenNumber(2681240189398)).toBe('2,681,240.189');
    // The exact form, for sentences that must not round.
    // Exact for warnings: 百万円 down to 千円, else the 円 (six decimals of 百万円 read as noise).
    expect(formatAmountExact(1)).toBe('1円');
    expect(formatAmountExact(1147000)).toBe('1.147百万円');
    expect(formatAmountExact(167850002)).toBe('167,850,002円');
    expect(formatAmountExact(-3000000)).toBe('-3百万円');
    expect(formatAmountExact(1200000000)).toBe('1,200百万円');
  });

  it('headline amounts: 百万円 below 1億円, 億円 from 1億円, 兆円 from 1兆円, 3 significant figures', () => {
    expect(formatYenShort(15000000)).toBe('15百万円');
    expect(formatYenShort(1500000)).toBe('1.5百万円');
    expect(formatYenShort(3295000)).toBe('3.3百万円');
    expect(formatYenShort(33498000)).toBe('33.5百万円');
    expect(formatYenShort(100000000)).toBe('1億円');
    expect(formatYenShort(359000000)).toBe('3.59億円');
    expect(formatYenShort(19938516000)).toBe('199億円');
    expect(formatYenShort(19950000000)).toBe('200億円');
    expect(formatYenShort(123456789012345)).toBe('123兆円');
    expect(formatYenShort(28370000000000)).toBe('28.4兆円');
    expect(formatYenShort(123456000000)).toBe('1,235億円');
    expect(formatYenShort(-359000000)).toBe('-3.59億円');
    expect(formatYenShort(400000)).toBe('400,000円');
  });
});

describe('rates are fractions shown as percentages', () => {
  it('keeps every stated digit', () => {
    expect(formatPercent(0.92)).toBe('92%');
    expect(formatPercent(0.983)).toBe('98.3%');
    expect(formatPercent(0.33608)).toBe('33.608%');
    expect(formatPercent(1.4)).toBe('140%');
    expect(formatPercent(1.42)).toBe('142%');
    expect(formatPercent(0.07)).toBe('7%');
  });

  it('short form rounds for headlines', () => {
    expect(formatPercentShort(0.33608)).toBe('33.6%');
    expect(formatPercentShort(0.91)).toBe('91%');
  });

  // Half up from the decimal the sheet states, never through binary floating point: 0.5095 * 100 is
  // 50.949999999999996 as a double, which toFixed(1) turned into "50.9%".
  it.each([
    [0.5095, '51%', '50.95%'],
    [0.33608, '33.6%', '33.608%'],
    [0.99995, '100%', '99.995%'],
    [1.0, '100%', '100%'],
    [0.99986, '100%', '99.986%'], // 2611's 2023 執行率
    [0.0005, '0.1%', '0.05%'],
    [0.00049, '0%', '0.049%'],
    [1.2345, '123.5%', '123.45%'],
    [-0.1235, '-12.4%', '-12.35%'],
    [1e-7, '0%', '0.00001%'],
    [0, '0%', '0%'],
    [null, '—', '—'],
  ])('%j → short %j, full %j', (fraction, short, full) => {
    expect(formatPercentShort(fraction)).toBe(short);
    expect(formatPercent(fraction)).toBe(full);
  });

  it('the site rate rounds half up on the stated digits, not on the float', () => {
    // Real 執行率 of 2024-cao-rs103 (0.5095) and 2024-maff-rs3214 (0.1055): ×100 in floating point is
    // 50.949999… and 10.549999…, which toFixed(1) rounds down.
    expect(formatPercentShort(0.5095)).toBe('51%');
    expect(formatPercentShort(0.1055)).toBe('10.6%');
    expect(formatPercentShort(0.99995)).toBe('100%');
    expect(formatPercentShort(0.81838)).toBe('81.8%');
    expect(formatPercentShort(1e-7)).toBe('0%');
    expect(formatPercentShort(-0.0005)).toBe('-0.1%');
  });
});

describe('ratios the site computes', () => {
  // Half away from zero on integers: change × 1000 / previous for a budget of 1兆円 and more is beyond
  // 2^53 and would be rounded by a double before Math.round saw it.
  it.each([
    [1, 8, 3, '0.125'],
    [2, 3, 3, '0.667'],
    [-1, 8, 2, '-0.13'],
    [-1, 3, 3, '-0.333'],
    [0, 7, 3, '0'],
    [1, 2000, 3, '0.001'],
    [1, 2001, 3, '0'],
    [0.1, 0.3, 3, '0.333'], // each taken by its decimal digits, not as 0.1 / 0.3 in binary
    [1_234_567_890_123, 9_876_543_210_987, 3, '0.125'],
    [9_007_199_254_740_993n, 2n, 0, '4503599627370497'],
  ])('%s / %s at %s places → %s', (n, d, places, want) => {
    expect(ratioDecimal(n, d, places)).toBe(want);
  });

  it('refuses a zero denominator', () => {
    expect(() => ratioDecimal(1, 0, 3)).toThrow(/division by zero/);
  });
});

describe('on the real sample sheet 000 (総務省 サイバーセキュリティ情報共有推進事業)', () => {
  it("shows the sheet's 百万円 figures back as the sheet states them", async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const fy2021 = s.budgets.find((b) => b.year === 2021 && !b.isRequest)!;
    expect(formatMillionYenNumber(fy2021.total)).toBe('359');
    expect(formatMillionYenNumber(fy2021.executed)).toBe('325');
    expect(formatPercent(fy2021.executionRate)).toBe('91%');
    const hitachi = s.payees.find((p) => p.corporateNumber === '7010001008844')!;
    expect(formatAmountExact(hitachi.amount)).toBe('175百万円');
    expect(formatPercent(hitachi.winningBidRate)).toBe('98.3%');
    const survey = s.payees.find((p) => p.name === '株式会社サーベイリサーチセンター')!;
    expect(formatAmountExact(survey.amount)).toBe('1.5百万円');
    // 補正予算 is "-" in every column: shown as —, not 0.
    expect(s.budgets.map((b) => formatMillionYenNumber(b.supplementary))).toEqual(s.budgets.map(() => '—'));
  });
});
