/**
 * The search index contract: the Pagefind filters, sort keys and metadata every sheet page emits, as
 * values computed from the record (never from display strings). Emitted in one place
 * (src/components/PagefindAttributes.astro); the search page reads the same names. Do not rename.
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
import type { Sheet } from '../schema/sheet.ts';
import { fiscalYearLabel } from './era.ts';
import { formatPercentShort, formatYenShort } from './format.ts';
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
