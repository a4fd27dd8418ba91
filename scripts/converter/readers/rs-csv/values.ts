/**
 * Cell parsers for the RS CSV tables, on top of the shared normalisers (scripts/converter/normalize/: exact
 * decimal strings, the dash forms of "no value"). Each returns `null` for a blank or dash cell and throws
 * `ValueError` for a cell that says something it cannot represent; the caller turns that into an
 * InputError naming table, line and column. Nothing here rounds: a value that would need rounding is an
 * error.
 */
import { isNoValue, textOrNull } from '../../normalize/blank.ts';
import { parseDecimal, scaleToInteger, toNumber, type Decimal } from '../../normalize/decimal.ts';
import { parseQuantity } from '../../normalize/quantity.ts';
import { parsePercent } from '../../normalize/rate.ts';

export class ValueError extends Error {}

/** Trimmed text; `null` when blank or only dashes (RS writes the katakana "ー" as a dash). */
export function text(cell: string): string | null {
  return textOrNull(cell);
}

/** 府省庁 without the full-width (and ASCII) spaces RS puts in names like "国土交通省　気象庁". */
export function ministryName(cell: string): string {
  return cell.replace(/[\s\u3000]+/g, '');
}

function decimal(cell: string, what: string): Decimal | null {
  const d = parseDecimal(cell);
  if (!d.ok) throw new ValueError(`"${cell.trim()}" is not ${what}`);
  return d.value;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const WHOLE_YEN = /^(\d{1,15})(?:\.0+)?$/;

/**
 * Whole 円. RS writes integers, sometimes with a zero fraction (`34482000.0`), negatives with "-".
 * A non-zero fraction of a yen is an error, never rounded.
 */
export function yen(cell: string): number | null {
  if (cell === '') return null;
  // Most cells are "34482000" or "34482000.0": up to 15 digits are exact as a double already.
  const whole = WHOLE_YEN.exec(cell);
  if (whole) return Number(whole[1]);
  const d = decimal(cell, 'an amount in 円');
  if (d === null) return null;
  const n = scaleToInteger(d, 0);
  if (n === null) throw new ValueError(`"${cell.trim()}" is not a whole number of 円`);
  if (n > MAX_EXACT || n < -MAX_EXACT) {
    throw new ValueError(`"${cell.trim()}" is too large to hold exactly`);
  }
  return Number(n);
}

/** A rate RS already writes as a fraction (執行率 `0.33608`). */
export function fraction(cell: string): number | null {
  const d = decimal(cell, 'a rate');
  return d === null ? null : toNumber(d);
}

/** A percent (落札率 `99.9`, 達成率 `177.3`, optionally with "%") as a fraction (0.999, 1.773). */
export function percentToFraction(cell: string): number | null {
  const p = parsePercent(cell);
  if (!p.ok) throw new ValueError(`"${cell.trim()}" is not a percentage`);
  return p.value;
}

/** A number as stated in its row's own unit (3-1 targets and actuals), thousands separators allowed. */
export function quantity(cell: string): number | null {
  const q = parseQuantity(cell);
  if (!q.ok) throw new ValueError(`"${cell.trim()}" is not a number`);
  return q.value;
}

const COUNT = /^(\d+)(?:\.0*)?$/;
const YEAR = /^(\d{4})(?:\.0*)?$/;

/** A count (支出先の数, 入札者数): a non-negative integer, `.0` allowed. */
export function count(cell: string): number | null {
  // A cell that already reads as a count is not blank and is its own NFKC form.
  let m = COUNT.exec(cell);
  if (!m) {
    if (isNoValue(cell)) return null;
    m = COUNT.exec(cell.normalize('NFKC').trim());
  }
  if (!m) throw new ValueError(`"${cell.trim()}" is not a whole count`);
  return Number(m[1]);
}

/** A Western year (事業開始年度, 予算年度, 取りまとめ年度). */
export function year(cell: string): number | null {
  let m = YEAR.exec(cell);
  if (!m) {
    if (isNoValue(cell)) return null;
    m = YEAR.exec(cell.normalize('NFKC').trim());
  }
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2100) throw new ValueError(`"${cell.trim()}" is not a year`);
  return Number(m[1]);
}

/**
 * A flag. RS tables write TRUE/FALSE (1-2, 5-2), t/f (5-1, 5-4) or 1/blank (1-2 実施方法): all are read
 * here; blank is `null`, and callers of 1/blank columns treat `null` as "not set".
 */
export function flag(cell: string): boolean | null {
  const s = cell.trim().toLowerCase();
  if (s === '') return null;
  if (s === 'true' || s === 't' || s === '1') return true;
  if (s === 'false' || s === 'f' || s === '0') return false;
  throw new ValueError(`"${cell.trim()}" is not TRUE/FALSE, t/f or 1/blank`);
}

/** Text of an RS cell that Excel marked as text with a leading apostrophe (1-4 補助率 `'10/10`). */
export function stripTextMarker(cell: string | null): string | null {
  if (cell === null) return null;
  const s = cell.replace(/^'/, '').trim();
  return s === '' ? null : s;
}
