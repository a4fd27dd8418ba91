/**
 * The text Pagefind indexes for one page (given to it with `addCustomRecord`, language "und", so it does
 * no segmentation or stemming of its own): the page's normalised text as overlapping bigram words, then one
 * word per distinct character. See src/lib/search-tokens.ts for why and for the matching contract.
 *
 * Weights: bigrams starting in a heading (or a `data-pagefind-weight` element) are wrapped in Pagefind's
 * weight markers, which take no word position, so exact phrases still match across the boundary.
 */
import { encodeChar, normalizeForMatch } from '../../../src/lib/search-tokens.ts';
import type { TextSegment } from './extract-page.ts';

/** Pagefind's internal markers (pagefind/src/fossick/mod.rs): they set the weight of the words between. */
const WEIGHT_START = '___PAGEFIND_WEIGHT___';
const WEIGHT_END = '___END_PAGEFIND_WEIGHT___';

export interface IndexContent {
  /** The Pagefind content: space-separated words and weight markers. */
  content: string;
  /** The normalised text the words were made from (normalizeForMatch of the segments, concatenated). */
  normalized: string;
  /** Number of bigram words (word positions) before the character words. */
  bigrams: number;
}

/** Codes of characters seen so far: a page has a few thousand distinct characters at most. */
const codeCache = new Map<number, string>();

function code(cp: number): string {
  let c = codeCache.get(cp);
  if (c === undefined) {
    c = encodeChar(cp);
    codeCache.set(cp, c);
  }
  return c;
}

export function indexContent(segments: readonly TextSegment[]): IndexContent {
  const words: string[] = [];
  const seen = new Set<string>();
  let normalized = '';
  let prev: string | null = null;
  let prevWeight = 1;
  let current = 1;
  let open = false;
  let bigrams = 0;
  // Normalised per segment: segments only break where the weight changes (at headings, which are
  // blocks), so no NFKC composition spans a break in practice. A bigram takes the weight of its first
  // character.
  for (const segment of segments) {
    const n = normalizeForMatch(segment.text);
    normalized += n;
    for (const ch of n) {
      const c = code(ch.codePointAt(0)!);
      seen.add(c);
      if (prev !== null) {
        if (prevWeight !== current) {
          if (open) words.push(WEIGHT_END);
          open = prevWeight !== 1;
          if (open) words.push(`${WEIGHT_START}${prevWeight}`);
          current = prevWeight;
        }
        words.push(prev + c);
        bigrams += 1;
      }
      prev = c;
      prevWeight = segment.weight;
    }
  }
  if (open) words.push(WEIGHT_END);
  for (const c of seen) words.push(c);
  return { content: words.join(' '), normalized, bigrams };
}
