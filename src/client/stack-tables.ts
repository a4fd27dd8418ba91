/**
 * What every table cell used to carry in the markup, supplied once by this script (loaded on every page
 * by src/layouts/BaseLayout.astro): a sheet page has up to thousands of cells, and `role`, `data-label` and
 * a `title` on each were half of its bytes (docs/BENCHMARKS.md, "Where a sheet page's bytes go").
 *
 * - Stacked tables (`table.stack`): on phones each row becomes a card and each cell shows its column name
 *   before the value. This script gives each cell its column's header as `data-label` (a cell that states
 *   its own keeps it: rows spanning several columns), the ARIA table roles that keep table semantics when
 *   CSS changes `display`, and then the class `stacked` that the phone layout applies to. Without JS a
 *   table stays a table, scrolling sideways inside its own `.table-wrap`, never the page.
 * - Column classes: a column's alignment and width (`num`: right-aligned figures, `corp-no`, `code`,
 *   `note-col`, `check-mark`) are written once, on its header cell, and copied here to the column's body
 *   cells (a cell that states its own `data-label` spans several columns and keeps its own look). On every
 *   figure of a sheet page the class was ≈ 3 KB; without JS figures are left-aligned, still complete.
 * - Exact values on hover: an amount shown in 百万円 (or 億円 …) and a rate shown to one decimal keep the
 *   stated value in `<data value>`; its title (the exact 円, every stated digit of the rate) is set when
 *   the pointer or focus reaches it.
 */
import { exactTitle } from './exact-title.ts';
import { onPageContent } from './page-content.ts';

const ROLE: Record<string, string> = { THEAD: 'rowgroup', TBODY: 'rowgroup', TFOOT: 'rowgroup', TR: 'row', TD: 'cell' };

/** The header classes that style a whole column; see above. */
const COLUMN_CLASSES = ['num', 'corp-no', 'code', 'note-col', 'check-mark'];

function columnClasses(table: HTMLTableElement): void {
  const head = table.tHead;
  if (!head) return;
  // Column index → its header's column classes; header rows may span rows and columns.
  const cols: string[][] = [];
  const taken: boolean[][] = [];
  [...head.rows].forEach((row, r) => {
    let col = 0;
    for (const th of row.cells) {
      while (taken[r]?.[col]) col += 1;
      for (let i = 0; i < th.colSpan; i += 1) for (let j = 0; j < th.rowSpan; j += 1) (taken[r + j] ??= [])[col + i] = true;
      if (th.colSpan === 1) cols[col] = COLUMN_CLASSES.filter((k) => th.classList.contains(k));
      col += th.colSpan;
    }
  });
  if (!cols.some((c) => c.length > 0)) return;
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let col = 0;
      for (const cell of row.cells) {
        const own = cols[col];
        if (own?.length && cell.colSpan === 1 && !cell.hasAttribute('data-label')) cell.classList.add(...own);
        col += cell.colSpan;
      }
    }
  }
}

function stack(table: HTMLTableElement): void {
  const headRow = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!headRow) return;
  // Column index → header text, colspans counted.
  const labels: string[] = [];
  for (const th of headRow.cells) for (let i = 0; i < th.colSpan; i += 1) labels.push(th.textContent?.trim() ?? '');
  table.setAttribute('role', 'table');
  for (const el of table.querySelectorAll<HTMLElement>(':scope > thead, :scope > tbody, :scope > tfoot')) el.setAttribute('role', ROLE[el.tagName]!);
  for (const th of headRow.cells) th.setAttribute('role', 'columnheader');
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      row.setAttribute('role', 'row');
      let col = 0;
      for (const cell of row.cells) {
        if (cell.tagName === 'TD') cell.setAttribute('role', 'cell');
        else cell.setAttribute('role', 'rowheader');
        // A row header names its row: labelled only when it is not the row's first cell (the 支出先 after 順位).
        const label = labels[col];
        if (label && !cell.hasAttribute('data-label') && (cell.tagName === 'TD' || col > 0)) cell.dataset.label = label;
        col += cell.colSpan;
      }
    }
  }
  for (const row of table.tHead!.rows) row.setAttribute('role', 'row');
  table.classList.add('stacked');
}

onPageContent((root) => {
  // Column classes first: stack() gives every cell a data-label, which here marks a cell with its own.
  for (const t of root.querySelectorAll<HTMLTableElement>('table')) columnClasses(t);
  for (const t of root.querySelectorAll<HTMLTableElement>('table.stack')) stack(t);
});

function withTitle(e: Event): void {
  const el = (e.target as Element | null)?.closest?.('data[value]') as HTMLDataElement | null;
  if (!el || el.hasAttribute('title')) return;
  const title = exactTitle(el.value, el.textContent ?? '');
  if (title !== null) el.title = title;
}
document.addEventListener('pointerover', withTitle);
document.addEventListener('focusin', withTitle);
