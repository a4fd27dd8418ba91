/**
 * The built sites that site tests run against. tests/support/build-sites.ts (the `site` project's
 * globalSetup) builds each once per test run into .test-sites/<name>/ and provides their paths:
 *
 *   import { builtSite } from './sites.ts';
 *   const site = builtSite('base');   // { dist, base, site, contentDir, sheetsDir, … }
 *
 * | name   | sheets                        | BASE                  |
 * |--------|-------------------------------|-----------------------|
 * | `root` | sheets/ (the project samples) | `/`  (built without SITE) |
 * | `base` | sheets/ (the project samples) | `/review-sheet-site/` |
 * | `xss`  | tests/fixtures/xss-sheets/    | `/`                   |
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { listFiles } from './site-text.ts';

export type SiteName = 'root' | 'base' | 'xss';

export interface SiteSpec {
  name: SiteName;
  /** Astro `base` (BASE env), with leading and trailing slash. */
  base: string;
  /** Input sheets folder (SHEETS_DIR), relative to the project root. */
  sheetsDir: string;
  /** Built without SITE (as before a site address is configured): no absolute URL may appear. */
  noSite?: boolean;
}

export interface BuiltSite extends SiteSpec {
  /** Absolute path of the built site (OUT_DIR). */
  dist: string;
  /** Absolute path of the converted entries (CONTENT_DIR; entries are in <contentDir>/sheets/<id>.md). */
  contentDir: string;
  /** Absolute input sheets folder. */
  sheetsPath: string;
  /** SITE the build used (its origin counts as internal in absolute links); unused when `noSite`. */
  site: string;
  /** Build log (convert + astro build + search index output). */
  log: string;
  /** Seconds the build took; 0 when an existing build was reused (REUSE_SITES=1). */
  seconds: number;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const SITES_ROOT = path.join(PROJECT_ROOT, '.test-sites');
export const SITES_MANIFEST = path.join(SITES_ROOT, 'sites.json');
/** SITE used for test builds: a reserved name, so no absolute link can reach a real host. */
export const TEST_SITE_ORIGIN = 'https://review-sheets.example';

export const SITE_SPECS: readonly SiteSpec[] = [
  { name: 'root', base: '/', sheetsDir: 'sheets', noSite: true },
  { name: 'base', base: '/review-sheet-site/', sheetsDir: 'sheets' },
  { name: 'xss', base: '/', sheetsDir: 'tests/fixtures/xss-sheets' },
];

export type BuiltSites = Partial<Record<SiteName, BuiltSite>>;

declare module 'vitest' {
  interface ProvidedContext {
    sites: BuiltSites;
  }
}

/**
 * The built site `name`. Inside the `site` project the paths come from the globalSetup (inject); elsewhere
 * (e.g. a script) from .test-sites/sites.json. Throws when the site was not built in this run.
 */
export function builtSite(name: SiteName): BuiltSite {
  let sites: BuiltSites | undefined;
  try {
    sites = inject('sites');
  } catch {
    sites = undefined;
  }
  if (sites === undefined && existsSync(SITES_MANIFEST)) {
    sites = JSON.parse(readFileSync(SITES_MANIFEST, 'utf8')) as BuiltSites;
  }
  const found = sites?.[name];
  if (!found) {
    throw new Error(
      `site "${name}" was not built: run site tests through vitest's \`site\` project ` +
        '(npm run test:site), and do not exclude it with TEST_SITES',
    );
  }
  return found;
}

/** Ids of the entries the converter wrote for a built site (from <contentDir>/sheets/*.md), sorted. */
export function entryIds(site: BuiltSite): string[] {
  const dir = path.join(site.contentDir, 'sheets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The record of entry `id` of a built site, as the converter wrote it (frontmatter of <id>.md). */
export function entryRecord(site: BuiltSite, id: string): Record<string, unknown> {
  const file = path.join(site.contentDir, 'sheets', `${id}.md`);
  return parseEntry(readFileSync(file, 'utf8'), file).data;
}

/**
 * The site path (relative to the base, e.g. `sheets/2022-soumu-t1a2b3c4d/`) of the page of entry `id`:
 * the HTML file whose folder (or file name) is the id. Throws when there is none or more than one.
 */
export function sheetPagePath(site: BuiltSite, id: string): string {
  const matches = listFiles(site.dist, '.html')
    .map((f) => path.relative(site.dist, f).split(path.sep).join('/'))
    .filter((rel) => rel.endsWith(`/${id}/index.html`) || rel === `${id}/index.html` || rel.endsWith(`/${id}.html`))
    // A project page may carry its earliest sheet's id as its key (/projects/<id>/): the sheet's page is the one under sheets/.
    .filter((rel, _, all) => all.length === 1 || rel.startsWith('sheets/'));
  if (matches.length !== 1) {
    throw new Error(`expected one page for sheet ${id} in ${site.dist}, found ${matches.length}: ${matches.join(', ')}`);
  }
  return matches[0]!.replace(/index\.html$/, '');
}

/**
 * The site path of the list page that links to the most sheet pages, other than the home page
 * (e.g. `sheets/`); `null` when no other page links to a sheet page.
 */
export function busiestListPagePath(site: BuiltSite): string | null {
  const ids = entryIds(site);
  let best: { rel: string; count: number } | null = null;
  for (const file of listFiles(site.dist, '.html')) {
    const rel = path.relative(site.dist, file).split(path.sep).join('/');
    if (rel === 'index.html' || rel === '404.html') continue;
    if (ids.some((id) => rel.endsWith(`/${id}/index.html`) || rel === `${id}/index.html`)) continue;
    const html = readFileSync(file, 'utf8');
    const count = ids.filter((id) => html.includes(`/${id}/"`) || html.includes(`/${id}/#`)).length;
    if (count > 0 && (best === null || count > best.count)) best = { rel, count };
  }
  return best === null ? null : best.rel.replace(/index\.html$/, '');
}
