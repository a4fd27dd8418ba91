/**
 * Result excerpts with the query highlighted, built from a page's plain text (the indexer stores it in the
 * page's Pagefind fragment). Matching follows the search's own contract (src/lib/search-tokens.ts):
 * NFKC, lower case, whitespace ignored, so whatever made the page a hit is what gets highlighted, and the
 * highlight covers the original characters (ＩＣＴ, a term broken across a line). Pure: no DOM.
 */
import { normalizeForMatch } from '../../lib/search-tokens.ts';

export interface ExcerptPart {
  text: string;
  /** `true` for text that matches a query term. */
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Whether the excerpt shows at least one match. */
  matched: boolean;
}

const ELLIPSIS = '…';

interface Normalized {
  /** normalizeForMatch of the text. */
  text: string;
  /** For each UTF-16 unit of `text`, the [start, end) range of the original text it came from. */
  from: Uint32Array;
  to: Uint32Array;
}

/**
 * Characters that NFKC may combine with the character before them (combining marks, the half-width
 * dakuten and handakuten): a character and the joiners after it are normalised together, as one cluster.
 */
const JOINER = /^[\p{M}\uff9e\uff9f]$/u;
/** normalizeForMatch of clusters seen so far (text repeats its characters a lot). */
const clusterCache = new Map<string, string>();

function normalizeCluster(cluster: string): string {
  let n = clusterCache.get(cluster);
  if (n === undefined) {
    n = normalizeForMatch(cluster);
    if (clusterCache.size < 20_000) clusterCache.set(cluster, n);
  }
  return n;
}

function normalizeWithMap(text: string): Normalized {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < text.length) {
      const next = String.fromCodePoint(text.codePointAt(j)!);
      if (!JOINER.test(next)) break;
      j += next.length;
    }
    const n = normalizeCluster(text.slice(i, j));
    out += n;
    for (let k = 0; k < n.length; k += 1) {
      from.push(i);
      to.push(j);
    }
    i = j;
  }
  return { text: out, from: Uint32Array.from(from), to: Uint32Array.from(to) };
}

/** Original-text ranges of every occurrence of every term, sorted and merged where they overlap. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const norm = normalizeWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const t = normalizeForMatch(term);
    if (t === '') continue;
    for (let i = norm.text.indexOf(t); i >= 0; i = norm.text.indexOf(t, i + 1)) {
      ranges.push([norm.from[i]!, norm.to[i + t.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The whole text split into marked and unmarked parts (for titles). */
export function highlight(text: string, terms: readonly string[]): ExcerptPart[] {
  return split(text, 0, text.length, matchRanges(text, terms));
}

function split(text: string, start: number, end: number, ranges: readonly [number, number][]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return parts;
}

/** Moves an index off the second half of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}

/**
 * About `length` characters of `text` around the passage where the most distinct terms occur close
 * together (the earliest such passage), with every match in it marked. Without a match: the start of the
 * text. Matches outside repetitions of `title` (the result's link shows it already; pages begin with it
 * and summaries quote it) are preferred, so the excerpt adds something.
 */
export function buildExcerpt(text: string, terms: readonly string[], length = 120, title?: string): Excerpt {
  const ranges = matchRanges(text, terms);
  const lead = Math.floor(length / 4);
  let start = 0;
  if (ranges.length > 0) {
    const normTerms = terms.map(normalizeForMatch).filter((t) => t !== '');
    // Matches inside a repetition of the title (the heading, a summary quoting the 事業名) add nothing.
    const echoes = title && title.trim() !== '' ? matchRanges(text, [title]) : [];
    const fresh = ranges.filter(([a, b]) => !echoes.some(([ea, eb]) => a >= ea && b <= eb));
    const candidates = fresh.length > 0 ? fresh : ranges;
    let best = -1;
    // Each match is a candidate window start; the window counts the distinct terms it contains.
    for (const [a] of candidates.slice(0, 300)) {
      const s = Math.max(0, a - lead);
      const window = normalizeForMatch(text.slice(s, s + length));
      const count = normTerms.filter((t) => window.includes(t)).length;
      if (count > best) {
        best = count;
        start = s;
      }
      if (best === normTerms.length) break;
    }
  }
  start = safeIndex(text, start);
  let end = Math.min(text.length, start + length);
  // A match cut by the end of the window is shown whole (matches are short), not half marked.
  for (const [a, b] of ranges) if (a < end && b > end) end = Math.min(b, start + length + 40);
  end = safeIndex(text, end);
  const parts = split(text, start, end, ranges);
  if (start > 0) parts.unshift({ text: ELLIPSIS, mark: false });
  if (end < text.length) parts.push({ text: ELLIPSIS, mark: false });
  return { parts, matched: parts.some((p) => p.mark) };
}
