import { describe, it, expect } from 'vitest';
import { parseDecimal, scaleToInteger, toNumber } from '../../scripts/converter/normalize/decimal.ts';

describe('parseDecimal (exact digits and scale)', () => {
  it.each([
    ['19.9', 199n, 1],
    ['1,200', 1200n, 0],
    ['0.4', 4n, 1],
    ['▲0.05', -5n, 2],
    ['△ 3', -3n, 0],
    ['１２．５', 125n, 1],
    ['007', 7n, 0],
  ])('%s → digits %s, scale %s', (raw, digits, scale) => {
    expect(parseDecimal(raw)).toEqual({ ok: true, value: { digits, scale } });
  });
  it('4.1 × 10^6 is exactly 4100000 (floating point gives 4099999.9999999995)', () => {
    const d = parseDecimal('4.1');
    expect(d.ok && d.value && scaleToInteger(d.value, 6)).toBe(4100000n);
    expect(4.1 * 1e6).not.toBe(4100000);
  });
  it('scaleToInteger refuses results with a fraction', () => {
    const d = parseDecimal('0.0000001');
    expect(d.ok && d.value && scaleToInteger(d.value, 6)).toBeNull();
  });
  it('toNumber shifts the decimal point without float multiplication', () => {
    const d = parseDecimal('98.3');
    expect(d.ok && d.value && toNumber(d.value, 2)).toBe(0.983);
  });
});
