/**
 * Long lists of sheets (a review year, a ministry) split into numbered pages, so that no list page grows
 * with the number of sheets: at ≈ 5,500 sheets a year and ten years, one page per year or ministry would
 * be megabytes of HTML. Page 1 keeps the list's permanent URL (`/years/2024/`); page n > 1 is
 * `/years/2024/<n>/`. Pure functions, so routes and tests share one rule.
 */

/** Rows on one list page: ≈ 100 × 0.7 kB of table rows keeps a list page (with its chart and table of totals) well under 200 kB. */
export const LIST_PAGE_SIZE = 100;

export interface ListPage<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even for an empty list). */
  count: number;
  /** Index of this page's first item in the whole list (0-based). */
  start: number;
  /** Number of items in the whole list. */
  total: number;
  items: T[];
}

/** The pages of `items` in their order; an empty list still has its first page. */
export function paginateList<T>(items: readonly T[], size: number = LIST_PAGE_SIZE): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    start: i * size,
    total: items.length,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The rest parameter of a list page's route: none for page 1 (the list's own URL), "2", "3" … after. */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : String(number);
}

/** The path of page `number` under a list's path (`years/2024/` → `years/2024/3/`). */
export function pagePath(listPath: string, number: number): string {
  return number === 1 ? listPath : `${listPath}${number}/`;
}
