/**
 * Result excerpts with the query highlighted, built from a page's plain text (the indexer stores it in the
 * page's Pagefind fragment). Matching follows the search's own contract (src/shared/search/tokens.ts):
 * NFKC, lower case, whitespace ignored, so whatever made the page a hit is what gets highlighted, and the
 * highlight covers the original characters (ＩＣＴ, a term broken across a line). Pure: no DOM.
 */
import { normalizeForMatch } from '../../shared/search/tokens.ts';
import { ui } from '../../i18n/ja.ts';

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

/** Characters of words (letters, kana, kanji): prose has many, a table row's residue of numbers and "—" few. */
const WORD_CHAR = /[\p{L}]/u;
/** A run of text between block breaks this long is a sentence or a long cell, not a table's short cells. */
const SENTENCE_RUN = 16;

/**
 * Share of a passage (0–1) that reads as prose: text runs between block breaks (the page text has a
 * space at every cell, heading and paragraph boundary) of SENTENCE_RUN characters or more, mostly words.
 * A table row ("予算額（前年度から繰越し） 計 — 30 …") is many short runs; a sentence is one long run.
 */
export function proseShare(passage: string): number {
  let prose = 0;
  let all = 0;
  const runs = passage.split(' ');
  for (const [i, run] of runs.entries()) {
    const chars = [...run];
    all += chars.length;
    // The first and last runs may be cut by the passage's ends: judged by their words alone.
    const cut = i === 0 || i === runs.length - 1;
    if (chars.length < SENTENCE_RUN && !cut) continue;
    const words = chars.filter((ch) => WORD_CHAR.test(ch)).length;
    if (words / chars.length >= 0.6) prose += chars.length;
  }
  return all === 0 ? 0 : prose / all;
}

/** Below this share a passage reads as table residue ("— — — 999.71 予算額（前年度から繰越し） 計 — — —"). */
const PROSE_MIN = 0.5;

/** Runs of blank marks between table cells ("— — —"), shown as one. */
const BLANK_RUN = /—(?:\s+—)+/g;

/** The sheet page's section headings, as the page text has them (src/pages/sheets/[id].astro). */
const SECTION_NAMES: readonly string[] = Object.entries(ui.sections)
  .filter(([key]) => key !== 'summary' && key !== 'source')
  .map(([, name]) => name);

/** The section a position of a sheet page's text is in: the last heading before it; `null` before any. */
export function sectionAt(text: string, at: number): string | null {
  let best: string | null = null;
  let bestAt = -1;
  for (const name of SECTION_NAMES) {
    const i = text.lastIndexOf(name, at);
    if (i > bestAt) {
      bestAt = i;
      best = name;
    }
  }
  return best;
}

/**
 * The start of the sentence or line a match at `at` is in, if it begins at most `lead` characters before
 * it: an excerpt reads better from there than from the middle of a word.
 */
function sentenceStart(text: string, at: number, lead: number): number {
  const from = Math.max(0, at - lead);
  const before = text.slice(from, at);
  const stop = Math.max(before.lastIndexOf('。'), before.lastIndexOf('　'));
  return stop >= 0 ? from + stop + 1 : from;
}

/**
 * About `length` characters of `text` around the passage where the most distinct terms occur close
 * together, with every match in it marked; among passages with as many terms, the one that reads most
 * like prose (the sheet's sentences rather than a table row's numbers and blank marks), then the
 * earliest. Without a match: the start of the text. Matches outside repetitions of `title` (the result's
 * link shows it already; pages begin with it and summaries quote it) are preferred, so the excerpt adds
 * something. A match only found in a table shows just the cells around it, runs of blank marks as one.
 */
export function buildExcerpt(text: string, terms: readonly string[], length = 120, title?: string): Excerpt {
  const ranges = matchRanges(text, terms);
  const lead = Math.floor(length / 4);
  let start = 0;
  let section: string | null = null;
  if (ranges.length > 0) {
    const normTerms = terms.map(normalizeForMatch).filter((t) => t !== '');
    // Matches inside a repetition of the title (the heading, a summary quoting the 事業名) add nothing.
    const echoes = title && title.trim() !== '' ? matchRanges(text, [title]) : [];
    const fresh = ranges.filter(([a, b]) => !echoes.some(([ea, eb]) => a >= ea && b <= eb));
    const candidates = fresh.length > 0 ? fresh : ranges;
    let best = -1;
    let bestProse = -1;
    // Each match is a candidate window start; the window counts the distinct terms it contains.
    for (const [a] of candidates.slice(0, 300)) {
      const s = sentenceStart(text, a, lead);
      const raw = text.slice(s, s + length);
      const window = normalizeForMatch(raw);
      const count = normTerms.filter((t) => window.includes(t)).length;
      const prose = proseShare(raw);
      if (count > best || (count === best && prose > bestProse + 0.05)) {
        best = count;
        bestProse = prose;
        start = s;
      }
      if (best === normTerms.length && bestProse >= 0.85) break;
    }
    if (bestProse < PROSE_MIN) {
      // Table residue: the cells either side of the match, not a window of blank marks and numbers,
      // after the name of the section the table is in ("支出先: …").
      const first = ranges.find(([a]) => a >= start) ?? ranges[0]!;
      start = Math.max(0, first[0] - 24);
      length = Math.min(length, first[1] - start + 40);
      section = sectionAt(text, first[0]);
    }
  }
  start = safeIndex(text, start);
  let end = Math.min(text.length, start + length);
  // A match cut by the end of the window is shown whole (matches are short), not half marked.
  for (const [a, b] of ranges) if (a < end && b > end) end = Math.min(b, start + length + 40);
  end = safeIndex(text, end);
  const parts = split(text, start, end, ranges).map((p) => (p.mark ? p : { ...p, text: p.text.replace(BLANK_RUN, '—') }));
  if (start > 0) parts.unshift({ text: ELLIPSIS, mark: false });
  if (section !== null) parts.unshift({ text: `${section}: `, mark: false });
  if (end < text.length) parts.push({ text: ELLIPSIS, mark: false });
  return { parts, matched: parts.some((p) => p.mark) };
}
