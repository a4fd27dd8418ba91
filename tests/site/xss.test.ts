/**
 * Sheet text is untrusted. End to end: tests/fixtures/xss-sheets holds a real sample sheet with script
 * payloads in its text fields (see its README); it is converted and built as its own site (`xss`), and
 * every page of that site, the sheet's published JSON and the search results are loaded in Chromium
 * with a trap: nothing may execute (no dialog, `window.__xss` never assigned), no payload may become an
 * element or attribute in the DOM, and the payload text must show as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeServed, serveAndLaunch, openPage } from '../support/browser.ts';
import type { StaticServer } from '../support/server.ts';
import { builtSite, entryIds, sheetPagePath } from '../support/sites.ts';
import { listFiles, readPage, scanTags, urlPathOf } from '../support/site-text.ts';
import { publishedRecord } from '../support/published-records.ts';

const site = builtSite('xss');
const TITLE_SCRIPT = "<script>window.__xss='title';alert('title')</script>";

/**
 * Runs before any page script: every assignment to window.__xss (from this frame or a child frame via
 * parent.__xss) is recorded, so a payload cannot hide by being overwritten by a later one.
 */
const TRAP = `(() => {
  const top = window.top === window ? window : null;
  if (!top) return;
  const hits = [];
  Object.defineProperty(window, '__xssHits', { value: hits });
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return hits[hits.length - 1]; },
    set(v) { hits.push(String(v)); },
  });
})();`;

interface Trapped {
  dialogs: string[];
  hits: string[];
  injected: string[];
}

/** Elements and attributes that a payload would have created if any sheet text were parsed as HTML. */
function findInjected(): string[] {
  const found: string[] = [];
  const show = (el: Element) => el.outerHTML.slice(0, 200);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') && /__xss|alert\(/.test(a.value)) found.push(`event handler: ${show(el)}`);
      if (/^(href|src|action|formaction|data|xlink:href|poster)$/.test(name)) {
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (v.startsWith('javascript:')) found.push(`javascript: URL: ${show(el)}`);
        if (v.startsWith('data:text/html')) found.push(`data:text/html URL: ${show(el)}`);
      }
      if (name === 'srcdoc') found.push(`iframe srcdoc: ${show(el)}`);
    }
  }
  for (const el of document.querySelectorAll('img[src="x"], svg[onload], iframe, object, embed')) {
    found.push(`element: ${show(el)}`);
  }
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
    const executable = type === '' || type === 'module' || /javascript|ecmascript/.test(type);
    if (executable && (s.textContent ?? '').includes('__xss')) found.push(`script: ${show(s)}`);
    if (/json/.test(type)) {
      try {
        JSON.parse(s.textContent ?? '');
      } catch {
        found.push(`JSON script cut short (a payload closed it): ${show(s)}`);
      }
    }
  }
  for (const st of document.querySelectorAll('style')) {
    if ((st.textContent ?? '').includes('body{display:none}')) found.push(`style: ${show(st)}`);
  }
  if (document.body && getComputedStyle(document.body).display === 'none') found.push('body hidden by injected CSS');
  return found;
}

let server: StaticServer;
let browser: Browser;
let id: string;

beforeAll(async () => {
  const ids = entryIds(site);
  if (ids.length !== 1) throw new Error(`the xss fixture should convert to exactly one entry, got ${ids.length}: ${ids.join(', ')}`);
  id = ids[0]!;
  ({ server, browser } = await serveAndLaunch(site));
});

afterAll(() => closeServed({ server, browser }));

/** Opens `url` with the trap, lets `act` interact, then returns what the trap and the DOM scan saw. */
async function visit(url: string, act?: (page: Page) => Promise<void>): Promise<Trapped & { text: string }> {
  const dialogs: string[] = [];
  const { page, close } = await openPage(browser, url, { origin: server.origin, initScript: TRAP, noNavigate: true });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    if (act) await act(page);
    // Give late renderers (charts, search results, lazy sections) a moment to run any payload.
    await page.waitForTimeout(300);
    const hits = await page.evaluate(() => [...((window as unknown as { __xssHits?: string[] }).__xssHits ?? [])]);
    const injected = await page.evaluate(findInjected);
    const text = await page.evaluate(() => document.body?.innerText ?? document.documentElement.textContent ?? '');
    return { dialogs, hits, injected, text };
  } finally {
    await close();
  }
}

function expectClean(where: string, seen: Trapped): void {
  expect(seen.dialogs, `${where}: a payload opened a dialog`).toEqual([]);
  expect(seen.hits, `${where}: a payload ran and set window.__xss`).toEqual([]);
  expect(seen.injected, `${where}: payload markup became DOM`).toEqual([]);
}

describe('sheet text with script payloads (xss fixture)', () => {
  it('reaches the published record unchanged, as text', () => {
    const json = publishedRecord(site.dist, id) as Record<string, unknown>;
    const title = json.title as string;
    expect(title).toContain(TITLE_SCRIPT);
    expect(title).toContain(`"'><img src=x onerror="window.__xss='title-img'">{{7*7}}\${7*7}`);
    // Without payloads in many fields this suite would prove little: count the fields that carry one.
    const carrying: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'string' && v.includes('__xss')) carrying.push(at);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
    };
    walk(json, '');
    expect(carrying.length, `fields carrying a payload: ${carrying.join(', ')}`).toBeGreaterThanOrEqual(12);
  });

  it('no built HTML file carries a payload as markup', () => {
    // Scans tags the way a browser tokenizes them: a payload inside a quoted attribute value
    // (`content="…<script>…"`, legal and inert) is not a tag; one that became a tag is.
    const problems: string[] = [];
    for (const file of listFiles(site.dist, '.html')) {
      const rel = path.relative(site.dist, file);
      for (const tag of scanTags(readPage(file))) {
        const where = `${rel}: <${tag.name}${Object.entries(tag.attrs).map(([k, v]) => ` ${k}="${v.slice(0, 60)}"`).join('')}>`;
        if (tag.name === 'img' && tag.attrs.src === 'x') problems.push(where);
        if (tag.name === 'iframe' || (tag.name === 'svg' && 'onload' in tag.attrs)) problems.push(where);
        for (const [name, value] of Object.entries(tag.attrs)) {
          if (name.startsWith('on') && /__xss|alert\(/.test(value)) problems.push(where);
          if (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
            problems.push(where);
          }
        }
        const type = (tag.attrs.type ?? '').toLowerCase();
        const body = (tag.rawText ?? '').trim();
        if (tag.name === 'script' && /^(window|parent)\.__xss/.test(body)) problems.push(`${where} (payload became a script)`);
        if (tag.name === 'script' && /json/.test(type)) {
          try {
            JSON.parse(body);
          } catch {
            problems.push(`${where} (JSON data cut short by a payload)`);
          }
        }
        if (tag.name === 'style' && body.includes('body{display:none}')) problems.push(`${where} (payload style)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the sheet page runs nothing and shows the payloads as text', async () => {
    const seen = await visit(server.url(sheetPagePath(site, id)));
    expectClean('sheet page', seen);
    const json = publishedRecord(site.dist, id) as { title: string };
    expect(seen.text).toContain(TITLE_SCRIPT);
    expect(seen.text).toContain(json.title);
    expect(seen.text).toContain('{{7*7}}');
  });

  it('the published JSON runs nothing', async () => {
    const seen = await visit(server.url(`data/sheets/${id}.json`));
    expectClean('sheet JSON', seen);
    expect(seen.text).toContain("window.__xss='title'");
  });

  it('every other page of the site runs nothing', async () => {
    const sheetPage = sheetPagePath(site, id);
    const others = listFiles(site.dist, '.html')
      .map((f) => urlPathOf(site.dist, site.base, f))
      .filter((p) => p !== `${site.base}${sheetPage}`);
    expect(others.length).toBeGreaterThan(0);
    for (const p of others.slice(0, 80)) {
      expectClean(p, await visit(`${server.origin}${p}`));
    }
  });

  it('search results for the sheet run nothing and show its title as text', async () => {
    const seen = await visit(server.url('search/'), async (page) => {
      const box = page.locator('main input[type="search"], main input[type="text"]').first();
      await box.waitFor({ state: 'visible', timeout: 15_000 });
      await box.fill('サイバーセキュリティ');
      await box.press('Enter');
      await page.getByText('XSS検査用', { exact: false }).first().waitFor({ timeout: 15_000 });
    });
    expectClean('search results', seen);
    expect(seen.text).toContain('XSS検査用サイバーセキュリティ情報共有推進事業<script>');
  });
});
