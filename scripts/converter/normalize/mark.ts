/**
 * Check-list marks (評価): ○ △ × 有 無 and "-". Separate from the amount normaliser on purpose: "△" here
 * is a mark ("partly"), while in an amount cell it means a negative number.
 */
import type { Parsed } from './decimal.ts';
import { isNoValue } from './blank.ts';

export type Mark = '○' | '△' | '×' | '有' | '無' | '-';

const FORMS: Record<string, Mark> = {
  '○': '○', // U+25CB white circle
  '〇': '○', // U+3007 ideographic number zero, often typed for ○
  '◯': '○', // U+25EF large circle
  '△': '△', // U+25B3
  '×': '×', // U+00D7
  '✕': '×', // U+2715
  '✖': '×', // U+2716
  '╳': '×', // U+2573
  '有': '有',
  '無': '無',
};

/** "○" → "○", "〇" → "○", "-" (any dash) → "-", blank → null; anything else → `ok: false`. */
export function parseMark(raw: string | null | undefined): Parsed<Mark> {
  if (raw == null || raw.trim() === '') return { ok: true, value: null };
  if (isNoValue(raw)) return { ok: true, value: '-' };
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = FORMS[s];
  return m ? { ok: true, value: m } : { ok: false, reason: `「${raw.trim()}」は評価の記号ではありません` };
}

/** `true` when the cell is a mark (used to tell a mark cell from a note cell). */
export function isMarkCell(raw: string): boolean {
  const r = parseMark(raw);
  return r.ok && r.value !== null;
}
