/**
 * The words the search index holds for one page (written straight into the index, direct-index.ts, in the
 * layout Pagefind would write for them given as the content of a custom record in language "und", with no
 * segmentation or stemming of its own): the page's normalised text as overlapping character bigrams,
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
 * and that is what makes the page's last character findable when it occurs nowhere else. The index
 * writer does what Pagefind does with such a word (scripts/search-index/pagefind-internals.ts 2 and 8,
 * with the tests that fail if an upgrade changes it: tests/unit/search-pagefind-contract.test.ts and
 * search-direct-index.test.ts, which gives Pagefind indexContent's text).
 */
import { DEFAULT_SEARCH_WORDS, encodeChar, normalizeForMatch, numberTokens, SEARCH_WORDS, type SearchWords } from '../../src/shared/search/tokens.ts';
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

/**
 * Receives a page's index words in order, each code by its number (wordText gives its text): at
 * `position`, the word `first` alone (`second` is NO_CODE), or the pair `first` + `second`; with
 * `compound`, `first` and `second` are also words at that position (the pair is written "first-second" in
 * the content, 2 in pagefind-internals.ts).
 */
export type WordSink = (position: number, first: number, second: number, compound: boolean) => void;

/** `second` of a word that is one code alone. */
export const NO_CODE = -1;

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
 * Each code's number, in this thread's order of first use, and its text: the index keys its words by
 * these numbers (direct-index.ts), so no string is made or hashed per word of a page (≈ 40 million words
 * at a year of sheets).
 */
const numberText: string[] = [];
const textNumber = new Map<string, number>();

/** The number of a word's text (a character's code, or a word of its own such as build-part.ts's EMPTY_PAGE_WORD). */
export function wordNumber(text: string): number {
  let n = textNumber.get(text);
  if (n === undefined) {
    n = numberText.length;
    numberText.push(text);
    textNumber.set(text, n);
  }
  return n;
}

export function wordText(n: number): string {
  const text = numberText[n];
  if (text === undefined) throw new Error(`search index: no word numbered ${n}`);
  return text;
}

/**
 * Each character's code number: by code unit for the Basic Multilingual Plane (a dense typed array: this
 * runs once per character of every page), by code point for the rest.
 */
const bmpNumber = new Int32Array(0x10000).fill(-1);
const astralNumber = new Map<number, number>();

function bmp(unit: number): number {
  let n = bmpNumber[unit]!;
  if (n < 0) {
    n = wordNumber(encodeChar(unit));
    bmpNumber[unit] = n;
  }
  return n;
}

function astral(cp: number): number {
  let n = astralNumber.get(cp);
  if (n === undefined) {
    n = wordNumber(encodeChar(cp));
    astralNumber.set(cp, n);
  }
  return n;
}

/** `chars`: one word per character, so word position i is character i. */
function charWords(normalized: string, sink: WordSink): number {
  let words = 0;
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    // A surrogate pair is one character (one word), as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length && (normalized.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      sink(words, astral((unit - 0xd800) * 0x400 + (normalized.charCodeAt(i + 1) - 0xdc00) + 0x10000), NO_CODE, false);
      i += 1;
    } else {
      sink(words, bmp(unit), NO_CODE, false);
    }
    words += 1;
  }
  return words;
}

/**
 * The index words of a page's text, given to `sink` in order (the build writes them straight into the
 * word index, direct-index.ts; indexContent writes them as the content Pagefind would be given).
 */
export function indexWords(
  text: string,
  as: SearchWords,
  sink: WordSink,
  options: { numbers?: boolean } = {},
): { normalized: string; words: number } {
  const normalized = normalizeForMatch(text);
  if (as === 'chars') return { normalized, words: charWords(normalized, sink) };
  const counted = bigramWords(normalized, sink);
  // The number words (src/shared/search/tokens.ts), at the positions of their first digits, beside the
  // bigrams (Pagefind's indexer could not be given two words at one position but a compound's parts:
  // indexContent, its form of the words, leaves them out).
  if (options.numbers !== false) for (const [position, word] of numberTokens(normalized)) sink(position, wordNumber(word), NO_CODE, false);
  return { normalized, words: counted };
}

/** The bigram words of a normalised text (with the first occurrences' compounds), given to `sink`; returns how many. */
function bigramWords(normalized: string, sink: WordSink): number {
  let words = 0;
  /** The previous character's code, and whether that was its first occurrence on the page. */
  let previous = NO_CODE;
  let previousIsNew = false;
  const seen = new Set<number>();
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    let code: number;
    // A surrogate pair is one character, as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length && (normalized.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      code = astral((unit - 0xd800) * 0x400 + (normalized.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      i += 1;
    } else {
      code = bmp(unit);
    }
    const isNew = !seen.has(code);
    if (isNew) seen.add(code);
    if (previous !== NO_CODE) {
      // The last pair also carries its second character when that occurs nowhere before.
      const last = i + 1 >= normalized.length;
      sink(words, previous, code, previousIsNew || (last && isNew));
      words += 1;
    }
    previous = code;
    previousIsNew = isNew;
  }
  // A one-character page: its character word alone.
  if (words === 0 && previous !== NO_CODE) {
    sink(0, previous, NO_CODE, false);
    return 1;
  }
  return words;
}

/** The words of a page's text as the content Pagefind would be given (space-separated, compounds "A-B"). */
export function indexContent(text: string, as: SearchWords): IndexContent {
  let content = '';
  const { normalized, words } = indexWords(
    text,
    as,
    (_, first, second, compound) => {
      const a = wordText(first);
      content += `${second === NO_CODE ? a : compound ? compoundWord(a, wordText(second)) : a + wordText(second)} `;
    },
    { numbers: false },
  );
  return { content: content.slice(0, -1), normalized, words };
}
