import { describe, it, expect } from 'vitest';
import { isNoValue, textOrNull } from '../../scripts/converter/normalize/blank.ts';

describe('isNoValue', () => {
  it.each(['', ' ', '\u3000', '-', '‐', '‑', '‒', '–', '—', '―', '－', '−', 'ー', '─', '--', '――', ' - ', null, undefined])('%j is no value', (raw) => {
    expect(isNoValue(raw)).toBe(true);
  });
  it.each(['0', '0%', '-1', '▲', '△', '○', '無', 'a', '新27-0015'])('%j is a value', (raw) => {
    expect(isNoValue(raw)).toBe(false);
  });
});

describe('textOrNull', () => {
  it('trims text and maps dashes to null', () => {
    expect(textOrNull('  一般会計 ')).toBe('一般会計');
    expect(textOrNull('―')).toBeNull();
    expect(textOrNull('')).toBeNull();
  });
});
