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
 * Japanese. The indexer gives it, for each page, the normalised text as overlapping character bigrams
 * (bigramTokens: word i is characters i and i + 1, each written as a lower-case ASCII code, encodeChar),
 * so word position i is character i of the page; then each distinct character of the page once, as its
 * own word, in order of first occurrence (charTokens). A term of n ≥ 2 characters becomes its n − 1 bigram
 * words sent as one exact phrase (`"w1 w2 …"`), which Pagefind matches only at consecutive positions:
 * consecutive overlapping bigrams are exactly a substring. A one-character term is its character word.
 * The code is prefix-free, so a bigram word never equals a character word (and the search only ever
 * sends exact phrases, which Pagefind looks up word for word, not by prefix).
 * ASCII words pass through every step of Pagefind's query processing unchanged, whatever the page
 * language, so the index and the query agree.
 *
 * Why bigrams (the first design, then one word per character, now bigrams again): a query loads the
 * position lists of its words across every page. With one word per character a rare term such as 脆弱性
 * loads the lists of 性, which nearly every page repeats dozens of times: 610–760 KB for one cold query at
 * 5,664 sheets, growing with every sheet. A bigram is far rarer than its characters, so the same query
 * loads a small fraction of that (docs/BENCHMARKS.md, "Search cost in the browser"). The price is paid
 * when building: Pagefind's work grows with the distinct words per page (≈ 1,700 bigrams and ≈ 450
 * characters against ≈ 450 characters alone), measured in docs/BENCHMARKS.md.
 */
import { COMMON_CHARS } from './common-chars.ts';

/**
 * How a page's text is cut into index words: `bigrams` as described above, or `chars`, one word per
 * character (word position i is character i; a term is the exact phrase of its character words). Both
 * give the same hits (100 % recall and precision); they differ in build cost and in the bytes a query
 * loads (docs/BENCHMARKS.md, "Search: bigram words"). The indexer records the choice in the index's
 * manifest and the search page encodes queries by it, so a page never queries an index in the other form.
 */
export type SearchWords = 'chars' | 'bigrams';
export const SEARCH_WORDS: readonly SearchWords[] = ['chars', 'bigrams'];
/** The words the site is built with (SEARCH_WORDS in the environment of a build overrides it, to measure). */
export const DEFAULT_SEARCH_WORDS: SearchWords = 'bigrams';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Characters of the common table with two-letter codes: first letter "a" … "v" (22), second any of 26. */
const SHORT_SIZE = 22 * 26;
/** Characters of the common table with three-letter codes: "w" + two letters. */
const MIDDLE_SIZE = 26 * 26;
/** How many characters of the common table get a code shorter than five letters. */
export const COMMON_SIZE = SHORT_SIZE + MIDDLE_SIZE;
const MIDDLE_PREFIX = 'w';
/** Every other code point: "x", "y" or "z" for its 26⁴ block, then 4 letters (3 × 26⁴ > 0x10FFFF). */
const LONG_FIRST = 'xyz';
const BLOCK = 26 ** 4;

/** Whitespace and invisible formatting characters that never count as part of the text. */
const IGNORED = /[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+/gu;

/** NFKC, lower case, whitespace and invisible formatting characters removed. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const commonChars = Array.from(COMMON_CHARS).slice(0, COMMON_SIZE);
const commonIndex = new Map<number, number>(commonChars.map((ch, i) => [ch.codePointAt(0)!, i]));

function letters(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i += 1) {
    out = LETTERS[value % 26] + out;
    value = Math.floor(value / 26);
  }
  return out;
}

/**
 * One character as a code of lower-case letters: two letters (first "a" … "v") for the first 572
 * characters of the common table (src/shared/search/common-chars.ts: digits, a–z, kana and the commonest
 * kanji), "w" + two letters for the next 676 (together ≈ 99.7 % of a sheet page's characters); otherwise
 * "x", "y" or "z" + 4 letters from the code point. Pagefind's work grows with the bytes of the words as
 * well as their number (docs/BENCHMARKS.md), hence the short codes.
 *
 * Letters only, because Pagefind splits a word at every boundary between a letter and a digit when it
 * looks for the parts of a compound word (index-content.ts relies on "A-B" being indexed as AB, A and B).
 * The code is prefix-free (the first letter tells the length), so a concatenation of codes decodes
 * unambiguously and a bigram word (two codes) never equals a character word (one code).
 */
export function encodeChar(codePoint: number): string {
  const common = commonIndex.get(codePoint);
  if (common !== undefined && common < SHORT_SIZE) return letters(common, 2);
  if (common !== undefined) return `${MIDDLE_PREFIX}${letters(common - SHORT_SIZE, 2)}`;
  return `${LONG_FIRST[Math.floor(codePoint / BLOCK)]}${letters(codePoint % BLOCK, 4)}`;
}

function decodeLetters(s: string): number {
  let value = 0;
  for (const ch of s) {
    const d = LETTERS.indexOf(ch);
    if (d < 0) throw new Error(`not a search token: "${s}"`);
    value = value * 26 + d;
  }
  return value;
}

/** The characters a token stands for (the inverse of the encoding; for tests and debugging). */
export function decodeToken(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    const first = token[i]!;
    const long = LONG_FIRST.indexOf(first);
    const width = long >= 0 ? 5 : first === MIDDLE_PREFIX ? 3 : 2;
    if (i + width > token.length) throw new Error(`not a search token: "${token}"`);
    if (long >= 0) {
      const cp = long * BLOCK + decodeLetters(token.slice(i + 1, i + 5));
      if (cp > 0x10ffff || commonIndex.has(cp)) throw new Error(`not a search token: "${token}"`);
      out += String.fromCodePoint(cp);
    } else {
      const index = width === 3 ? SHORT_SIZE + decodeLetters(token.slice(i + 1, i + 3)) : decodeLetters(token.slice(i, i + 2));
      if (index >= commonChars.length) throw new Error(`not a search token: "${token}"`);
      out += commonChars[index];
    }
    i += width;
  }
  return out;
}

/** One word per character of an already normalised string, in order ("脆弱性" → words for 脆, 弱, 性). */
export function charTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const ch of normalized) out.push(encodeChar(ch.codePointAt(0)!));
  return out;
}

/**
 * One word per pair of consecutive characters of an already normalised string, in order ("脆弱性" → words
 * for 脆弱, 弱性): the concatenation of the two characters' codes. None for fewer than two characters.
 */
export function bigramTokens(normalized: string): string[] {
  const chars = charTokens(normalized);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The words the indexer gives Pagefind for a page's normalised text, word i for the pair of characters
 * starting at character i: "AB" (the two codes), or "A-B" where A's character occurs for the first time
 * on the page (and for the last pair, where B's does), which Pagefind indexes as AB, A and B at that
 * position (see indexedWords; why in scripts/search-index/index-content.ts; the "-" is Pagefind's compound
 * word, compoundWord in scripts/search-index/pagefind-internals.ts). A one-character text is its
 * character word alone. The reference form of index-content.ts, which builds the same words faster.
 */
export function textTokens(normalized: string): string[] {
  const chars = charTokens(normalized);
  if (chars.length === 1) return chars;
  const seen = new Set<string>();
  const firsts = chars.map((c) => !seen.has(c) && seen.add(c) !== undefined);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const marked = firsts[i] || (i + 2 === chars.length && firsts[i + 1]);
    out.push(marked ? `${chars[i]}-${chars[i + 1]}` : chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** The words Pagefind indexes at the position of one word of textTokens: "A-B" → AB, A, B. */
export function indexedWords(word: string): string[] {
  const parts = word.split('-');
  return parts.length === 1 ? parts : [parts.join(''), ...parts];
}

/**
 * Number words (with `bigrams`): every run of NUMBER_WORD_DIGITS consecutive digits of a page (a 法人番号
 * has 13) is also indexed as one word, at the position of its first digit, beside the bigrams. A term of
 * that many digits or more is then searched as the phrase of its 13-digit windows (consecutive positions,
 * as bigrams are), not of its digit bigrams: "00", "01" … are among the commonest words of the index and
 * each one loads a long list (a 法人番号 cost 2.7 MB in 13 requests for a cold search at the five JUDGIT
 * years, docs/BENCHMARKS.md). A term with fewer digits, or anything but digits, is searched by bigrams.
 */
export const NUMBER_WORD_DIGITS = 13;
/** Longer than any bigram word (two codes of at most five letters): no number word spells another word. */
const NUMBER_WORD_PREFIX = 'qq';

/** The word of NUMBER_WORD_DIGITS ASCII digits: the prefix, then a letter a–j a digit. */
export function numberWord(digits: string): string {
  let word = NUMBER_WORD_PREFIX;
  for (let i = 0; i < digits.length; i += 1) word += LETTERS[digits.charCodeAt(i) - 48];
  return word;
}

const DIGIT_RUN = new RegExp(`[0-9]{${NUMBER_WORD_DIGITS},}`, 'g');

/**
 * The number words of an already normalised text, with their positions (a position is a character's
 * index, counted by code point as the bigrams are): one for each window of NUMBER_WORD_DIGITS digits.
 */
export function numberTokens(normalized: string): [number, string][] {
  const out: [number, string][] = [];
  let units = 0;
  let chars = 0;
  for (const m of normalized.matchAll(DIGIT_RUN)) {
    // Code points before the run: UTF-16 units less the second halves of surrogate pairs.
    for (; units < m.index; units += 1) {
      const u = normalized.charCodeAt(units);
      if (!(u >= 0xdc00 && u <= 0xdfff && units > 0 && (normalized.charCodeAt(units - 1) & 0xfc00) === 0xd800)) chars += 1;
    }
    const run = m[0];
    for (let k = 0; k + NUMBER_WORD_DIGITS <= run.length; k += 1) out.push([chars + k, numberWord(run.slice(k, k + NUMBER_WORD_DIGITS))]);
  }
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

/**
 * The words a term is searched by: with `bigrams`, the bigrams of its normalised form, in order (a
 * one-character term: its character word; a term of 13 digits or more: its number words); with `chars`,
 * one word per character.
 */
export function termTokens(term: string, words: SearchWords): string[] {
  const normalized = normalizeForMatch(term);
  if (words === 'chars') return charTokens(normalized);
  if (normalized.length >= NUMBER_WORD_DIGITS && /^[0-9]+$/.test(normalized)) return numberTokens(normalized).map(([, word]) => word);
  const bigrams = bigramTokens(normalized);
  return bigrams.length > 0 ? bigrams : charTokens(normalized);
}

/**
 * The Pagefind query string that finds exactly the pages containing `term`: an exact phrase, in the
 * words the index was built with (the manifest's `words`).
 */
export function exactQuery(term: string, words: SearchWords): string {
  const tokens = termTokens(term, words);
  return tokens.length === 0 ? '' : `"${tokens.join(' ')}"`;
}
