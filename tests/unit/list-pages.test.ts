import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, pageParam, pagePath, paginateList } from '../../src/lib/view/list-pages.ts';

describe('paginateList', () => {
  it('splits a list into pages of the given size, in order, the last one shorter', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const pages = paginateList(items, 3);
    expect(pages.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(pages.map((p) => [p.number, p.count, p.start, p.total])).toEqual([
      [1, 3, 0, 7],
      [2, 3, 3, 7],
      [3, 3, 6, 7],
    ]);
  });

  it('keeps every item exactly once at the default size (a list of a large ministry)', () => {
    const items = Array.from({ length: LIST_PAGE_SIZE * 4 + 17 }, (_, i) => i);
    const pages = paginateList(items);
    expect(pages).toHaveLength(5);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(LIST_PAGE_SIZE);
  });

  it('gives an empty list its first page, and a list of exactly one page no second', () => {
    expect(paginateList([], 3)).toEqual([{ number: 1, count: 1, start: 0, total: 0, items: [] }]);
    expect(paginateList([1, 2, 3], 3)).toHaveLength(1);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginateList([1], 0)).toThrow(RangeError);
    expect(() => paginateList([1], 2.5)).toThrow(RangeError);
  });
});

describe('page URLs', () => {
  it('keeps the list URL for page 1 and adds the number after it', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
    expect(pagePath('years/2024/', 1)).toBe('years/2024/');
    expect(pagePath('years/2024/', 3)).toBe('years/2024/3/');
  });
});
