/**
 * The search page's URL state (src/client/search/url-state.ts): parsing, writing with defaults left
 * out, round trips, and what a hand-edited URL falls back to; plus the pager's page list.
 */
import { describe, expect, it } from 'vitest';
import { pagerPages } from '../../src/client/search/search-app.ts';
import {
  EMPTY_STATE,
  pagefindFilters,
  parseState,
  sameState,
  sortSpec,
  stateToSearch,
  type SearchState,
} from '../../src/client/search/url-state.ts';

describe('parseState', () => {
  it('reads query, filters, sort and page', () => {
    expect(parseState('?q=%E8%84%86%E5%BC%B1%E6%80%A7+%E6%83%85%E5%A0%B1&ministry=総務省&year=2022&single=あり&sort=budget-desc&page=3')).toEqual({
      q: '脆弱性 情報',
      filters: { ministry: '総務省', year: '2022', single: 'あり' },
      sort: 'budget-desc',
      page: 3,
    });
  });

  it('falls back to defaults for missing, empty or invalid values', () => {
    expect(parseState('')).toEqual(EMPTY_STATE);
    expect(parseState('?q=&ministry=&sort=price&page=0')).toEqual(EMPTY_STATE);
    expect(parseState('?page=2.5')).toEqual(EMPTY_STATE);
    expect(parseState('?page=-1&sort=rate-sideways')).toEqual(EMPTY_STATE);
    expect(parseState('?unknown=1&q=%20国%20')).toEqual({ ...EMPTY_STATE, q: '国' });
  });
});

describe('stateToSearch', () => {
  it('leaves defaults out', () => {
    expect(stateToSearch(EMPTY_STATE)).toBe('');
    expect(stateToSearch({ ...EMPTY_STATE, q: '国', page: 1 })).toBe(`?q=${encodeURIComponent('国')}`);
  });

  it('round-trips every kind of state', () => {
    const states: SearchState[] = [
      { q: 'ICT-ISAC', filters: {}, sort: null, page: 1 },
      { q: '脆弱性 情報共有', filters: { ministry: '総務省' }, sort: 'rate-asc', page: 2 },
      { q: '', filters: { year: '2024', single: 'なし' }, sort: 'year-desc', page: 12 },
      { q: '7010001008844 & "引用"', filters: {}, sort: 'budget-asc', page: 1 },
    ];
    for (const s of states) expect(parseState(stateToSearch(s))).toEqual(s);
  });

  it('compares states by their URL', () => {
    expect(sameState({ ...EMPTY_STATE, q: ' 国 ' }, { ...EMPTY_STATE, q: '国' })).toBe(true);
    expect(sameState({ ...EMPTY_STATE, page: 2 }, EMPTY_STATE)).toBe(false);
  });
});

describe('sortSpec / pagefindFilters', () => {
  it('maps sort options and URL filter names to the index names', () => {
    expect(sortSpec('budget-desc')).toEqual({ key: 'budget', direction: 'desc' });
    expect(sortSpec('rate-asc')).toEqual({ key: 'rate', direction: 'asc' });
    expect(sortSpec(null)).toBeNull();
    expect(pagefindFilters({ ...EMPTY_STATE, filters: { ministry: '総務省', year: '2022', single: 'あり' } })).toEqual({
      府省庁: '総務省',
      年度: '2022',
      一者応札: 'あり',
    });
  });
});

describe('pagerPages', () => {
  it('shows first, last and two either side of the current page, with gaps of two or more pages', () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerPages(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pagerPages(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pagerPages(4, 12)).toEqual([1, 2, 3, 4, 5, 6, null, 12]);
    expect(pagerPages(12, 12)).toEqual([1, null, 10, 11, 12]);
  });
});
