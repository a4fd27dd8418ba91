/**
 * Exact decimal parsing shared by the amount, rate and quantity normalisers. Sheet numbers are decimal
 * strings ("19.9", "1,200", "▲3", "98.3%"); parsing them as floating point and multiplying would turn
 * 4.1 百万円 into 4099999.9999999995 円, so numbers are read as (digits, scale) pairs of integers.
 */
import { isNoValue } from './blank.ts';

export interface Decimal {
  /** The number's digits as an integer, with the sign: "-12.5" → -125n. */
  digits: bigint;
  /** Number of digits after the decimal point: "-12.5" → 1. */
  scale: number;
}

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

/**
 * Negative marks: "▲" (U+25B2) and "△" (U+25B3) are how Japanese budget tables write negative amounts;
 * "-" and "−" (U+2212) before digits too. "△" is also a check mark: only amount/number cells come here,
 * the mark normaliser (mark.ts) reads check cells.
 */
const NEGATIVE = /^[▲△\-\u2212]/;
/** Digits with an optional fraction, nothing else (ASCII digits only: `\d` without the u flag). */
const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal number. NFKC first (full-width digits, "，", "．"), spaces removed, thousands separators
 * ("1,200") removed. Returns `value: null` for blank/dash cells and `ok: false` for anything else
 * that is not a plain decimal number.
 */
export function parseDecimal(raw: string | null | undefined): Parsed<Decimal> {
  // Plain ASCII "123" / "12.5" (most cells) is already in the form the steps below produce.
  const plain = raw == null ? null : PLAIN.exec(raw);
  if (plain) return { ok: true, value: { digits: BigInt(plain[1]! + (plain[2] ?? '')), scale: plain[2]?.length ?? 0 } };
  if (raw == null || isNoValue(raw)) return { ok: true, value: null };
  let s = raw.normalize('NFKC').trim();
  let negative = false;
  if (NEGATIVE.test(s) && s.length > 1) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  // Space inside the digits ("1 2") could be two numbers: not guessed.
  if (/\s/.test(s)) return { ok: false, reason: `「${raw.trim()}」は数値ではありません(数字の間に空白があります)` };
  // Thousands separators: only in groups of three after the first group, so "1,2" is not taken as 12.
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return { ok: false, reason: `「${raw.trim()}」の桁区切りが不正です` };
    s = s.replace(/,/g, '');
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s);
  if (!m) return { ok: false, reason: `「${raw.trim()}」は数値ではありません` };
  const intPart = m[1] || '0';
  const frac = m[2] ?? '';
  let digits = BigInt(intPart + frac);
  if (negative) digits = -digits;
  return { ok: true, value: { digits, scale: frac.length } };
}

/** digits × 10^(shift − scale) as an exact integer, or `null` when it is not an integer. */
export function scaleToInteger(d: Decimal, shift: number): bigint | null {
  const e = shift - d.scale;
  if (e >= 0) return d.digits * 10n ** BigInt(e);
  const div = 10n ** BigInt(-e);
  return d.digits % div === 0n ? d.digits / div : null;
}

/** The decimal divided by 10^shift, as the nearest double (e.g. 983 scale 1, shift 2 → 0.983). */
export function toNumber(d: Decimal, shift = 0): number {
  // "983e-3" is parsed by the JS engine to the double nearest 0.983, the same as the literal 0.983.
  const n = Number(`${d.digits}e-${d.scale + shift}`);
  return Object.is(n, -0) ? 0 : n;
}

/** `String(n)` of a finite double: digits, optional fraction, optional exponent ("1e-7", "1.5e+21"). */
const NUMBER_STRING = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A JSON number as the decimal it was written as. `String(n)` is the shortest decimal string that reads
 * back as the same double (ECMAScript Number::toString), so 29.300000000000004 stays that, and 0.05 is
 * 0.05, not the double's binary expansion. `null` for NaN and ±Infinity.
 */
export function decimalOfNumber(n: number): Decimal | null {
  const m = Number.isFinite(n) ? NUMBER_STRING.exec(String(n)) : null;
  if (!m) return null;
  const frac = m[3] ?? '';
  let digits = BigInt(m[2]! + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: m[1] ? -digits : digits, scale };
}

/**
 * digits × 10^(shift − scale) rounded to an integer, half away from zero (ROUND_HALF_UP of Java's
 * BigDecimal: 0.5 → 1, −0.5 → −1, so a negative amount rounds like its positive twin). `remainder` is
 * what was rounded away, as a Decimal in the result's unit (0 when the value was already whole).
 */
export function roundHalfUp(d: Decimal, shift: number): { value: bigint; remainder: Decimal } {
  const exact = scaleToInteger(d, shift);
  if (exact !== null) return { value: exact, remainder: { digits: 0n, scale: 0 } };
  const scale = d.scale - shift; // > 0 here: the value has a fraction in the result's unit
  const div = 10n ** BigInt(scale);
  const abs = d.digits < 0n ? -d.digits : d.digits;
  let q = abs / div;
  const r = abs % div;
  if (2n * r >= div) q += 1n;
  const value = d.digits < 0n ? -q : q;
  return { value, remainder: { digits: d.digits - value * div, scale } };
}
