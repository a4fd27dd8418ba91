/**
 * Counts and other quantities in a row's own unit ("1,000" 件, "0.2" 百万円/件, "29.5"). Kept as stated:
 * no unit conversion. Blank/"-" → null.
 */
import { parseDecimal, toNumber, type Parsed } from './decimal.ts';

export function parseQuantity(raw: string | null | undefined): Parsed<number> {
  const d = parseDecimal(raw);
  if (!d.ok) return d;
  return { ok: true, value: d.value === null ? null : toNumber(d.value) };
}

/** A whole count (入札者数 …): "1" → 1; "-" → null; "1.5" or text → `ok: false`. */
export function parseCount(raw: string | null | undefined): Parsed<number> {
  const d = parseDecimal(raw);
  if (!d.ok) return d;
  if (d.value === null) return { ok: true, value: null };
  if (d.value.scale !== 0 || d.value.digits < 0n) return { ok: false, reason: `「${raw!.trim()}」は件数ではありません` };
  return { ok: true, value: Number(d.value.digits) };
}
