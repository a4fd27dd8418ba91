/**
 * Folds the long tables inside [data-fold-tables] (a sheet page, the home page's ministry totals) after their first rows, with a button to show them all (a sheet page
 * is 20,000 px tall on a desktop, 38,000 px on a phone, mostly payee and 予算内訳 rows). Progressive:
 * without JS every row shows, and the rows stay in the document (search, find-in-page after unfolding,
 * screen readers once unfolded). A table is folded only when that hides a good many rows.
 */
import { onPageContent } from './page-content.ts';

const SHOW = 6;
/** Fold only when at least this many rows would be hidden. */
const MIN_HIDDEN = 4;

function fold(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  if (rows.length < SHOW + MIN_HIDDEN) return;
  const hidden = rows.slice(SHOW);
  for (const r of hidden) r.classList.add('fold-hidden');
  table.classList.add('is-folded');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fold-toggle';
  button.setAttribute('aria-expanded', 'false');
  const label = () => (table.classList.contains('is-folded') ? `すべて表示（残り${hidden.length}行）` : `最初の${SHOW}行だけ表示`);
  button.textContent = label();
  button.addEventListener('click', () => {
    const folded = table.classList.toggle('is-folded');
    button.setAttribute('aria-expanded', String(!folded));
    button.textContent = label();
  });
  // After the table's scroll container, so the button is not scrolled sideways with the table.
  const after = table.closest('.table-wrap') ?? table;
  after.after(button);
}

// A link to a row inside a folded table (⚠ 注意点, #warning-n …) unfolds it first.
function unfoldFor(hash: string): void {
  if (!hash) return;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  const table = target?.closest('table.is-folded');
  if (table) (table.closest('.table-wrap') ?? table).nextElementSibling?.dispatchEvent(new MouseEvent('click'));
}

onPageContent((root) => {
  // A sheet page's body is put in inside its [data-fold-tables] article.
  const inFolding = root instanceof Element && root.closest('[data-fold-tables]') !== null;
  for (const table of root.querySelectorAll<HTMLTableElement>(inFolding ? 'table' : '[data-fold-tables] table')) fold(table);
  unfoldFor(location.hash);
});
window.addEventListener('hashchange', () => unfoldFor(location.hash));
