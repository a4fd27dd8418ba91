/**
 * What a cold search costs on the sample site (project-path build), measured in headless Chromium as a
 * reader's first search: a new browser context, the search page opened with `?q=`, every response counted
 * until the first result list is shown (scripts/bench/search-cost.ts, the same measurement as
 * `node scripts/search-cost.ts --year 5664` records in docs/BENCHMARKS.md).
 *
 * What a search fetches is Pagefind's code and the manifest, the index's entry file, its metadata (the
 * list of its pages and of its word-index chunks, which grows with the pages) and the chunk of each of the
 * term's words (a chunk holds a fixed number of locations, so its size does not grow with the site). A
 * year is built in parts and merged into one index (build-index.ts), as the sample is one index: so what
 * the same search costs at a year is the sample's files with its metadata scaled by 5,664 / the sample's
 * sheets (scaledToParts; the sheets' continuation pages are in it, the payee profiles are not: below).
 *
 * The budgets asserted are what the index as built (bigram words, chunks of 4,000 locations) meets on the
 * sample's real text, with ≈ 15 % margin; the issue's 300 KB is measured at 52,000 sheets (docs/BENCHMARKS.md,
 * "Payee profiles searched after the sheets"). The issue's 25 requests are met with the search page's own
 * files, the shown results' fragment groups (at most one each, 10 a page) and the record blocks of the excerpts near the view.
 *
 * What is measured is the first list, the sheets': the payee profiles are a bundle of their own, searched
 * once that list is shown (src/shared/search/manifest.ts), and counted apart (ColdSearch.profiles).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldSearch, metaShares, projectedTo, resultsTraffic, scaledToParts, type ColdSearch } from '../../scripts/bench/search-cost.ts';
import { MANIFEST_FILE, type SearchManifest } from '../../src/shared/search/manifest.ts';
import { termTokens } from '../../src/shared/search/tokens.ts';
import { PAGE_SIZE } from '../../src/client/search/search-app.ts';
import { corporateNumberTerms } from '../../src/client/search/payee-link.ts';
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

/** A year is one index (built in parts, merged): the sample's, its metadata scaled by sheets (its continuation pages follow them). */
const atYear = (c: ColdSearch) => scaledToParts(c, entryIds(site).length, YEAR, 1);

describe('a cold search, scaled to a year of sheets', () => {
  // Measured 2026-12-03 (KB at a year, one merged index, payee profiles included, no search worker, every
  // page's word count 1): 補助金 368, 独立行政法人 389, 脆弱性 365, 地方公共団体 386, 7010001008844 453
  // (411–495 with the pages' own word counts; before the merge: 388–648 for sheets alone in six parts).
  // 7010001008844 searched by its number word (src/shared/search/tokens.ts), 2026-12-04: 270 (was 453).
  // The payee profiles in a bundle of their own, searched after the first list, Pagefind's script
  // minified (2026-12-04): 229, 248, 227, 241, 222. Page and chunk names backwards, pages of two fields
  // (2026-12-05, merge-bundles.ts shortName): 201, 227, 205, 225, 198.
  it.each([
    ['補助金', 230],
    ['独立行政法人', 260],
    ['脆弱性', 235],
    ['地方公共団体', 260],
    ['7010001008844', 230],
  ])('of %j fetches no more index than %i KB', async (term, budgetKb) => {
    const y = atYear(await search(term));
    expect(y.bytes, `${term} at a year (${y.detail})`).toBeLessThanOrEqual(budgetKb * KB);
  });

  // Projected as docs/BENCHMARKS.md records ("Search: a lighter cold search"): the page list by the pages
  // a real year has (payee profiles at the JUDGIT years' ratio, when the index holds them), the chunk table and the term's chunks by
  // the chunk size such a year is cut at (chunk-size.ts). Measured: 229, 236, 287, 281 KB; the 法人番号 by
  // its number word 213 KB. The payee profiles apart, Pagefind's script minified (2026-12-04): 183, 188,
  // 237, 218, 170 (the page list without the profiles: projectedTo). Names backwards (2026-12-05): 182,
  // 171, 231, 226, 166.
  it.each([
    ['脆弱性', 210],
    ['補助金', 200],
    ['独立行政法人', 265],
    ['地方公共団体', 250],
    ['7010001008844', 195],
  ])('of %j, projected to a real year, fetches no more index than %i KB', async (term, budgetKb) => {
    const c = await search(term);
    const manifest = JSON.parse(readFileSync(path.join(site.dist, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
    const p = projectedTo(c, metaShares(path.join(site.dist, 'pagefind')), entryIds(site).length, YEAR, manifest.chunkLocations);
    expect(p.chunkLocations, 'a year is cut into larger chunks than the sample').toBeGreaterThan(manifest.chunkLocations);
    expect(p.bytes, `${term} projected to a year`).toBeLessThanOrEqual(budgetKb * KB);
  });

  it('loads at most one word-index chunk per word of the term, and one metadata file', async () => {
    for (const term of ['脆弱性', '独立行政法人']) {
      const c = await search(term);
      const chunks = c.files.filter(([f]) => f.endsWith('.pf_index')).length;
      const words = termTokens(term, indexWords()).length;
      expect(chunks, term).toBeGreaterThan(0);
      expect(chunks, term).toBeLessThanOrEqual(words);
      // 2 once-only files (pagefind.js, the wasm) + the entry, the metadata, the chunks. The manifest is in
      // the search page (MANIFEST_ATTRIBUTE), Pagefind's worker is not used.
      expect(c.files.map(([f]) => f)).not.toContain(MANIFEST_FILE);
      expect(c.index.requests, term).toBeLessThanOrEqual(2 + 2 + words);
      expect(atYear(c).requests, term).toBe(c.index.requests);
    }
  });

  it(`needs at most ${MAX_REQUESTS} requests with the page and the fragments of the results shown first, also at a year`, async () => {
    for (const term of ['補助金', '独立行政法人', '地方公共団体', '7010001008844']) {
      const c = await search(term);
      // One fragment group per group of the results shown (a full first page for these terms; groups of
      // consecutive pages, scripts/search-index/pagefind-internals.ts 11), and one record block for each
      // result near the view (its excerpt is made from its sheet's record), fewer when results share one.
      expect(c.hits, term).toBeGreaterThanOrEqual(PAGE_SIZE);
      expect(c.fragments.requests, term).toBeGreaterThan(0);
      expect(c.fragments.requests, term).toBeLessThanOrEqual(PAGE_SIZE);
      expect(c.records.requests, term).toBeGreaterThan(0);
      expect(c.records.requests, term).toBeLessThan(PAGE_SIZE);
      // The page itself: its HTML, its script and the chunk that script shares with the site's (its
      // stylesheet and icon are in the HTML: src/layouts/PageFrame.astro, selfContained); for a 法人番号,
      // the HEAD request that asks whether the payee has a page (src/client/search/payee-link.ts).
      expect(c.page.requests, term).toBe(3 + corporateNumberTerms(term).length);
      const rest = resultsTraffic(c).requests + c.page.requests;
      expect(c.index.requests + rest, term).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(atYear(c).requests + rest, term).toBeLessThanOrEqual(MAX_REQUESTS);
    }
  });
});
