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

export function indexContent(segments: readonly TextSegment[]): IndexContent {
  const codes: string[] = [];
  const weights: number[] = [];
  const seen = new Set<string>();
  let normalized = '';
  // Normalised per segment: segments only break where the weight changes (at headings, which are
  // blocks), so no NFKC composition spans a break in practice.
  for (const segment of segments) {
    const n = normalizeForMatch(segment.text);
    normalized += n;
    for (const ch of n) {
      const code = encodeChar(ch.codePointAt(0)!);
      codes.push(code);
      weights.push(segment.weight);
      seen.add(code);
    }
  }
  const words: string[] = [];
  let open = false;
  let current = 1;
  for (let i = 0; i + 1 < codes.length; i += 1) {
    const w = weights[i]!;
    if (w !== current) {
      if (open) words.push(WEIGHT_END);
      open = w !== 1;
      if (open) words.push(`${WEIGHT_START}${w}`);
      current = w;
    }
    words.push(codes[i]! + codes[i + 1]!);
  }
  if (open) words.push(WEIGHT_END);
  const bigrams = Math.max(0, codes.length - 1);
  words.push(...seen);
  return { content: words.join(' '), normalized, bigrams };
}
