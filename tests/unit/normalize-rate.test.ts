import { describe, it, expect } from 'vitest';
import { parsePercent } from '../../scripts/converter/normalize/rate.ts';

describe('parsePercent (percent → fraction)', () => {
  it.each([
    ['92%', 0.92],
    ['93%', 0.93],
    ['98.3%', 0.983],
    ['100%', 1],
    ['140', 1.4], // 達成度 row whose unit cell is "%"
    ['142', 1.42],
    ['79%', 0.79],
    ['0%', 0],
    ['68.2%', 0.682],
    ['９２％', 0.92], // full-width
    ['97.5 %', 0.975],
    ['▲5%', -0.05],
  ])('%j → %j', (raw, v) => {
    expect(parsePercent(raw)).toEqual({ ok: true, value: v });
  });
  it.each(['', '-', '--', '―', '－', undefined])('%j → null', (raw) => {
    expect(parsePercent(raw)).toEqual({ ok: true, value: null });
  });
  it.each(['約90%', 'abc', '%', '9 0'])('%j → error', (raw) => {
    expect(parsePercent(raw).ok).toBe(false);
  });
});
