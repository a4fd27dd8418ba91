import { describe, it, expect } from 'vitest';
import { parseQuantity, parseCount } from '../../scripts/converter/normalize/quantity.ts';

describe('parseQuantity (as stated, in the row unit)', () => {
  it.each([
    ['1,000', 1000],
    ['2,000', 2000],
    ['0.2', 0.2],
    ['29.5', 29.5],
    ['37', 37],
    ['0', 0],
    ['１２', 12],
    ['▲2', -2],
  ])('%j → %j', (raw, v) => expect(parseQuantity(raw)).toEqual({ ok: true, value: v }));
  it.each(['-', '', '―'])('%j → null', (raw) => expect(parseQuantity(raw)).toEqual({ ok: true, value: null }));
  it.each(['118/4', '7件', 'x'])('%j → error', (raw) => expect(parseQuantity(raw).ok).toBe(false));
});

describe('parseCount (入札者数)', () => {
  it.each([['1', 1], ['13', 13], ['-', null], ['', null], ['--', null]])('%j → %j', (raw, v) => {
    expect(parseCount(raw)).toEqual({ ok: true, value: v });
  });
  it.each(['1.5', '▲1', '二'])('%j → error', (raw) => expect(parseCount(raw).ok).toBe(false));
});
