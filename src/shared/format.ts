/**
 * Display formatting for record values. Every function shows `null` (blank or "-" in the sheet) as "—",
 * never as 0, and never rounds away a digit the sheet stated unless its name says "short" (headline
 * figures); pages pair short figures with the exact 円 value in a title or a `<data value>`.
 *
 * Amounts come in as integer 円 (src/schema/sheet.ts); scaling to 百万円 / 億円 is done on the decimal
 * string, not by floating-point division, so 1500000 円 is exactly "1.5".
 */

/** What a missing value looks like on every page and in chart tables. */
export const NONE = '—';

function groupThousands(intDigits: string): string {
  // A loop, not a look-ahead regex: pages format ≈ 200 amounts each, ≈ 1 million at a year of sheets.
  if (intDigits.length <= 3) return intDigits;
  const head = intDigits.length % 3 || 3;
  let out = intDigits.slice(0, head);
  for (let i = head; i < intDigits.length; i += 3) out += `,${intDigits.slice(i, i + 3)}`;
  return out;
}

/**
 * Exact decimal string of `value / 10^power` for an integer `value`, without trailing zeros
 * (339000000, 6 → "339"; 3295000, 6 → "3.295"; -400000, 6 → "-0.4").
 */
export function shiftDecimal(value: number | bigint, power: number): string {
  const negative = value < 0;
  // A safe integer prints exactly as itself; BigInt (slower) for the rest, and it throws on a fraction.
  let digits =
    typeof value === 'number' && Number.isSafeInteger(value)
      ? String(negative ? -value : value)
      : (negative ? -BigInt(value) : BigInt(value)).toString();
  if (power > 0) {
    digits = digits.padStart(power + 1, '0');
    const int = digits.slice(0, -power);
    const frac = digits.slice(-power).replace(/0+$/, '');
    digits = frac ? `${int}.${frac}` : int;
  }
  return (negative && digits !== '0' ? '-' : '') + digits;
}

function withGrouping(decimal: string): string {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const [int = '0', frac] = body.split('.');
  return `${negative ? '-' : ''}${groupThousands(int)}${frac ? `.${frac}` : ''}`;
}

/** 339000000 → "339,000,000円" (the exact value, for titles and data cells). */
export function formatYenExact(yen: number | null | undefined): string {
  if (yen === null || yen === undefined) return NONE;
  return `${withGrouping(shiftDecimal(yen, 0))}円`;
}

/** Decimals a table shows of an amount in 百万円: 千円. */
export const MILLION_YEN_TABLE_PLACES = 3;

/**
 * The number in a "(百万円)" column: 百万円 to at most 3 decimals (千円), rounded half up on the decimal
 * string (339000000 → "339"; 19938516000 → "19,938.516"; 404495356 → "404.495"). Text sheets state
 * 百万円 with at most 3 decimals, so their figures show exactly as stated; RS tables state whole 円,
 * which as 百万円 would read "404.495356". Pages pair it with {@link formatYenExact} in a title.
 */
export function formatMillionYenNumber(yen: number | null | undefined): string {
  if (yen === null || yen === undefined) return NONE;
  return withGrouping(roundDecimal(shiftDecimal(yen, 6), MILLION_YEN_TABLE_PLACES));
}

/**
 * An amount exact, for sentences that must not round (warnings, where 1 円 can be the whole difference):
 * in 百万円 while that takes at most 3 decimals (千円), else in 円, since six decimals of 百万円 read as
 * noise: 339000000 → "339百万円", 1147000 → "1.147百万円", 167850002 → "167,850,002円".
 */
export function formatAmountExact(yen: number | null | undefined): string {
  if (yen === null || yen === undefined) return NONE;
  if (!Number.isInteger(yen / 1000)) return formatYenExact(yen);
  return `${withGrouping(shiftDecimal(yen, 6))}百万円`;
}

/** Rounds a decimal string to `places` decimals (half up, away from zero), trailing zeros dropped. */
function roundDecimal(decimal: string, places: number): string {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const [int = '0', frac = ''] = body.split('.');
  if (frac.length <= places) return decimal;
  const scaled = BigInt(int + frac.slice(0, places).padEnd(places, '0'));
  const roundUp = Number(frac[places]) >= 5;
  const rounded = (scaled + (roundUp ? 1n : 0n)).toString().padStart(places + 1, '0');
  const out = shiftDecimal(BigInt(rounded), places);
  return (negative && out !== '0' ? '-' : '') + out;
}

/** A number as an integer and a power of ten (its shortest decimal form: 0.1 → [1n, 1], 2e21 → [2000…n, 0]). */
function scaledInteger(value: number | bigint): [bigint, number] {
  if (typeof value === 'bigint') return [value, 0];
  if (Number.isSafeInteger(value)) return [BigInt(value), 0];
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new Error(`not a finite number: ${value}`);
  const [, sign = '', int = '0', frac = '', exp = '0'] = m;
  const scale = frac.length - Number(exp);
  const digits = BigInt(`${sign}${int}${frac}`);
  return scale >= 0 ? [digits, scale] : [digits * 10n ** BigInt(-scale), 0];
}

/**
 * numerator / denominator (a ratio the site computes, such as a budget's change or a share
 * of contracts), rounded half away from zero to `places` decimals on integers, never through a binary
 * fraction (each number taken by its decimal digits): a decimal string (1/8 → "0.125", 2/3 at 3 places → "0.667", -1/8 at 2 → "-0.13").
 */
export function ratioDecimal(numerator: number | bigint, denominator: number | bigint, places: number): string {
  // A number's own decimal digits (a stated amount may have a fraction of a 円): n = digits × 10^-scale.
  const [a, sa] = scaledInteger(numerator);
  const [b, sb] = scaledInteger(denominator);
  const num = a * 10n ** BigInt(sb);
  const den = b * 10n ** BigInt(sa);
  if (den === 0n) throw new Error('ratioDecimal: division by zero');
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n * 10n ** BigInt(places) + d) / (2n * d);
  const out = shiftDecimal(q, places);
  return negative && out !== '0' ? `-${out}` : out;
}

/** Decimals that leave `sig` significant figures of a decimal string's integer part (never negative). */
function placesForSignificant(decimal: string, sig: number): number {
  const int = decimal.replace('-', '').split('.')[0] ?? '0';
  return int === '0' ? sig - 1 : Math.max(0, sig - int.length);
}

/**
 * A headline amount the way readers of these sheets expect it: below 1億円 in 百万円, from 1億円 in
 * 億円, from 1兆円 in 兆円, to 3 significant figures, rounded half up on the decimal string (0.4百万円,
 * 33.5百万円, 3.59億円, 199億円, 1,234億円, 28.4兆円). Pair it with {@link formatYenExact} in a title.
 */
export function formatYenShort(yen: number | null | undefined): string {
  if (yen === null || yen === undefined) return NONE;
  const abs = Math.abs(yen);
  const short = (power: number, unit: string) => {
    const d = shiftDecimal(yen, power);
    return `${withGrouping(roundDecimal(d, placesForSignificant(d, 3)))}${unit}`;
  };
  if (abs >= 1e12) return short(12, '兆円');
  if (abs >= 1e8) return short(8, '億円');
  if (abs >= 1e6 || abs === 0) return short(6, '百万円');
  // Under 1百万円 the exact value is short enough to show as it is.
  return formatYenExact(yen);
}

/**
 * `n` × 100 as an exact decimal string, from the shortest decimal that reads back as `n` — the value the
 * sheet stated, for a rate read from a decimal cell (0.5095 → "50.95", 0.33608 → "33.608", 1e-7 →
 * "0.00001"). Never `n * 100` in floating point, which gives 50.949999999999996.
 */
function percentDecimal(n: number): string {
  const [digits, scale] = scaledInteger(n);
  if (digits === 0n) return '0';
  return scale >= 2 ? shiftDecimal(digits, scale - 2) : (digits * 10n ** BigInt(2 - scale)).toString();
}

/**
 * A rate stored as a fraction, shown as a percentage with every digit stated (0.92 → "92%",
 * 0.983 → "98.3%", 0.33608 → "33.608%", 1.4 → "140%").
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NONE;
  return `${withGrouping(percentDecimal(fraction))}%`;
}

/**
 * A rate rounded for headlines and meta text: half up from the stated decimal, to `places` decimals,
 * trailing zeros dropped (0.91666 → "91.7%", 0.5095 → "51%", 0.99995 → "100%").
 */
export function formatPercentShort(fraction: number | null | undefined, places = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NONE;
  return `${withGrouping(roundDecimal(percentDecimal(fraction), places))}%`;
}

/** A quantity as stated, grouped (1000 → "1,000", 0.2 → "0.2"); `null` → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const s = Math.abs(value) >= 1e21 ? value.toString() : String(value);
  if (/e/i.test(s)) return s;
  return withGrouping(s);
}

/** A quantity with its unit ("1,000件"); the unit is dropped for "—". */
export function formatQuantity(value: number | null | undefined, unit: string | null | undefined): string {
  const n = formatNumber(value);
  if (n === NONE) return NONE;
  return unit ? `${n}${unit}` : n;
}

/** Plain text or "—". */
export function textOrNone(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? NONE : value;
}
