/**
 * The search tokenisation shared by the indexer and the search page (src/shared/search/tokens.ts): the
 * matching contract (normalizeForMatch), the character code, the character words, query terms, and the
 * property that makes exact phrases equal substring search, checked on the real sample sheets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_CHARS } from '../../src/shared/search/common-chars.ts';
import {
  COMMON_SIZE,
  bigramTokens,
  charTokens,
  decodeToken,
  encodeChar,
  exactQuery,
  indexedWords,
  normalizeForMatch,
  numberTokens,
  numberWord,
  queryTerms,
  termTokens,
  textTokens,
} from '../../src/shared/search/tokens.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
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
  it('gives the common table two or three lower-case letters, in table order, and every other character five', () => {
    expect(COMMON_CHARS).toHaveLength(COMMON_SIZE);
    expect(new Set(COMMON_CHARS).size).toBe(COMMON_SIZE);
    // Each common character as the indexer sees it (already normalised), with its own code in table order.
    for (const [i, ch] of [...COMMON_CHARS].entries()) {
      expect(normalizeForMatch(ch)).toBe(ch);
      const want = i < 572 ? `${LETTERS[Math.floor(i / 26)]}${LETTERS[i % 26]}` : `w${LETTERS[Math.floor((i - 572) / 26)]}${LETTERS[(i - 572) % 26]}`;
      expect(encodeChar(ch.codePointAt(0)!)).toBe(want);
    }
    expect(encodeChar('の'.codePointAt(0)!)).toBe('aa');
    expect(encodeChar('𠮷'.codePointAt(0)!)).toMatch(/^[xyz][a-z]{4}$/);
    expect(encodeChar(0)).toBe('xaaaa');
    expect(encodeChar(0x10ffff)).toMatch(/^z[a-z]{4}$/);
  });

  it('words most of a real sheet with two letters, and every character with letters only', () => {
    const words = charTokens(normalizeForMatch(sampleText));
    expect(words.filter((w) => w.length === 2).length / words.length).toBeGreaterThan(0.9);
    for (const w of words) expect(w).toMatch(/^[a-z]+$/);
  });

  it('round-trips every character of a real sheet, a surrogate pair and the extremes', () => {
    const chars = [...new Set([...normalizeForMatch(sampleText), ...COMMON_CHARS, '𠮷', '\u0000', '\u{10ffff}', '\ub130', '\uffff'])];
    for (const ch of chars) expect(decodeToken(encodeChar(ch.codePointAt(0)!))).toBe(ch);
  });

  it('is prefix-free: no code is a prefix of another, so two codes never read as one', () => {
    const codes = [...new Set([...COMMON_CHARS, '𠮷', '\u0000', '\u{10ffff}', '\ub130', '\uffff', '鬱', '齟'])].map((ch) =>
      encodeChar(ch.codePointAt(0)!),
    );
    expect(new Set(codes).size).toBe(codes.length);
    // In sorted order, a code that is a prefix of others comes right before one of them.
    const sorted = [...codes].sort();
    const prefixes = sorted.filter((code, i) => i + 1 < sorted.length && sorted[i + 1]!.startsWith(code));
    expect(prefixes).toEqual([]);
    expect(codes.filter((c) => c.length <= 3)).toHaveLength(COMMON_SIZE);
  });

  it('rejects what is not a token', () => {
    expect(() => decodeToken('a')).toThrow(/not a search token/);
    expect(() => decodeToken('w1')).toThrow(/not a search token/);
    expect(() => decodeToken('a!')).toThrow(/not a search token/);
    // The table's last code, past the last code point, and a common character written long.
    expect(decodeToken('wzz')).toBe([...COMMON_CHARS].at(-1));
    expect(() => decodeToken('zzzzz')).toThrow(/not a search token/);
    const long = (cp: number) => `${'xyz'[Math.floor(cp / 26 ** 4)]}${[3, 2, 1, 0].map((k) => LETTERS[Math.floor(cp / 26 ** k) % 26]).join('')}`;
    expect(decodeToken(long(0x20bb7))).toBe('𠮷');
    expect(() => decodeToken(long(0x56fd))).toThrow(/not a search token/);
  });
});

describe('textTokens / indexedWords', () => {
  const decoded = (words: string[]) => words.map((w) => w.split('-').map(decodeToken).join('-'));

  it('makes one word per pair of consecutive characters, "A-B" where A occurs first (and for a new last character)', () => {
    expect(decoded(textTokens('脆弱性'))).toEqual(['脆-弱', '弱-性']);
    expect(decoded(textTokens('国の国の国'))).toEqual(['国-の', 'の-国', '国の', 'の国']);
    expect(decoded(textTokens('国の国の国家'))).toEqual(['国-の', 'の-国', '国の', 'の国', '国-家']);
    // A surrogate pair is one character.
    expect(decoded(textTokens('𠮷野家'))).toEqual(['𠮷-野', '野-家']);
    expect(decoded(textTokens('国'))).toEqual(['国']);
    expect(textTokens('')).toEqual([]);
    expect(bigramTokens('ict-isac').map(decodeToken)).toEqual(['ic', 'ct', 't-', '-i', 'is', 'sa', 'ac']);
  });

  it('has each distinct character indexed, at its first occurrence or the one before', () => {
    const text = normalizeForMatch(sampleText);
    const chars = [...text];
    const words = textTokens(text);
    expect(words).toHaveLength(chars.length - 1);
    const first = new Map<string, number>();
    words.forEach((w, i) => {
      for (const x of indexedWords(w).slice(1)) if (!first.has(x)) first.set(x, i);
    });
    for (const ch of new Set(chars)) {
      const at = chars.indexOf(ch);
      expect(first.get(encodeChar(ch.codePointAt(0)!)), ch).toBeGreaterThanOrEqual(at - 1);
      expect(first.get(encodeChar(ch.codePointAt(0)!)), ch).toBeLessThanOrEqual(at);
    }
  });

  it('words are lower-case letters and "-" only (nothing Pagefind or a word segmenter would split further)', () => {
    for (const w of textTokens(normalizeForMatch(sampleText))) expect(w).toMatch(/^[a-z]+(-[a-z]+)?$/);
  });

  it('never makes a bigram word equal to a character word', () => {
    const text = normalizeForMatch(sampleText);
    const chars = new Set(charTokens(text));
    const bigrams = bigramTokens(text);
    expect(bigrams.length).toBe([...text].length - 1);
    for (const b of bigrams) expect(chars.has(b)).toBe(false);
    expect(indexedWords('ab-cd')).toEqual(['abcd', 'ab', 'cd']);
    expect(indexedWords('abcd')).toEqual(['abcd']);
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

describe('number words', () => {
  it('indexes every window of 13 digits at the position of its first digit, counted by code point', () => {
    // 𠮷 is one character (two UTF-16 units): the run after it starts at character 2; spaces are not text.
    const text = normalizeForMatch('𠮷a70100010088441 番号 1234567890123');
    expect(numberTokens(text)).toEqual([
      [2, numberWord('7010001008844')],
      [3, numberWord('0100010088441')],
      [18, numberWord('1234567890123')],
    ]);
    expect(numberTokens('701000100884 70100010088')).toEqual([]);
    // Full-width digits are ASCII after NFKC.
    expect(numberTokens(normalizeForMatch('７０１０００１００８８４４'))).toEqual([[0, numberWord('7010001008844')]]);
  });

  it('are letters only and longer than any bigram word, so they spell no other word', () => {
    const w = numberWord('0123456789012');
    expect(w).toMatch(/^[a-z]{15}$/);
    expect(w).not.toBe(numberWord('0123456789013'));
    expect(Math.max(...bigramTokens('国家𠮷ａ').map((b) => b.length))).toBeLessThanOrEqual(10);
  });

  it('search a term of 13 digits or more by its windows, a shorter one by bigrams', () => {
    expect(termTokens('7010001008844', 'bigrams')).toEqual([numberWord('7010001008844')]);
    expect(termTokens('70100010088441', 'bigrams')).toEqual([numberWord('7010001008844'), numberWord('0100010088441')]);
    expect(termTokens('701000100884', 'bigrams')).toEqual(bigramTokens('701000100884'));
    expect(termTokens('7010001008844', 'chars')).toEqual(charTokens('7010001008844'));
    expect(termTokens('T7010001008844', 'bigrams')).toEqual(bigramTokens('t7010001008844'));
  });
});

describe('termTokens / exactQuery', () => {
  it("searches a term by its normalised form's bigram words, one character by its character word", () => {
    expect(termTokens('脆弱性', 'bigrams').map(decodeToken)).toEqual(['脆弱', '弱性']);
    expect(termTokens('国', 'bigrams')).toEqual([encodeChar(0x56fd)]);
    expect(termTokens('ＩＣＴ', 'bigrams')).toEqual(bigramTokens('ict'));
    expect(termTokens('サイバー\nセキュリティ', 'bigrams')).toEqual(bigramTokens('サイバーセキュリティ'));
    expect(termTokens(' ', 'bigrams')).toEqual([]);
  });

  it('with `chars`, searches a term by its character words', () => {
    expect(termTokens('脆弱性', 'chars').map(decodeToken)).toEqual(['脆', '弱', '性']);
    expect(termTokens('ＩＣＴ', 'chars')).toEqual(charTokens('ict'));
    expect(exactQuery('国', 'chars')).toBe(`"${encodeChar(0x56fd)}"`);
    expect(exactQuery('脆弱性', 'chars')).toBe(`"${charTokens('脆弱性').join(' ')}"`);
  });

  it('sends a term as one quoted phrase', () => {
    expect(exactQuery('脆弱性', 'bigrams')).toBe(`"${bigramTokens('脆弱性').join(' ')}"`);
    expect(exactQuery('国', 'bigrams')).toBe(`"${encodeChar(0x56fd)}"`);
    expect(exactQuery('', 'bigrams')).toBe('');
  });
});

describe('the exact-phrase property on a real sheet', () => {
  // The index holds at each position the page's bigram word (and at some, character words); Pagefind finds
  // a phrase where the term's words occur at consecutive positions. That is the same as substring search:
  // checked here for terms sampled from the sheet (all must be found) and mutated terms (found exactly
  // when a substring).
  const text = normalizeForMatch(sampleText);
  const pageWords = textTokens(text).map((w) => new Set(indexedWords(w)));
  const phraseAt = (words: string[]): boolean => {
    outer: for (let i = 0; i + words.length <= pageWords.length; i += 1) {
      for (let j = 0; j < words.length; j += 1) if (!pageWords[i + j]!.has(words[j]!)) continue outer;
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
      expect(phraseAt(termTokens(term, 'bigrams')), term).toBe(expected);
      if (expected) found += 1;
      else absent += 1;
    }
    expect(found).toBeGreaterThan(200);
    expect(absent).toBeGreaterThan(50);
  });
});
