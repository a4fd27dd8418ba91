/**
 * A sheet page's body, published apart (src/lib/markup/sheet-body.ts), in the browser: the page fetches
 * its body file once and puts its body in (src/client/sheet-body.ts), the page's scripts then work on it
 * (folded and stacked tables, charts, CSV buttons), a link to a section inside the body lands there, and a
 * body that cannot be fetched says so, naming the page's JSON. Served under a base path (the `base` site),
 * as GitHub Pages serves a project site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServed, openPage, serveAndLaunch, type ServedSite } from '../support/browser.ts';
import { builtSite, entryIds, sheetPagePath } from '../support/sites.ts';
import { fileOf, readPage } from '../support/site-text.ts';
import { ui } from '../../src/i18n/ja.ts';

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
        if (r.url().includes('/sheet-bodies/')) bodyRequests.push(r.url());
      });
      await page.goto(served.server.url(sheetPagePath(site, ID)));
      await page.waitForFunction(() => document.querySelector('[data-sheet-body]')?.getAttribute('data-state') === 'loaded');
      expect(bodyRequests).toHaveLength(1);
      expect(bodyRequests[0]).toMatch(new RegExp(`^${served.server.origin}${site.base}sheet-bodies/[a-z0-9-]+\\.html\\.gz$`));
      // Every section of the page as built, in its order.
      const built = [...readPage(fileOf(site.dist, sheetPagePath(site, ID))).matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
      expect(built.length).toBeGreaterThan(10);
      expect(await page.locator('[data-sheet-body] > section[id]').evaluateAll((els) => els.map((e) => e.id))).toEqual(built);
      // The page's scripts worked on the body: the long payee table folded, charts pending, CSV buttons shown.
      expect(await page.locator('#payees table.is-folded').count()).toBeGreaterThan(0);
      expect(await page.locator('figure[data-chart][data-chart-state]').count()).toBeGreaterThan(0);
      expect(await page.locator('p[data-chart-csv] button:visible').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-sheet-body] [role="status"].sheet-body-status').count()).toBe(0);
      expect(errors).toEqual([]);
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
      await context.route('**/sheet-bodies/*', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('[data-sheet-body]')?.getAttribute('data-state') === 'failed');
      expect((await page.locator('[data-sheet-body] [role="status"]').textContent())?.trim()).toBe(ui.sheetBody.failed);
      expect(await page.locator('#summary-heading').isVisible()).toBe(true);
      expect(await page.locator(`a[href="${site.base}data/sheets/${ID}.json"]`).count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});
