/**
 * Progressive enhancement for table[data-sortable]: each th[data-sort-key] becomes a button that sorts
 * the rows by that column's cells (numbers by the cell's <data value>, text by its text; a cell without a
 * value sorts last), with
 * aria-sort kept in step. Phones see the table stacked (header hidden), so the same sorts are also offered
 * as a button bar above the table. Without JS the server's order (budget, largest first) stands.
 */
import { onPageContent } from './page-content.ts';

function compare(a: string, b: string, type: string, dir: 1 | -1): number {
  if (a === '' && b === '') return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  if (type === 'number') return (Number(a) - Number(b)) * dir;
  return a.localeCompare(b, 'ja') * dir;
}

/**
 * A cell's sort value: the machine value of its <data> element for number columns ("" when the cell has
 * none, e.g. a blank), its text for text columns. Read from the cells themselves, so a list row carries
 * each value once (list pages hold hundreds of rows).
 */
function cellValue(row: HTMLTableRowElement, column: number, type: string): string {
  const cell = row.cells[column];
  if (!cell) return '';
  if (type === 'number') return cell.querySelector('data')?.value ?? '';
  return cell.textContent?.trim() ?? '';
}

function enhance(table: HTMLTableElement): void {
  const tbody = table.tBodies[0];
  if (!tbody) return;
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')];
  const bar = document.createElement('div');
  bar.className = 'sort-bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', '並べ替え');
  bar.append('並べ替え: ');
  const barButtons = new Map<HTMLTableCellElement, HTMLButtonElement>();

  const sortBy = (th: HTMLTableCellElement) => {
    const type = th.dataset.sortType ?? 'text';
    // First click on a number column sorts largest first (what readers look for); text A→Z.
    const current = th.getAttribute('aria-sort');
    const dir: 1 | -1 = current === 'descending' ? 1 : current === 'ascending' ? -1 : type === 'number' ? -1 : 1;
    const column = th.cellIndex;
    const rows = [...tbody.rows];
    rows.sort((ra, rb) => compare(cellValue(ra, column, type), cellValue(rb, column, type), type, dir));
    tbody.append(...rows);
    for (const other of headers) {
      other.removeAttribute('aria-sort');
      barButtons.get(other)?.setAttribute('aria-pressed', 'false');
    }
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    const b = barButtons.get(th);
    if (b) {
      b.setAttribute('aria-pressed', 'true');
      b.dataset.dir = dir === 1 ? '▲' : '▼';
    }
  };

  for (const th of headers) {
    const label = th.textContent?.trim() ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn-sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => sortBy(th));

    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn-sort-bar';
    b.textContent = label.replace(/（.*?）/g, '');
    b.setAttribute('aria-pressed', th.hasAttribute('aria-sort') ? 'true' : 'false');
    if (th.getAttribute('aria-sort') === 'descending') b.dataset.dir = '▼';
    b.addEventListener('click', () => sortBy(th));
    barButtons.set(th, b);
    bar.append(b);
  }
  const wrap = table.closest('.table-wrap') ?? table;
  wrap.before(bar);
}

onPageContent((root) => {
  for (const t of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) enhance(t);
});
