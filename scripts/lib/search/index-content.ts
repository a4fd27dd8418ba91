/**
 * The text Pagefind indexes for one page (given to it with `addCustomRecord`, language "und", so it does
 * no segmentation or stemming of its own): the page's normalised text as one word per character, so word
 * position i is character i. See src/lib/search-tokens.ts for why and for the matching contract.
 */
import { encodeChar, normalizeForMatch } from '../../../src/lib/search-tokens.ts';

export interface IndexContent {
  /** The Pagefind content: space-separated words, one per character of `normalized`. */
  content: string;
  /** The normalised text the words were made from. */
  normalized: string;
  /** How many words (characters, by code point) `content` has. */
  words: number;
}

/**
 * Each character's word followed by a space: by code unit for the Basic Multilingual Plane (a dense
 * array, filled so V8 keeps it in fast elements: ≈ 2 × faster than a Map here, and this runs once per
 * character of every page, ≈ 24 million times at a year of sheets), by code point for the rest.
 */
const bmpWord: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
const astralWord = new Map<number, string>();

function astral(cp: number): string {
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = `${encodeChar(cp)} `;
    astralWord.set(cp, w);
  }
  return w;
}

export function indexContent(text: string): IndexContent {
  const normalized = normalizeForMatch(text);
  let content = '';
  let words = 0;
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    words += 1;
    // A surrogate pair is one character (one word), as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length) {
      const low = normalized.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        content += astral((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        i += 1;
        continue;
      }
    }
    content += bmpWord[unit] ??= `${encodeChar(unit)} `;
  }
  return { content: content.slice(0, -1), normalized, words };
}
