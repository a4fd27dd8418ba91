/**
 * The search page's state lives in its URL, so a search is shareable, bookmarkable and reloadable and the
 * back button walks through earlier searches:
 *
 *   /search/?q=脆弱性 情報共有&ministry=総務省&year=2022&single=あり&sort=budget-desc&page=2
 *
 * Parameters at their default (no query, no filter, relevance order, page 1) are left out. These are also
 * the names of the search form's fields, so the form works as a plain GET form without JavaScript.
 */
import type { SortSpec } from './search-engine.ts';

/** URL parameter → Pagefind filter name (src/lib/view/search-attributes.ts FILTER_KEYS). */
export const FILTER_PARAMS = { ministry: '府省庁', year: '年度', single: '一者応札' } as const;
export type FilterParam = keyof typeof FILTER_PARAMS;

export const SORT_OPTIONS = ['budget-desc', 'budget-asc', 'rate-desc', 'rate-asc', 'year-desc', 'year-asc'] as const;
export type SortOption = (typeof SORT_OPTIONS)[number];

export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Filter parameter → value; absent when not filtered. */
  filters: Partial<Record<FilterParam, string>>;
  /** `null` for relevance order. */
  sort: SortOption | null;
  /** 1-based result page. */
  page: number;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: null, page: 1 };

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const key of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const v = params.get(key)?.trim();
    if (v) filters[key] = v;
  }
  const sortRaw = params.get('sort');
  const sort = (SORT_OPTIONS as readonly string[]).includes(sortRaw ?? '') ? (sortRaw as SortOption) : null;
  const pageRaw = Number(params.get('page'));
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 ? pageRaw : 1;
  return { q: (params.get('q') ?? '').trim(), filters, sort, page };
}

/** The query string for a state ("" for the empty state, else "?…"), defaults left out. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const v = state.filters[key];
    if (v) params.set(key, v);
  }
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

export function sortSpec(option: SortOption | null): SortSpec | null {
  if (option === null) return null;
  const [key, direction] = option.split('-') as [string, 'asc' | 'desc'];
  return { key, direction };
}

/** Pagefind filters ({府省庁: "総務省", …}) of a state. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(state.filters)) {
    if (value) out[FILTER_PARAMS[key as FilterParam]] = value;
  }
  return out;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}
