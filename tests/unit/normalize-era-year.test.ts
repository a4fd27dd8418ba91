import { describe, it, expect } from 'vitest';
import { parseEraYear, parseTitleYear, resolveEraless } from '../../scripts/converter/normalize/era-year.ts';
import { eraName } from '../../src/shared/era.ts';

describe('parseEraYear', () => {
  it.each([
    // [text, expected year (previous column + 1 or the sheet year), result]
    ['令和元年度', 2022, 2019],
    ['令和2年度', 2022, 2020],
    ['令和5年度要求', 2022, 2023],
    ['平成27年度', 2016, 2015],
    ['平成元年度', 2016, 1989],
    ['平成31年度', 2019, 2019],
    ['昭和64年度', 1990, 1989],
    ['平成２７年度', 2016, 2015], // full-width digits
    ['26年度', 2014, 2014], // era-less on an H28 sheet → 平成
    ['25年度', 2016, 2013],
    ['4年度 活動見込', 2022, 2022], // era-less after 令和3年度 → 令和
    ['4年度活動見込', 2022, 2022],
    ['29年度要求', 2017, 2017],
    ['元年度', 2019, 2019], // 令和元年 rather than 平成元年 near 2019
    ['元年度', 1990, 1989],
    ['目標最終年度 3 年度', 2022, 2021],
    ['目標最終年度 3 年度', 1992, 1991], // same text on a 平成 sheet → 平成3
    ['2021年度', 2022, 2021],
    ['令和4年度当初予算', 2022, 2022],
  ])('%j (expected near %j) → %j', (text, expected, year) => {
    expect(parseEraYear(text, expected)?.year).toBe(year);
  });
  it('keeps the written era', () => {
    expect(parseEraYear('平成30年度', 2022)).toEqual({ year: 2018, era: '平成' });
  });
  it.each(['中間目標 - 年度', '目標最終年度', '計画開始時 年度', '中間目標年度'])('%j has 年度 but no year → year null', (t) => {
    expect(parseEraYear(t, 2022)).toEqual({ year: null, era: null });
  });
  it('text without 年度 → null', () => {
    expect(parseEraYear('新31-0015', 2022)).toBeNull();
    expect(parseEraYear('', 2022)).toBeNull();
  });
});

describe('resolveEraless: the era that continues the sequence', () => {
  it.each([
    [30, 2018, 2018],
    [31, 2019, 2019], // 平成31; 令和31 would be 2049
    [2, 2020, 2020],
    [2, 1990, 1990],
    [63, 1988, 1988], // 昭和63; 平成 ends at 31
  ])('%j near %j → %j', (n, expected, y) => expect(resolveEraless(n, expected)).toBe(y));
});

describe('parseTitleYear and the era labels of warnings', () => {
  it('reads the sheet year from a title line', () => {
    expect(parseTitleYear('令和4年度行政事業レビューシート')).toEqual({ year: 2022, era: '令和' });
    expect(parseTitleYear('平成28年度行政事業レビューシート')).toEqual({ year: 2016, era: '平成' });
    expect(parseTitleYear('行政事業レビューシート')).toBeNull();
  });
  it.each([[2021, '令和3年度'], [2019, '令和元年度'], [2018, '平成30年度'], [1989, '平成元年度'], [1988, '昭和63年度']])('%j → %j', (y, s) => {
    // scripts/converter/quality-warnings.ts names a text sheet's year this way (the era table is src/shared/era.ts).
    expect(`${eraName(y)}年度`).toBe(s);
  });
});
