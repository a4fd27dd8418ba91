/**
 * Reading the site at a glance (issue 20), on the `root` build of the real samples — built WITHOUT SITE:
 * - the Sankey's labels, at 390 px and 1280 px, on a sheet page of each source form (text, RS): drawn, not
 *   intersecting one another, inside the canvas; no horizontal scroll;
 * - no figure with four or more decimals in the text of any page; every rate shown to one decimal,
 *   rounded half up from its stated value;
 * - no absolute URL and no placeholder host in any file of a build without SITE;
 * - a search with an order and no words lists every sheet in that order, with a message;
 * - a chart with one point is a sentence and its table; a summary says when a year's execution is not
 *   yet known and never shows it as 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeServed, openPage, serveAndLaunch } from '../support/browser.ts';
import type { StaticServer } from '../support/server.ts';
import { builtSite, entryIds, sheetPagePath, TEST_SITE_ORIGIN } from '../support/sites.ts';
import { fileOf, listFiles, pageText, readPage, readZipped } from '../support/site-text.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { sheet as sheetSchema, type Sheet } from '../../src/schema/sheet.ts';
import { budgetChart } from '../../src/lib/view/chart-budget.ts';
import { chartPoints } from '../../src/lib/view/chart-points.ts';

const site = builtSite('root');
let server: StaticServer;
let browser: Browser;

function record(id: string): Sheet {
  const file = path.join(site.contentDir, 'sheets', `${id}.md`);
  return sheetSchema.parse(parseEntry(readFileSync(file, 'utf8'), file).data);
}
const records = () => entryIds(site).map(record);
const pagePath = (id: string) => sheetPagePath(site, id);

beforeAll(async () => {
  ({ server, browser } = await serveAndLaunch(site));
});
afterAll(() => closeServed({ server, browser }));

interface Box {
  key: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const intersect = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function sankeyLabels(page: Page): Promise<{ boxes: Box[]; hidden: number; width: number; height: number }> {
  const fig = page.locator('#chart-flow');
  await fig.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#chart-flow canvas')?.dataset.labelBoxes !== undefined, null, {
    timeout: 20_000,
  });
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#chart-flow canvas')!;
    return { boxes: JSON.parse(c.dataset.labelBoxes!) as Box[], hidden: Number(c.dataset.labelsHidden), width: c.clientWidth, height: c.clientHeight };
  });
}

describe.each([390, 1280])('sheet pages at %i px', (width) => {
  const sheets = {
    text: '2022-soumu-t7ba6565b', // text sample 000 サイバーセキュリティ情報共有推進事業
    rs: '2024-meti-rs7259', // RS 電気・ガス価格激変緩和対策等事業: 11 blocks in 4 columns
  };
  it.each(Object.entries(sheets))('%s sheet: Sankey labels drawn, none overlapping, inside the canvas; no sideways scroll', async (_form, id) => {
    const { page, errors, close } = await openPage(browser, server.url(pagePath(id)), {
      origin: server.origin,
      viewport: { width, height: 900 },
    });
    try {
      const { boxes, width: w, height: h } = await sankeyLabels(page);
      const nodes = record(id).blocks.length;
      // Most nodes keep a label (the rest are named in the table under the chart).
      expect(boxes.length).toBeGreaterThanOrEqual(Math.min(nodes, 5));
      for (const b of boxes) {
        expect(b.x, b.text).toBeGreaterThanOrEqual(0);
        expect(b.y, b.text).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, b.text).toBeLessThanOrEqual(w + 0.5);
        expect(b.y + b.height, b.text).toBeLessThanOrEqual(h + 0.5);
      }
      const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => intersect(a, b)).map((b) => `${a.text} × ${b.text}`));
      expect(overlaps).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // A 法人番号 stays on one line.
      const corp = page.locator('td.corp-no').first();
      if ((await corp.count()) > 0 && /\d{13}/.test((await corp.textContent()) ?? '')) {
        expect(await corp.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** `value` (a fraction as a decimal string) as a percentage rounded half up to one decimal, on the digits. */
function halfUpPercent(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new Error(`not a plain decimal: ${value}`);
  const [, sign, int, frac = ''] = m;
  // ×100 then keep one decimal: the digits up to the third fractional digit, rounded on the fourth.
  const digits = BigInt(int! + frac.padEnd(4, '0').slice(0, 3));
  const rounded = digits + (Number(frac.padEnd(4, '0')[3]) >= 5 ? 1n : 0n);
  const s = rounded.toString().padStart(2, '0');
  const pct = `${s.slice(0, -1)}.${s.slice(-1)}`.replace(/\.0$/, '');
  return `${sign && rounded !== 0n ? '-' : ''}${pct}%`;
}

describe('figures in every page of the built site', () => {
  const htmlFiles = () => listFiles(site.dist, '.html');

  it('no figure shows four or more decimals', () => {
    const found: string[] = [];
    for (const file of htmlFiles()) {
      // A value quoted as the source writes it (「786996.4444422」 in a warning about it) is the source's, not a figure.
      const text = pageText(readPage(file)).replace(/「[^」]*」/g, '「」');
      for (const m of text.matchAll(/\d\.\d{4,}/g)) found.push(`${path.relative(site.dist, file)}: …${text.slice(Math.max(0, m.index - 30), m.index + 12)}…`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('every rate is shown to one decimal, rounded half up from the stated value', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const file of htmlFiles()) {
      // A rate is a fraction shown as a percentage; a quantity whose unit is % shows its own number (80 → 80%).
      for (const m of readPage(file).matchAll(/<data value="([^"]+)">([^<]*%)<\/data>/g)) {
        const value = m[1]!;
        if (m[2]!.replace(/,/g, '') === `${value}%`) continue;
        // String(number) writes tiny fractions in exponent form (1e-7); none of these sheets states one.
        if (/e/i.test(value)) continue;
        checked += 1;
        if (m[2]!.replace(/,/g, '') !== halfUpPercent(value)) wrong.push(`${path.relative(site.dist, file)}: ${value} shown as ${m[2]}, expected ${halfUpPercent(value)}`);
      }
    }
    expect(halfUpPercent('0.33608')).toBe('33.6%');
    expect(halfUpPercent('0.99995')).toBe('100%');
    expect(halfUpPercent('0.81838')).toBe('81.8%');
    expect(halfUpPercent('0.00125')).toBe('0.1%');
    expect(checked).toBeGreaterThan(1000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

describe('a build without SITE', () => {
  it('has no absolute URL of its own and no placeholder host in any file', () => {
    const hosts = /example\.github\.io|https?:\/\/localhost|review-sheets\.example|example\.com/;
    const offenders: string[] = [];
    let files = 0;
    for (const file of listFiles(site.dist, '.html', '.json', '.csv', '.zip', '.xml', '.txt', '.js', '.webmanifest')) {
      if (file.includes(`${path.sep}pagefind${path.sep}`)) continue;
      files += 1;
      // The zipped lists (sheets.csv.zip …) by the file they hold.
      const text = file.endsWith('.zip') ? readZipped(file) : readPage(file);
      if (hosts.test(text)) offenders.push(path.relative(site.dist, file));
      if (file.endsWith('.html') && /rel="canonical"|property="og:url"/.test(text)) offenders.push(`${path.relative(site.dist, file)} (canonical/og:url)`);
    }
    expect(files).toBeGreaterThan(entryIds(site).length);
    expect(offenders.slice(0, 20)).toEqual([]);
    expect(TEST_SITE_ORIGIN).toMatch(/example/);
    // The open data lists page paths instead.
    const csv = readZipped(path.join(site.dist, 'data', 'sheets.csv.zip'));
    expect(csv).toContain(',/sheets/2022-soumu-t7ba6565b/');
  });
});

describe('search without words', () => {
  it('an order alone lists every sheet in that order, and says so', async () => {
    const all = records();
    const { page, errors, close } = await openPage(browser, server.url('search/?sort=budget-desc'), { origin: server.origin });
    try {
      await page.waitForSelector('[data-search-status][data-total]', { timeout: 60_000 });
      expect(Number(await page.getAttribute('[data-search-status]', 'data-total'))).toBe(all.length);
      expect(await page.textContent('[data-search-status]')).toContain(`すべてのシート: ${all.length}件・予算額の大きい順`);
      const titles = await page.$$eval('[data-search-results] > li h3 a', (as) => as.map((a) => a.textContent));
      // The three largest 計 of the samples' latest settled years, as RS table 2-1 states them for 2023:
      // 28,372,593,089,000 円, 3,276,285,000,000 円 and 2,690,285,000,000 円.
      expect(titles.slice(0, 3)).toEqual(['基礎年金給付に必要な経費', '電気・ガス価格激変緩和対策等事業', '物価高騰対応重点支援地方創生臨時交付金']);
      // The largest: 厚生労働省「基礎年金給付に必要な経費」, its settled year (2023) and 2024 not yet known.
      expect(titles[0]).toBe('基礎年金給付に必要な経費');
      // Its summary is made from its record as it comes into view (src/client/search/record-text.ts).
      await page.waitForSelector('[data-search-results] > li:first-child .search-excerpt[data-excerpt="ready"]', { timeout: 30_000 });
      const first = await page.locator('[data-search-results] > li').first().textContent();
      expect(first).toContain('予算 28.4兆円（2023（令和5）年度）');
      expect(first).toContain('2024（令和6）年度の予算30兆円（執行額はまだ公表されていません）');
      expect(first).not.toContain('執行額0');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('charts and summaries', () => {
  it('a chart with one point is a sentence and its table, not a canvas', () => {
    const one = records().find((s) => chartPoints(budgetChart(s)?.canvas ?? null) === 1);
    expect(one).toBeDefined();
    const html = readPage(fileOf(site.dist, pagePath(one!.id)));
    const fig = /<figure class="chart" id="chart-budget"[^>]*>([\s\S]*?)<\/figure>/.exec(html)![0];
    expect(fig).not.toContain('<canvas');
    expect(fig).not.toContain('data-chart=');
    expect(pageText(fig)).toContain('値が1つだけのため、グラフにせず表で示します。');
  });

  it('no summary says 執行額 0 for a year whose execution is not reported yet', () => {
    let pending = 0;
    for (const s of records()) {
      const html = readPage(fileOf(site.dist, pagePath(s.id)));
      // The summary's figures, and its sentence: the page's description (and a search result's summary).
      const description = /<meta name="description" content="([^"]*)">/.exec(html)![1]!;
      const summary = pageText(/<section class="summary"[\s\S]*?<\/section>/.exec(html)![0]) + decodeHTML(description);
      expect(summary, s.id).not.toMatch(/執行額0(百万円|円)/);
      if (summary.includes('執行額はまだ公表されていません')) pending += 1;
    }
    // Most RS sheets have a 2024 column with a budget and no execution yet.
    expect(pending).toBeGreaterThan(150);
  });
});
