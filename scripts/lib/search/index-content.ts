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
}

/** Each character's word followed by a space, by code point: the sheets use a few thousand characters. */
const wordCache = new Map<number, string>();

function word(cp: number): string {
  let w = wordCache.get(cp);
  if (w === undefined) {
    w = `${encodeChar(cp)} `;
    wordCache.set(cp, w);
  }
  return w;
}

export function indexContent(text: string): IndexContent {
  const normalized = normalizeForMatch(text);
  let content = '';
  for (const ch of normalized) content += word(ch.codePointAt(0)!);
  return { content: content.slice(0, -1), normalized };
}
