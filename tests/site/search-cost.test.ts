/**
 * What a cold search costs on the sample site (project-path build), measured in headless Chromium as a
 * reader's first search: a new browser context, the search page opened with `?q=`, every response counted
 * until the first result list is shown (scripts/lib/bench/search-cost.ts, the same measurement as
 * `node scripts/search-cost.ts` records in docs/BENCHMARKS.md at a year of sheets).
 *
 * The budget (project issue 18), for a year of sheets (5,664): at most 300 KB of index for a term found on
 * up to 200 sheets, 1 MB for the commonest terms, 25 requests. Part of it does not grow with the site
 * (Pagefind's script and wasm, each part's entry and page list: measured here from the files fetched);
 * the rest, the word-index chunks, grows with the number of pages, so the sample site gets that part of
 * the budget scaled to its share of a year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldSearch, type ColdSearch } from '../../scripts/lib/bench/search-cost.ts';
import { closeServed, serveAndLaunch, type ServedSite } from '../support/browser.ts';
import { builtSite, entryIds } from '../support/sites.ts';

const site = builtSite('base');
const YEAR = 5664;
const KB = 1024;

/** Files every search loads whatever the term (not word-index or filter chunks). */
const isFixed = (file: string) => !/(^|\/)(index|filter)\//.test(file);

let served: ServedSite;
beforeAll(async () => {
  served = await serveAndLaunch(site);
}, 60_000);
afterAll(async () => {
  await closeServed(served);
});

/** The bytes of word-index chunks a search fetched, and of the rest. */
function split(c: ColdSearch): { fixed: number; words: number } {
  const fixed = c.files.filter(([f]) => isFixed(f)).reduce((s, [, b]) => s + b, 0);
  return { fixed, words: c.index.bytes - fixed };
}

describe('a cold search', () => {
  const pages = entryIds(site).length;
  const share = pages / YEAR;

  it.each([
    // A rare term, a 法人番号 and an 事業番号-like number: the 300 KB budget.
    ['脆弱性', 300],
    ['7010001008844', 300],
    ['地方公共団体', 300],
    // The commonest: the 1 MB budget.
    ['補助金', 1024],
    ['独立行政法人', 1024],
  ])('of %j fetches no more index than its budget scaled to the site (%i KB at a year)', async (term, budgetKb) => {
    const c = await coldSearch(served.browser, served.server.url('search/'), term);
    expect(c.hits, 'the sample sheets contain it').toBeGreaterThan(0);
    const { fixed, words } = split(c);
    const wordBudget = (budgetKb * KB - fixed) * share;
    expect(words, `word-index bytes for ${term} (fixed files ${fixed} B; ${c.files.map(([f, b]) => `${f} ${b}`).join(', ')})`).toBeLessThanOrEqual(wordBudget);
    expect(c.index.requests).toBeLessThanOrEqual(25);
  });
});
