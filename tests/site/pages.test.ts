/**
 * The published pages, in Chromium, on the project-path build of the real sample sheets
 * (BASE=/review-sheet-site/, built once by tests/support/build-sites.ts):
 * - a text sheet page opens with its summary, shows every section with units, eras and "—" for blanks,
 *   and draws each chart only when it scrolls into view (canvas gets non-blank pixels);
 * - an RS sheet page draws its budget chart and Sankey, and says which parts the download lacks;
 * - search attributes: one data-pagefind-body per sheet page with every filter and sort key, none elsewhere;
 * - open data: every sheet's JSON is its record as validated and the only per-sheet file (chart CSVs are
 *   made in the browser: tests/site/chart-csv.test.ts); sheets.json / sheets.csv / schema parse;
 * - home and list pages: search form, totals, lists sorted by budget with working sort buttons;
 *   pages without charts carry no JavaScript.
 * Plus a build of the hand-typed fixture records (tests/fixtures/site/) for what the samples lack: a past
 * sheet that exists on the site (linked) and hostile text inside chart data.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeServed, serveAndLaunch, openPage } from '../support/browser.ts';
import { serveDist, type StaticServer } from '../support/server.ts';
import { builtSite, entryIds, sheetPagePath, PROJECT_ROOT, SITES_ROOT } from '../support/sites.ts';
import { fileOf, listFiles, pageText, readPage, readZipped, rowWith, scanTags, withRootLinks } from '../support/site-text.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { sheet as sheetSchema, type Sheet } from '../../src/schema/sheet.ts';
import { searchRecord, type SearchRecord } from '../../src/lib/view/search-attributes.ts';
import { bundleFragments } from '../support/fragments.ts';
import { PROFILES_PATH } from '../../src/shared/search/manifest.ts';
import { parseRecordMeta, RECORD_META } from '../../src/shared/search/record-place.ts';
import { loadSheet } from '../../src/lib/data/load-sheets.ts';
import type { SheetPointer } from '../../src/lib/data/sheet-data-files.ts';
import { publishedRecord } from '../support/published-records.ts';
import { chartCsv } from '../../src/lib/view/chart-csv.ts';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { LIST_PAGE_SIZE } from '../../src/lib/view/list-pages.ts';
import { writeFixtureEntries } from '../fixtures/site/write-entries.ts';
import { cyber, edgeCases, judgitChiiki, siteFixtureRecords } from '../fixtures/site/records.ts';

/** The RS fixture project (tests/fixtures/rs/goals-payees) that writeFixtureEntries adds. */
const RS_FIXTURE_ID = '2024-cas-rs900001';

const site = builtSite('base');
let server: StaticServer;
let browser: Browser;

function record(id: string): Sheet {
  const file = path.join(site.contentDir, 'sheets', `${id}.md`);
  return sheetSchema.parse(parseEntry(readFileSync(file, 'utf8'), file).data);
}

function findEntry(pred: (s: Sheet) => boolean): Sheet {
  for (const id of entryIds(site)) {
    const s = record(id);
    if (pred(s)) return s;
  }
  throw new Error('no matching entry');
}

/** A built page as a browser has it (its body put back), its links written from the site's root. */
const html = (sitePath: string) => withRootLinks(readPage(fileOf(site.dist, sitePath)), `${site.base}${sitePath.replace(/^\/+/, '')}`);

/** Scrolls a figure into view and waits until its chart is drawn; returns the canvas's non-blank pixel count. */
async function drawnPixels(page: Page, figureSelector: string): Promise<number> {
  const fig = page.locator(figureSelector);
  await fig.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => document.querySelector<HTMLElement>(sel)?.dataset.chartState === 'drawn', figureSelector, {
    timeout: 20_000,
  });
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${sel} canvas`);
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, figureSelector);
}

beforeAll(async () => {
  ({ server, browser } = await serveAndLaunch(site));
});

afterAll(() => closeServed({ server, browser }));

describe('text sheet page: 000 サイバーセキュリティ情報共有推進事業', () => {
  const s = findEntry((r) => r.source.file === 'text/000_ef263abaeb28aada.txt');
  const pagePath = sheetPagePath(site, s.id);

  it('lives at sheets/<id>/ under the base', () => {
    expect(pagePath).toBe(`sheets/${s.id}/`);
  });

  it('opens with the summary; the same sentence is the meta description (stated once: no Open Graph tags)', async () => {
    const { page, errors, close } = await openPage(browser, server.url(pagePath), { origin: server.origin });
    try {
      const summary = await page.locator('section.summary').innerText();
      expect(summary).toContain('2021（令和3）年度');
      expect(summary).toContain('3.59億円');
      expect(summary).toContain('3.25億円');
      expect(summary).toContain('91%');
      expect(summary).toContain('1件中1件達成');
      expect(summary).toContain('株式会社日立製作所');
      expect(summary).toContain('一者応札');
      expect(summary).toContain('落札率98.3%');
      expect(summary).toContain(`${s.warnings.length}件`);
      // The summary comes right after the title, before any section.
      const order = await page.evaluate(() =>
        [...document.querySelectorAll('article h1, article section')].map((e) => e.id || e.className || e.tagName),
      );
      expect(order.slice(0, 3)).toEqual(['sheet-title', 'summary', 'basics']);
      // The summary sentence, as the sheet's figures give it (not recomputed by the code that wrote it).
      const sentence =
        '総務省「サイバーセキュリティ情報共有推進事業」（2022（令和4）年度レビューシート）。2021（令和3）年度の予算3.59億円、' +
        '執行額3.25億円（執行率91%）。成果目標1件中1件達成。最大の支出先は株式会社日立製作所 1.75億円（一般競争契約 (総合評価)、' +
        '入札者数1（一者応札）、落札率98.3%）。データの注意点1件。';
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(sentence);
      // Stated once in the head: previews fall back to the title and the description (issue 18).
      expect(await page.locator('meta[property^="og:"], meta[name="theme-color"]').count()).toBe(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows every section in the sheet's order, with units, eras and — for blanks", () => {
    const h = html(pagePath);
    const ids = [...h.matchAll(/<section id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'basics', 'purpose', 'budgets', 'budget-items', 'activities', 'unit-costs', 'outcomes', 'checks', 'findings',
      'past-sheets', 'related-projects', 'flow', 'blocks', 'payees', 'warnings', 'source',
    ]);
    const text = pageText(h);
    expect(text).toContain('予算額・執行額（単位: 百万円、執行率は%）');
    expect(text).toContain('2019（令和元）年度');
    expect(text).toContain('単位当たりコスト（百万円/件）');
    // 補正予算 is "-" in all five columns of the sheet: five "—", never 0.
    const row = rowWith(h, '<th scope="row">補正予算（百万円）');
    expect(row.match(/—/g)).toHaveLength(5);
    expect(row).not.toMatch(/>0</);
    // 計 of 2022 is a 0 the sheet wrote: shown as 0 with its exact 円 value.
    expect(h).toContain('<data value="0">0</data>');
    expect(h).toContain('<data value="359000000">359</data>');
    // Check marks as stated; past sheets not on the site are shown as numbers, not links.
    expect(text).toContain('2021（令和3）年度: 2021 総務 20 0083');
    // Every table has a caption (naming its scroll region: aria-labelledby) and header cells: a <thead>
    // row of <th>, column headers without a scope attribute (issue 18), or row headers with scope="row".
    for (const table of h.split('<table').slice(1)) {
      const id = /^[^>]*>\s*<caption id="(tc\d+)">/.exec(table)?.[1];
      expect(id).toBeTruthy();
      expect(h).toMatch(new RegExp(`role="region" aria-labelledby="${id}"[ >]`));
      expect(table.split('</table>')[0]).toMatch(/<thead><tr><th[ >]|<th scope="row"/);
    }
  });

  it('shows warnings where they apply and in the list', () => {
    const h = html(pagePath);
    const items = [...h.matchAll(/<li id="warning-(\d+)">/g)];
    expect(items).toHaveLength(s.warnings.length);
    expect(s.warnings.length).toBeGreaterThan(0);
    for (const w of s.warnings) expect(pageText(h)).toContain(w.message);
  });

  it('draws each chart only once it scrolls into view, from the embedded data', async () => {
    const requested: string[] = [];
    const { page, errors, close } = await openPage(browser, server.url(pagePath), { origin: server.origin, noNavigate: true });
    page.on('request', (r) => requested.push(r.url()));
    try {
      await page.goto(server.url(pagePath), { waitUntil: 'networkidle' });
      const figures = await page.locator('figure[data-chart]').evaluateAll((fs) => fs.map((f) => `#${f.id}`));
      expect(figures).toEqual(['#chart-budget', '#chart-activity-1', '#chart-outcome-1', '#chart-flow', '#chart-payees']);
      // Nothing below the fold is drawn yet, and the Sankey code is not loaded.
      expect(await page.locator('#chart-flow').getAttribute('data-chart-state')).toBe('pending');
      expect(requested.some((u) => /\/_astro\/sankey\./.test(u))).toBe(false);
      for (const f of figures) {
        const pixels = await drawnPixels(page, f);
        expect(pixels, `${f} has a blank canvas`).toBeGreaterThan(1000);
        expect(await page.locator(`${f} canvas`).getAttribute('aria-label')).toBeTruthy();
      }
      expect(requested.some((u) => /\/_astro\/sankey\./.test(u))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('single-bidder and 落札率 ≥ 95% contracts carry text marks in the payee tables', () => {
    const all = html(pagePath);
    const h = all.slice(all.indexOf('<section id="payees"'), all.indexOf('<section id="warnings"'));
    const hitachiRow = rowWith(h, '株式会社日立製作所');
    expect(pageText(hitachiRow)).toContain('一者応札');
    expect(pageText(hitachiRow)).toContain('落札率95%以上');
    const nttRow = rowWith(h, 'エヌ・ティ・ティ・データ経営研究所<');
    expect(nttRow).not.toBe('');
    expect(pageText(nttRow)).not.toContain('一者応札');
  });

  it('links its own JSON, which points to the record as validated in the bulk file of its year', async () => {
    const h = html(pagePath);
    const jsonHref = `${site.base}data/sheets/${s.id}.json`;
    expect(h).toContain(`href="${jsonHref}"`);
    const res = await fetch(`${server.origin}${jsonHref}`);
    expect(res.status).toBe(200);
    const pointer = (await res.json()) as SheetPointer;
    expect(pointer).toMatchObject({
      id: s.id,
      fiscalYear: 2022,
      ministry: '総務省',
      title: 'サイバーセキュリティ情報共有推進事業',
      page: `${site.site}${site.base}sheets/${s.id}/`,
      record: { file: '../records/2022-soumu.jsonl.gz', line: expect.any(Number) },
      schema: `${site.site}${site.base}data/sheet.schema.json`,
    });
    // One Range request of the block, as the chart CSV button makes it; the line is the record.
    const { offset, length, line } = pointer.record;
    const block = await fetch(new URL(pointer.record.file, `${server.origin}${jsonHref}`), { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    expect(block.status).toBe(206);
    expect(block.headers.get('content-type')).toBe('application/gzip');
    const lines = gunzipSync(Buffer.from(await block.arrayBuffer())).toString('utf8').split('\n');
    expect(JSON.parse(lines[line - 1]!)).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('offers each chart as CSV through a button hidden until JS runs, not a link to a file', () => {
    const h = html(pagePath);
    const boxes = scanTags(h).filter((t) => t.name === 'p' && 'data-chart-csv' in t.attrs);
    expect(boxes.map((t) => t.attrs['data-chart-csv'])).toEqual(['budget', 'activity-1', 'outcome-1', 'flow', 'payees']);
    // The sheet's JSON the buttons build the CSV from: the page's head links it once (not each button).
    const alternate = scanTags(h).filter((t) => t.name === 'link' && t.attrs.rel === 'alternate' && t.attrs.type === 'application/json');
    expect(alternate.map((t) => t.attrs.href)).toEqual([`${site.base}data/sheets/${s.id}.json`]);
    for (const t of boxes) expect('data-pagefind-ignore' in t.attrs).toBe(true);
    const buttons = scanTags(h).filter((t) => t.name === 'button' && t.attrs.class === 'btn-link');
    expect(buttons).toHaveLength(5);
    for (const b of buttons) expect(b.attrs).toMatchObject({ type: 'button', hidden: '' });
    expect(pageText(h)).toContain('CSVをダウンロード（予算額と執行額の推移）');
    expect(h).not.toMatch(/href="[^"]*\.csv"/);
  });
});

describe('RS sheet page', () => {
  // The RS record with the most blocks: its Sankey has the most to draw.
  const s = entryIds(site)
    .map(record)
    .filter((r) => r.source.form === 'rs-csv' && r.budgets.length > 0)
    .sort((a, b) => b.blocks.length - a.blocks.length)[0]!;
  const pagePath = sheetPagePath(site, s.id);

  it('draws the budget chart and the Sankey, and says which parts the download lacks', async () => {
    expect(s.blocks.length).toBeGreaterThan(1);
    const { page, errors, close } = await openPage(browser, server.url(pagePath), { origin: server.origin });
    try {
      expect(await drawnPixels(page, '#chart-budget')).toBeGreaterThan(1000);
      expect(await drawnPixels(page, '#chart-flow')).toBeGreaterThan(1000);
      // The note on what the source lacks opens the body. 5-1 is shipped (reconstructed); 3-1 is the one
      // table the download lacks.
      const note = await page.locator('.missing-note').innerText();
      expect(note).toMatch(/この資料には.*3-1.*が含まれていません/s);
      expect(note).not.toMatch(/5-1/);
      const payees = await page.locator('#payees').innerText();
      if (s.payees.length === 0) expect(payees).toContain('この資料には支出先の一覧が含まれていません');
      else expect(await page.locator('#payees table').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('RS spending on a real page (予算事業ID 12 電子決裁システム（ＥＡＳＹ）, 222 for 間接経費)', () => {
  const rs = (n: number) => findEntry((r) => r.source.form === 'rs-csv' && r.id.endsWith(`-rs${n}`));

  it('shows the 5-4 contracts with 契約先, 法人番号, 契約額 and the 一者応札 reason text', async () => {
    const s = rs(12);
    const { page, errors, close } = await openPage(browser, server.url(sheetPagePath(site, s.id)), { origin: server.origin });
    try {
      const contracts = await page.locator('#contracts').innerText();
      // 5-4 line of project 12, block B (values as in the CSV).
      expect(contracts).toContain('富士電機株式会社');
      expect(contracts).toContain('9020001071492');
      expect(contracts).toContain('神奈川県川崎市川崎区田辺新田１番１号');
      expect(contracts).toContain('電子決裁システムの運用・保守業務の請負');
      expect(contracts).toContain('1,003.2'); // 契約額 1,003,200,000 円 in 百万円
      expect(contracts).toContain('一般競争契約（総合評価）');
      expect(contracts).toContain('下見積もり提出業者に入札しなかった理由を確認したところ');
      // payees of 5-1 with their 法人番号, and the 5-3 line's payee in 費目・使途
      const payees = await page.locator('#payees').innerText();
      expect(payees).toContain('富士アイティ株式会社');
      expect(payees).toContain('9012801004500');
      const blocks = await page.locator('#block-E').innerText();
      expect(blocks).toContain('支出先: 富士アイティ株式会社（法人番号 9012801004500）');
      expect(blocks).toContain('46.78'); // ブロックの合計支出額 46,782,225 円
      // 資金の流れの補足情報 in the flow chart's table
      expect(await page.locator('#flow').innerText()).toContain('再委託');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows 国自らが支出する間接経費 with its items and amounts', () => {
    const text = pageText(html(sheetPagePath(site, rs(222).id)));
    expect(text).toContain('国自らが支出する間接経費');
    expect(text).toMatch(/旅費\s*間接経費\s*3\.537/);
    expect(text).toMatch(/諸謝金\s*間接経費\s*1\.428/);
  });
});

describe('JUDGIT! sheet pages (real sample, sheets/judgit)', () => {
  it('2019 個人情報保護委員会 0001: official sheet linked, JUDGIT ids, payees\' year, past sheet with its ministry', () => {
    const h = html(sheetPagePath(site, '2019-ppc-0001'));
    expect(h).toContain('<a href="https://www.ppc.go.jp/files/pdf/3109_review_kanshikantoku.pdf" rel="noopener noreferrer nofollow">個人情報保護委員会が公表したレビューシート</a>');
    const text = pageText(h);
    expect(text).toContain('JUDGIT 事業ID 1（年度をまたいで同じ事業を指す番号）');
    expect(text).toContain('JUDGIT ID 20897');
    expect(text).toContain('事業番号の区分（JUDGIT 事業番号1〜5） 2: 0001');
    expect(text).toContain('A の支出先（2018（平成30）年度の支出、支出額は百万円）');
    expect(text).toContain('2018（平成30）年度: 個人情報保護委員会 新30-0001');
    expect(text).toMatch(/定量的な目標が設定できない理由\s*本事業の成果は特定個人情報の適正な取扱いを確保することであり/);
    // 予備費等 -0.623613 百万円 (2016) as stated, to the 円: exact in the value (its title on hover), the table to 千円.
    expect(h).toContain('<data value="-623613">-0.624</data>');
  });

  it('2023: the emptied アウトプット and アウトカム lists are "not in this source", not "none"', () => {
    const h = html(sheetPagePath(site, '2023-cfa-2023-cfa-shin24-0002'));
    const text = pageText(h);
    expect(text).toContain('この資料には活動目標・活動実績（アウトプット）が含まれていません。');
    expect(text).toContain('この資料には成果目標・成果実績（アウトカム）が含まれていません。');
    expect(text).not.toContain('成果目標・成果実績の記載はありません。');
    // No url in 2023: no official-sheet row.
    expect(text).not.toContain('公式のシート');
  });
});

describe('search attributes', () => {
  const sheetPages = entryIds(site).map((id) => ({ id, p: sheetPagePath(site, id) }));

  /** The search record a page states (src/components/PagefindAttributes.astro: payee profiles only), parsed. */
  const statedRecord = (h: string): SearchRecord | null => {
    const m = /<script type="application\/json" data-search-record>([^<]*)<\/script>/.exec(h);
    return m ? (JSON.parse(m[1]!) as SearchRecord) : null;
  };

  /**
   * The record the built index holds for each indexed page, by its path under the base ("/sheets/<id>/"):
   * its fragment's filters, sort keys and result metadata, as the search page reads them.
   */
  const indexed = new Map<string, SearchRecord>();
  beforeAll(() => {
    // The fragments are in groups of consecutive pages (scripts/search-index/pagefind-internals.ts, 11).
    for (const sub of ['', PROFILES_PATH]) {
      for (const { fragment: f } of bundleFragments(path.join(site.dist, 'pagefind', sub, 'fragment'))) {
        const url = f.url.startsWith(site.base) ? `/${f.url.slice(site.base.length)}` : f.url;
        indexed.set(url, { filters: f.filters, sort: (f.sort ?? {}) as Record<string, number>, meta: f.meta });
      }
    }
  });

  it('no sheet page states a search record (issue 18); the index holds the one searchRecord makes from its entry', () => {
    for (const { id, p } of sheetPages) {
      const h = html(p);
      expect(h.match(/data-pagefind-body/g), p).toHaveLength(1);
      expect(h, p).not.toContain('data-search-record');
      const made = indexed.get(`/sheets/${id}/`);
      // Its summary is not in the fragment: the search page makes it from the record the fragment names
      // (src/client/search/record-text.ts; tests/site/search-text.test.ts follows each place to its record).
      const { summary: _summary, ...meta } = searchRecord(record(id)).meta;
      expect(parseRecordMeta(made!.meta[RECORD_META]), p).not.toBeNull();
      expect({ ...made, meta: { ...made!.meta, [RECORD_META]: undefined } }, p).toEqual({ ...searchRecord(record(id)), meta: { ...meta, [RECORD_META]: undefined } });
      expect(Object.keys(made!.filters).sort(), p).toEqual(['一者応札', '年度', '府省庁']);
      // year is always there; budget and rate are plain numbers, or absent when the sheet states none
      // (a stand-in number would sort as a real value; the search sorts absent values last).
      expect(made!.sort.year, p).toBe(record(id).fiscalYear);
      for (const k of ['budget', 'rate'] as const) {
        if (made!.sort[k] !== undefined) expect(String(made!.sort[k]), `${p} ${k}`).toMatch(/^\d+(\.\d+)?$/);
      }
      expect(Object.keys(made!.meta).sort(), p).toEqual(['budget', 'ministry', 'rate', RECORD_META, 'title', 'year']);
    }
  });

  it('sort values are the sheet\'s own figures of its latest settled year, absent when not stated', () => {
    // [id, 計 (円) of the last year with execution, 執行率 as stated]: one sheet of each form, from the sheets:
    // text R4 2021 計 359 百万円 91%; text H28 2015 150 百万円 79%; RS 432 and 2620 FY2023 (table 2-1: 23122000,
    // 0.73186; 64991000, 0.9309); JUDGIT 2019 復興庁 0020: 2018 予算計 56 百万円, no 執行率 in JUDGIT's data.
    const expected: [string, string, string | undefined][] = [
      ['2022-soumu-t7ba6565b', '359000000', '0.91'],
      ['2016-soumu-ta1599665', '150000000', '0.79'],
      ['2024-fsa-rs432', '23122000', '0.73186'],
      ['2024-mhlw-rs2620', '64991000', '0.9309'],
      ['2019-reconstruction-0020', '56000000', undefined],
    ];
    for (const [id, budget, rate] of expected) {
      const made = indexed.get(`/sheets/${id}/`)!;
      expect(made.sort.budget, id).toBe(Number(budget));
      expect(made.sort.rate, id).toBe(rate === undefined ? undefined : Number(rate));
    }
  });

  it('values come from the record', () => {
    const s = findEntry((r) => r.source.file === 'text/000_ef263abaeb28aada.txt');
    const made = indexed.get(`/sheets/${s.id}/`)!;
    expect(made.filters).toEqual({ 府省庁: ['総務省'], 年度: ['2022'], 一者応札: ['あり'] });
    expect(made.sort).toEqual({ budget: 359000000, rate: 0.91, year: 2022 });
    expect(made.meta.title).toBe('サイバーセキュリティ情報共有推進事業');
    expect(made.meta.ministry).toBe('総務省');
  });

  it('no other page has data-pagefind-body but a payee profile\'s first page and a sheet\'s continuation pages; only a payee profile states its record; header and footer are ignored', () => {
    const sheetFiles = new Set(sheetPages.map(({ p }) => fileOf(site.dist, p)));
    const payeeFirst = /[\\/]payees[\\/]\d{13}[\\/]index\.html$/;
    const sheetPart = /[\\/]sheets[\\/]([^\\/]+)[\\/](payees[\\/]\d+|blocks)[\\/]index\.html$/;
    let parts = 0;
    let profiles = 0;
    for (const file of listFiles(site.dist, '.html')) {
      const h = readPage(file);
      const part = sheetPart.exec(file);
      if (part) {
        parts++;
        expect(h, file).toContain('data-pagefind-body');
        expect(h, file).not.toContain('data-search-record');
        const made = indexed.get(`/sheets/${part[1]}/${part[2]!.replace('\\', '/')}/`)!;
        expect(made.meta.kind, file).toBe('part');
        expect(made.meta.title.startsWith(`${record(part[1]!).title.replace(/\s+/g, ' ').trim()}: `), file).toBe(true);
        expect(made.filters, file).toEqual({});
      } else if (payeeFirst.test(file)) {
        profiles++;
        expect(h.match(/data-search-record/g), file).toHaveLength(1);
        expect(statedRecord(h)!.meta.kind, file).toBe('payee');
      } else if (!sheetFiles.has(file)) expect(h, file).not.toContain('data-pagefind-body');
      // The frame is outside the indexed part, so it needs no data-pagefind-ignore of its own.
      const body = h.indexOf('data-pagefind-body');
      if (body >= 0) {
        expect(body, file).toBeGreaterThan(h.indexOf('</header>'));
        expect(h.indexOf('<footer class="site-footer">'), file).toBeGreaterThan(body);
      }
    }
    expect(parts).toBeGreaterThan(30);
    expect(profiles).toBeGreaterThan(400);
  });
});

describe('open data', () => {
  it('every sheet has its JSON, pointing to its validated record in the bulk file of its year', () => {
    for (const id of entryIds(site)) {
      const file = path.join(site.dist, 'data', 'sheets', `${id}.json`);
      expect(existsSync(file), file).toBe(true);
      expect(publishedRecord(site.dist, id), id).toEqual(JSON.parse(JSON.stringify(record(id))));
    }
  });

  it('the bulk files, listed in records.json, decompress to every record once, one JSON line each', () => {
    const ids = entryIds(site);
    const list = JSON.parse(readFileSync(path.join(site.dist, 'data', 'records.json'), 'utf8')) as {
      count: number;
      files: { file: string; fiscalYear: number; ministry: string; sheets: number }[];
    };
    const dir = path.join(site.dist, 'data', 'records');
    expect(list.files.map((f) => f.file).sort()).toEqual(readdirSync(dir).sort().map((n) => `${site.site}${site.base}data/records/${n}`));
    expect(list.files.find((f) => f.file.endsWith('/2022-soumu.jsonl.gz'))).toMatchObject({ fiscalYear: 2022, ministry: '総務省' });
    const seen: string[] = [];
    for (const f of list.files) {
      const lines = gunzipSync(readFileSync(path.join(dir, f.file.split('/').at(-1)!))).toString('utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length, f.file).toBe(f.sheets);
      for (const l of lines) {
        const r = JSON.parse(l) as Sheet;
        expect(r).toMatchObject({ fiscalYear: f.fiscalYear, ministry: f.ministry });
        seen.push(r.id);
      }
    }
    expect(list.count).toBe(list.files.length);
    expect(seen.sort()).toEqual(ids);
  });

  it('take under 6 KB a sheet with the pointers (the records as JSON files took 32.6 KB a sheet here)', () => {
    // The samples' RS records carry the whole 5-1 payee tables: ≈ 3 times a JUDGIT sheet's record, whose
    // share of issue 18's 18 KB a sheet is 2–3 KB (measured: 1.8 KB; docs/BENCHMARKS.md).
    const bytes = (dir: string) => readdirSync(dir).reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0);
    const perSheet = (bytes(path.join(site.dist, 'data', 'sheets')) + bytes(path.join(site.dist, 'data', 'records'))) / entryIds(site).length;
    expect(perSheet).toBeLessThan(6 * 1024);
    expect(perSheet).toBeGreaterThan(1024);
  });

  it('data/sheets/ holds one JSON file per sheet and nothing else (no per-chart CSV folders)', () => {
    const dir = path.join(site.dist, 'data', 'sheets');
    const entries = readdirSync(dir, { withFileTypes: true });
    expect(entries.filter((e) => !e.isFile()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual(entryIds(site).map((id) => `${id}.json`));
    expect(listFiles(site.dist, '.csv').map((f) => path.relative(site.dist, f)).filter((f) => f.startsWith(`data${path.sep}sheets${path.sep}`))).toEqual([]);
  });

  it('sheets.json and sheets.csv (each zipped) list every sheet; the schema parses', () => {
    const ids = entryIds(site);
    const list = JSON.parse(readZipped(path.join(site.dist, 'data', 'sheets.json.zip')));
    expect(list.count).toBe(ids.length);
    expect(list.sheets.map((r: { id: string }) => r.id).sort()).toEqual(ids);
    const row = list.sheets.find((r: { id: string }) => r.id.startsWith('2022-soumu-'));
    expect(row).toMatchObject({ fiscalYear: 2022, ministry: '総務省', budgetTotal: 359000000, executed: 325000000, executionRate: 0.91 });
    expect(row.url).toBe(`${site.site}${site.base}sheets/${row.id}/`);

    const csv = readZipped(path.join(site.dist, 'data', 'sheets.csv.zip'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('ID,レビュー年度,府省庁,事業名,金額の年度,予算額（計、円）,執行額（円）,執行率（%）,一者応札,注意点の件数,URL');
    expect(lines).toHaveLength(ids.length + 1);

    const schema = JSON.parse(readFileSync(path.join(site.dist, 'data', 'sheet.schema.json'), 'utf8'));
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'budgets', 'payees', 'warnings']));
  });
});

describe('home and lists', () => {
  it('home: what the site is, a plain GET search form, totals by year and ministry, newest sheets', async () => {
    const { page, errors, close } = await openPage(browser, server.url(''), { origin: server.origin });
    try {
      const form = page.locator('main form[role="search"]');
      expect(await form.evaluate((f) => new URL((f as HTMLFormElement).getAttribute('action')!, location.href).pathname)).toBe(`${site.base}search/`);
      expect(await form.getAttribute('method')).toBe('get');
      expect(await form.locator('input[name="q"]').count()).toBe(1);
      const text = await page.locator('main').innerText();
      expect(text).toContain(`${entryIds(site).length}件`);
      expect(await page.locator('#home-totals-by-year table caption').count()).toBe(1);
      expect(await page.locator('figure[id^="home-totals-by-ministry-"] table caption').count()).toBe(1);
      expect(await drawnPixels(page, '#home-totals-by-year')).toBeGreaterThan(1000);
      expect(await page.locator('#newest-heading + ul li').count()).toBeGreaterThan(0);
      // Submitting the form lands on the search page with the query.
      await page.fill('#home-search', 'セキュリティ');
      await Promise.all([page.waitForURL(/\/search\/\?q=/), form.locator('button').click()]);
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=セキュリティ');
      expect(errors.filter((e) => e.kind !== 'console')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a ministry list is sorted by budget without JS, and the sort buttons re-sort it', async () => {
    const soumu = 'ministries/soumu/';
    // A column's machine values, from the <data value> of each row's cell in that column.
    const columnValues = (p: Page, key: string) =>
      p.locator('table[data-sortable]').evaluate((table, k) => {
        const column = (table.querySelector(`th[data-sort-key="${k}"]`) as HTMLTableCellElement).cellIndex;
        return [...(table as HTMLTableElement).tBodies[0]!.rows].map((r) => r.cells[column]?.querySelector('data')?.value ?? '');
      }, key);
    const budgetsOf = (p: Page) => columnValues(p, 'budget');
    const numeric = (xs: string[]) => xs.filter((x) => x !== '').map(Number);

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p1 = await noJs.newPage();
    await p1.goto(server.url(soumu));
    const served = numeric(await budgetsOf(p1));
    expect(served.length).toBeGreaterThan(1);
    expect(served).toEqual([...served].sort((a, b) => b - a));
    expect(await p1.locator('.btn-sort').count()).toBe(0);
    await noJs.close();

    const { page, close } = await openPage(browser, server.url(soumu), { origin: server.origin });
    try {
      await page.locator('th[data-sort-key="budget"] .btn-sort').click();
      expect(await page.locator('th[data-sort-key="budget"]').getAttribute('aria-sort')).toBe('ascending');
      const asc = numeric(await budgetsOf(page));
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      await page.locator('th[data-sort-key="rate"] .btn-sort').click();
      expect(await page.locator('th[data-sort-key="rate"]').getAttribute('aria-sort')).toBe('descending');
      const rates = numeric(await columnValues(page, 'rate'));
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
    } finally {
      await close();
    }
  });

  it('long lists are split into linked pages that together hold every sheet of the year once', () => {
    const ids = (p: string) => [...html(p).matchAll(/<th scope="row"><a href="[^"]*?\/sheets\/([^/"]+)\//g)].map((m) => m[1]!);
    const year = entryIds(site).filter((id) => id.startsWith('2024-'));
    const pages = ['years/2024/'];
    for (let n = 2; existsSync(fileOf(site.dist, `years/2024/${n}/`)); n++) pages.push(`years/2024/${n}/`);
    expect(pages.length).toBe(Math.ceil(year.length / LIST_PAGE_SIZE));
    const listed = pages.flatMap(ids);
    expect(listed.length).toBe(year.length);
    expect(new Set(listed)).toEqual(new Set(year));
    for (const p of pages) {
      expect(ids(p).length, p).toBeLessThanOrEqual(LIST_PAGE_SIZE);
      expect(Buffer.byteLength(html(p)), p).toBeLessThan(200_000);
      for (const other of pages) if (other !== p) expect(html(p), `${p} links ${other}`).toContain(`/${other}"`);
    }
    expect(pageText(html('years/2024/2/'))).toContain('2ページ目');
  });

  it('year pages and the ministry index exist for the samples', () => {
    expect(existsSync(fileOf(site.dist, 'years/2024/'))).toBe(true);
    expect(existsSync(fileOf(site.dist, 'years/2022/'))).toBe(true);
    expect(existsSync(fileOf(site.dist, 'years/2016/'))).toBe(true);
    expect(pageText(html('ministries/'))).toContain('総務省');
    expect(pageText(html('about/'))).toContain('政府標準利用規約');
    expect(existsSync(path.join(site.dist, '404.html'))).toBe(true);
  });

  it('pages without charts carry no chart code: only the site\'s one script (/ministries/ and its sortable table too)', () => {
    // Every page loads the site's one script (src/client/site.ts: stacked tables' column labels and roles,
    // folding, sorting, a page's body …, each set up only where its markup asks for it), which the markup
    // no longer repeats on every cell; a page names no other.
    const layoutScript = (p: string) => scanTags(html(p)).filter((t) => t.name === 'script').map((t) => t.attrs.src ?? '');
    const ministries = layoutScript('ministries/');
    expect(ministries).toHaveLength(1);
    expect(html('ministries/')).toContain('data-sortable');
    expect(pageText(html('ministries/'))).toContain('予算額の合計（百万円）');
    for (const p of ['about/', '404.html']) {
      const scripts = layoutScript(p);
      expect(scripts, p).toHaveLength(1);
      expect(scripts[0], p).toMatch(/\/_astro\/[\w-]+\.js$/);
      // It imports only the chunk of small modules the pages' scripts share (the formatters, the hook for a
      // sheet page's body …: astro.config.mjs), which imports nothing: no chart.js. The chart renderers and
      // the chart CSV download are imported on demand (import()), where a chart figure asks for them.
      const code = readFileSync(path.join(site.dist, scripts[0]!.slice(site.base.length)), 'utf8');
      const imports = (js: string) => [...js.matchAll(/(?:from\s*|import\s*)["'`]\.\/([^"'`]+)["'`]/g)].map((m) => m[1]!);
      const onDemand = (js: string) => [...js.matchAll(/import\(["'`]\.\/([^"'`]+)["'`]\)/g)].map((m) => m[1]!.replace(/\.[\w-]+\.js$/, ''));
      expect(imports(code).map((f) => f.replace(/\.[\w-]+\.js$/, ''))).toEqual(['shared']);
      expect(onDemand(code).sort()).toEqual(['cartesian', 'chart-csv-download', 'sankey']);
      const shared = readFileSync(path.join(site.dist, '_astro', imports(code)[0]!), 'utf8');
      expect(imports(shared)).toEqual([]);
      expect(onDemand(shared)).toEqual([]);
      expect(shared).not.toContain('Chart');
    }
  });
});

describe('hand-typed fixture records (past-sheet links, hostile text in chart data)', () => {
  const dir = path.join(SITES_ROOT, 'pages-fixtures');
  const dist = path.join(dir, 'dist');
  let fixtureServer: StaticServer;

  beforeAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await writeFixtureEntries(path.join(dir, 'content'));
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CONTENT_DIR: path.join(dir, 'content'), OUT_DIR: dist, BASE: '/', SITE: site.site, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('close', (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new Error(`fixture site build failed (exit ${code})`);
    fixtureServer = await serveDist(dist, { base: '/' });
  }, 180_000);

  afterAll(async () => {
    await fixtureServer?.close();
  });

  it('built one page per fixture', () => {
    const pages = readdirSync(path.join(dist, 'sheets')).sort();
    expect(pages).toEqual([...siteFixtureRecords.map((r) => r.id), RS_FIXTURE_ID].sort());
    expect(pages).toContain(cyber.id);
  });

  it('links a past sheet that is on the site, shows the number of one that is not', () => {
    const h = readPage(path.join(dist, 'sheets', edgeCases.id, 'index.html'));
    expect(h).toContain(`<a href="/sheets/${judgitChiiki.id}/">2023 総務 22 0073</a>`);
    expect(pageText(h)).toMatch(/2010（平成22）年度: 新22-0001\s*（このサイトには未掲載）/);
  });

  it('keeps hostile text inside the chart JSON and draws the chart with it as text', async () => {
    const h = readPage(path.join(dist, 'sheets', edgeCases.id, 'index.html'));
    const embedded = [...h.matchAll(/<script type="application\/json" data-chart-data>(.*?)<\/script>/g)].map((m) => m[1]!);
    expect(embedded.length).toBeGreaterThan(0);
    for (const e of embedded) expect(e).not.toMatch(/[<>]/);
    const payees = embedded.map((e) => JSON.parse(e)).find((c) => c.kind === 'sankey');
    expect(JSON.stringify(payees)).toContain('</script>株式会社<テスト>');
    const { page, errors, close } = await openPage(browser, fixtureServer.url(`sheets/${edgeCases.id}/`), {
      origin: fixtureServer.origin,
      initScript: () => {
        (window as unknown as { alerts: string[] }).alerts = [];
        window.alert = (m?: unknown) => (window as unknown as { alerts: string[] }).alerts.push(String(m));
      },
    });
    try {
      expect(await drawnPixels(page, '#chart-flow')).toBeGreaterThan(100);
      // Its CSV, made in the browser, is the server's chartCsv of the same entry, hostile name as plain text.
      const button = page.locator('p[data-chart-csv="flow"] button');
      await button.waitFor({ state: 'visible' });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(`${edgeCases.id}-flow.csv`);
      const bytes = readFileSync(await download.path());
      const flow = listSheetCharts(loadSheet(path.join(dir, 'content', 'sheets'), edgeCases.id)!).find((c) => c.id === 'flow')!;
      expect(bytes.equals(Buffer.from(chartCsv(flow), 'utf8'))).toBe(true);
      expect(bytes.toString('utf8')).toContain('</script>株式会社<テスト>');
      expect(await page.evaluate(() => (window as unknown as { alerts: string[] }).alerts)).toEqual([]);
      expect(await page.locator('h1').innerText()).toBe(edgeCases.title);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('an RS page with tables 3-1, 5-1, 5-2 shows its payees with 法人番号 and 落札率, and its charts draw', async () => {
    const h = readPage(path.join(dist, 'sheets', RS_FIXTURE_ID, 'index.html'));
    const text = pageText(h);
    // Values of tests/fixtures/rs/goals-payees/5-1 (project 900001, invented data).
    expect(text).toContain('試験用事業（架空）');
    expect(text).not.toContain('この資料には支出先');
    const { page, errors, close } = await openPage(browser, fixtureServer.url(`sheets/${RS_FIXTURE_ID}/`), { origin: fixtureServer.origin });
    try {
      // The chart's data table lists the three payees of blocks A and B; then one table per block.
      const tables = page.locator('#payees table');
      expect(await tables.count()).toBe(3);
      expect(await tables.first().locator('tbody tr').count()).toBe(3);
      const table = await page.locator('#payees').innerText();
      expect(table).toContain('株式会社試験商事');
      expect(table).toContain('1010001000003');
      expect(table).toContain('一般社団法人例示協会');
      expect(table).toMatch(/99\.9\s*%/);
      // The fixture has tables 3-1, 5-1 and 5-2 only (no 2-1 budget): indicator, Sankey and payee charts.
      expect(await drawnPixels(page, '#chart-outcome-1')).toBeGreaterThan(100);
      expect(await drawnPixels(page, '#chart-flow')).toBeGreaterThan(100);
      expect(await drawnPixels(page, '#chart-payees')).toBeGreaterThan(100);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says plainly which parts a source lacks', () => {
    const h = readPage(path.join(dist, 'sheets', judgitChiiki.id, 'index.html'));
    expect(pageText(h)).toContain('この資料には点検・評価、資金の流れが含まれていません');
  });
});
