/**
 * Page-unique ids for table captions (src/components/TableRegion.astro): a table's scrolling region is
 * named by its caption through aria-labelledby rather than an aria-label that repeated the caption (issue
 * 18). Astro gives every rendered page its own `Astro.locals` object, shared by all components of that
 * page, so counting per that object numbers the tables of one page 1, 2, 3 … whatever pages render at once.
 */
const counts = new WeakMap<object, number>();

export function tableId(page: object): string {
  const n = (counts.get(page) ?? 0) + 1;
  counts.set(page, n);
  return `tc${n}`;
}
