/**
 * A page's links under the base, made relative to the page where that is shorter
 * (src/lib/markup/relative-links.ts); resolved against the page's URL they are the same links.
 */
import { describe, expect, it } from 'vitest';
import { relativeLinks } from '../../src/lib/markup/relative-links.ts';

const BASE = '/review-sheet-site/';
const rewrite = (html: string, base: string, page: string) => Buffer.from(relativeLinks(Buffer.from(html), base, page)).toString('utf8');

describe('relativeLinks', () => {
  const page =
    '<a href="/review-sheet-site/">ホーム</a><a href="/review-sheet-site/ministries/cao/#x">内閣府</a>' +
    '<script type="module" src="/review-sheet-site/_astro/a.js"></script><form action="/review-sheet-site/search/" method="get"></form>' +
    '<link rel="canonical" href="https://x.example/review-sheet-site/sheets/a/"><a href="https://other.example/review-sheet-site/">外部</a>' +
    '<div data-bundle="/review-sheet-site/pagefind/"></div><p>href="/review-sheet-site/ は本文</p>';

  it('rewrites href, src and action under the base, relative to a page two folders down', () => {
    const out = rewrite(page, BASE, '/sheets/2015-cao-0126/');
    expect(out).toContain('<a href="../../">ホーム</a><a href="../../ministries/cao/#x">');
    expect(out).toContain('src="../../_astro/a.js"');
    expect(out).toContain('action="../../search/"');
    // Absolute URLs, other attributes and text stay as they are.
    expect(out).toContain('<link rel="canonical" href="https://x.example/review-sheet-site/sheets/a/">');
    expect(out).toContain('href="https://other.example/review-sheet-site/"');
    expect(out).toContain('data-bundle="/review-sheet-site/pagefind/"');
    expect(out).toContain('<p>href="/review-sheet-site/ は本文</p>');
    // Each resolves, from the page, to where it led.
    const from = new URL('https://x.example/review-sheet-site/sheets/2015-cao-0126/');
    expect(new URL('../../ministries/cao/#x', from).pathname).toBe('/review-sheet-site/ministries/cao/');
  });

  it('from the site root, the root itself is "./"', () => {
    const out = rewrite(page, BASE, '/');
    expect(out).toContain('<a href="./">ホーム</a><a href="ministries/cao/#x">');
  });

  it('leaves a page alone where relative links are not shorter, or that is served at other URLs', () => {
    expect(rewrite(page, '/', '/sheets/a/')).toBe(page);
    expect(rewrite(page, '/p/', '/sheets/a/payees/2/')).toBe(page);
    expect(rewrite(page, BASE, '/404.html')).toBe(page);
    expect(rewrite(page, BASE, '/404/')).toBe(page);
  });
});
