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
import type { Browser, Response } from 'playwright-core';

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
