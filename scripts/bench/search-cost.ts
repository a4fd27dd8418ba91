/**
 * What one cold search costs a reader: a new browser context (empty cache) opens the site's search page
 * with `?q=<term>`, and every response is counted until the first result list is shown and the network
 * is idle. Bytes are the bodies' Content-Length as a plain static server sends them (tests/support/
 * server.ts: no compression; Pagefind's index files are gzip inside already). Split into:
 *
 * - index: what the search engine loads to answer the query (`<base>pagefind/`: the manifest, Pagefind's
 *   script and wasm, each part's entry and metadata, the word-index and filter chunks);
 * - fragments: the shown results' own files (`pagefind/…/fragment/`, one per result shown);
 * - records: for the results near the view whose excerpt is made from their sheet's record, the record's
 *   block (`data/records/`, one Range request a block; src/client/search/record-text.ts);
 * - page: the search page itself (its HTML, with the stylesheet and the icon inline, and its scripts), the same for every query;
 * - profiles: what the search fetches after its first list is shown, to search the payee profiles (their
 *   own bundle, `pagefind/payees/`: its entry, metadata and chunks, and the fragments of the profiles that
 *   the whole list then shows; src/shared/search/manifest.ts, SearchPart.deferred).
 *
 * `ms` is the time to the first list (the sheets'), from the navigation's start; the counts are the whole
 * list's, once the profiles are searched too.
 *
 * Used by scripts/search-cost.ts (the measurement recorded in docs/BENCHMARKS.md) and by the site test that
 * holds the sample site to its budget (tests/site/search-cost.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { chunkWordSizes, decodeIndexFile, encodeIndexFile } from '../search-index/pagefind-internals.ts';
import { chunkLocations } from '../search-index/chunk-size.ts';
import { PROFILE_MARK, PROFILES_PATH } from '../../src/shared/search/manifest.ts';
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
  records: Traffic;
  page: Traffic;
  profiles: Traffic;
  /** Milliseconds from the navigation's start to the first result list on screen (measured in the page). */
  ms: number;
  /** The index files fetched, by path under `pagefind/`, with their bytes (for reading the figures). */
  files: [string, number][];
}

function add(t: Traffic, bytes: number): void {
  t.requests += 1;
  t.bytes += bytes;
}

/** What the shown results themselves cost: their fragments and the record blocks of their excerpts. */
export function resultsTraffic(c: ColdSearch): Traffic {
  return { requests: c.fragments.requests + c.records.requests, bytes: c.fragments.bytes + c.records.bytes };
}

/** One cold search of `term` on the search page at `searchUrl` (the site's `<base>search/`). */
export async function coldSearch(browser: Browser, searchUrl: string, term: string): Promise<ColdSearch> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    // The first list's time is taken in the page, when the list is marked shown: waiting for it from here
    // returns only when the page's thread is free again, which the payee profiles' search then keeps busy
    // (≈ 0.5 s late at 52,000 sheets).
    await page.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('[data-search-results][data-page]') === null) return;
        (window as unknown as { firstListAt: number }).firstListAt = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(`${searchUrl}?q=${encodeURIComponent(term)}`);
    await page.waitForSelector('[data-search-results][data-page]', { state: 'attached', timeout: 120_000 });
    const ms = await page.evaluate(() => (window as unknown as { firstListAt: number }).firstListAt);
    await page.waitForSelector('[data-search-status][data-total]', { state: 'attached', timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const hits = Number(await page.getAttribute('[data-search-status]', 'data-total'));
    const out: ColdSearch = {
      term,
      hits,
      index: { requests: 0, bytes: 0 },
      fragments: { requests: 0, bytes: 0 },
      records: { requests: 0, bytes: 0 },
      page: { requests: 0, bytes: 0 },
      profiles: { requests: 0, bytes: 0 },
      ms,
      files: [],
    };
    for (const r of responses) {
      const length = Number((await r.allHeaders())['content-length'] ?? NaN);
      const bytes = Number.isFinite(length) ? length : (await r.body()).length;
      const { pathname } = new URL(r.url());
      const at = pathname.indexOf('/pagefind/');
      if (pathname.includes('/data/records/')) add(out.records, bytes);
      else if (at < 0) add(out.page, bytes);
      else if (pathname.startsWith(PROFILES_PATH, at + '/pagefind/'.length)) add(out.profiles, bytes);
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

/**
 * Payee profiles per sheet on a real site: 37,479 profiles for the 26,395 sheets of the five shared
 * JUDGIT years (docs/BENCHMARKS.md). The sample has far more (2,828 for 392 sheets: few sheets, each with
 * its own payees), so scaling its page list by sheets overstates a real site's.
 */
export const PROFILES_PER_SHEET = 37_479 / 26_395;

/** What the metadata file of an index holds: its bytes, and the part of them that is the page list. */
export interface MetaShares {
  bytes: number;
  /** Bytes the page list adds (the file's gzip with and without it). */
  pageListBytes: number;
  /** Pages that are payee profiles, and the others (sheets and their continuation pages). */
  profiles: number;
  otherPages: number;
  /** Entries of the chunk table. */
  chunks: number;
}

export function metaShares(pagefindDir: string): MetaShares {
  const file = readdirSync(pagefindDir).find((f) => f.endsWith('.pf_meta'));
  if (!file) throw new Error(`${pagefindDir}: no metadata file`);
  const bytes = readFileSync(path.join(pagefindDir, file));
  const meta = decodeIndexFile(bytes, file) as unknown[];
  const pages = meta[1] as [string, ...unknown[]][];
  const without = encodeIndexFile([meta[0]!, [], ...meta.slice(2)] as Parameters<typeof encodeIndexFile>[0]);
  const profiles = pages.filter(([name]) => name.includes(PROFILE_MARK)).length;
  return { bytes: bytes.length, pageListBytes: bytes.length - without.length, profiles, otherPages: pages.length - profiles, chunks: (meta[2] as unknown[]).length };
}

/**
 * What `c`, measured on a site of `sheets` sheets indexed as one index, would fetch on a site of
 * `targetSheets` sheets, also one index: the once-only files and the term's chunks as they are (a chunk
 * holds a fixed number of locations) scaled by the chunk size such a site is cut at (chunkLocations: the
 * index's locations taken as the sample's × sheets) over the sample's `builtChunkLocations`, the metadata
 * in its two parts — the chunk table (and the rest) scaled by sheets and divided by the same ratio, the
 * page list by the pages such a site has: sheets and continuation pages as in the sample per sheet,
 * payee profiles at PROFILES_PER_SHEET when the index holds them (before they had a bundle of their own,
 * searched after the first list: then the first list's metadata has none).
 */
export function projectedTo(
  c: ColdSearch,
  shares: MetaShares,
  sheets: number,
  targetSheets: number,
  builtChunkLocations: number,
): { bytes: number; requests: number; metaBytes: number; chunkLocations: number } {
  const scale = targetSheets / sheets;
  const targetChunk = chunkLocations(shares.chunks * builtChunkLocations * scale);
  const chunkScale = targetChunk / builtChunkLocations;
  const targetPages = shares.otherPages * scale + (shares.profiles > 0 ? PROFILES_PER_SHEET * targetSheets : 0);
  const pageBytesEach = shares.pageListBytes / (shares.otherPages + shares.profiles);
  const metaBytes = ((shares.bytes - shares.pageListBytes) * scale) / chunkScale + pageBytesEach * targetPages;
  const bytes = c.files.reduce((sum, [f, b]) => sum + (f.endsWith('.pf_meta') ? metaBytes : f.endsWith('.pf_index') ? b * chunkScale : b), 0);
  return { bytes, requests: c.files.length, metaBytes, chunkLocations: targetChunk };
}
