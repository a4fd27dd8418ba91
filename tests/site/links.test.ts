/**
 * Link check of the built site in both hosting settings: at the root of a domain (BASE=/) and under a
 * project path as on GitHub Pages (BASE=/review-sheet-site/). See tests/support/link-check.ts for what
 * counts as a reference and how it must resolve.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../support/link-check.ts';
import { builtSite, entryIds } from '../support/sites.ts';
import type { SiteName } from '../support/sites.ts';

function report(name: string, broken: string[]): string {
  const shown = broken.slice(0, 200);
  const more = broken.length > shown.length ? `\n… and ${broken.length - shown.length} more` : '';
  return `${broken.length} broken link(s) in the "${name}" site:\n${shown.join('\n')}${more}`;
}

describe.each(['root', 'base'] as const)('links of the built site (%s)', (name: SiteName) => {
  it('every internal link and asset resolves to a file under the base', async () => {
    const site = builtSite(name);
    const result = await checkLinks({ dist: site.dist, base: site.base, siteOrigin: site.site });
    // The crawl covered the site: at least a page per converted sheet plus the home page, each linking.
    const ids = entryIds(site);
    expect(ids.length).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(ids.length);
    expect(result.internal).toBeGreaterThan(result.pages);
    expect(result.broken, report(name, result.broken)).toEqual([]);
  });
});

describe('the link checker', () => {
  // A tiny hand-made dist with one good and one bad reference of each kind, so a checker that passes
  // everything (or flags good links) fails here rather than silently in the real crawl.
  const dist = mkdtempSync(path.join(tmpdir(), 'link-check-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
    writeFileSync(path.join(dist, rel), text);
  };
  write(
    'index.html',
    `<!doctype html><a href="/p/sheets/a/">ok dir</a><a href="sheets/a/#top">ok rel+id</a>
     <a href="/p/sheets/a">ok redirect</a><a href="https://site.example/p/">ok absolute</a>
     <a href="https://other.example/x">external</a><a href="mailto:a@b.example">mail</a>
     <img src="/p/img.png" srcset="/p/img.png 1x, /p/missing@2x.png 2x" alt="">
     <a href="/sheets/a/">escapes base</a><a href="/p/sheets/b/">missing page</a>
     <a href="sheets/a/#nope">missing id</a><a href=" JavaScript:alert(1)">js</a>
     <link rel="stylesheet" href="/p/s.css"><script src="/p/gone.js"></script>
     <a title="a > b" href="/p/nowhere/">quoted gt</a><!-- <a href="/p/commented/"> -->`,
  );
  write('sheets/a/index.html', '<h1 id="top">A</h1><a href="../../">home</a><a href="../../../">above root</a>');
  write('img.png', 'png');
  write('s.css', 'body{background:url(img.png)} .x{background:url("/p/none.svg")}');

  it('reports exactly the broken references, with the reason', async () => {
    const result = await checkLinks({ dist, base: '/p/', siteOrigin: 'https://site.example' });
    expect(result.pages).toBe(2);
    expect(result.external).toBe(1);
    expect(result.broken.map((line) => line.replace(/ {2}→ .*/, ''))).toEqual([
      '/p/  img[srcset]="/p/missing@2x.png"',
      '/p/  a[href]="/sheets/a/"',
      '/p/  a[href]="/p/sheets/b/"',
      '/p/  a[href]="sheets/a/#nope"',
      '/p/  a[href]=" JavaScript:alert(1)"',
      '/p/  script[src]="/p/gone.js"',
      '/p/  a[href]="/p/nowhere/"',
      '/p/sheets/a/  a[href]="../../../"',
      '/p/s.css  css url()="/p/none.svg"',
    ]);
    expect(result.broken.find((l) => l.includes('"/sheets/a/"'))).toMatch(/leaves the base \/p\//);
    expect(result.broken.find((l) => l.includes('#nope'))).toMatch(/no element with id "nope"/);
  });
});
