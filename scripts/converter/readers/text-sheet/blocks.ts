/**
 * 費目・用途 tables: for each block of the money-flow diagram, the 費目 (category), 用途 (purpose) and
 * 金額 lines of the block's largest payee, and the 計 row. Blocks come side by side, usually two per
 * row ("A.(株)日立製作所 | | | B.NRIセキュアテクノロジーズ(株)"), each three columns wide; a sheet with
 * more blocks repeats the table further down.
 *
 * Rows are aligned to the blocks of the last block-heading row: padding cells are dropped at the end
 * and, while the row is wider than its blocks, at the start (exports add a leading empty cell to some
 * rows and not to others), then the row is cut into (費目, 用途, 金額) triples.
 */
import type { Block, Expense } from '../../../../src/schema/sheet.ts';
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { amountCell, warn, type Ctx } from './context.ts';
import { isBlankRow, type Row } from './rows.ts';
import { plain } from './basic-info.ts';

/** "A.(株)日立製作所" → id "A", name "(株)日立製作所". */
export function blockHeading(cell: string): { id: string; name: string | null } | null {
  const m = /^([A-Z]{1,2})[.．]\s*(.*)$/.exec(cell.normalize('NFKC').trim());
  if (!m) return null;
  return { id: m[1]!, name: plain(cell.trim().replace(/^[A-ZＡ-Ｚ]{1,2}[.．]\s*/, '')) };
}

function isColumnHeading(row: Row): boolean {
  return row.cells.some((c) => labelKey(c) === '費目') && row.cells.some((c) => labelKey(c) === '用途');
}

/** A payee-list heading row (支出先 | 法人番号 | …) ends a 費目・用途 table. */
export function isPayeeHeading(row: Row): boolean {
  return row.cells.some((c) => labelKey(c) === '支出先') && row.cells.some((c) => /^(?:法人番号|業務概要|支出額)$/.test(labelKey(c)));
}

/**
 * A 計 row whose cells are not in (費目, 用途, 金額) triples (a cell missing or added: a 計 label off its
 * column) would give an expense named "計" and no block total. Such a row is read by its 計 labels instead:
 * each block's total is the last filled cell after its 計, and the row is named in a warning. Returns
 * false when the row is not a misaligned 計 row.
 */
function readMisalignedTotals(ctx: Ctx, row: Row, cells: string[], blocks: Block[]): boolean {
  const labels: number[] = [];
  cells.forEach((c, i) => {
    if (labelKey(c) === '計') labels.push(i);
  });
  // In line: the label starts a triple and its value is in the 金額 column (not blank with 用途 filled).
  const inLine = (i: number): boolean => i % 3 === 0 && !((cells[i + 2] ?? '').trim() === '' && (cells[i + 1] ?? '').trim() !== '');
  if (labels.length === 0 || labels.every(inLine)) return false;
  warn(ctx, 'layout', 'blocks', null, `${row.line}行目の計の行は列がずれています（ブロック${blocks.length}つに${cells.length}列）。「計」の後の値を各ブロックの計として読みました`);
  labels.forEach((at, k) => {
    // The block whose column the label is nearest to (one cell missing or added moves it by one).
    const block = blocks[Math.min(blocks.length - 1, Math.round(at / 3))]!;
    const values = cells.slice(at + 1, labels[k + 1] ?? cells.length).filter((c) => c.trim() !== '');
    if (values.length > 1) {
      warn(ctx, 'layout', 'blocks', block.id, `${row.line}行目: ブロック${block.id}の計の後に値が${values.length}つあります（${values.join('、')}）。最後の値を計として読みました`);
    }
    block.total = amountCell(ctx, values.at(-1) ?? '', 'blocks', row, block.id, `ブロック${block.id}の計`);
  });
  return true;
}

export interface BlockTable {
  blocks: Block[];
  /** Index (into rows) of the table's last row. */
  lastRow: number;
}

export function readBlocks(ctx: Ctx, rows: Row[], start: number, end: number): BlockTable {
  const blocks: Block[] = [];
  let current: Block[] = [];
  let lastRow = start;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    if (!isBlankRow(row)) lastRow = i;
    if (isBlankRow(row)) {
      if (current.length) break; // the table ends at its first blank row
      continue;
    }
    if (isPayeeHeading(row)) {
      lastRow = i - 1;
      break;
    }
    const headings = row.cells.map((c) => (c === '' ? null : blockHeading(c))).filter((h) => h !== null);
    if (headings.length) {
      current = headings.map((h) => ({ id: h.id, name: h.name, role: null, payeeCount: null, total: null, expenses: [] }));
      for (const b of current) {
        if (blocks.some((x) => x.id === b.id)) warn(ctx, 'layout', 'blocks', b.id, `${row.line}行目: ブロック ${b.id} の費目・用途が2回あります`);
      }
      blocks.push(...current);
      continue;
    }
    if (!current.length || isColumnHeading(row)) continue;
    const cells = [...row.cells];
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    while (cells.length > 3 * current.length && cells[0] === '') cells.shift();
    if (readMisalignedTotals(ctx, row, cells, current)) continue;
    if (cells.length > 3 * current.length) {
      warn(ctx, 'layout', 'blocks', null, `${row.line}行目の費目・用途の行がブロックの列数より多い列を持っています。余分な列は読んでいません`);
    }
    current.forEach((block, k) => {
      const [category = '', purpose = '', amount = ''] = cells.slice(3 * k, 3 * k + 3);
      if (labelKey(category) === '計') {
        block.total = amountCell(ctx, amount, 'blocks', row, block.id, `ブロック${block.id}の計`);
        return;
      }
      if (isNoValue(category) && isNoValue(purpose) && isNoValue(amount)) return;
      if (isNoValue(category) && isNoValue(purpose)) {
        // An amount with neither 費目 nor 用途: a 計 row that lost its label, or cells out of line.
        warn(ctx, 'layout', 'blocks', block.id, `${row.line}行目: ブロック${block.id}の金額「${amount}」に費目も用途もありません（計の行の「計」が欠けているか、列がずれています）。費目・用途なしの金額として読みました`);
      }
      const e: Expense = {
        category: plain(category),
        purpose: plain(purpose),
        amount: amountCell(ctx, amount, 'blocks', row, block.id, `ブロック${block.id}の「${purpose}」の金額`),
        subcontractor: null,
        payee: null,
        corporateNumber: null,
        contract: null,
      };
      block.expenses.push(e);
    });
  }
  return { blocks, lastRow };
}
