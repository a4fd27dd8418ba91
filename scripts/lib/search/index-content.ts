/**
 * The text Pagefind indexes for one page (given to it with `addCustomRecord`, language "und", so it does
 * no segmentation or stemming of its own): the page's normalised text as overlapping bigram words, then one
 * word per distinct character. See src/lib/search-tokens.ts for why and for the matching contract.
 */
import { encodeChar, normalizeForMatch } from '../../../src/lib/search-tokens.ts';

export interface IndexContent {
  /** The Pagefind content: space-separated words. */
  content: string;
  /** The normalised text the words were made from. */
  normalized: string;
  /** Number of bigram words (word positions) before the character words. */
  bigrams: number;
}

/** Codes of characters seen so far: the sheets use a few thousand distinct characters. */
const codeCache = new Map<number, string>();

function code(cp: number): string {
  let c = codeCache.get(cp);
  if (c === undefined) {
    c = encodeChar(cp);
    codeCache.set(cp, c);
  }
  return c;
}

export function indexContent(text: string): IndexContent {
  const normalized = normalizeForMatch(text);
  const words: string[] = [];
  const seen = new Set<string>();
  let prev: string | null = null;
  for (const ch of normalized) {
    const c = code(ch.codePointAt(0)!);
    seen.add(c);
    if (prev !== null) words.push(prev + c);
    prev = c;
  }
  const bigrams = words.length;
  for (const c of seen) words.push(c);
  return { content: words.join(' '), normalized, bigrams };
}
