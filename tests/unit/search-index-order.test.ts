/**
 * The index's page order (indexRank, src/shared/search/page-kind.ts): sheet pages, then their continuation
 * pages, then the rest. The search keeps it between results matched at the same place, so a project's
 * sheets come before its lists of payees (tests/site/search.test.ts checks that through the search page on
 * the sample site, built through Astro). Here: the same order from a built site's files
 * (scripts/search-index/find-pages.ts, what `node scripts/build-search.ts` indexes).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_MARKER, findIndexablePages } from '../../scripts/search-index/find-pages.ts';
import { indexRank, pageKind } from '../../src/shared/search/page-kind.ts';

const dist = mkdtempSync(path.join(os.tmpdir(), 'index-order-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function page(url: string, indexed = true): void {
  const dir = path.join(dist, ...url.split('/').filter(Boolean));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><main${indexed ? ` ${BODY_MARKER}` : ''}>${url}</main>`);
}

describe("the index's page order", () => {
  it('ranks sheet pages, then continuation pages, then the rest', () => {
    expect(indexRank(pageKind('/sheets/2024-cao-rs140/')?.kind)).toBe(0);
    expect(indexRank(pageKind('/sheets/2024-cao-rs140/payees/2/')?.kind)).toBe(1);
    expect(indexRank(pageKind('/sheets/2024-cao-rs140/blocks/')?.kind)).toBe(1);
    expect(indexRank(pageKind('/payees/7010001008844/')?.kind)).toBe(2);
    expect(indexRank(pageKind('/about/')?.kind)).toBe(2);
  });

  it("lists a built site's pages in it, each group in URL order", async () => {
    for (const url of ['/sheets/b/payees/2/', '/sheets/a/', '/payees/7010001008844/', '/sheets/a/blocks/', '/sheets/b/', '/sheets/a/payees/2/']) page(url);
    page('/about/', false);
    const found = await findIndexablePages(dist, path.join(dist, 'pagefind'));
    expect(found.map((p) => p.url)).toEqual([
      '/sheets/a/',
      '/sheets/b/',
      '/sheets/a/blocks/',
      '/sheets/a/payees/2/',
      '/sheets/b/payees/2/',
      '/payees/7010001008844/',
    ]);
  });
});
