/**
 * The search indexes text made from each page's record (src/lib/view/search-text.ts, through
 * scripts/search-index/page-source.ts), not read back from the page. This checks that the two cannot
 * drift apart: for every page of the built sample sites, the page is indexed exactly when it has a
 * `data-pagefind-body`, and the text made from its record is the page's indexed text — read here (and only
 * here, in the test) from the built HTML by Pagefind's rules (extract-page.ts) — character for character
 * once whitespace is removed as the search removes it (normalizeForMatch): the same text, so the same
 * words, bigrams and positions. The search record handed on is the one a payee profile states; a sheet
 * page and its continuation pages state none (their records are made from the entry: tests/site/pages.test.ts
 * holds the built index's to searchRecord).
 *
 * Sites: `root` (the project's samples: text sheets, RS 2024, JUDGIT years) and `xss` (sheets whose text
 * is markup, entities and scripts, which the page must show as text and the index must hold as text).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../scripts/search-index/extract-page.ts';
import { bundleFragments } from '../support/fragments.ts';
import { sheetKindText } from '../../src/lib/view/search-text.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { parseRecordMeta, RECORD_META } from '../../src/shared/search/record-place.ts';
import { EntrySource, pageSource } from '../../scripts/search-index/page-source.ts';
import { pageKind } from '../../src/shared/search/page-kind.ts';
import { normalizeForMatch } from '../../src/shared/search/tokens.ts';
import { listFiles, readPage, urlPathOf } from '../support/site-text.ts';
import { builtSite, entryIds, type SiteName } from '../support/sites.ts';

/** Where two normalised texts first differ, with some context of each. */
function firstDifference(page: string, made: string): string {
  let i = 0;
  while (i < page.length && page[i] === made[i]) i += 1;
  return `at ${i} of ${page.length} (made: ${made.length}): page «…${page.slice(Math.max(0, i - 30), i + 50)}» made «…${made.slice(Math.max(0, i - 30), i + 50)}»`;
}

function checkSite(name: SiteName, minimum: Record<string, number>) {
  describe(`${name} site`, () => {
    it('indexes every page search indexes with the text the page shows, made from its record', () => {
      const site = builtSite(name);
      const entries = new EntrySource(site.contentDir);
      const differences: string[] = [];
      const kinds: Record<string, number> = {};
      let indexed = 0;
      for (const file of listFiles(site.dist, '.html')) {
        if (file.includes(`${path.sep}pagefind${path.sep}`)) continue;
        const html = readPage(file);
        // The URL relative to the site base, as the indexer gets it.
        const url = `/${urlPathOf(site.dist, site.base, file).slice(site.base.length)}`;
        const shown = extractPage(html);
        const made = pageSource({ url, html }, entries);
        if (shown === null || made === null) {
          if (shown !== made) differences.push(`${url}: ${shown === null ? 'indexed, but the page has no data-pagefind-body' : 'not indexed, but the page has data-pagefind-body'}`);
          continue;
        }
        indexed += 1;
        const kind = pageKind(url)!.kind;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        const a = normalizeForMatch(shown.indexText);
        const b = normalizeForMatch(made.indexText);
        if (a !== b) differences.push(`${url}: ${firstDifference(a, b)}`);
        // The display text (result excerpts) holds the same characters.
        if (normalizeForMatch(made.text) !== b) differences.push(`${url}: the display text differs from the indexed text`);
        // The record handed on is a payee profile's own (its names are only for the text); a sheet page and
        // its continuation pages state none (issue 18): theirs is made from the entry, as their pages were.
        if (kind === 'payee') {
          const { names: _names, ...meta } = shown.record!.meta;
          expect(made.record, url).toEqual({ ...shown.record, meta });
        } else {
          expect(shown.record, url).toBeNull();
          expect(made.record, url).not.toBeNull();
        }
      }
      expect(differences).toEqual([]);
      // Every sheet is indexed, and every kind of indexed page occurs.
      expect(kinds.sheet).toBe(entryIds(site).length);
      for (const [kind, n] of Object.entries(minimum)) expect(kinds[kind] ?? 0, kind).toBeGreaterThanOrEqual(n);
      expect(indexed).toBe(Object.values(kinds).reduce((s, n) => s + n, 0));
    });

    it("holds no text in the fragment of a page made from a record, but the record's place, whose record makes the page's text", () => {
      const site = builtSite(name);
      const entries = new EntrySource(site.contentDir);
      const problems: string[] = [];
      let fromRecords = 0;
      for (const { fragment } of bundleFragments(path.join(site.dist, 'pagefind', 'fragment'))) {
        const kind = pageKind(fragment.url);
        const at = parseRecordMeta(fragment.meta[RECORD_META]);
        if (kind === null || kind.kind === 'payee') {
          // A payee profile's fragment holds its text (its name and 法人番号), as Pagefind's do.
          if (at !== null || fragment.content === '') problems.push(`${fragment.url}: a payee profile's fragment without its text`);
          continue;
        }
        fromRecords += 1;
        if (at === null || fragment.content !== '') {
          problems.push(`${fragment.url}: no record place, or text in the fragment`);
          continue;
        }
        // What the search page does (src/client/record-block.ts, record-text.ts), with Node's zlib.
        const bytes = readFileSync(path.join(site.dist, ...at.file.split('/')));
        const line = gunzipSync(bytes.subarray(at.offset, at.offset + at.length)).toString('utf8').split('\n')[at.line - 1]!;
        const made = sheetKindText(kind, JSON.parse(line) as Sheet)!;
        const indexed = pageSource({ url: fragment.url, html: null }, entries)!;
        if (made.text !== indexed.text) problems.push(`${fragment.url}: ${firstDifference(indexed.text, made.text)}`);
      }
      expect(problems).toEqual([]);
      expect(fromRecords).toBeGreaterThanOrEqual(entryIds(site).length);
    });
  });
}

// The sample site has every kind of indexed page: 392 sheets, payee profiles, continuation pages of
// sheets with many payees, and 費目・使途 pages of sheets with many blocks.
checkSite('root', { sheet: 300, payee: 450, 'payee-part': 20, blocks: 5 });
checkSite('xss', { sheet: 1 });
