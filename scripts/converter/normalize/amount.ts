/**
 * 百万円 amounts → integer 円. Text sheets state amounts in 百万円 with up to several decimals
 * ("19.9", "0.4", "1,200", "▲3"); the record keeps integer 円, multiplied exactly (19.9 → 19900000).
 */
import { decimalOfNumber, parseDecimal, roundHalfUp, scaleToInteger, type Decimal, type Parsed } from './decimal.ts';

/** "19.9" (百万円) → 19900000 (円); blank/"-" → null; not a number → `ok: false`. */
export function parseMillionYen(raw: string | null | undefined): Parsed<number> {
  // A trailing unit written into the cell ("12百万円") is the unit the table states anyway.
  const cleaned = raw == null ? raw : raw.normalize('NFKC').replace(/百万円$/, '');
  const d = parseDecimal(cleaned);
  if (!d.ok || d.value === null) return d.ok ? { ok: true, value: null } : { ok: false, reason: d.reason };
  const yen = scaleToInteger(d.value, 6);
  if (yen === null) return { ok: false, reason: `「${raw!.trim()}」百万円は1円未満の端数を含みます` };
  if (yen > BigInt(Number.MAX_SAFE_INTEGER) || yen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `「${raw!.trim()}」百万円は大きすぎます` };
  }
  const n = Number(yen);
  return { ok: true, value: Object.is(n, -0) ? 0 : n };
}

// 円 → 百万円 for messages is src/shared/format.ts formatAmountExact: the site and the converter's warnings
// write amounts one way.

/** `String(n)` of an amount of whole 円 with at most 15 digits in all: "29.3", "-0.623613", "1190". */
const SHORT_MILLION_YEN = /^(-?)(\d{1,9})(?:\.(\d{1,6}))?$/;
const WHOLE: Decimal = { digits: 0n, scale: 0 };

/**
 * A 百万円 amount given as a JSON number (JUDGIT form) → integer 円. JUDGIT's own pipeline leaves binary
 * floating-point noise in its numbers (29.300000000000004); the number's shortest decimal string is
 * multiplied exactly and rounded half up to the 円 (29.300000000000004 → 29300000, 0.05 → 50000,
 * -0.623613 → -623613). `rounded` is the part below 1 円 that was rounded away, in 円 (a Decimal), so a
 * caller can tell float noise (1e-9 円) from a stated fraction of a 円 (8.666666666666666 百万円).
 */
export function millionYenOfNumber(n: number): { ok: true; value: number; rounded: Decimal } | { ok: false; reason: string } {
  // Most amounts have at most 6 decimals (whole 円) and fit 15 digits: the 円 are the digit string itself,
  // read exactly without BigInt (a year holds ≈ 200,000 amounts).
  const short = SHORT_MILLION_YEN.exec(String(n));
  if (short) {
    const yen = Number(short[2]! + (short[3] ?? '').padEnd(6, '0'));
    return { ok: true, value: short[1] && yen !== 0 ? -yen : yen, rounded: WHOLE };
  }
  const d = decimalOfNumber(n);
  if (!d) return { ok: false, reason: `「${String(n)}」は数値ではありません` };
  const { value, remainder } = roundHalfUp(d, 6);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `「${String(n)}」百万円は大きすぎます` };
  }
  const yen = Number(value);
  return { ok: true, value: Object.is(yen, -0) ? 0 : yen, rounded: remainder };
}
