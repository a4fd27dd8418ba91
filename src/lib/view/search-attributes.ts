/**
 * The search index contract: the Pagefind filters, sort keys and metadata of every searchable page, as
 * values computed from the record (never from display strings), once a page: a sheet page's and its
 * continuation pages' records (searchRecord, sheetPartSearchRecord below) are made by the indexer from the
 * sheet's entry (scripts/search-index/page-source.ts), a payee profile states its own (payeeSearchRecord,
 * emitted by src/components/PagefindAttributes.astro as one JSON element); the indexer gives them to
 * Pagefind as they are (scripts/search-index/build-part.ts), and the search page reads the same names.
 * Do not rename.
 *
 * Filters: 府省庁 (record ministry), 年度 (review fiscal year, Western, e.g. "2022"), 一者応札 (あり/なし).
 * Sorts (numbers as strings, so Pagefind sorts numerically): budget (settled year's 計 in integer 円),
 * rate (that year's 執行率 as a fraction), year (review fiscal year). An unknown budget or rate is left
 * out (`null`, no attribute) rather than written as a stand-in number: a stand-in would sort as a real
 * value (first in ascending order), while the search page's sort tables put pages without a value last
 * in both directions.
 * Meta: title, ministry, year (display, 2022（令和4）年度), budget (display, e.g. 359百万円),
 * rate (display, e.g. 90.5%), summary (the page's one-sentence summary).
 */
import type { Sheet } from '../../schema/sheet.ts';
import { jsonForScriptElement } from '../markup/json-embed.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { formatPercentShort, formatYenShort } from '../../shared/format.ts';
import { executionReported, summarize } from './summary.ts';

export const FILTER_KEYS = { ministry: '府省庁', year: '年度', singleBidder: '一者応札' } as const;
export const SORT_KEYS = { budget: 'budget', rate: 'rate', year: 'year' } as const;
export const META_KEYS = ['title', 'ministry', 'year', 'budget', 'rate', 'summary'] as const;

export interface PagefindValues {
  filters: { 府省庁: string; 年度: string; 一者応札: 'あり' | 'なし' };
  /** `null`: the sheet states no such value; the attribute is then left out. */
  sorts: { budget: string | null; rate: string | null; year: string };
  meta: Record<(typeof META_KEYS)[number], string>;
}

export function pagefindValues(sheet: Sheet): PagefindValues {
  const s = summarize(sheet);
  const b = s.budgetYear;
  const budget = b?.total ?? null;
  const rate = b?.executionRate ?? null;
  return {
    filters: {
      府省庁: sheet.ministry,
      年度: String(sheet.fiscalYear),
      一者応札: s.singleBidder ? 'あり' : 'なし',
    },
    sorts: {
      budget: budget === null ? null : String(budget),
      rate: rate === null ? null : String(rate),
      year: String(sheet.fiscalYear),
    },
    meta: {
      title: sheet.title,
      ministry: sheet.ministry,
      year: fiscalYearLabel(sheet.fiscalYear),
      // A 0 budget in a year with nothing reported yet (RS's placeholder columns) says nothing to a reader.
      budget: b && (b.total !== 0 || executionReported(b)) ? `${formatYenShort(budget)}（${fiscalYearLabel(b.year)}）` : '—',
      rate: formatPercentShort(rate),
      summary: s.sentence,
    },
  };
}

/**
 * What the indexer takes from a searchable page besides its text: Pagefind's filters (several values a
 * name), the numeric sort keys (a key without a value is left out) and the metadata the result list shows
 * (`kind` is "payee" on a payee profile; absent on a sheet page).
 */
export { SEARCH_RECORD_ATTRIBUTE, type SearchRecord } from '../../shared/search/record.ts';
import type { SearchRecord } from '../../shared/search/record.ts';

/** Metadata is one line in the result list: whitespace runs (a title's line break, U+3000) become one space. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A sheet page's search record: pagefindValues, sort keys as numbers. */
export function searchRecord(sheet: Sheet): SearchRecord {
  const v = pagefindValues(sheet);
  const sort: Record<string, number> = {};
  for (const [key, value] of Object.entries(v.sorts)) if (value !== null) sort[key] = Number(value);
  return {
    filters: Object.fromEntries(Object.entries(v.filters).map(([k, value]) => [k, [value]])),
    sort,
    meta: Object.fromEntries(Object.entries(v.meta).map(([k, value]) => [k, oneLine(value)])),
  };
}

/**
 * The meta key that carries a payee profile's names to the indexer when it has names besides its title
 * (one per line): the profile's searchable text is its names (src/lib/view/search-text.ts payeeProfileText),
 * and the indexer has no other way to them short of reading every sheet. The indexer drops the key before
 * the result's metadata is written (scripts/search-index/page-source.ts), so results do not carry it.
 */
export const PAYEE_NAMES_META = 'names';

/**
 * A payee profile's search record (/payees/<法人番号>/): no filters or sort keys (it belongs to no single
 * 府省庁 or year, so a filtered search leaves it out and a sorted one lists it last), its newest name as
 * title, how many sheet lines name it, and its names as the page lists them (PAYEE_NAMES_META, only when
 * they are not just the title: most profiles have one name, and their pages carry no extra bytes).
 */
export function payeeSearchRecord(payee: { corporateNumber: string; name: string; names: readonly string[]; lines: number }): SearchRecord {
  const names: Record<string, string> = payee.names.length === 1 && payee.names[0] === payee.name ? {} : { [PAYEE_NAMES_META]: payee.names.join('\n') };
  return {
    filters: {},
    sort: {},
    meta: {
      kind: 'payee',
      title: oneLine(payee.name),
      corporateNumber: payee.corporateNumber,
      summary: `法人番号 ${payee.corporateNumber}。支出先として${payee.lines}件の記載${payee.names.length > 1 ? `（名称${payee.names.length}通り）` : ''}。`,
      ...names,
    },
  };
}

/**
 * The search record of a page that holds part of a sheet too long for one page (its payees past the
 * first ones, or its 費目・使途 tables; src/lib/view/payee-pages.ts): found by the words it holds, like any
 * page, so a payee named only there is still found. Like a payee profile it has no filters or sort keys:
 * a filtered or sorted list is a list of sheets, and the sheet itself is in it.
 */
export function sheetPartSearchRecord(sheet: Sheet, part: string): SearchRecord {
  return {
    filters: {},
    sort: {},
    meta: {
      kind: 'part',
      title: oneLine(`${sheet.title}: ${part}`),
      ministry: sheet.ministry,
      year: fiscalYearLabel(sheet.fiscalYear),
      summary: oneLine(`${sheet.ministry}・${fiscalYearLabel(sheet.fiscalYear)}のシートの${part}。`),
    },
  };
}

/** The JSON element's text (script-safe). */
export function searchRecordJson(record: SearchRecord): string {
  return jsonForScriptElement(record);
}
