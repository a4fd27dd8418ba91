import { describe, it, expect } from 'vitest';
import { parseMillionYen } from '../../scripts/lib/normalize/amount.ts';
import { formatMillionYen } from '../../src/lib/format.ts';

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

describe('formatMillionYen', () => {
  it.each([
    [339000000, '339百万円'],
    [19900000, '19.9百万円'],
    [400000, '0.4百万円'],
    [1, '0.000001百万円'],
    [-3000000, '-3百万円'],
    [0, '0百万円'],
  ])('%j → %j', (yen, s) => expect(formatMillionYen(yen)).toBe(s));
});
