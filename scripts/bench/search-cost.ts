/**
 * What one cold search costs a reader: a new browser context (empty cache) opens the site's search page
 * with `?q=<term>`, and every response is counted until the first result list is shown and the network
 * is idle. Bytes are the bodies' Content-Length as a plain static server sends them (tests/support/
 * server.ts: no compression; Pagefind's index files are gzip inside already). Split into:
 *
 * - index: what the search engine loads to answer the query (`<base>pagefind/`: the manifest, Pagefind's
 *   script and wasm, each part's entry and metadata, the word-index and filter chunks);
 * - fragments: the shown results' own files (`pagefind/…/fragment/`, 20 at most, one per result shown);
 * - page: the search page itself (HTML, CSS, its script), the same for every query.
 *
 * Used by scripts/search-cost.ts (the measurement recorded in docs/BENCHMARKS.md) and by the site test that
 * holds the sample site to its budget (tests/site/search-cost.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { chunkWordSizes } from '../search-index/pagefind-internals.ts';
import { termTokens, type SearchWords } from '../../src/shared/search/tokens.ts';

export interface Traffic {
  requests: number;
  bytes: number;
}

export interface ColdSearch {
  term: string;
  /** Results the page reports (its `data-total`). */
  hits: number;
  index: Traffic;
  fragments: Traffic;
  page: Traffic;
  /** Milliseconds from navigation to the first result list. */
  ms: number;
  /** The index files fetched, by path under `pagefind/`, with their bytes (for reading the figures). */
  files: [string, number][];
}

function add(t: Traffic, bytes: number): void {
  t.requests += 1;
  t.bytes += bytes;
}

/** One cold search of `term` on the search page at `searchUrl` (the site's `<base>search/`). */
export async function coldSearch(browser: Browser, searchUrl: string, term: string): Promise<ColdSearch> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    const started = performance.now();
    await page.goto(`${searchUrl}?q=${encodeURIComponent(term)}`);
    await page.waitForFunction(
      () => document.querySelector('[data-search-status][data-total]') !== null && document.querySelector('[data-search-results]') !== null,
      undefined,
      { timeout: 120_000 },
    );
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const hits = Number(await page.getAttribute('[data-search-status]', 'data-total'));
    const out: ColdSearch = {
      term,
      hits,
      index: { requests: 0, bytes: 0 },
      fragments: { requests: 0, bytes: 0 },
      page: { requests: 0, bytes: 0 },
      ms,
      files: [],
    };
    for (const r of responses) {
      const length = Number((await r.allHeaders())['content-length'] ?? NaN);
      const bytes = Number.isFinite(length) ? length : (await r.body()).length;
      const { pathname } = new URL(r.url());
      const at = pathname.indexOf('/pagefind/');
      if (at < 0) add(out.page, bytes);
      else if (pathname.includes('/fragment/')) add(out.fragments, bytes);
      else {
        add(out.index, bytes);
        out.files.push([pathname.slice(at + '/pagefind/'.length), bytes]);
      }
    }
    return out;
  } finally {
    await context.close();
  }
}

/** Files fetched once per search whatever the number of parts: Pagefind's code and the manifest. */
const isOnce = (file: string) => /^(search-manifest\.json|([^/]*\/)?(pagefind\.js|pagefind-worker\.js|wasm\.[^/]*\.pagefind))$/.test(file);

/**
 * What `c`, measured on a site indexed in one part of `pages` pages, would fetch on a site of `parts`
 * parts of `partPages` pages each: the once-only files, and per part the rest, its metadata (the list of
 * the part's pages and of its chunks, the one file that grows with the part) scaled by partPages / pages.
 * A word-index chunk holds a fixed number of locations (build-part.ts), so its size is taken as it is.
 */
export function scaledToParts(c: ColdSearch, pages: number, partPages: number, parts: number): { bytes: number; requests: number; detail: string } {
  const once = c.files.filter(([f]) => isOnce(f));
  const perPart = c.files.filter(([f]) => !isOnce(f));
  const metaScale = partPages / pages;
  const sum = (fs: [string, number][]) => fs.reduce((s, [f, b]) => s + (f.endsWith('.pf_meta') ? b * metaScale : b), 0);
  return {
    bytes: sum(once) + parts * sum(perPart),
    requests: once.length + parts * perPart.length,
    detail: c.files.map(([f, b]) => `${f} ${b}`).join(', '),
  };
}

/**
 * scaledToParts, corrected for what it takes as fixed: a chunk holds a fixed number of locations only
 * while its words' lists are shorter than that; a longer list fills a chunk alone and grows with the
 * part (a character's list on nearly every page, much more than a bigram's). Each fetched chunk is read
 * from `pagefindDir`, the term's own word in it found, and where that word's locations × partPages / pages
 * exceed `limit` the chunk is counted at that many locations, at its bytes per location. A lower bound
 * still (docs/BENCHMARKS.md, "Characters with the re-split").
 */
export function grownToParts(
  c: ColdSearch,
  pagefindDir: string,
  words: SearchWords,
  pages: number,
  partPages: number,
  parts: number,
  limit: number,
): number {
  const wanted = new Set(termTokens(c.term, words));
  let extra = 0;
  for (const [file, bytes] of c.files) {
    if (!file.endsWith('.pf_index')) continue;
    const inChunk = chunkWordSizes(readFileSync(path.join(pagefindDir, file)), file);
    const locations = inChunk.reduce((n, w) => n + w.locations, 0);
    const mine = inChunk.reduce((m, w) => (wanted.has(w.word) ? Math.max(m, w.locations) : m), 0);
    const grown = (mine * partPages) / pages;
    if (grown > limit) extra += (bytes * grown) / locations - bytes;
  }
  return scaledToParts(c, pages, partPages, parts).bytes + parts * extra;
}
