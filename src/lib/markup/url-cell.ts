/**
 * URLs as review sheets write them: often with a note run on after the address, with no space
 * ("https://www.example.go.jp/page.html／※事業期間終了後閉鎖予定", "https://www.fsc.go.jp/hyouka/／【食品安全委員会HP…】").
 * A URL is ASCII (RFC 3986 characters), so the first character outside that set — a full-width "／",
 * "※", "（", a kana — ends it: the address becomes the link and the note stays text. Browser-safe.
 */

/**
 * An http(s) URL in sheet text: RFC 3986 characters only (no quotes: they end a URL in running text).
 * Global: use with matchAll, or reset `lastIndex`.
 */
export const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/g;

/** Punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = /[.,;:)\]]+$/;

/** The URL at the start of `text` (after blanks), without sentence punctuation after it; `null` when none. */
function leadingUrl(text: string): { url: string; end: number } | null {
  const start = text.length - text.trimStart().length;
  const m = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/.exec(text.slice(start));
  if (!m) return null;
  const url = m[0].replace(TRAILING, '');
  return { url, end: start + url.length };
}

/** Separators between a URL and its note ("／", "/", blanks, "・"), not part of the note's words. */
const NOTE_LEAD = /^[\s／/・|｜]+/u;

export interface UrlCell {
  /** The address (http or https), as written. */
  url: string;
  /** What follows it, separators removed ("※事業期間終了後閉鎖予定"); `null` when nothing does. */
  note: string | null;
}

/**
 * A cell that starts with a URL, split into the URL and the note after it; `null` when the cell does not
 * start with an http(s) URL (then it is text, whose URLs {@link URL_IN_TEXT} finds).
 */
export function splitUrlCell(cell: string | null | undefined): UrlCell | null {
  if (cell === null || cell === undefined) return null;
  const lead = leadingUrl(cell);
  if (!lead) return null;
  const note = cell.slice(lead.end).replace(NOTE_LEAD, '').trim();
  return { url: lead.url, note: note === '' ? null : note };
}
