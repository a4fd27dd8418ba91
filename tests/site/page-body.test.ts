/**
 * A page's body, published apart (src/lib/markup/page-body.ts), in the browser: a sheet page fetches its
 * body file once and puts its body in (src/client/page-body.ts), the page's scripts then work on it
 * (folded and stacked tables, charts, CSV buttons), a link to a section inside the body lands there, and a
 * body that cannot be fetched says so, naming the page's JSON; a payee profile's lines come the same way,
 * on each of its pages. Served under a base path (the `base` site), as GitHub Pages serves a project site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServed, openPage, serveAndLaunch, type ServedSite } from '../support/browser.ts';
import { builtSite, entryIds, sheetPagePath } from '../support/sites.ts';
import { fileOf, readPage } from '../support/site-text.ts';
import { ui } from '../../src/i18n/ja.ts';
import { BODY_END, BODY_OPEN } from '../../src/lib/markup/page-body.ts';
import { PAYEE_PAGE_SIZE } from '../../src/lib/history/payees.ts';

const site = builtSite('base');
let served: ServedSite;
beforeAll(async () => {
  served = await serveAndLaunch(site);
});
afterAll(() => closeServed(served));

/** A JUDGIT sheet with charts and a long payee table: 2019-mlit-0199 (910 payees). */
const ID = '2019-mlit-0199';

describe('a sheet page and its body', () => {
  it('fetches its body file once and shows every section the built page holds, with its scripts run on them', async () => {
    expect(entryIds(site)).toContain(ID);
    const { page, errors, close } = await openPage(served.browser, served.server.url(''), { origin: served.server.origin });
    try {
      const bodyRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/page-bodies/')) bodyRequests.push(r.url());
      });
      // The home page draws its chart once open (chart.js and its renderer fetched then): leaving it before
      // they arrive would cut those requests short, which is neither page's error.
      await page.waitForLoadState('networkidle');
      await page.goto(served.server.url(sheetPagePath(site, ID)));
      await page.waitForFunction(() => document.querySelector('[data-page-body]')?.getAttribute('data-state') === 'loaded');
      expect(bodyRequests).toHaveLength(1);
      expect(bodyRequests[0]).toMatch(new RegExp(`^${served.server.origin}${site.base}page-bodies/[a-z0-9-]+\\.html\\.gz$`));
      // Every section of the page as built, in its order.
      const built = [...readPage(fileOf(site.dist, sheetPagePath(site, ID))).matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
      expect(built.length).toBeGreaterThan(10);
      expect(await page.locator('[data-page-body] > section[id]').evaluateAll((els) => els.map((e) => e.id))).toEqual(built);
      // The page's scripts worked on the body: the long payee table folded, charts pending, CSV buttons shown.
      expect(await page.locator('#payees table.is-folded').count()).toBeGreaterThan(0);
      expect(await page.locator('figure[data-chart][data-chart-state]').count()).toBeGreaterThan(0);
      expect(await page.locator('p[data-chart-csv] button:visible').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-page-body] [role="status"].page-body-status').count()).toBe(0);
      // The home page's icon request may be cut short by the navigation to the sheet page: not an error of either.
      expect(errors.filter((e) => !(e.kind === 'requestfailed' && /\/favicon\.svg: net::ERR_ABORTED$/.test(e.text)))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a link to a section inside the body lands on it once the body is in', async () => {
    const { page, errors, close } = await openPage(served.browser, served.server.url(`${sheetPagePath(site, ID)}#payees`), { origin: served.server.origin, viewport: { width: 390, height: 800 } });
    try {
      const top = await page.locator('#payees').evaluate((el) => el.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(100);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a body file that cannot be fetched leaves the summary and says where the whole sheet is', async () => {
    const url = served.server.url(sheetPagePath(site, ID));
    const { page, context, close } = await openPage(served.browser, url, { noNavigate: true });
    try {
      await context.route('**/page-bodies/*', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('[data-page-body]')?.getAttribute('data-state') === 'failed');
      expect((await page.locator('[data-page-body] [role="status"]').textContent())?.trim()).toBe(ui.pageBody.failed);
      expect(await page.locator('#summary-heading').isVisible()).toBe(true);
      expect(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(served.server.url(`data/sheets/${ID}.json`));
    } finally {
      await close();
    }
  });
});

describe('a payee profile and its lines', () => {
  it('puts its lines in on each of its pages, as the built page holds them', async () => {
    // The payee with the most pages of lines.
    const payees = readdirSync(path.join(site.dist, 'payees'));
    const pagesOf = (n: string) => readdirSync(path.join(site.dist, 'payees', n)).filter((f) => /^\d+$/.test(f)).length + 1;
    const number = payees.reduce((a, b) => (pagesOf(b) > pagesOf(a) ? b : a));
    expect(pagesOf(number)).toBeGreaterThan(1);
    for (const p of [`payees/${number}/`, `payees/${number}/2/`]) {
      const { page, errors, close } = await openPage(served.browser, served.server.url(p), { origin: served.server.origin });
      try {
        expect(await page.locator('[data-page-body]').getAttribute('data-state'), p).toBe('loaded');
        // Every row of the body as built; the body is the totals by year (first page) and the list of lines,
        // PAYEE_PAGE_SIZE on a page but the last.
        const html = readPage(fileOf(site.dist, p));
        const body = html.slice(html.indexOf(BODY_OPEN), html.indexOf(BODY_END));
        expect(await page.locator('[data-page-body] tr').count(), p).toBe(body.match(/<tr[ >]/g)!.length);
        const lines = await page.locator('[data-page-body] section[aria-labelledby="payee-lines"] tbody tr').count();
        expect(await page.locator('[data-page-body] #payee-years').count(), p).toBe(p.endsWith('/2/') ? 0 : 1);
        if (p.endsWith('/2/')) expect(lines, p).toBeGreaterThan(0);
        else expect(lines, p).toBe(PAYEE_PAGE_SIZE);
        // Without its body the page still names the payee, its 法人番号 and how many lines it has.
        const shell = readFileSync(fileOf(site.dist, p), 'utf8');
        expect(shell).not.toContain('id="payee-years"');
        expect(shell).toMatch(/支出先として\d+件の記載/);
        expect(await page.locator('[data-page-body] nav a[href*="/payees/"]').count(), p).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
