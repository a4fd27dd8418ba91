/**
 * Splits untrusted plain text into paragraphs and into text and http(s) link parts, so a page can render
 * URLs as links without ever treating the text as HTML. Only http: and https: URLs become links.
 */
import { safeExternalUrl } from './url.ts';
import { URL_IN_TEXT } from './url-cell.ts';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Paragraphs are separated by a blank line (schema convention); single newlines are kept as line breaks. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('\n'));
}

export function linkParts(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  // A URL ends at the first character a URL cannot hold: a note run on after it ("…／※閉鎖予定") stays text.
  for (const m of line.matchAll(URL_IN_TEXT)) {
    const start = m.index ?? 0;
    // A URL at the end of a sentence keeps its trailing punctuation outside the link.
    const raw = m[0].replace(/[.,;:)\]]+$/, '');
    const safe = safeExternalUrl(raw);
    if (!safe) continue;
    if (start > last) parts.push({ kind: 'text', text: line.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href: safe });
    last = start + raw.length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}
