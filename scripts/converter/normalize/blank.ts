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

/**
 * `true` when the text has a character that stays itself, and neither a dash nor a space, under NFKC
 * (ASCII letters and digits, hiragana, katakana other than "ー", CJK unified ideographs) and that no
 * neighbour can compose with: such a text states a value, whatever else it holds. Most cells start with
 * one, so this spares them the normalisation.
 */
function hasValueChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x30 && c <= 0x39) || // 0-9
      ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || // A-Z a-z
      (c >= 0x3041 && c <= 0x3096) || // hiragana
      (c >= 0x30a1 && c <= 0x30fa) || // katakana (not ー U+30FC)
      (c >= 0x4e00 && c <= 0x9fff) // CJK unified ideographs
    ) {
      return true;
    }
  }
  return false;
}

/** `true` for a blank cell or a dash-only cell ("-", "‐", "―", "－", "--" …). */
export function isNoValue(raw: string | null | undefined): boolean {
  if (raw == null || raw === '') return true;
  if (hasValueChar(raw)) return false;
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  return s === '' || DASHES.test(s);
}

/** The cell's text trimmed, or `null` when it states no value. */
export function textOrNull(raw: string | null | undefined): string | null {
  if (raw == null || isNoValue(raw)) return null;
  return raw.trim();
}
