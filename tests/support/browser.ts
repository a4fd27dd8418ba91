/**
 * Headless Chromium for site tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download; `bash run.sh test` installs the Debian package when it is missing).
 *
 *   const browser = await launchBrowser();
 *   const { page, errors } = await openPage(browser, server.url('sheets/'), { origin: server.origin });
 *   …
 *   expect(errors).toEqual([]);
 *   await browser.close();
 *
 * `openPage` returns a fresh context + page and a live list of problems the page reported: console errors,
 * uncaught exceptions, failed requests and HTTP ≥ 400 responses from the site, and any request to another
 * origin (blocked: the built site must work offline and must not call third parties).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveDist, type StaticServer } from './server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(`bash run.sh test` does this), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(`could not launch Chromium at ${CHROMIUM_PATH}: ${(err as Error).message}`, { cause: err });
  }
}

export interface PageProblem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http' | 'external';
  text: string;
}

export interface OpenPageOptions {
  /** The test server's origin; requests to any other origin are aborted and reported as `external`. */
  origin?: string;
  /** Viewport; default 1280×800. Use `{ width: 390, height: 844 }` for a phone. */
  viewport?: { width: number; height: number };
  /** Runs in the page before any of its scripts (e.g. to set traps). */
  initScript?: string | (() => void);
  /** Navigation wait condition; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
  /** Skip navigation (open a blank page with the listeners attached). */
  noNavigate?: boolean;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Problems reported so far; keeps filling while the page lives. */
  errors: PageProblem[];
  /** Closes the context (and so the page). */
  close(): Promise<void>;
}

/** Attaches listeners that record what the page reports as wrong. */
export function collectProblems(page: Page, origin?: string): PageProblem[] {
  const errors: PageProblem[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push({ kind: 'console', text: `${msg.text()} (${msg.location().url})` });
  });
  page.on('pageerror', (err) => errors.push({ kind: 'pageerror', text: err.stack ?? err.message }));
  page.on('requestfailed', (req) => {
    const external = origin !== undefined && !req.url().startsWith(origin);
    if (!external) errors.push({ kind: 'requestfailed', text: `${req.url()}: ${req.failure()?.errorText ?? ''}` });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push({ kind: 'http', text: `${res.status()} ${res.url()}` });
  });
  return errors;
}

export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const page = await context.newPage();
  const errors = collectProblems(page, options.origin);
  if (options.origin !== undefined) {
    const origin = options.origin;
    await context.route(
      (u) => u.origin !== origin && (u.protocol === 'http:' || u.protocol === 'https:'),
      async (route) => {
        errors.push({ kind: 'external', text: route.request().url() });
        await route.abort('blockedbyclient');
      },
    );
  }
  if (options.initScript !== undefined) {
    await context.addInitScript(
      typeof options.initScript === 'string' ? { content: options.initScript } : options.initScript,
    );
  }
  if (!options.noNavigate) {
    await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
    await pageBodyIn(page);
  }
  return { context, page, errors, close: () => context.close() };
}

/**
 * Waits until a page's body (published apart, src/client/page-body.ts) is in or has failed, so a
 * test sees the whole page as a reader does; at once on any other page.
 */
export async function pageBodyIn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('div[data-page-body^="."]:not([data-state])') === null);
}

/** A built site served over HTTP with a Chromium to visit it: what a browser test file opens in beforeAll. */
export interface ServedSite {
  server: StaticServer;
  browser: Browser;
}

/** Serves `site.dist` at `site.base` and launches Chromium. */
export async function serveAndLaunch(site: { dist: string; base: string }): Promise<ServedSite> {
  const server = await serveDist(site.dist, { base: site.base });
  try {
    return { server, browser: await launchBrowser() };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/** Closes what serveAndLaunch opened (either may be missing when beforeAll failed). */
export async function closeServed({ server, browser }: Partial<ServedSite>): Promise<void> {
  await browser?.close();
  await server?.close();
}
