/**
 * What the search indexes of one built page: its text and its search record (issue 16: made from the
 * record's own values, not read back from the rendered HTML).
 *
 * - Which page is which comes from its URL (the routes of src/pages: /sheets/<id>/,
 *   /sheets/<id>/payees/<n>/, /sheets/<id>/blocks/, /payees/<法人番号>/), so the page carries no extra
 *   bytes for it (issue 18 counts every byte of 52,000 pages).
 * - The text of a sheet page or a continuation page is made from the sheet's entry, read by its id with
 *   the schema's entry reader (src/schema/entry-file.ts), by src/lib/view/search-text.ts: the same helpers
 *   and wording the page renders with. The entry is not validated again: the page being indexed was
 *   rendered from the same entry in the same build, which validated it (src/lib/data/load-sheets.ts).
 * - A payee profile is made from every sheet naming the payee, which one worker thread does not have:
 *   its text is made from its search record, which states its name, 法人番号 and (only when there are
 *   several) its other names (src/lib/view/search-attributes.ts payeeSearchRecord).
 * - The search record (filters, sort keys, result metadata) of a sheet page or a continuation page is
 *   made from the same entry by the functions the page's record was made with before it stopped stating
 *   it (issue 18: no bytes on 52,000 pages for what the indexer can make): searchRecord and
 *   sheetPartSearchRecord (src/lib/view/search-attributes.ts). A payee profile states its record in its
 *   `data-search-record` element (src/components/PagefindAttributes.astro): taken as it is, found by a
 *   string search for that one element, not by parsing the page.
 *
 * The entries' folder is handed in by the caller (EntrySource, one per part worker: no module-level state
 * between build stages). Without one (an index built over pages that no entry made, as the indexer's own
 * tests do), the text is read from the HTML by Pagefind's rules (extract-page.ts), as before.
 * tests/site/search-text.test.ts checks that both give the same text on every indexed sample page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sheet } from '../../src/schema/sheet.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { SEARCH_RECORD_ATTRIBUTE, type SearchRecord } from '../../src/shared/search/record.ts';
import { payeePartTitle, payeeProfileText, sheetKindText, type SearchText } from '../../src/lib/view/search-text.ts';
import { PAYEE_NAMES_META, searchRecord, sheetPartSearchRecord } from '../../src/lib/view/search-attributes.ts';
import { ui } from '../../src/i18n/ja.ts';
import { pageKind, type PageKind } from '../../src/shared/search/page-kind.ts';
import { extractPage, parseSearchRecord, type ExtractedPage } from './extract-page.ts';

/** What marks an indexed page (Pagefind's attribute). */
const BODY = 'data-pagefind-body';

/** The sheets' entries (`<dir>/sheets/<id>.md`), read by id; keeps the last one (a sheet's continuation pages follow it). */
export class EntrySource {
  readonly dir: string;
  #last: { id: string; sheet: Sheet } | null = null;
  constructor(contentDir: string) {
    this.dir = path.join(contentDir, 'sheets');
  }
  sheet(id: string): Sheet {
    if (this.#last?.id === id) return this.#last.sheet;
    const file = `${id}.md`;
    const sheet = parseEntry(readFileSync(path.join(this.dir, file), 'utf8'), file).data as Sheet;
    this.#last = { id, sheet };
    return sheet;
  }
}

/** The page's search record element's JSON (script-safe JSON: it holds no "<"), or null. */
function recordJson(html: string): string | null {
  const at = html.indexOf(`${SEARCH_RECORD_ATTRIBUTE}>`);
  if (at < 0) return null;
  const start = at + SEARCH_RECORD_ATTRIBUTE.length + 1;
  const end = html.indexOf('</script>', start);
  return end < 0 ? null : html.slice(start, end);
}

/** A sheet's page or continuation page, made from its entry as the page is; null when the sheet has no such page. */
function sheetPage(page: Exclude<PageKind, { kind: 'payee' }>, sheet: Sheet): { text: SearchText; record: SearchRecord } | null {
  const text = sheetKindText(page, sheet);
  if (text === null) return null;
  switch (page.kind) {
    case 'sheet':
      return { text, record: searchRecord(sheet) };
    case 'payee-part': {
      const title = payeePartTitle(sheet, page.n);
      return title === null ? null : { text, record: sheetPartSearchRecord(sheet, title) };
    }
    case 'blocks':
      return { text, record: sheetPartSearchRecord(sheet, ui.sections.blocks) };
  }
}

/** A payee profile's text and record, from the record its page states (null: the page states none). */
function payeePage(corporateNumber: string, html: string): { text: SearchText; record: SearchRecord } | null {
  const json = recordJson(html);
  if (json === null) return null;
  const record = parseSearchRecord(json);
  const name = record.meta.title ?? '';
  const others = record.meta[PAYEE_NAMES_META];
  const text = payeeProfileText({ name, corporateNumber, names: others === undefined ? [name] : others.split('\n') });
  // The names are only for the text: results do not carry them.
  const { [PAYEE_NAMES_META]: _names, ...meta } = record.meta;
  return { text, record: { ...record, meta } };
}

/**
 * Whether the indexer reads the page at `url` from its HTML when it has the entries: a payee profile (its
 * record is in the page) and pages of other routes do; a sheet page or a continuation page is made from
 * its entry alone, so a caller that has checked its data-pagefind-body may hand it over without its HTML.
 */
export function pageNeedsHtml(url: string): boolean {
  return kindNeedsHtml(pageKind(url));
}

function kindNeedsHtml(kind: PageKind | null): boolean {
  return kind === null || kind.kind === 'payee';
}

/**
 * What the indexer takes from one built page (the same shape extractPage gives): null when the page is not
 * indexed. Throws when the page cannot be indexed (the caller reports it as the page's problem). `html` is
 * null only for a page pageNeedsHtml says is made from its entry, with data-pagefind-body seen by the caller.
 */
export function pageSource(page: { url: string; html: string | null }, entries: EntrySource | null): ExtractedPage | null {
  const kind = pageKind(page.url);
  const { html } = page;
  if (html === null && (entries === null || kindNeedsHtml(kind))) throw new Error(`${page.url}: the page's HTML is needed to index it`);
  if (entries === null) return extractPage(html!);
  // A page of another route is not indexed; one of these routes without the marker (a payee profile's
  // later pages are at other URLs, so none) would be a site change the drift test names.
  if (kind === null || (html !== null && !html.includes(BODY))) return null;
  if (kind.kind === 'payee') {
    const made = payeePage(kind.corporateNumber, html!);
    return made === null ? { indexText: '', text: '', record: null } : { indexText: made.text.indexText, text: made.text.text, record: made.record };
  }
  const made = sheetPage(kind, entries.sheet(kind.id));
  if (made === null) throw new Error(`${page.url}: the sheet's record has no such page`);
  return { indexText: made.text.indexText, text: made.text.text, record: made.record, fromSheet: kind.id };
}
