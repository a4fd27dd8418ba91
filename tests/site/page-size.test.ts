/**
 * Published size of the sample site's pages (issue 18): no HTML page over 200 KB, and the sheet pages'
 * average HTML under a budget set from what this markup measures on the sample (docs/BENCHMARKS.md,
 * "Where a sheet page's bytes go": 86.6 KB before the compact markup, 54.5 KB after), per source form.
 * The bytes counted are the stored file's (GitHub Pages' 1 GB limit counts stored bytes).
 *
 * What made the pages smaller must not lose a cell: the payees past a sheet page's first 60 are on its
 * continuation pages, and the 費目・使途 tables of sheets with over 20 payee blocks on its blocks page
 * (src/lib/view/payee-pages.ts), so every payee and every 費目・使途 line is looked for on the sheet's pages.
 * In the browser, the roles, column labels and exact-value titles the markup no longer repeats on every
 * cell are there once src/client/stack-tables.ts has run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderRef } from '../../src/lib/markup/page-body.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { PAYEES_ON_PAGE, blocksOnOwnPage, payeeParts } from '../../src/lib/view/payee-pages.ts';
import { closeServed, openPage, serveAndLaunch, type ServedSite } from '../support/browser.ts';
import { listFiles, pageText, readPage } from '../support/site-text.ts';
import { kindBytes, publishedBytes, SEARCH_PAGE_KIND, type BodyFileCache } from '../../scripts/page-bytes.ts';
import { builtSite, entryIds, entryRecord } from '../support/sites.ts';

const site = builtSite('root');
const KB = 1024;
/** No page over this (issue 18). */
const MAX_PAGE = 200 * KB;
/**
 * Average sheet page HTML, per source form, with ≈ 10 % margin over the measured (2026-12-03, after the
 * page markup of docs/BENCHMARKS.md "Every page kind's HTML": JUDGIT 33.1 KB, RS 51.5 KB, text 55.6 KB, all
 * 45.1 KB; before it 41.2, 61.3, 67.4, 54.2 KB; before the compact markup: 76.4, 92.1, 90.4, 86.6 KB).
 * Without the end tags HTML implies (src/lib/markup/compact-html.ts, 2026-12-04): 30.5, 47.7, 51.2, 41.7 KB.
 * Each datum once (docs/BENCHMARKS.md "Each datum on a sheet page once", 2026-12-04: the flow twin by block,
 * the budget canvas label pointing to its table, no search-record element): 28.7, 46.0, 49.7, 40.0 KB;
 * The body (table of contents and sections) published apart, in files of a few pages (src/lib/markup/page-body.ts,
 * 2026-12-04), counted as the page's file and its body's share of its body file: 8.6, 12.7, 11.6, 11.2 KB (the
 * page's file 5.4, 5.3, 5.0 KB). No Open Graph tags, a shorter footer, scripts named by their hash, the
 * site's wording kept out of search (2026-12-04, docs/BENCHMARKS.md "The frame, the bulk lists and the
 * site's own wording"): 7.9, 12.1, 11.0, 10.6 KB. The summary's sentence left to the description, the note
 * on what the source lacks in the body, breadcrumbs ending at the parent, no ホーム item (2026-12-04,
 * docs/BENCHMARKS.md "Excerpts from the record, links relative to the page, a lighter shell"): 7.0, 11.2,
 * 10.4, 9.7 KB; budgets ≈ 5 % over. A change that makes pages heavier on average fails here.
 */
const AVERAGE_BUDGET: Record<string, number> = { judgit: 7.35 * KB, 'rs-csv': 11.75 * KB, text: 11 * KB, all: 10.2 * KB };

const squash = (s: string) => s.replace(/\s+/g, '');
const bodyFiles: BodyFileCache = new Map();
const sheetFile = (id: string, ...rest: string[]) => path.join(site.dist, 'sheets', id, ...rest, 'index.html');
const records = new Map(entryIds(site).map((id) => [id, entryRecord(site, id) as unknown as Sheet]));

describe('page size', () => {
  it('no HTML page of the site is over 200 KB', () => {
    const pages = listFiles(site.dist, '.html').map((f) => ({ page: path.relative(site.dist, f), bytes: statSync(f).size }));
    expect(pages.length).toBeGreaterThan(records.size);
    expect(pages.filter((p) => p.bytes > MAX_PAGE)).toEqual([]);
  });

  it('every sheet page is published without its body, which is in a body file', () => {
    for (const id of records.keys()) expect(placeholderRef(readFileSync(sheetFile(id), 'utf8')), id).toMatch(/^\.\.\/\.\.\/page-bodies\/[a-z0-9-]+\.html\.gz#\d$/);
  });

  it('sheet pages, with their share of the body files, stay under the average budget, per source form', () => {
    const sums = new Map<string, { n: number; bytes: number }>();
    for (const [id, r] of records) {
      const bytes = publishedBytes(sheetFile(id), readFileSync(sheetFile(id), 'utf8'), bodyFiles);
      for (const key of [r.source.form, 'all']) {
        const s = sums.get(key) ?? { n: 0, bytes: 0 };
        s.n += 1;
        s.bytes += bytes;
        sums.set(key, s);
      }
    }
    // The sample's 392 sheets: 138 JUDGIT, 252 RS, 2 text.
    expect(Object.fromEntries([...sums].map(([k, s]) => [k, s.n]))).toEqual({ judgit: 138, 'rs-csv': 252, text: 2, all: 392 });
    const average = Object.fromEntries([...sums].map(([k, s]) => [k, Math.round(s.bytes / s.n)]));
    for (const [form, budget] of Object.entries(AVERAGE_BUDGET)) expect(average[form], form).toBeLessThanOrEqual(budget);
  });

  it('markup states no cell role, column label or exact-value title on every cell', () => {
    const html = readPage(sheetFile('2024-cao-rs140'));
    expect(html).not.toMatch(/<td[^>]* role="cell"/);
    // Only the 予算内訳 grid's row of all-0 items, whose one cell spans the year columns, names its own.
    expect(html.match(/ data-label="[^"]*"/g)).toEqual(html.match(/<tr class="zero-rows">/g)!.map(() => ' data-label="項目"'));
    expect(html).not.toMatch(/<data [^>]*title=/);
    // Nor a column's class on each of its cells (written once on the header), nor a wrapper around a blank's
    // dash, nor a region label repeating its caption (issue 18, docs/BENCHMARKS.md "Every page kind's HTML").
    expect(html).not.toMatch(/<td class="(num|corp-no|note-col|code)"/);
    expect(html).toContain('<th class="num">支出額（百万円）<');
    // Nor the end tags HTML implies (a cell's before the next cell or the row's end, a row's before the next
    // row: src/lib/markup/compact-html.ts).
    expect(html).not.toMatch(/<\/td><td[ >]|<\/th><t[dh][ >]|<\/t[dh]><\/tr>|<\/tr><tr[ >]|<\/li><li[ >]|<\/dt><dd[ >]/);
    expect(html.match(/<td[ >]/g)!.length).toBeGreaterThan(50);
    expect(html).not.toContain('<span class="none">—');
    expect(html).not.toMatch(/class="table-wrap"[^>]* aria-label=/);
    expect(html).not.toContain('data-astro-cid-');
    expect(html).not.toContain('<style');
    // The exact 円 stays, once: 国立研究開発法人海洋研究開発機構's 4,850百万円 in block C.
    expect(html).toContain('<data value="4850000000">4,850</data>');
    // Each datum once (issue 18): the flow twin has a row per block for its payees (their sum; the names and
    // amounts are in the block's 支出先 table), the budget canvas points to the budget table, and the page
    // states no search record (the indexer makes it from the entry).
    expect(html).toContain('<th scope="row">ブロックAEの支出先（11者）<td><data value="684203000">684.203</data><td>各支出先は「支出先」の表（続きのページを含む）');
    expect(html).toContain('<canvas role="img" aria-label="予算額と執行額の推移のグラフ。数値はすべて表「予算額・執行額（単位: 百万円、執行率は%）」にあります。">');
    expect(html).not.toContain('data-search-record');
  });
});

/**
 * The other page kinds and the layout's fixed part (everything outside <main>, on every page), measured
 * 2026-12-03 (scripts/page-bytes.ts, docs/BENCHMARKS.md "Every page kind's HTML"): project 11.2 KB (before
 * 14.8), ministry list 8.3 (11.0), year list 21.0 (24.9), ranking 14.2 (22.6), layout 1.97–2.47 (2.25–3.27);
 * without the implied end tags (2026-12-04) project 10.5, ministry list 7.7, year list 19.0, ranking 13.3;
 * With the frame trimmed and project histories, payee profiles and continuation pages publishing their
 * bodies apart (2026-12-04; a page counted with its body's share of its body file): project 4.8, ministry
 * list 7.2, year list 18.4, ranking 12.8, payee profile 3.5, sheet continuation 12.6, layout 1.45–1.88;
 * with the lighter frame (breadcrumbs ending at the parent, no ホーム item; 2026-12-04): project 4.6, ministry
 * list 7.0, year list 18.2, ranking 12.6, payee profile 3.2, sheet continuation 12.4, layout 1.34–1.77;
 * budgets ≈ 5 % over; a project page's body listing up to 100 payees instead of 10 (a payee of one project has
 * no profile since 2026-12-04, so its page is where the payee is followed across the years): project 4.9.
 */
const KIND_BUDGET: Record<string, number> = {
  project: 5.15 * KB,
  'ministry list': 7.4 * KB,
  'year list': 19.1 * KB,
  ranking: 13.25 * KB,
  'payee profile': 3.4 * KB,
  'sheet continuation (blocks, payees n)': 13 * KB,
};
const FRAME_BUDGET = 1.9 * KB;

describe('page size of the other page kinds', () => {
  const kinds = kindBytes(site.dist);
  it.each(Object.entries(KIND_BUDGET))('%s pages stay under their average budget', (kind, budget) => {
    const k = kinds.get(kind)!;
    expect(k.n).toBeGreaterThan(5);
    expect(k.bytes / k.n).toBeLessThanOrEqual(budget);
  });

  it("the layout's fixed part (head, header, footer, scripts) stays small on every kind", () => {
    for (const [kind, k] of kinds) if (k.frame > 0 && kind !== SEARCH_PAGE_KIND) expect(k.frame / k.n, kind).toBeLessThanOrEqual(FRAME_BUDGET);
  });

  it("the search page's frame is the same, with the site's stylesheet and icon in it instead of linked", () => {
    const html = readFileSync(path.join(site.dist, 'search', 'index.html'), 'utf8');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html);
    const icon = /<link rel="icon" href="data:image\/svg\+xml,[^"]*">/.exec(html);
    expect(style, 'the stylesheet inline').not.toBeNull();
    expect(icon, 'the icon inline').not.toBeNull();
    expect(html).not.toMatch(/<link rel="stylesheet"|favicon\.svg/);
    // The rules every other page links, as they are.
    const linked = readdirSync(path.join(site.dist, '_astro')).filter((f) => f.endsWith('.css'));
    expect(linked).toHaveLength(1);
    expect(style![1]).toBe(readFileSync(path.join(site.dist, '_astro', linked[0]!), 'utf8').trim());
    const k = kinds.get(SEARCH_PAGE_KIND)!;
    expect(k.n).toBe(1);
    expect(k.frame - Buffer.byteLength(style![0]) - Buffer.byteLength(icon![0])).toBeLessThanOrEqual(FRAME_BUDGET);
  });
});

describe('every payee and every 費目・使途 line is on the sheet\'s pages', () => {
  it('2019-mlit-0199: 910 payees, 60 on the sheet page and 850 on continuation pages 2–5', () => {
    const r = records.get('2019-mlit-0199')!;
    expect(r.payees).toHaveLength(910);
    expect(payeeParts(910).map((p) => [p.n, p.from, p.to])).toEqual([[2, 60, 300], [3, 300, 540], [4, 540, 780], [5, 780, 910]]);
    const page = readPage(sheetFile('2019-mlit-0199'));
    for (const n of [2, 3, 4, 5]) expect(page).toContain(`href="/sheets/2019-mlit-0199/payees/${n}/"`);
  });

  it('each payee of each sheet is on the sheet page or one of its continuation pages, in its part', () => {
    let split = 0;
    for (const [id, r] of records) {
      const parts = payeeParts(r.payees.length);
      if (parts.length === 0) continue;
      split += 1;
      const texts = [sheetFile(id), ...parts.map((p) => sheetFile(id, 'payees', String(p.n)))].map((f) => squash(pageText(readPage(f))));
      r.payees.forEach((p, i) => {
        const part = i < PAYEES_ON_PAGE ? 0 : parts.findIndex((x) => i >= x.from && i < x.to) + 1;
        expect(texts[part], `${id} payee ${i + 1} ${p.name}`).toContain(squash(p.name));
      });
    }
    // 31 of the sample's 392 sheets list more than 60 payees.
    expect(split).toBe(31);
  });

  it('each 費目・使途 line of a sheet with its own blocks page is there', () => {
    let own = 0;
    for (const [id, r] of records) {
      if (!blocksOnOwnPage(r.source.form, r.payees.map((p) => p.block))) continue;
      own += 1;
      const text = squash(pageText(readFileSync(sheetFile(id, 'blocks'), 'utf8')));
      for (const b of r.blocks) for (const e of b.expenses) if (e.purpose) expect(text, `${id} ${b.id}`).toContain(squash(e.purpose).slice(0, 40));
      // The sheet page names every block, linked to its table.
      const page = readPage(sheetFile(id));
      for (const b of r.blocks) expect(page).toContain(`href="/sheets/${id}/blocks/#block-${b.id}"`);
    }
    expect(own).toBeGreaterThan(0);
  });
});

describe('in the browser', () => {
  let served: ServedSite;
  beforeAll(async () => {
    served = await serveAndLaunch(site);
  });
  afterAll(async () => {
    await closeServed(served);
  });

  it('at 390 px stacked tables get their roles and column labels, with no sideways scroll', async () => {
    const { page, errors, close } = await openPage(served.browser, served.server.url('sheets/2024-cao-rs140/'), {
      origin: served.server.origin,
      viewport: { width: 390, height: 844 },
    });
    try {
      const state = await page.evaluate(() => {
        const stack = [...document.querySelectorAll('table.stack')];
        // The first block's payee table (after the top-payees chart and its twin).
        const firstPayeeRow = document.querySelector('#payees h3 ~ .table-wrap table.stack tbody tr');
        return {
          stack: stack.length,
          stacked: document.querySelectorAll('table.stacked[role="table"]').length,
          cells: [...(firstPayeeRow?.children ?? [])].map((c) => [c.getAttribute('role'), c.getAttribute('data-label'), c.className]),
          // Each table's region is named by its caption (aria-labelledby, page-unique ids).
          regions: [...document.querySelectorAll('.table-wrap[role="region"]')].map((r) => {
            const caption = r.querySelector('caption');
            return caption !== null && r.getAttribute('aria-labelledby') === caption.id;
          }),
          ids: [...document.querySelectorAll('caption[id]')].map((c) => c.id),
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(state.stack).toBeGreaterThan(5);
      expect(state.stacked).toBe(state.stack);
      // 順位, 支出先 (the row header after it), 法人番号, 業務概要, 支出額, 注意; each cell with its column's
      // class from the header (the markup states it once, in <thead>), then the phone layout's.
      expect(state.cells).toEqual([
        ['cell', '順位', 'num'],
        ['rowheader', '支出先', ''],
        ['cell', '法人番号', 'corp-no'],
        ['cell', '業務概要', 'note-col'],
        ['cell', '支出額（百万円）', 'num'],
        ['cell', '注意', ''],
      ]);
      expect(state.regions.length).toBeGreaterThan(5);
      expect(state.regions.every(Boolean)).toBe(true);
      expect(new Set(state.ids).size).toBe(state.ids.length);
      expect(state.scroll).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('an amount shows its exact 円 as a title on hover', async () => {
    const { page, close } = await openPage(served.browser, served.server.url('sheets/2024-cao-rs140/'), { origin: served.server.origin });
    try {
      const amount = page.locator('#payees data[value="4850000000"]').first();
      await amount.scrollIntoViewIfNeeded();
      await amount.hover();
      expect(await amount.getAttribute('title')).toBe('4,850,000,000円');
    } finally {
      await close();
    }
  });
});
