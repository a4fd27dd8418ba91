/**
 * A sheet chart's CSV, made in the browser (src/components/charts/ChartCsvButton.astro,
 * src/client/chart-csv-button.ts, src/client/chart-csv-download.ts), in Chromium on the project-path
 * build of the real samples:
 * - the button is hidden in the HTML and shown by the script; without JS it stays hidden;
 * - a click downloads `<id>-<chart>.csv` whose bytes equal chartCsv(...) computed here in Node from the
 *   same content entry (BOM, CRLF, raw numbers), for every chart of a text sheet and the budget and flow
 *   charts of an RS sheet; the sheet's JSON (a pointer) and its record's block of the bulk file (one
 *   Range request) are fetched once per page; a server that ignores Range (whole file) gives the same CSV,
 *   and a spoiled range makes the button fetch the whole file;
 * - the CSV code loads only on click, and what the click loads carries no zod and no Node module;
 * - a failed fetch or an unknown chart shows a message in the role="status" span; a retry then works;
 * - site-wide charts keep their links to CSV files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectProblems, closeServed, serveAndLaunch, openPage } from '../support/browser.ts';
import type { StaticServer } from '../support/server.ts';
import { builtSite, entryIds, sheetPagePath } from '../support/sites.ts';
import { fileOf, readPage, scanTags, withRootLinks } from '../support/site-text.ts';
import { sheetPointer } from '../support/published-records.ts';
import { loadSheet } from '../../src/lib/data/load-sheets.ts';
import { chartCsv } from '../../src/lib/view/chart-csv.ts';
import type { ChartData } from '../../src/lib/view/chart-spec.ts';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { ui } from '../../src/i18n/ja.ts';

const site = builtSite('base');
let server: StaticServer;
let browser: Browser;

/** The record as the build loaded it: the same loader and entry the page and its JSON came from. */
function entry(id: string): Sheet {
  const found = loadSheet(path.join(site.contentDir, 'sheets'), id);
  if (!found) throw new Error(`no entry ${id} in ${site.contentDir}`);
  return found;
}

function chartOf(sheet: Sheet, chartId: string): ChartData {
  const c = listSheetCharts(sheet).find((x) => x.id === chartId);
  if (!c) throw new Error(`${sheet.id} has no chart ${chartId}`);
  return c;
}

const button = (page: Page, chartId: string) => page.locator(`p[data-chart-csv="${chartId}"] button`);
const status = (page: Page, chartId: string) => page.locator(`p[data-chart-csv="${chartId}"] [role="status"]`);

/** Clicks a chart's button; the download's suggested name and bytes. */
async function download(page: Page, chartId: string): Promise<{ name: string; bytes: Buffer }> {
  const btn = button(page, chartId);
  await btn.scrollIntoViewIfNeeded();
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), btn.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** The built file behind a URL the page requested under /_astro/. */
function astroFile(url: string): string {
  const rel = new URL(url).pathname.slice(site.base.length);
  return path.join(site.dist, ...rel.split('/'));
}

beforeAll(async () => {
  ({ server, browser } = await serveAndLaunch(site));
});

afterAll(() => closeServed({ server, browser }));

const ids = entryIds(site);
const textSheet = entry(ids.find((id) => entry(id).source.file === 'text/000_ef263abaeb28aada.txt')!);
// The RS record with the most blocks: a real Sankey beside its budget chart.
const rsSheet = ids
  .map(entry)
  .filter((r) => r.source.form === 'rs-csv' && r.budgets.length > 0)
  .sort((a, b) => b.blocks.length - a.blocks.length)[0]!;

describe('text sheet 000', () => {
  const pagePath = sheetPagePath(site, textSheet.id);
  const charts = listSheetCharts(textSheet);

  it('shows the buttons; a click saves <id>-<chart>.csv equal to chartCsv, for every chart', async () => {
    expect(charts.map((c) => c.id)).toEqual(['budget', 'activity-1', 'outcome-1', 'flow', 'payees']);
    const requested: string[] = [];
    const ranges = new Map<string, string | undefined>();
    const { page, errors, close } = await openPage(browser, server.url(pagePath), { origin: server.origin });
    page.on('request', (r) => {
      requested.push(r.url());
      ranges.set(r.url(), r.headers().range);
    });
    try {
      for (const c of charts) {
        await button(page, c.id).waitFor({ state: 'visible', timeout: 10_000 });
        expect(await button(page, c.id).innerText()).toBe(`${ui.chart.download}（${c.title}）`);
        expect(await status(page, c.id).textContent()).toBe('');
      }
      // Scrolling through the charts draws them, but fetches neither the CSV code nor the JSON.
      for (const c of charts) await button(page, c.id).scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      expect(requested.filter((u) => /chart-csv-download|\/data\/sheets\//.test(u))).toEqual([]);

      const before = requested.length;
      for (const c of charts) {
        const got = await download(page, c.id);
        expect(got.name).toBe(`${textSheet.id}-${c.id}.csv`);
        expect([...got.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(got.bytes.equals(Buffer.from(chartCsv(c), 'utf8')), `${c.id}: bytes differ from chartCsv`).toBe(true);
      }
      // Spot-check against the sheet itself, not only against the same function: 2021 budget row, raw 円 and %.
      const budget = (await download(page, 'budget')).bytes.toString('utf8').split('\r\n');
      expect(budget[0]).toBe('\uFEFF年度,予算額（計）（円）,執行額（円）,執行率（%）');
      expect(budget).toContain('2021（令和3）年度,359000000,325000000,91');
      expect(budget).toContain('2022（令和4）年度,0,,');

      // One fetch of the pointer and one of the record's block for all the charts; the code the clicks loaded is free of zod and Node.
      const after = requested.slice(before);
      expect(after.filter((u) => u.includes('/data/sheets/'))).toEqual([server.url(`data/sheets/${textSheet.id}.json`)]);
      expect(after.filter((u) => u.includes('/data/records/'))).toEqual([server.url('data/records/2022-soumu.jsonl.gz')]);
      const range = ranges.get(server.url('data/records/2022-soumu.jsonl.gz'));
      const { offset, length } = sheetPointer(site.dist, textSheet.id).record;
      expect(range).toBe(`bytes=${offset}-${offset + length - 1}`);
      const scripts = after.filter((u) => new URL(u).pathname.startsWith(`${site.base}_astro/`) && u.endsWith('.js'));
      expect(scripts.some((u) => /chart-csv-download/.test(u)), scripts.join('\n')).toBe(true);
      let bytes = 0;
      for (const u of scripts) {
        const code = readFileSync(astroFile(u), 'utf8');
        bytes += code.length;
        expect(code, u).not.toMatch(/\$?Zod[A-Z]\w*|\bzod\b/);
        expect(code, u).not.toMatch(/["'](?:node:)?(?:fs|path|worker_threads|url)["']/);
      }
      // The charts code alone (≈ 20 kB); zod would add ≈ 60 kB or more.
      expect(bytes).toBeLessThan(50_000);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('without JS the page keeps its summary and its JSON link, and says where the whole sheet is (no CSV button)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectProblems(page, server.origin);
      await page.goto(server.url(pagePath));
      // The body, with its tables, charts and CSV buttons, is put in by the page's script (src/client/page-body.ts).
      expect(await page.locator('p[data-chart-csv]').count()).toBe(0);
      expect(await page.locator('#summary-heading').isVisible()).toBe(true);
      expect((await page.locator('[data-page-body] [role="status"]').textContent())?.trim()).toBe(ui.pageBody.loading);
      expect(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(server.url(`data/sheets/${textSheet.id}.json`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a failed fetch shows the message next to the button; the next click downloads', async () => {
    const jsonUrl = server.url(`data/sheets/${textSheet.id}.json`);
    const { page, context, errors, close } = await openPage(browser, server.url(pagePath), { origin: server.origin });
    try {
      await context.route(jsonUrl, (route) => route.fulfill({ status: 503, body: 'down' }));
      // What the page asked and said, named if the message does not come.
      const seen: string[] = [];
      page.on('request', (r) => seen.push(`request ${r.url()}`));
      page.on('response', (r) => seen.push(`response ${r.status()} ${r.url()}`));
      page.on('console', (m) => seen.push(`console ${m.type()} ${m.text()}`));
      page.on('download', (d) => seen.push(`download ${d.suggestedFilename()}`));
      await button(page, 'outcome-1').waitFor({ state: 'visible' });
      // Clicked once its chart above it is drawn: a canvas appearing between Playwright's checks and its
      // click moves the button down, and the click lands on what was above it.
      await button(page, 'outcome-1').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => document.querySelector('#chart-outcome-1')?.getAttribute('data-chart-state') !== 'pending',
        null,
        { timeout: 30_000 },
      );
      await button(page, 'outcome-1').click();
      // The first click loads the CSV code and then fails: on a loaded CI machine (two Chromium suites at
      // once) that has taken over 10 s, so the wait is long; the message itself is exact.
      await expect
        .poll(() => status(page, 'outcome-1').textContent(), { timeout: 30_000 })
        .toBe(ui.chart.downloadFailed)
        .catch((err: unknown) => {
          throw new Error(`${String(err)}\n${seen.join('\n')}`);
        });
      expect(await status(page, 'budget').textContent()).toBe('');
      // The only problems the page reports are the failed JSON request itself (HTTP status, console note).
      expect(errors.map((e) => e.kind)).toContain('http');
      for (const e of errors) expect(e.text).toContain(jsonUrl);

      await context.unroute(jsonUrl);
      const got = await download(page, 'outcome-1');
      expect(got.name).toBe(`${textSheet.id}-outcome-1.csv`);
      expect(got.bytes.equals(Buffer.from(chartCsv(chartOf(textSheet, 'outcome-1')), 'utf8'))).toBe(true);
      expect(await status(page, 'outcome-1').textContent()).toBe('');
    } finally {
      await close();
    }
  });

  it('a chart id the sheet does not have shows the message, and nothing downloads', async () => {
    const pageUrl = server.url(pagePath);
    const { page, context, close } = await openPage(browser, pageUrl, { origin: server.origin, noNavigate: true });
    try {
      // The page's body as served (in a file with other pages' bodies), with the payees buttons pointing at a chart the JSON cannot produce (a name
      // of the same length: the body file states each body's length). Sent decompressed, as a server that
      // marks a .gz file Content-Encoding: gzip has it reach the page.
      await context.route('**/page-bodies/*.html.gz', async (route) => {
        const res = await route.fetch();
        const text = gunzipSync(await res.body()).toString('utf8');
        expect(text).toContain('data-chart-csv="payees"');
        await route.fulfill({ response: res, body: text.replaceAll('data-chart-csv="payees"', 'data-chart-csv="zzzzzz"') });
      });
      await page.goto(pageUrl);
      let downloads = 0;
      page.on('download', () => downloads++);
      await button(page, 'zzzzzz').waitFor({ state: 'visible' });
      await button(page, 'zzzzzz').click();
      await expect.poll(() => status(page, 'zzzzzz').textContent(), { timeout: 10_000 }).toBe(ui.chart.downloadFailed);
      expect(downloads).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('RS sheet', () => {
  it('budget and flow charts download as chartCsv of the same entry', async () => {
    const charts = listSheetCharts(rsSheet).map((c) => c.id);
    expect(charts).toEqual(expect.arrayContaining(['budget', 'flow']));
    const { page, errors, close } = await openPage(browser, server.url(sheetPagePath(site, rsSheet.id)), { origin: server.origin });
    try {
      for (const id of ['budget', 'flow']) {
        await button(page, id).waitFor({ state: 'visible', timeout: 10_000 });
        const got = await download(page, id);
        expect(got.name).toBe(`${rsSheet.id}-${id}.csv`);
        expect(got.bytes.equals(Buffer.from(chartCsv(chartOf(rsSheet, id)), 'utf8')), id).toBe(true);
      }
      // The budget rows are the sheet's years in 円, as the server would have written them.
      const rows = (await download(page, 'budget')).bytes.toString('utf8').split('\r\n').slice(1, -1);
      expect(rows.length).toBe(chartOf(rsSheet, 'budget').table.rows.length);
      expect(rows.every((r) => /^\d{4}（/.test(r))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a server that ignores Range', () => {
  it('sends the whole bulk file (200): the block is cut from it at its offset, the CSV is the same', async () => {
    // An RS sheet whose block is not the first of its file, so the cut is tested.
    const sheet = ids.map(entry).find((r) => r.source.form === 'rs-csv' && sheetPointer(site.dist, r.id).record.offset > 0)!;
    const pointer = sheetPointer(site.dist, sheet.id);
    const fileUrl = new URL(pointer.record.file, server.url(`data/sheets/${sheet.id}.json`)).href;
    const whole = readFileSync(path.join(site.dist, ...new URL(fileUrl).pathname.slice(site.base.length).split('/')));
    expect(whole.length).toBeGreaterThan(pointer.record.offset + pointer.record.length - 1);
    const { page, context, errors, close } = await openPage(browser, server.url(sheetPagePath(site, sheet.id)), { origin: server.origin });
    try {
      let served = 0;
      await context.route(fileUrl, async (route) => {
        served += 1;
        await route.fulfill({ status: 200, contentType: 'application/gzip', body: whole });
      });
      await button(page, 'budget').waitFor({ state: 'visible', timeout: 10_000 });
      const got = await download(page, 'budget');
      expect(served).toBe(1);
      expect(got.name).toBe(`${sheet.id}-budget.csv`);
      expect(got.bytes.equals(Buffer.from(chartCsv(chartOf(sheet, 'budget')), 'utf8'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a spoiled range', () => {
  it('(other bytes than the block) makes the button fetch the whole file and cut the block from it', async () => {
    const sheet = ids.map(entry).find((r) => r.source.form === 'rs-csv' && sheetPointer(site.dist, r.id).record.offset > 0)!;
    const pointer = sheetPointer(site.dist, sheet.id);
    const fileUrl = new URL(pointer.record.file, server.url(`data/sheets/${sheet.id}.json`)).href;
    const whole = readFileSync(path.join(site.dist, ...new URL(fileUrl).pathname.slice(site.base.length).split('/')));
    const { page, context, errors, close } = await openPage(browser, server.url(sheetPagePath(site, sheet.id)), { origin: server.origin });
    try {
      const asked: (string | undefined)[] = [];
      await context.route(fileUrl, async (route) => {
        const range = route.request().headers().range;
        asked.push(range);
        // As a CDN that slices the wrong bytes: the right length, from the start of the file, not the block.
        if (range) await route.fulfill({ status: 206, contentType: 'application/gzip', body: whole.subarray(0, pointer.record.length) });
        else await route.fulfill({ status: 200, contentType: 'application/gzip', body: whole });
      });
      await button(page, 'budget').waitFor({ state: 'visible', timeout: 10_000 });
      const got = await download(page, 'budget');
      expect(asked).toEqual([`bytes=${pointer.record.offset}-${pointer.record.offset + pointer.record.length - 1}`, undefined]);
      expect(got.bytes.equals(Buffer.from(chartCsv(chartOf(sheet, 'budget')), 'utf8'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('site-wide charts', () => {
  it('keep their links to CSV files that exist (home and years pages)', () => {
    for (const p of ['', 'years/']) {
      const links = scanTags(withRootLinks(readPage(fileOf(site.dist, p)), `${site.base}${p}`)).filter(
        (t) => t.name === 'a' && 'download' in t.attrs && t.attrs.href?.endsWith('.csv'),
      );
      expect(links.length, p).toBeGreaterThan(0);
      for (const a of links) {
        expect(a.attrs.href!.startsWith(`${site.base}data/`)).toBe(true);
        expect(a.attrs.href).not.toContain('/data/sheets/');
        expect(existsSync(path.join(site.dist, ...a.attrs.href!.slice(site.base.length).split('/'))), a.attrs.href).toBe(true);
      }
    }
    // Pages without sheet charts do not load the button's script.
    const home = readFileSync(fileOf(site.dist, ''), 'utf8');
    expect(home).not.toContain('data-chart-csv');
    expect(home).not.toContain('ChartCsvButton');
  });
});
