/**
 * The tokenisation shared by the search indexer (scripts/build-search.ts, in Node) and the search page
 * (src/components/search/, in the browser). Pure TypeScript, no Node or DOM APIs.
 *
 * What "a term matches a page" means (the contract the recall tests check):
 *   normalizeForMatch(term) is a substring of normalizeForMatch(page text)
 * where normalizeForMatch is NFKC, then lower case, then every whitespace and invisible formatting
 * character removed. So a match is found whatever the page's line breaks, table cells or spaces are, and
 * full-width / half-width forms (ＩＣＴ, ｾｷｭﾘﾃｨ) match their NFKC equivalents. A query of several
 * whitespace-separated terms matches a page that matches every term.
 *
 * How Pagefind is made to answer exactly that: Pagefind splits text into words and its browser side
 * re-splits a Japanese query differently from the indexer (Pagefind issue #1237). So it never sees
 * Japanese. The indexer gives it, for each page, the normalised text as one word per character, each
 * character written as a lower-case ASCII code (encodeChar), so word position i is character i of the page.
 * A term becomes the same character words sent as one exact phrase (`"w1 w2 …"`), which Pagefind matches
 * only at consecutive positions: consecutive characters are exactly a substring, and a one-character term
 * is the one word. ASCII words pass through every step of Pagefind's query processing unchanged, whatever
 * the page language, so the index and the query agree.
 *
 * Why characters and not character bigrams (the first design): Pagefind's indexing cost and memory grow
 * with the number of distinct words per page (a sheet page has ≈1,700 distinct bigrams but ≈450 distinct
 * characters) far more than with the number of positions; one word per character made Pagefind's part of
 * the build about twice as fast at about half the memory, and its word index less than half the size
 * (docs/BENCHMARKS.md). The price is paid at query time: a term's words are commoner, so the browser loads
 * longer position lists (≈ 10–20 % more bytes for a cold query than with bigrams, measured at 1,000 pages).
 */
import { COMMON_CHARS } from './search-common-chars.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** How many characters get two-letter words: first letters "0" … "y" (35), second any of 36. */
export const COMMON_SIZE = 35 * 36;
/** "z" + 4 base-36 digits covers every code point (36⁴ > 0x10FFFF). */
const LONG_PREFIX = 'z';

/** Whitespace and invisible formatting characters that never count as part of the text. */
const IGNORED = /[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+/gu;

/** NFKC, lower case, whitespace and invisible formatting characters removed. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const commonChars = Array.from(COMMON_CHARS);
const commonIndex = new Map<number, number>(commonChars.map((ch, i) => [ch.codePointAt(0)!, i]));

function base36(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i += 1) {
    out = DIGITS[value % 36] + out;
    value = Math.floor(value / 36);
  }
  return out;
}

/**
 * One character as an ASCII code: two letters for the characters of the common table
 * (src/lib/search-common-chars.ts: digits, a–z, kana and the commonest kanji, ≈ 99.8 % of a sheet page's
 * characters), the first of them "0" … "y"; otherwise "z" + the code point in 4 base-36 digits. Pagefind's
 * work grows with the bytes of the words as well as their number, and most words are two letters instead
 * of three (docs/BENCHMARKS.md). The code is prefix-free (two letters never start with "z", all others
 * are five long), so a concatenation of codes decodes unambiguously and no character word is a prefix of
 * another (Pagefind may match a word by prefix).
 */
export function encodeChar(codePoint: number): string {
  const common = commonIndex.get(codePoint);
  if (common !== undefined) return base36(common, 2);
  return `${LONG_PREFIX}${base36(codePoint, 4)}`;
}

function decodeDigits(s: string): number {
  let value = 0;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0) throw new Error(`not a search token: "${s}"`);
    value = value * 36 + d;
  }
  return value;
}

/** The characters a token stands for (the inverse of the encoding; for tests and debugging). */
export function decodeToken(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    const long = token[i] === LONG_PREFIX;
    const width = long ? 5 : 2;
    if (i + width > token.length) throw new Error(`not a search token: "${token}"`);
    const value = decodeDigits(long ? token.slice(i + 1, i + 5) : token.slice(i, i + 2));
    if (long ? value > 0x10ffff || commonIndex.has(value) : value >= commonChars.length) {
      throw new Error(`not a search token: "${token}"`);
    }
    out += long ? String.fromCodePoint(value) : commonChars[value];
    i += width;
  }
  return out;
}

/** One word per character of an already normalised string, in order ("脆弱性" → words for 脆, 弱, 性). */
export function textTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const ch of normalized) out.push(encodeChar(ch.codePointAt(0)!));
  return out;
}

/**
 * The terms of a query: NFKC, lower case, split at whitespace (full-width spaces included), empty and
 * repeated terms dropped. Each term is in normalizeForMatch form.
 */
export function queryTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/u)
    .map((t) => t.replace(IGNORED, ''))
    .filter((t) => t !== '');
  return [...new Set(terms)];
}

/** The words a term is searched by: one per character of its normalised form, in order. */
export function termTokens(term: string): string[] {
  return textTokens(normalizeForMatch(term));
}

/** The Pagefind query string that finds exactly the pages containing `term`: an exact phrase. */
export function exactQuery(term: string): string {
  const tokens = termTokens(term);
  return tokens.length === 0 ? '' : `"${tokens.join(' ')}"`;
}
