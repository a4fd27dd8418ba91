import { describe, it, expect } from 'vitest';
import { parseMillionYen, millionYenOfNumber } from '../../scripts/converter/normalize/amount.ts';
import { decimalOfNumber } from '../../scripts/converter/normalize/decimal.ts';

describe('parseMillionYen (百万円 → integer 円, exact)', () => {
  it.each([
    ['339', 339000000],
    ['19.9', 19900000],
    ['4.1', 4100000], // 4.1 * 1e6 in floating point is 4099999.9999999995
    ['16.4', 16400000], // and 16.4 * 1e6 is 16399999.999999998
    ['0.4', 400000],
    ['0.1', 100000],
    ['1.5', 1500000],
    ['1,200', 1200000000],
    ['12,345.678901', 12345678901],
    ['0', 0],
    ['0.0', 0],
    ['１２３', 123000000], // full-width digits
    ['１，２００．５', 1200500000], // full-width separators
    ['▲3', -3000000],
    ['△12.5', -12500000],
    ['-7', -7000000],
    ['－7', -7000000], // full-width minus
    ['▲1,200', -1200000000],
    [' 25 ', 25000000],
    ['12百万円', 12000000],
    ['.5', 500000],
  ])('%j → %j', (raw, yen) => {
    expect(parseMillionYen(raw)).toEqual({ ok: true, value: yen });
  });

  it.each(['', '  ', '-', '‐', '―', '－', '--', 'ー', '—', '−', undefined, null])('no value %j → null, never 0', (raw) => {
    expect(parseMillionYen(raw)).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '1,2', '12,34', '1.2.3', '0.0000001', '3件', '▲', '1 2'])('not an amount %j → error', (raw) => {
    const r = parseMillionYen(raw);
    expect(r.ok).toBe(false);
  });
});

describe('millionYenOfNumber (JUDGIT JSON numbers in 百万円 → integer 円, half up)', () => {
  it.each([
    [29.300000000000004, 29300000], // JUDGIT's float noise
    [0.05, 50000],
    [114.69999999999999, 114700000], // noise below: rounds up to the stated 114.7
    [337.97638700000005, 337976387],
    [1342.5210000000002, 1342521000],
    [10830.498999999989, 10830499000],
    [0.39999999999997726, 400000],
    [-0.623613, -623613], // 予備費等 are negative when returned
    [-75, -75000000], // 翌年度へ繰越し
    [-0.015, -15000],
    [263.6, 263600000],
    [4.1, 4100000], // 4.1 * 1e6 in floating point is 4099999.9999999995
    [0, 0],
    [-0, 0],
    [8.666666666666666, 8666667], // a stated fraction of a 円 rounds half up
    [0.000002647, 3],
    [1e-7, 0], // exponent forms: 0.1 円
    [5e-7, 1], // 0.5 円 → 1 円 (half up)
    [-5e-7, -1], // half away from zero: a negative rounds like its positive twin
    [4.4e-7, 0],
    [1.5e3, 1500000000],
    [123456789.123456, 123456789123456],
  ])('%j 百万円 → %j 円', (n, yen) => {
    const r = millionYenOfNumber(n);
    expect(r.ok && r.value).toBe(yen);
  });

  it('says what was rounded away, so noise (29.300000000000004: 4e-9 円) is told from a stated fraction', () => {
    const noise = millionYenOfNumber(29.300000000000004);
    expect(noise.ok && noise.rounded).toEqual({ digits: 4n, scale: 9 });
    const fraction = millionYenOfNumber(8.666666666666666);
    expect(fraction.ok && fraction.rounded).toEqual({ digits: -333333334n, scale: 9 });
  });

  it.each([NaN, Infinity, -Infinity, 1e21])('%j → not an amount', (n) => {
    expect(millionYenOfNumber(n).ok).toBe(false);
  });

  it('reads the shortest decimal string of a number, exponents included', () => {
    expect(decimalOfNumber(1e-7)).toEqual({ digits: 1n, scale: 7 });
    expect(decimalOfNumber(2.5e-8)).toEqual({ digits: 25n, scale: 9 });
    expect(decimalOfNumber(1e21)).toEqual({ digits: 10n ** 21n, scale: 0 });
    expect(decimalOfNumber(-0.623613)).toEqual({ digits: -623613n, scale: 6 });
    expect(decimalOfNumber(29.300000000000004)).toEqual({ digits: 29300000000000004n, scale: 15 });
  });
});
