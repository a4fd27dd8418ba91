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

/**
 * Receives a page's index words in order: at `position`, the word `first` alone (`second` empty), or the
 * pair `first` + `second`; with `compound`, `first` and `second` are also words at that position (the
 * pair is written "first-second" in the content, 2 in pagefind-internals.ts).
 */
export type WordSink = (position: number, first: string, second: string, compound: boolean) => void;

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

/** `chars`: one word per character, so word position i is character i. */
function charWords(normalized: string, sink: WordSink): number {
  let words = 0;
  for (let i = 0; i < normalized.length; i += 1) {
    const unit = normalized.charCodeAt(i);
    // A surrogate pair is one character (one word), as when iterating the string by code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < normalized.length && (normalized.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      sink(words, astral((unit - 0xd800) * 0x400 + (normalized.charCodeAt(i + 1) - 0xdc00) + 0x10000), '', false);
      i += 1;
    } else {
      sink(words, (bmpCode[unit] ??= encodeChar(unit)), '', false);
    }
    words += 1;
  }
  return words;
}

/**
 * The index words of a page's text, given to `sink` in order (the build writes them straight into the
 * word index, direct-index.ts; indexContent writes them as the content Pagefind would be given).
 */
export function indexWords(text: string, as: SearchWords, sink: WordSink): { normalized: string; words: number } {
  const normalized = normalizeForMatch(text);
  if (as === 'chars') return { normalized, words: charWords(normalized, sink) };
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
      sink(words, previous, code, previousIsNew || (last && isNew));
      words += 1;
    }
    previous = code;
    previousIsNew = isNew;
  }
  // A one-character page: its character word alone.
  if (words === 0 && previous !== '') {
    sink(0, previous, '', false);
    return { normalized, words: 1 };
  }
  return { normalized, words };
}

/** The words of a page's text as the content Pagefind would be given (space-separated, compounds "A-B"). */
export function indexContent(text: string, as: SearchWords): IndexContent {
  let content = '';
  const { normalized, words } = indexWords(text, as, (_, first, second, compound) => {
    content += `${second === '' ? first : compound ? compoundWord(first, second) : first + second} `;
  });
  return { content: content.slice(0, -1), normalized, words };
}
