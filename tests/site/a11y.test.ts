/**
 * Accessibility of the built site (project-path build, BASE=/review-sheet-site/), in Chromium:
 * - axe-core finds no serious or critical violation on the home page, the richest sheet page of each
 *   source form, a payee continuation page and a 費目・使途 page, the list page linking the most sheets, the search page (with a query entered, so its
 *   results are checked too), the longest payee profile and the newest year's rankings;
 * - on a 390 px wide phone none of them scrolls sideways (wide tables scroll inside their own box);
 * - none of them logs an error, fails a request or calls another origin.
 */
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeServed, serveAndLaunch, openPage } from '../support/browser.ts';
import type { StaticServer } from '../support/server.ts';
import { builtSite, busiestListPagePath, entryIds, entryRecord, sheetPagePath } from '../support/sites.ts';
import { isValidCorporateNumber } from '../../src/shared/corporate-number.ts';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
/** A word that appears in the sample sheets, so the search page shows results. */
const SEARCH_QUERY = 'セキュリティ';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const site = builtSite('base');
let server: StaticServer;
let browser: Browser;

/** The entry with the largest record of a source form: the sheet page with the most sections to check. */
function richestSheetId(form: 'text' | 'rs-csv' | 'judgit'): string {
  const sized = entryIds(site)
    .filter((id) => (entryRecord(site, id).source as { form?: string } | undefined)?.form === form)
    .map((id) => ({ id, size: statSync(path.join(site.contentDir, 'sheets', `${id}.md`)).size }))
    .sort((a, b) => b.size - a.size);
  if (!sized[0]) throw new Error(`no ${form} entry in ${site.contentDir}`);
  return sized[0].id;
}

const pages: { name: string; path: () => string; search?: boolean }[] = [
  { name: 'home page', path: () => '' },
  { name: 'sheet page (text form)', path: () => sheetPagePath(site, richestSheetId('text')) },
  { name: 'sheet page (RS form)', path: () => sheetPagePath(site, richestSheetId('rs-csv')) },
  // RS 5-4 contracts with the reason column, 5-3 lines under their payee, 資金の流れの補足情報 (予算事業ID 12).
  { name: 'sheet page (RS form, 5-4 contracts)', path: () => sheetPagePath(site, '2024-digital-rs12') },
  { name: 'sheet page (JUDGIT form)', path: () => sheetPagePath(site, richestSheetId('judgit')) },
  // The payees past a sheet page's first 60, and the 費目・使途 tables of a sheet with over 20 payee blocks
  // (src/lib/view/payee-pages.ts).
  { name: 'payee continuation page', path: () => 'sheets/2019-mlit-0199/payees/2/' },
  { name: '費目・使途 page', path: () => 'sheets/2024-soumu-rs860/blocks/' },
  {
    name: 'list page',
    path: () => {
      const p = busiestListPagePath(site);
      if (p === null) throw new Error('no list page: no page other than the home page links to sheet pages');
      return p;
    },
  },
  { name: 'search page', path: () => 'search/', search: true },
  { name: 'payee profile (most lines)', path: () => `payees/${busiestPayee()}/` },
  { name: 'rankings page (newest year)', path: () => `rankings/${Math.max(...entryIds(site).map((id) => entryRecord(site, id).fiscalYear as number))}/` },
];

/** The valid 法人番号 listed on the most payee lines of the site (its profile is the longest). */
function busiestPayee(): string {
  const count = new Map<string, number>();
  for (const id of entryIds(site)) {
    for (const p of (entryRecord(site, id).payees as { corporateNumber: string | null }[] | undefined) ?? []) {
      if (isValidCorporateNumber(p.corporateNumber)) count.set(p.corporateNumber, (count.get(p.corporateNumber) ?? 0) + 1);
    }
  }
  // The payee with the most lines among those with a profile page (named in two projects or more).
  const best = [...count].filter(([n]) => existsSync(path.join(site.dist, 'payees', n, 'index.html'))).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) throw new Error('no payee profile in the sample');
  return best[0];
}

/** Types the query into the page's own search box and waits until the live region announces the result. */
async function enterQuery(page: Page): Promise<void> {
  const box = page.locator('main input[type="search"], main input[type="text"]').first();
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  await box.fill(SEARCH_QUERY);
  await box.press('Enter');
  await page.waitForFunction(
    () => [...document.querySelectorAll('[role="status"], [aria-live]')].some((el) => (el.textContent ?? '').trim() !== ''),
    null,
    { timeout: 20_000 },
  );
  await page.waitForLoadState('networkidle');
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join('\n'),
    )
    .join('\n');
}

beforeAll(async () => {
  ({ server, browser } = await serveAndLaunch(site));
});

afterAll(() => closeServed({ server, browser }));

describe.each(pages)('$name', ({ path: pagePath, search }) => {
  it('has no serious or critical axe violation and loads without errors', async () => {
    const { page, errors, close } = await openPage(browser, server.url(pagePath()), {
      origin: server.origin,
      waitUntil: 'networkidle',
    });
    try {
      if (search) await enterQuery(page);
      const violations = await runAxe(page);
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe, describeViolations(severe)).toEqual([]);
      expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('does not scroll sideways at 390 px', async () => {
    const { page, close } = await openPage(browser, server.url(pagePath()), {
      origin: server.origin,
      viewport: PHONE,
      waitUntil: 'networkidle',
    });
    try {
      if (search) await enterQuery(page);
      const { scrollWidth, overflowing } = await page.evaluate(() => {
        const root = document.scrollingElement!;
        const width = root.scrollWidth;
        // Say what makes the page wide: descend into the elements whose removal narrows the page
        // (works for long unbreakable text too, which no element box reveals).
        const culprits: string[] = [];
        const name = (el: Element) => {
          const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
        };
        const descend = (el: Element, trail: string) => {
          let deeper = false;
          for (const child of el.children) {
            const style = (child as HTMLElement).style;
            if (!style) continue;
            const old = style.display;
            style.display = 'none';
            const narrower = root.scrollWidth < width;
            style.display = old;
            if (narrower) {
              deeper = true;
              descend(child, `${trail} > ${name(child)}`);
            }
          }
          if (!deeper && culprits.length < 5) {
            culprits.push(`${trail} “${(el.textContent ?? '').trim().slice(0, 60)}”`);
          }
        };
        if (width > window.innerWidth) descend(document.body, 'body');
        return { scrollWidth: width, overflowing: culprits };
      });
      expect(scrollWidth, `page is ${scrollWidth}px wide; widened by:\n${overflowing.join('\n')}`).toBeLessThanOrEqual(
        PHONE.width,
      );
    } finally {
      await close();
    }
  });
});
