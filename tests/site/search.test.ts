/**
 * Search on the built site (project-path build, BASE=/review-sheet-site/), in headless Chromium, through
 * the search page as a reader uses it (its <html lang="ja"> included):
 *
 * - recall and precision: for real terms (the list, an 事業番号 and 法人番号, one-character terms,
 *   terms sampled from the pages) the search returns exactly the sheet pages whose data-pagefind-body text
 *   contains the term. The expected set is computed independently of the indexer: the browser parses each
 *   built page (DOMParser), drops what Pagefind never indexes (data-pagefind-ignore, nav, footer, form,
 *   script …), takes textContent and applies the matching contract of src/shared/search/tokens.ts (NFKC,
 *   lower case, whitespace ignored; every space-separated term must occur). Every result is collected by
 *   following the pager, so the count shown and every page are checked;
 * - the same with the index built in parts (merged into one by the indexer);
 * - filters (府省庁, 年度) narrow exactly; sorting orders by the raw value;
 * - the state lives in the URL: submit, filter, sort and paging push URLs; reload and back/forward
 *   restore the form and the results; the form works as a plain GET form without JavaScript;
 * - the page loads only what search needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSearchIndex } from '../../scripts/search-index/build-index.ts';
import { extractPage, REMOVED_ELEMENTS } from '../../scripts/search-index/extract-page.ts';
import { bundleFragments } from '../support/fragments.ts';
import { PROFILES_PATH } from '../../src/shared/search/manifest.ts';
import { EntrySource, pageSource } from '../../scripts/search-index/page-source.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { normalizeForMatch, queryTerms } from '../../src/shared/search/tokens.ts';
import { PAGE_SIZE } from '../../src/client/search/search-app.ts';
import { launchBrowser, openPage, type PageProblem } from '../support/browser.ts';
import { serveDist, type StaticServer } from '../support/server.ts';
import { listFiles, readPage, urlPathOf } from '../support/site-text.ts';
import { builtSite, entryIds, entryRecord, sheetPagePath } from '../support/sites.ts';

const site = builtSite('base');

interface CorpusPage {
  /** URL path as the results link to it (base included). */
  url: string;
  /** normalizeForMatch of the page's data-pagefind-body text, as the browser parses it. */
  text: string;
  /** The page's search record (src/lib/view/search-attributes.ts): as a payee profile states it, or made from a sheet's entry. */
  filters: Record<string, string[]>;
  sort: Record<string, number>;
}

let server: StaticServer;
let browser: Browser;
let corpus: CorpusPage[];

/** Pages whose text contains every term of `query` (and that pass `keep`), sorted. */
function expected(query: string, keep: (p: CorpusPage) => boolean = () => true): string[] {
  const terms = queryTerms(query).map(normalizeForMatch);
  return corpus
    .filter((p) => keep(p) && terms.every((t) => p.text.includes(t)))
    .map((p) => p.url)
    .sort();
}

/**
 * The body text of each page, extracted by the browser's own HTML parser from the page as a reader's
 * browser has it (a sheet page with its body put back: readPage).
 */
async function browserTexts(page: Page, htmls: string[]): Promise<string[]> {
  const texts: string[] = [];
  // A few pages an evaluation: the whole site's HTML at once is a message of tens of MB.
  for (let i = 0; i < htmls.length; i += 50) {
    texts.push(
      ...(await page.evaluate(
        ({ htmls, removed }) => {
          const parser = new DOMParser();
          return htmls.map((h) => {
            const doc = parser.parseFromString(h, 'text/html');
            let text = '';
            for (const body of doc.querySelectorAll('[data-pagefind-body]')) {
              const copy = body.cloneNode(true) as Element;
              for (const el of copy.querySelectorAll(['[data-pagefind-ignore]', ...removed].join(','))) el.remove();
              text += `${copy.textContent ?? ''}\n`;
            }
            return text;
          });
        },
        { htmls: htmls.slice(i, i + 50), removed: REMOVED_ELEMENTS as string[] },
      )),
    );
  }
  return texts;
}

async function waitForResults(page: Page, pageNumber?: number): Promise<number> {
  const list = pageNumber === undefined ? '[data-search-results]' : `[data-search-results][data-page="${pageNumber}"]`;
  await page.waitForFunction(
    (sel) => document.querySelector('[data-search-status][data-total]') !== null && document.querySelector(sel) !== null,
    list,
    { timeout: 60_000 },
  );
  return Number(await page.getAttribute('[data-search-status]', 'data-total'));
}

/** Opens /search/?…, then follows the pager to the end; returns the count shown and every result URL. */
async function searchAll(
  page: Page,
  params: string,
  from: StaticServer = server,
): Promise<{ total: number; urls: string[]; pages: number }> {
  await page.goto(from.url(`search/${params}`));
  const total = await waitForResults(page);
  const urls: string[] = [];
  let pages = 1;
  for (;;) {
    urls.push(...(await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')!))));
    const next = page.locator('[data-search-pager] a[rel="next"]');
    if ((await next.count()) === 0) break;
    pages += 1;
    await next.click();
    await waitForResults(page, pages);
  }
  return { total, urls, pages };
}

/**
 * Problems the page reported, except requests aborted because the test navigated on (a favicon or index
 * chunk still loading when the next URL is opened): those are not the site's errors.
 */
function siteErrors(errors: PageProblem[]): PageProblem[] {
  return errors.filter((e) => !(e.kind === 'requestfailed' && e.text.endsWith('net::ERR_ABORTED')));
}

/** Each indexed page's fragment group file, as the browser requests it (its path), by the page's URL. */
let groupFiles: Map<string, string> | null = null;
function groupFileOf(): Map<string, string> {
  if (groupFiles) return groupFiles;
  groupFiles = new Map();
  for (const sub of ['', PROFILES_PATH]) {
    // A fragment's URL is the page's path under the base; the search page links it with the base.
    for (const { file, fragment: f } of bundleFragments(path.join(site.dist, 'pagefind', sub, 'fragment'))) {
      groupFiles.set(f.url.startsWith(site.base) ? f.url : `${site.base}${f.url.replace(/^\//, '')}`, `${site.base}pagefind/${sub}fragment/${file}`);
    }
  }
  return groupFiles;
}

const q = (query: string, extra = '') => `?q=${encodeURIComponent(query)}${extra}`;

/** A tiny seeded PRNG, so sampled terms are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A 事業番号 as a sheet prints it: its own, or one of its earlier sheets' (新31-0015 …). */
async function someProjectNumber(): Promise<string> {
  for (const id of entryIds(site)) {
    const file = path.join(site.contentDir, 'sheets', `${id}.md`);
    const { data } = parseEntry(await readFile(file, 'utf8'), file);
    if (typeof data.projectNumber === 'string' && data.projectNumber.trim() !== '') return data.projectNumber;
    const past = (data.pastSheets as { number: string }[] | undefined) ?? [];
    const printed = past.find((p) => /\d/.test(p.number) && !/\s/.test(p.number));
    if (printed) return printed.number;
  }
  throw new Error('no converted sheet prints a 事業番号');
}

beforeAll(async () => {
  server = await serveDist(site.dist, { base: site.base });
  browser = await launchBrowser();
  const files = [];
  const entries = new EntrySource(site.contentDir);
  for (const file of listFiles(site.dist, '.html')) {
    if (file.includes(`${path.sep}pagefind${path.sep}`)) continue;
    const html = readPage(file);
    const x = extractPage(html);
    if (!x) continue;
    const url = urlPathOf(site.dist, site.base, file);
    // A payee profile states its record; a sheet page's and its continuation pages' are made from the
    // sheet's entry, as the indexer makes them (page-source.ts: searchRecord, sheetPartSearchRecord).
    const record = x.record ?? pageSource({ url: `/${url.slice(site.base.length)}`, html }, entries)!.record!;
    files.push({ file, url, html, filters: record.filters, sort: record.sort });
  }
  const { page, close } = await openPage(browser, server.url('search/'), { origin: server.origin });
  try {
    const texts = await browserTexts(page, files.map((f) => f.html));
    corpus = files.map((f, i) => ({ url: f.url, text: normalizeForMatch(texts[i]!), filters: f.filters, sort: f.sort }));
  } finally {
    await close();
  }
  // Every sheet page is searchable, every payee profile's first page (/payees/<法人番号>/) and every
  // continuation page of a sheet (/sheets/<id>/payees/<n>/, /sheets/<id>/blocks/), and no other.
  const payees = readdirSync(path.join(site.dist, 'payees'));
  expect(payees.length).toBeGreaterThan(100);
  const parts = listFiles(path.join(site.dist, 'sheets'), '.html').filter((f) => /[\\/](payees[\\/]\d+|blocks)[\\/]index\.html$/.test(f));
  expect(parts.length).toBeGreaterThan(30);
  expect(corpus.length).toBe(entryIds(site).length + payees.length + parts.length);
  for (const f of parts) expect(urls0(corpus)).toContain(urlPathOf(site.dist, site.base, f));
  const urls = new Set(corpus.map((c) => c.url));
  for (const id of entryIds(site)) expect(urls).toContain(`${site.base}${sheetPagePath(site, id)}`);
  for (const n of payees) expect(urls).toContain(`${site.base}payees/${n}/`);
}, 600_000);

function urls0(c: CorpusPage[]): Set<string> {
  return new Set(c.map((p) => p.url));
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The terms, variants that must match through NFKC and case, an AND query and a miss. */
const NAMED_TERMS = [
  '脆弱性',
  '情報共有',
  'サイバーセキュリティ',
  '実証実験',
  '一般競争入札',
  '日立製作所',
  '7010001008844',
  '国',
  '円',
  '内閣人事局',
  'ICT-ISAC',
  'ＩＣＴ－ＩＳＡＣ',
  'M2M',
  'ｾｷｭﾘﾃｨ',
  '脆弱性 情報共有',
  'どこにもない語句の並び',
];

function sampledTerms(n: number): string[] {
  const random = prng(20250101);
  const out: string[] = [];
  while (out.length < n) {
    const p = corpus[Math.floor(random() * corpus.length)]!;
    const chars = [...p.text];
    const len = 1 + Math.floor(random() * 8);
    const at = Math.floor(random() * Math.max(1, chars.length - len));
    out.push(chars.slice(at, at + len).join(''));
  }
  return out;
}

describe('recall and precision through the search page', () => {
  let page: Page;
  let errors: PageProblem[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, errors, close } = await openPage(browser, server.url('search/'), { origin: server.origin }));
  });
  afterAll(async () => {
    await close?.();
  });

  /** Searches through the page and checks the count shown and every result against the brute force. */
  async function check(term: string): Promise<number> {
    const want = expected(term);
    const got = await searchAll(page, q(term));
    expect(got.total, `count shown for ${JSON.stringify(term)}`).toBe(want.length);
    expect(got.urls.length, `results listed for ${JSON.stringify(term)}`).toBe(want.length);
    expect([...got.urls].sort(), `results for ${JSON.stringify(term)}`).toEqual(want);
    expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / PAGE_SIZE)));
    expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
    return want.length;
  }

  it.each(NAMED_TERMS)('returns exactly the pages containing %j, all reachable by paging', async (term) => {
    const found = await check(term);
    if (term === 'どこにもない語句の並び') expect(found).toBe(0);
    else expect(found, 'the sample sheets contain it').toBeGreaterThan(0);
  });

  it('finds a payee profile by its name and by its 法人番号, listed first, with the sheets naming it after it', async () => {
    const hitachi = `${site.base}payees/7010001008844/`;
    for (const term of ['日立製作所', '株式会社日立製作所', '7010001008844', '７０１０００１００８８４４']) {
      const want = expected(term);
      expect(want, term).toContain(hitachi);
      expect(want.filter((u) => u.includes('/sheets/')).length, `${term}: sheets naming it`).toBeGreaterThan(3);
      await page.goto(server.url(`search/${q(term)}`));
      expect(await waitForResults(page)).toBe(want.length);
      const first = page.locator('[data-search-results] > li').first();
      expect(await first.locator('h3 a').getAttribute('href'), term).toBe(hitachi);
      expect(await first.locator('h3 a').textContent()).toBe('株式会社日立製作所');
      expect(await first.locator('.meta-line').textContent()).toBe('支出先法人番号 7010001008844');
    }
    expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
  });

  it('lists the sheets of a project together, newest first, before their continuation pages when the search is its 事業名 (all begin with it)', async () => {
    // Continuation pages (payees 61 onward, blocks) by their sheet, and the sheets by their 事業名.
    const continued = new Map<string, string[]>();
    for (const { url } of corpus) {
      const m = /\/sheets\/([^/]+)\/(payees\/\d+|blocks)\/$/.exec(url);
      if (m) continued.set(m[1]!, [...(continued.get(m[1]!) ?? []), url]);
    }
    const titleOf = (id: string) => String(entryRecord(site, id).title);
    const byTitle = new Map<string, string[]>();
    for (const id of entryIds(site)) byTitle.set(titleOf(id), [...(byTitle.get(titleOf(id)) ?? []), id]);
    // Titles of several sheets with continuation pages (a project followed across years) rank the most
    // pages alike: a sheet of one year must not come after another year's list of payees.
    const titles = [...byTitle].filter(([, ids]) => ids.length > 1 && ids.some((id) => continued.has(id))).map(([t]) => t);
    expect(titles.length, 'sample projects with several sheets and continuation pages').toBeGreaterThan(1);
    for (const title of titles) {
      const { urls } = await searchAll(page, q(title));
      const sheets = byTitle.get(title)!.map((id) => `${site.base}sheets/${id}/`);
      const parts = byTitle.get(title)!.flatMap((id) => continued.get(id) ?? []);
      for (const u of [...sheets, ...parts]) expect(urls, title).toContain(u);
      const lastSheet = Math.max(...sheets.map((u) => urls.indexOf(u)));
      const firstPart = Math.min(...parts.map((u) => urls.indexOf(u)));
      expect(lastSheet, `${title}: ${urls.join(' ')}`).toBeLessThan(firstPart);
      // The project's sheets together, newest first (the index's order, listingsByProject in
      // src/lib/data/collection.ts), so their fragments are in few groups.
      const newestFirst = byTitle
        .get(title)!
        .sort((a, b) => Number(entryRecord(site, b).fiscalYear) - Number(entryRecord(site, a).fiscalYear))
        .map((id) => `${site.base}sheets/${id}/`);
      const at = urls.indexOf(newestFirst[0]!);
      expect(urls.slice(at, at + newestFirst.length), title).toEqual(newestFirst);
    }
    expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
  });

  it("carries the index's manifest in the search page, the one the index wrote", () => {
    const html = readFileSync(path.join(site.dist, 'search', 'index.html'), 'utf8');
    const inner = /<script type="application\/json" data-search-manifest>([^<]*)<\/script>/.exec(html)?.[1];
    expect(inner).toBeTruthy();
    expect(JSON.parse(inner!)).toEqual(JSON.parse(readFileSync(path.join(site.dist, 'pagefind', 'search-manifest.json'), 'utf8')));
  });

  it("shows the sheets' results before it loads the payee profiles' index, then the whole list", async () => {
    const hitachi = `${site.base}payees/7010001008844/`;
    const want = expected('日立製作所');
    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      // The profiles' bundle is held back until the first list is on screen: that list must not need it.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const held: string[] = [];
      await fresh.route('**/pagefind/payees/**', async (route) => {
        held.push(route.request().url());
        await released;
        await route.continue();
      });
      await fresh.goto(server.url(`search/${q('日立製作所')}`));
      await fresh.waitForSelector('[data-search-results][data-page] > li', { state: 'attached', timeout: 60_000 });
      const firstList = await fresh.locator('[data-search-results] > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(firstList.length).toBeGreaterThan(0);
      expect(firstList.every((u) => u!.includes('/sheets/')), firstList.join(' ')).toBe(true);
      expect(await fresh.getAttribute('[data-search-status]', 'data-total')).toBeNull();
      expect(await fresh.textContent('[data-search-status]')).toMatch(/^「日立製作所」を含むシートのページ: \d+件(、1〜10件目を表示)?。支出先のページを探しています…$/);
      // A reader who has moved into the list meanwhile keeps their place when the whole list replaces it.
      await fresh.locator('[data-search-results] > li h3 a').first().focus();
      release();
      expect(await waitForResults(fresh)).toBe(want.length);
      expect(held.some((u) => u.endsWith('.pf_meta')), held.join(' ')).toBe(true);
      expect(await fresh.locator('[data-search-results] > li h3 a').first().getAttribute('href')).toBe(hitachi);
      expect(await fresh.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstList[0]);
    } finally {
      await context.close();
    }
  });

  it('keeps the list on screen as it is when the payee profiles add nothing to it', async () => {
    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await fresh.route('**/pagefind/payees/**', async (route) => {
        await released;
        await route.continue();
      });
      await fresh.goto(server.url(`search/${q('脆弱性')}`));
      await fresh.waitForSelector('[data-search-results][data-page] > li', { state: 'attached', timeout: 60_000 });
      await fresh.locator('[data-search-results] > li').first().evaluate((li) => (li.dataset.seen = 'yes'));
      release();
      expect(await waitForResults(fresh)).toBe(expected('脆弱性').length);
      expect(await fresh.locator('[data-search-results] > li').first().getAttribute('data-seen')).toBe('yes');
    } finally {
      await context.close();
    }
  });

  it("keeps the sheets' results and says so when the payee profiles' index cannot be loaded", async () => {
    const sheetsOnly = expected('日立製作所').filter((u) => !u.startsWith(`${site.base}payees/`));
    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      await fresh.route('**/pagefind/payees/**', (route) => route.abort());
      await fresh.goto(server.url(`search/${q('日立製作所')}`));
      expect(await waitForResults(fresh)).toBe(sheetsOnly.length);
      expect(await fresh.textContent('[data-search-status]')).toMatch(/^「日立製作所」を含むシートのページ: \d+件.*。支出先のページは検索できませんでした。$/);
      const shown = await fresh.locator('[data-search-results] > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(shown.length).toBe(Math.min(PAGE_SIZE, sheetsOnly.length));
      for (const u of shown) expect(sheetsOnly).toContain(u);
      // The next search goes on without the profiles, rather than failing on their bundle.
      await fresh.fill('input[name="q"]', '脆弱性');
      await fresh.press('input[name="q"]', 'Enter');
      expect(await waitForResults(fresh)).toBe(expected('脆弱性').filter((u) => !u.startsWith(`${site.base}payees/`)).length);
      expect(await fresh.textContent('[data-search-status]')).toMatch(/^「脆弱性」を含むシートのページ: \d+件.*。支出先のページは検索できませんでした。$/);
    } finally {
      await context.close();
    }
  });

  it('returns exactly the pages containing an 事業番号 as printed', async () => {
    expect(await check(await someProjectNumber())).toBeGreaterThan(0);
  });

  // Every result page of eight terms is opened (check pages to the end; a one-character term is on most of
  // the 3,267 pages): 10 results a page make twice the pages 20 did, over 5 minutes on a loaded machine.
  it('returns exactly the pages containing terms sampled from the pages', { timeout: 600_000 }, async () => {
    for (const term of sampledTerms(8)) expect(await check(term)).toBeGreaterThan(0);
  });

  it('returns exactly the same when the index is built in parts and merged into one', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'search-split-'));
    const dist = path.join(work, 'dist');
    let splitServer: StaticServer | undefined;
    try {
      await cp(site.dist, dist, { recursive: true });
      // With the entries, as the site's build gives them: its sheet pages state no search record (page-source.ts).
      const { manifest, builtParts } = await buildSearchIndex({ dist, partSize: 1000, contentDir: site.contentDir });
      expect(builtParts.length).toBe(Math.ceil(corpus.length / 1000));
      // Built in parts, merged into one index of the sheets' pages and one of the payee profiles, searched
      // after the sheets' first results (src/shared/search/manifest.ts), as for an index built whole.
      const profiles = corpus.filter((p) => p.url.startsWith(`${site.base}payees/`)).length;
      expect(profiles).toBeGreaterThan(0);
      expect(manifest.parts).toEqual([
        { path: '', pages: corpus.length - profiles },
        { path: 'payees/', pages: profiles, deferred: true },
      ]);
      splitServer = await serveDist(dist, { base: site.base });
      const { page, errors, close } = await openPage(browser, splitServer.url('search/'), { origin: splitServer.origin });
      try {
        for (const term of ['脆弱性', '国', '7010001008844', 'ICT-ISAC', '情報共有', '内閣人事局']) {
          await page.goto(splitServer.url(`search/${q(term)}`));
          const total = await waitForResults(page);
          expect(total, term).toBe(expected(term).length);
        }
        const all = await searchAll(page, q('脆弱性'), splitServer);
        expect([...all.urls].sort()).toEqual(expected('脆弱性'));
        const requested: string[] = [];
        page.on('request', (r) => requested.push(r.url()));
        await page.goto(splitServer.url(`search/${q('国', '&sort=budget-desc')}`));
        await waitForResults(page);
        expect(requested.filter((u) => /\/pagefind\/search-sorts\.json$/.test(u)).length).toBe(1);
        // One metadata file of each bundle.
        expect(requested.filter((u) => /\/pagefind\/pagefind\.[^/]*\.pf_meta$/.test(u)).length).toBe(1);
        expect(requested.filter((u) => /\/pagefind\/payees\/pagefind\.[^/]*\.pf_meta$/.test(u)).length).toBe(1);
        expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      await splitServer?.close();
      await rm(work, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('filters and order', () => {
  it('narrows by 府省庁 and 年度 exactly, from the form', async () => {
    const { page, errors, close } = await openPage(browser, server.url(`search/${q('事業')}`), { origin: server.origin });
    try {
      const all = await waitForResults(page);
      expect(all).toBe(expected('事業').length);
      // The ministry with the most hits other than all of them, so narrowing is visible.
      const counts = new Map<string, number>();
      for (const p of corpus) {
        const m = p.filters['府省庁']?.[0];
        if (m && p.text.includes('事業')) counts.set(m, (counts.get(m) ?? 0) + 1);
      }
      const [ministry] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
      await page.selectOption('select[name="ministry"]', ministry);
      await page.waitForURL((u) => u.searchParams.get('ministry') === ministry);
      const narrowed = await waitForResults(page);
      const want = expected('事業', (p) => p.filters['府省庁']?.includes(ministry) ?? false);
      expect(narrowed).toBe(want.length);
      expect(narrowed).toBeLessThan(all);

      const year = [...new Set(corpus.flatMap((p) => p.filters['年度'] ?? []))].sort()[0]!;
      await page.selectOption('select[name="ministry"]', '');
      await page.selectOption('select[name="year"]', year);
      await page.waitForURL((u) => u.searchParams.get('year') === year && !u.searchParams.has('ministry'));
      const byYear = await waitForResults(page);
      expect(byYear).toBe(expected('事業', (p) => p.filters['年度']?.includes(year) ?? false).length);
      expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('sorts by budget (raw 円), largest first', async () => {
    const { page, close } = await openPage(browser, server.url(`search/${q('事業', '&sort=budget-desc')}`), {
      origin: server.origin,
    });
    try {
      await waitForResults(page);
      const urls = await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
      const budgets = urls.map((u) => Number(corpus.find((c) => c.url === u)!.sort.budget ?? NaN));
      expect(budgets.length).toBeGreaterThan(5);
      const known = budgets.filter((b) => Number.isFinite(b));
      expect(known).toEqual([...known].sort((a, b) => b - a));
      const max = Math.max(...corpus.filter((c) => c.text.includes('事業')).map((c) => Number(c.sort.budget ?? -Infinity)));
      expect(budgets[0]).toBe(max);
    } finally {
      await close();
    }
  });
});

describe('state in the URL', () => {
  it('pushes each search, restores it on reload, back and forward', async () => {
    const { page, errors, close } = await openPage(browser, server.url('search/'), { origin: server.origin });
    try {
      const box = page.locator('input[name="q"]');
      await box.fill('情報');
      await box.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('q') === '情報');
      const first = await waitForResults(page);
      expect(first).toBe(expected('情報').length);
      expect(await page.textContent('[role="status"]')).toContain(`${first.toLocaleString('ja-JP')}件`);
      expect(first).toBeGreaterThan(PAGE_SIZE);

      await page.locator('[data-search-pager] a[rel="next"]').click();
      await page.waitForURL((u) => u.searchParams.get('page') === '2');
      await waitForResults(page, 2);
      const page2 = await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')));
      expect(await page.getAttribute('[data-search-results]', 'start')).toBe(String(PAGE_SIZE + 1));

      await page.selectOption('select[name="sort"]', 'rate-asc');
      await page.waitForURL((u) => u.searchParams.get('sort') === 'rate-asc' && !u.searchParams.has('page'));
      await waitForResults(page, 1);
      const sortedUrl = page.url();

      await page.reload();
      expect(page.url()).toBe(sortedUrl);
      expect(await waitForResults(page, 1)).toBe(first);
      expect(await box.inputValue()).toBe('情報');
      expect(await page.inputValue('select[name="sort"]')).toBe('rate-asc');

      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get('page') === '2' && !u.searchParams.has('sort'));
      await waitForResults(page, 2);
      expect(await page.inputValue('select[name="sort"]')).toBe('');
      expect(await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(page2);

      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get('q') === '情報' && !u.searchParams.has('page'));
      await waitForResults(page, 1);

      await page.goBack();
      await page.waitForURL((u) => u.search === '');
      await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') === '');
      expect(await box.inputValue()).toBe('');
      expect(await page.locator('[data-search-results] > li').count()).toBe(0);

      await page.goForward();
      await page.waitForURL((u) => u.searchParams.get('q') === '情報');
      expect(await waitForResults(page, 1)).toBe(first);
      expect(await box.inputValue()).toBe('情報');
      expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens a shared URL with its filters, order and page', async () => {
    // The year with the most sheets, so there is a second page.
    const perYear = new Map<string, number>();
    for (const p of corpus) for (const y of p.filters['年度'] ?? []) perYear.set(y, (perYear.get(y) ?? 0) + 1);
    const [year] = [...perYear.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const params = `${q('の')}&year=${year}&sort=year-desc&page=2`;
    const want = expected('の', (p) => p.filters['年度']?.includes(year) ?? false);
    expect(want.length).toBeGreaterThan(PAGE_SIZE);
    const { page, close } = await openPage(browser, server.url(`search/${params}`), { origin: server.origin });
    try {
      expect(await waitForResults(page, 2)).toBe(want.length);
      expect(await page.inputValue('input[name="q"]')).toBe('の');
      expect(await page.inputValue('select[name="year"]')).toBe(year);
      expect(await page.inputValue('select[name="sort"]')).toBe('year-desc');
      expect(await page.locator('[data-search-pager] a[aria-current="page"]').textContent()).toBe('2');
    } finally {
      await close();
    }
  });

  it('is a plain GET form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(server.url('search/'));
      await page.fill('input[name="q"]', '脆弱性');
      await page.selectOption('select[name="sort"]', 'budget-desc');
      await Promise.all([page.waitForURL(/\/search\/\?/), page.press('input[name="q"]', 'Enter')]);
      const url = new URL(page.url());
      expect(url.pathname).toBe(`${site.base}search/`);
      expect(url.searchParams.get('q')).toBe('脆弱性');
      expect(url.searchParams.get('sort')).toBe('budget-desc');
    } finally {
      await context.close();
    }
  });
});

describe('what the search page loads', () => {
  it('loads no chart code, and only the result fragments it shows', async () => {
    const { page, errors, close } = await openPage(browser, '', { origin: server.origin, noNavigate: true });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    try {
      await page.goto(server.url(`search/${q('国')}`));
      const total = await waitForResults(page);
      expect(total).toBeGreaterThan(PAGE_SIZE);
      expect(requested.filter((u) => /chart|sankey|cartesian/i.test(u))).toEqual([]);
      // The fragment groups of the results shown (scripts/search-index/pagefind-internals.ts, 11), each once.
      const shown = await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.getAttribute('href')!));
      const groups = requested.filter((u) => u.includes('/fragment/'));
      expect(shown).toHaveLength(PAGE_SIZE);
      expect(new Set(groups).size).toBe(groups.length);
      expect([...groups].sort()).toEqual([...new Set(shown.map((u) => groupFileOf().get(u)!))].sort());
      expect(groups.length).toBeLessThan(PAGE_SIZE);
      // Relevance order needs no sort table.
      expect(requested.filter((u) => u.endsWith('search-sorts.json'))).toEqual([]);
      expect(await page.locator('[data-search-results] > li').count()).toBe(PAGE_SIZE);
      expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("makes a result's excerpt from its sheet's record, for the results near the view only", async () => {
    const { page, errors, close } = await openPage(browser, '', { origin: server.origin, noNavigate: true, viewport: { width: 390, height: 800 } });
    const records: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.includes('/data/records/')) records.push(r.headers()['range'] ?? 'whole file');
    });
    try {
      await page.goto(server.url(`search/${q('国')}`));
      expect(await waitForResults(page)).toBeGreaterThan(PAGE_SIZE);
      await page.waitForFunction(() => document.querySelector('[data-search-results] .search-excerpt[data-excerpt]')?.getAttribute('data-excerpt') === 'ready', null, { timeout: 30_000 });
      const first = await page.$eval('[data-search-results] .search-excerpt[data-excerpt]', (p) => ({ text: p.textContent ?? '', marks: [...p.querySelectorAll('mark')].map((m) => m.textContent) }));
      expect(first.marks.length).toBeGreaterThan(0);
      for (const m of first.marks) expect(m).toBe('国');
      // Each from one Range request of its block, and not for the results far below a phone's screen.
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r).toMatch(/^bytes=\d+-\d+$/);
      const pending = await page.$$eval('[data-search-results] .search-excerpt[data-excerpt="pending"]', (ps) => ps.length);
      expect(pending).toBeGreaterThan(0);
      // Scrolled to the end, the last result's excerpt is made too.
      const last = page.locator('[data-search-results] .search-excerpt[data-excerpt]').last();
      expect(await last.getAttribute('data-excerpt')).toBe('pending');
      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.getAttribute('data-excerpt'), { timeout: 30_000 }).toBe('ready');
      expect(siteErrors(errors), JSON.stringify(errors, null, 2)).toEqual([]);
    } finally {
      await close();
    }
  });
});
