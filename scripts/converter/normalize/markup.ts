/**
 * Leftover export markup → plain text. Cells of text exports can hold `<p>…</p>` paragraphs, `<br>`,
 * `<input type="checkbox" …>` boxes and HTML entities. Paragraphs become blank-line-separated
 * paragraphs; inputs and other tags are removed; entities are decoded. The result is plain text (the site
 * renders it as text, never as HTML). Numbered items (①②③) stay as written.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  yen: '¥', copy: '©', reg: '®', times: '×', divide: '÷', minus: '−', ndash: '–', mdash: '—',
  hellip: '…', middot: '·', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Invalid code points and C0 controls other than tab/newline stay as written.
      if (!Number.isFinite(code) || code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10)) return all;
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? all;
  });
}

/** Tags that exports leave behind. Only these are removed, so text such as "<5件>" survives. */
const TAG = /<\/?(?:p|br|input|span|div|font|b|i|u|s|em|strong|sup|sub|small|a|ul|ol|li|table|tr|td|th|tbody|thead|label|hr)\b[^>]*>/gi;

/** Markup-free plain text; paragraphs separated by one blank line; `""` when nothing remains. */
export function stripMarkup(raw: string): string {
  const s = raw
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?p\b[^>]*>/gi, '\n\n')
    .replace(/<(?:\/li|li\b[^>]*)>/gi, '\n')
    .replace(TAG, '');
  return decodeEntities(s)
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n'))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** `true` when a cell holds a checkbox input that is checked. */
export function isCheckedBox(raw: string): boolean {
  return /<input\b[^>]*\bchecked\b[^>]*>/i.test(raw);
}
