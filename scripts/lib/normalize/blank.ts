/**
 * "No value" cells. Sheets leave a cell blank or write a dash in one of many forms; all of them mean that
 * the sheet states no value, which the record keeps as `null` (never 0).
 */

/**
 * Dash characters sheets use for "no value", after NFKC (which already maps "－" U+FF0D to "-"):
 * hyphen-minus, hyphen U+2010, non-breaking hyphen U+2011, figure dash U+2012, en dash, em dash,
 * horizontal bar "―" U+2015, minus sign U+2212, katakana prolonged sound mark "ー" (used as a dash in
 * Japanese documents), box-drawing "─" U+2500. Repetitions ("--", "――") mean the same.
 */
const DASHES = /^[-\u2010-\u2015\u2212\u30fc\u2500]+$/;

/** `true` for a blank cell or a dash-only cell ("-", "‐", "―", "－", "--" …). */
export function isNoValue(raw: string | null | undefined): boolean {
  if (raw == null) return true;
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  return s === '' || DASHES.test(s);
}

/** The cell's text trimmed, or `null` when it states no value. */
export function textOrNull(raw: string | null | undefined): string | null {
  if (raw == null || isNoValue(raw)) return null;
  return raw.trim();
}
