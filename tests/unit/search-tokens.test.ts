/**
 * The search tokenisation shared by the indexer and the search page (src/lib/search-tokens.ts): the
 * matching contract (normalizeForMatch), the character code, the character words, query terms, and the
 * property that makes exact phrases equal substring search, checked on the real sample sheets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_CHARS } from '../../src/lib/search-common-chars.ts';
import {
  COMMON_SIZE,
  decodeToken,
  encodeChar,
  exactQuery,
  normalizeForMatch,
  queryTerms,
  termTokens,
  textTokens,
} from '../../src/lib/search-tokens.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const sampleText = readFileSync(new URL('../../sheets/text/000_ef263abaeb28aada.txt', import.meta.url), 'utf8');

/** A tiny seeded PRNG, so sampled cases are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('normalizeForMatch', () => {
  it.each([
    ['ＩＣＴ－ＩＳＡＣ', 'ict-isac'],
    ['ICT-ISAC', 'ict-isac'],
    ['ｾｷｭﾘﾃｨ', 'セキュリティ'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['７０１０００１００８８４４', '7010001008844'],
    ['サイバー\nセキュリティ', 'サイバーセキュリティ'],
    ['情報\t共有　推進', '情報共有推進'],
    ['M2M\u00a0セキュリティ', 'm2mセキュリティ'],
    ['脆\u200b弱性', '脆弱性'],
    ['㈱日立製作所', '(株)日立製作所'],
    ['①', '1'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});

describe('encodeChar / decodeToken', () => {
  it('gives the common table two lower-case letters and every other character "z" + 4', () => {
    expect(COMMON_CHARS).toHaveLength(COMMON_SIZE);
    expect(new Set(COMMON_CHARS).size).toBe(COMMON_SIZE);
    // Each common character as the indexer sees it (already normalised), with its own code in table order.
    for (const [i, ch] of [...COMMON_CHARS].entries()) {
      expect(normalizeForMatch(ch)).toBe(ch);
      expect(encodeChar(ch.codePointAt(0)!)).toBe(`${DIGITS[Math.floor(i / 36)]}${DIGITS[i % 36]}`);
    }
    expect(encodeChar('a'.codePointAt(0)!)).toMatch(/^[0-9a-y][0-9a-z]$/);
    expect(encodeChar('情'.codePointAt(0)!)).toMatch(/^[0-9a-y][0-9a-z]$/);
    expect(encodeChar('𠮷'.codePointAt(0)!)).toMatch(/^z[0-9a-z]{4}$/);
    expect(encodeChar(0)).toBe('z0000');
    expect(encodeChar(0x10ffff)).toMatch(/^z[0-9a-z]{4}$/);
  });

  it('words most of a real sheet with two letters', () => {
    const words = textTokens(normalizeForMatch(sampleText));
    expect(words.filter((w) => w.length === 2).length / words.length).toBeGreaterThan(0.97);
  });

  it('round-trips every character of a real sheet, a surrogate pair and the extremes', () => {
    const chars = [...new Set([...normalizeForMatch(sampleText), ...COMMON_CHARS, '𠮷', '\u0000', '\u{10ffff}', '\ub130', '\uffff'])];
    for (const ch of chars) expect(decodeToken(encodeChar(ch.codePointAt(0)!))).toBe(ch);
  });

  it('is prefix-free: no code is a prefix of another, so no word is found by another as its prefix', () => {
    const codes = [...new Set([...COMMON_CHARS, '𠮷', '\u0000', '\u{10ffff}', '\ub130', '\uffff', '鬱', '齟'])].map((ch) =>
      encodeChar(ch.codePointAt(0)!),
    );
    expect(new Set(codes).size).toBe(codes.length);
    // In sorted order, a code that is a prefix of others comes right before one of them.
    const sorted = [...codes].sort();
    const prefixes = sorted.filter((code, i) => i + 1 < sorted.length && sorted[i + 1]!.startsWith(code));
    expect(prefixes).toEqual([]);
    expect(codes.filter((c) => c.length === 2)).toHaveLength(COMMON_SIZE);
  });

  it('rejects what is not a token', () => {
    expect(() => decodeToken('a')).toThrow(/not a search token/);
    expect(() => decodeToken('z12')).toThrow(/not a search token/);
    expect(() => decodeToken('a!')).toThrow(/not a search token/);
    // Past the table, past the last code point, and a common character written long.
    expect(() => decodeToken('z0')).toThrow(/not a search token/);
    expect(() => decodeToken('zzzzz')).toThrow(/not a search token/);
    expect(() => decodeToken(`z${(0x56fd).toString(36).padStart(4, '0')}`)).toThrow(/not a search token/);
  });
});

describe('textTokens', () => {
  it('makes one word per character (a surrogate pair is one character) that decodes back to it', () => {
    expect(textTokens('脆弱性').map(decodeToken)).toEqual(['脆', '弱', '性']);
    expect(textTokens('ict-isac').map(decodeToken).join('')).toBe('ict-isac');
    expect(textTokens('𠮷野家').map(decodeToken)).toEqual(['𠮷', '野', '家']);
    expect(textTokens('国国')).toEqual([encodeChar(0x56fd), encodeChar(0x56fd)]);
    expect(textTokens('')).toEqual([]);
  });

  it('words are lower-case ASCII letters and digits only (nothing Pagefind or a word segmenter would split)', () => {
    for (const w of textTokens(normalizeForMatch(sampleText))) expect(w).toMatch(/^[0-9a-z]+$/);
  });
});

describe('queryTerms', () => {
  it.each([
    ['脆弱性', ['脆弱性']],
    ['  脆弱性　情報共有 ', ['脆弱性', '情報共有']],
    ['ＩＣＴ－ＩＳＡＣ', ['ict-isac']],
    ['国 国', ['国']],
    ['M2M\tセキュリティ', ['m2m', 'セキュリティ']],
    ['\u200b', []],
    ['', []],
  ])('%j → %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('termTokens / exactQuery', () => {
  it("searches a term by its normalised form's character words, one character by its one word", () => {
    expect(termTokens('脆弱性')).toEqual(textTokens('脆弱性'));
    expect(termTokens('国')).toEqual(textTokens('国'));
    expect(termTokens('ＩＣＴ')).toEqual(textTokens('ict'));
    expect(termTokens('サイバー\nセキュリティ')).toEqual(textTokens('サイバーセキュリティ'));
    expect(termTokens(' ')).toEqual([]);
  });

  it('sends a term as one quoted phrase', () => {
    expect(exactQuery('脆弱性')).toBe(`"${textTokens('脆弱性').join(' ')}"`);
    expect(exactQuery('国')).toBe(`"${encodeChar(0x56fd)}"`);
    expect(exactQuery('')).toBe('');
  });
});

describe('the exact-phrase property on a real sheet', () => {
  // The index holds the page's character words at consecutive positions; Pagefind finds a phrase where the
  // term's words occur at consecutive positions. That is the same as substring search: checked here for
  // terms sampled from the sheet (all must be found) and mutated terms (found exactly when a substring).
  const text = normalizeForMatch(sampleText);
  const pageWords = textTokens(text);
  const phraseAt = (words: string[]): boolean => {
    outer: for (let i = 0; i + words.length <= pageWords.length; i += 1) {
      for (let j = 0; j < words.length; j += 1) if (pageWords[i + j] !== words[j]) continue outer;
      return true;
    }
    return false;
  };
  const random = prng(20240601);
  const chars = [...text];

  it('finds every sampled substring and nothing that is not one', () => {
    let found = 0;
    let absent = 0;
    for (let n = 0; n < 400; n += 1) {
      const len = 1 + Math.floor(random() * 9);
      const at = Math.floor(random() * (chars.length - len));
      let term = chars.slice(at, at + len).join('');
      if (n % 2 === 1) {
        // Swap two characters: sometimes still present elsewhere, usually not.
        const c = [...term];
        [c[0], c[c.length - 1]] = [c[c.length - 1]!, c[0]!];
        term = c.join('');
      }
      const expected = text.includes(term);
      expect(phraseAt(termTokens(term)), term).toBe(expected);
      if (expected) found += 1;
      else absent += 1;
    }
    expect(found).toBeGreaterThan(200);
    expect(absent).toBeGreaterThan(50);
  });
});
