import { describe, it, expect } from 'vitest';
import { parseMark } from '../../scripts/converter/normalize/mark.ts';
import { parseMillionYen } from '../../scripts/converter/normalize/amount.ts';

describe('parseMark (評価 marks)', () => {
  it.each([
    ['○', '○'],
    ['〇', '○'], // U+3007
    ['◯', '○'], // U+25EF
    ['△', '△'],
    ['×', '×'],
    ['✕', '×'],
    ['有', '有'],
    ['無', '無'],
    ['-', '-'],
    ['－', '-'],
    ['―', '-'],
    [' ○ ', '○'],
  ])('%j → %j', (raw, m) => expect(parseMark(raw)).toEqual({ ok: true, value: m }));
  it('blank → null', () => {
    expect(parseMark('')).toEqual({ ok: true, value: null });
    expect(parseMark(undefined)).toEqual({ ok: true, value: null });
  });
  it.each(['◎', 'はい', '○△'])('%j → error', (raw) => expect(parseMark(raw).ok).toBe(false));
  it('△ is a mark here but a negative sign in an amount cell', () => {
    expect(parseMark('△')).toEqual({ ok: true, value: '△' });
    expect(parseMillionYen('△5')).toEqual({ ok: true, value: -5000000 });
  });
});
