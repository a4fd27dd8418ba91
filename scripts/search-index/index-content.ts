/**
 * The text Pagefind indexes for one page (given to it with `addCustomRecord`, language "und", so it does
 * no segmentation or stemming of its own): the page's normalised text as overlapping character bigrams,
 * so word position i is the pair starting at character i. See src/shared/search/tokens.ts (textTokens is the
 * reference form of the words indexed) for why and for the matching contract.
 *
 * One-character terms need each distinct character of the page as a word too, at (about) its first
 * occurrence, so that relevance order stays "where the page first names it". Pagefind cannot put two
 * words at one position from plain text, but it indexes a compound word "A-B" as AB and as its parts A and
 * B, all at the word's position (pagefind/src/fossick/splitting.rs, `get_indexable_words`; parts of two
 * or more letters; a boundary between letters and digits also splits, hence letter-only codes). So where
 * a character first occurs, its bigram is written "A-B" instead of "AB": the bigram is indexed as always,
 * and A (and B) at that position. B is recorded one position before its own first occurrence at worst,
 * and that is what makes the page's last character findable when it occurs nowhere else. This depends on
 * how Pagefind splits words (scripts/search-index/pagefind-internals.ts, with the test that fails if an
 * upgrade changes it).
 */
import { DEFAULT_SEARCH_WORDS, encodeChar, normalizeForMatch, SEARCH_WORDS, type SearchWords } from '../../src/shared/search/tokens.ts';
import { compoundWord } from './pagefind-internals.ts';

/**
 * The words this build indexes (recorded in the manifest, which the search page reads): the default, or
 * SEARCH_WORDS=chars|bigrams from the environment, for measuring one against the other.
 */
export const INDEX_WORDS: SearchWords = wordsFromEnv(process.env.SEARCH_WORDS);

function wordsFromEnv(value: string | undefined): SearchWords {
  if (value === undefined || value === '') return DEFAULT_SEARCH_WORDS;
  const words = SEARCH_WORDS.find((w) => w === value);
  if (!words) throw new Error(`SEARCH_WORDS must be one of ${SEARCH_WORDS.join(', ')}, not "${value}"`);
  return words;
}

export interface IndexContent {
  /**
   * The Pagefind content: space-separated words, the bigrams of `normalized` (its distinct characters as
   * compound-word parts), or with `chars` one word per character.
   */
  content: string;
  /** The normalised text the words were made from. */
  normalized: string;
  /** How many words `content` has. */
  words: number;
}

/**
 * Each character's code: by code unit for the Basic Multilingual Plane (a dense array, filled so V8 keeps
 * it in fast elements: ≈ 2 × faster than a Map here, and this runs once per character of every page,
 * ≈ 24 million times at a year of sheets), by code point for the rest.
 */
const bmpCode: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
const astralCode = new Map<number, string>();

function astral(cp: number): string {
  let w = astralCode.get(cp);
  if (w === undefined) {
    w = encodeChar(cp);
    astralCode.set(cp, w);
  }
  return w;
}

/** The index words of one character (by code unit in the BMP, else by code point), each followed by a space. */
const bmpWord: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);

/** `chars`: one word per character, so word position i is character i. */
function charContent(normalized: string): IndexContent {
  let content = '';
  let words = 0;
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    words += 1;
    // A surrogate pair is one character (one word), as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length && (normalized.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      content += `${astral((unit - 0xd800) * 0x400 + (normalized.charCodeAt(i + 1) - 0xdc00) + 0x10000)} `;
      i += 1;
      continue;
    }
    content += bmpWord[unit] ??= `${bmpCode[unit] ??= encodeChar(unit)} `;
  }
  return { content: content.slice(0, -1), normalized, words };
}

export function indexContent(text: string, as: SearchWords): IndexContent {
  const normalized = normalizeForMatch(text);
  if (as === 'chars') return charContent(normalized);
  let content = '';
  let words = 0;
  /** The previous character's code, and whether that was its first occurrence on the page. */
  let previous = '';
  let previousIsNew = false;
  const seen = new Set<string>();
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    let code: string;
    // A surrogate pair is one character, as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length && (normalized.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      code = astral((unit - 0xd800) * 0x400 + (normalized.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      i += 1;
    } else {
      code = bmpCode[unit] ??= encodeChar(unit);
    }
    const isNew = !seen.has(code);
    if (isNew) seen.add(code);
    if (previous !== '') {
      // The last pair also carries its second character when that occurs nowhere before.
      const last = i + 1 >= normalized.length;
      content += `${previousIsNew || (last && isNew) ? compoundWord(previous, code) : previous + code} `;
      words += 1;
    }
    previous = code;
    previousIsNew = isNew;
  }
  // A one-character page: its character word alone.
  if (words === 0 && previous !== '') return { content: previous, normalized, words: 1 };
  return { content: content.slice(0, -1), normalized, words };
}
