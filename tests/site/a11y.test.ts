/**
 * Accessibility of the built site (project-path build, BASE=/review-sheet-site/), in Chromium:
 * - axe-core finds no serious or critical violation on the home page, a sheet page, a list page and the
 *   search page (with a query entered, so its results are checked too);
 * - on a 390 px wide phone none of them scrolls sideways (wide tables scroll inside their own box);
 * - none of them logs an error, fails a request or calls another origin.
 */
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser.ts';
import { serveDist } from '../support/server.ts';
import type { StaticServer } from '../support/server.ts';
import { builtSite, busiestListPagePath, entryIds, sheetPagePath } from '../support/sites.ts';

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

/** The entry with the largest record: the sheet page with the most sections to check. */
function richestSheetId(): string {
  const ids = entryIds(site);
  const size = (id: string) => statSync(path.join(site.contentDir, 'sheets', `${id}.md`)).size;
  return ids.reduce((a, b) => (size(b) > size(a) ? b : a));
}

const pages: { name: string; path: () => string; search?: boolean }[] = [
  { name: 'home page', path: () => '' },
  { name: 'sheet page', path: () => sheetPagePath(site, richestSheetId()) },
  {
    name: 'list page',
    path: () => {
      const p = busiestListPagePath(site);
      if (p === null) throw new Error('no list page: no page other than the home page links to sheet pages');
      return p;
    },
  },
  { name: 'search page', path: () => 'search/', search: true },
];

/** Types the query into the page's search box and waits until results (or a no-results message) show. */
async function enterQuery(page: Page): Promise<void> {
  const box = page.locator('input[type="search"], input[type="text"]').first();
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  await box.fill(SEARCH_QUERY);
  await box.press('Enter').catch(() => undefined);
  // Results render asynchronously (Pagefind loads its index in chunks); wait for the network to settle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
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
  server = await serveDist(site.dist, { base: site.base });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
        const limit = window.innerWidth;
        const clipped = (el: Element): boolean => {
          for (let a = el.parentElement; a; a = a.parentElement) {
            if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) return true;
          }
          return false;
        };
        // The outermost elements sticking out past the right edge, to say what makes the page wide.
        const overflowing = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && !clipped(el))
          .filter((el, _, all) => !all.includes(el.parentElement as Element))
          .slice(0, 10)
          .map((el) => {
            const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
            return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
          });
        return { scrollWidth: document.scrollingElement!.scrollWidth, overflowing };
      });
      expect(scrollWidth, `page is ${scrollWidth}px wide; sticking out: ${overflowing.join(', ')}`).toBeLessThanOrEqual(
        PHONE.width,
      );
    } finally {
      await close();
    }
  });
});
