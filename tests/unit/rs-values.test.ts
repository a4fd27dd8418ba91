import { describe, expect, it } from 'vitest';
import {
  count,
  flag,
  fraction,
  ministryName,
  percentToFraction,
  quantity,
  stripTextMarker,
  text,
  ValueError,
  year,
  yen,
} from '../../scripts/converter/readers/rs-csv/values.ts';

describe('yen (whole 円)', () => {
  it.each([
    ['33328000', 33328000],
    ['34482000.0', 34482000],
    ['0', 0],
    ['-473807177580', -473807177580],
    ['1,234,000', 1234000],
    [' 11200834 ', 11200834],
    ['', null],
    ['-', null],
    ['ー', null],
  ])('%j → %j', (cell, want) => {
    expect(yen(cell)).toBe(want);
  });

  it.each([['abc'], ['12.5'], ['1.2.3'], ['12万'], ['99999999999999999']])('%j is an error', (cell) => {
    expect(() => yen(cell)).toThrow(ValueError);
  });

  it('says what is wrong', () => {
    expect(() => yen('12.5')).toThrow('"12.5" is not a whole number of 円');
    expect(() => yen('abc')).toThrow('"abc" is not an amount in 円');
  });
});

describe('rates', () => {
  it('執行率 is already a fraction', () => {
    expect(fraction('0.33608')).toBe(0.33608);
    expect(fraction('1')).toBe(1);
    expect(fraction('')).toBeNull();
    expect(() => fraction('33%')).toThrow(ValueError);
  });

  it.each([
    ['99.9', 0.999],
    ['100', 1],
    ['177.3', 1.773],
    ['5', 0.05],
    ['0.5', 0.005],
    ['0', 0],
    ['87%', 0.87],
    ['', null],
    ['--', null],
  ])('percent %j → fraction %j', (cell, want) => {
    expect(percentToFraction(cell)).toBe(want);
  });

  it('rejects a percent that is not a number', () => {
    expect(() => percentToFraction('約90')).toThrow(ValueError);
  });
});

describe('flags in their three spellings', () => {
  it.each([
    ['TRUE', true],
    ['FALSE', false],
    ['t', true],
    ['f', false],
    ['1', true],
    ['', null],
  ])('%j → %j', (cell, want) => {
    expect(flag(cell)).toBe(want);
  });

  it('rejects other words', () => {
    expect(() => flag('yes')).toThrow('"yes" is not TRUE/FALSE, t/f or 1/blank');
  });
});

describe('other cells', () => {
  it('text: blank and dashes are null, text is trimmed but kept', () => {
    expect(text('  現状通り ')).toBe('現状通り');
    expect(text('ー')).toBeNull();
    expect(text('－')).toBeNull();
    expect(text('')).toBeNull();
    expect(text('なし')).toBe('なし');
  });

  it('ministry names lose full-width and ASCII spaces', () => {
    expect(ministryName('国土交通省\u3000気象庁')).toBe('国土交通省気象庁');
    expect(ministryName(' 内閣 官房 ')).toBe('内閣官房');
  });

  it('years, counts and quantities', () => {
    expect(year('2014')).toBe(2014);
    expect(year('')).toBeNull();
    expect(() => year('令和5')).toThrow(ValueError);
    expect(count('3')).toBe(3);
    expect(count('3.0')).toBe(3);
    expect(() => count('3.5')).toThrow(ValueError);
    expect(quantity('1,014')).toBe(1014);
    expect(quantity('85.5')).toBe(85.5);
    expect(() => quantity('集計中')).toThrow(ValueError);
  });

  it("strips the export's text apostrophe from 補助率", () => {
    expect(stripTextMarker("'10/10")).toBe('10/10');
    expect(stripTextMarker("'定額")).toBe('定額');
    expect(stripTextMarker(null)).toBeNull();
  });
});
