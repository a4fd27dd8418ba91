/**
 * 支出先上位10者リスト: one table per block, each after a line holding the block letter ("A." or "B")
 * and a heading row (支出先 | 法人番号 | 業務概要 | 支出額 | 契約方式等 | 入札者数 | 落札率 | 理由…).
 * Columns are found by their headings (older editions lack some of them); the rank is in the column
 * before 支出先. Sheets with more than eight blocks continue the lists after the second 費目・用途 table
 * without repeating the list heading, so tables are found anywhere in the sheet by their heading row.
 */
import type { PayeeInput } from '../../../../src/schema/sheet.ts';
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { amountCell, countCell, percentCell, warn, type Ctx } from './context.ts';
import { filled, isBlankRow, type Row } from './rows.ts';
import { plain } from './basic-info.ts';
import { isPayeeHeading } from './blocks.ts';

type Column = 'name' | 'corporateNumber' | 'description' | 'amount' | 'contractMethod' | 'bidders' | 'winningBidRate' | 'singleBidReason';

function columnOf(key: string): Column | null {
  if (key === '支出先') return 'name';
  if (key === '法人番号') return 'corporateNumber';
  if (key === '業務概要' || key === '契約概要') return 'description';
  if (key === '支出額') return 'amount';
  if (key === '契約方式等' || key === '契約方式') return 'contractMethod';
  if (key === '入札者数') return 'bidders';
  if (key === '落札率') return 'winningBidRate';
  if (key.startsWith('一者応札')) return 'singleBidReason';
  return null;
}

/** The block letter on the nearest non-blank line above a heading row ("A.", "B", "I"). */
function blockLetterAbove(rows: Row[], i: number): string | null {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const cells = filled(rows[j]!);
    if (cells.length === 0) continue;
    const m = cells.length === 1 ? /^([A-Z]{1,2})[.．]?$/.exec(cells[0]!.text.normalize('NFKC')) : null;
    return m ? m[1]! : null;
  }
  return null;
}

export function readPayees(ctx: Ctx, rows: Row[]): PayeeInput[] {
  const out: PayeeInput[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!isPayeeHeading(rows[i]!)) continue;
    const heading = rows[i]!;
    const block = blockLetterAbove(rows, i);
    const cols = new Map<Column, number>();
    heading.cells.forEach((c, col) => {
      const k = c === '' ? null : columnOf(labelKey(c));
      if (k && !cols.has(k)) cols.set(k, col);
    });
    const nameCol = cols.get('name')!;
    const rankCol = nameCol - 1;
    if (!block) {
      warn(ctx, 'layout', 'payees', null, `${heading.line}行目の支出先上位10者リストの上にブロックの記号がありません。この表は読んでいません`);
      continue;
    }
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j]!;
      if (isBlankRow(row)) break;
      const rankRaw = (row.cells[rankCol] ?? '').normalize('NFKC');
      if (!/^\d{1,2}$/.test(rankRaw)) break; // the list ends at its first row without a rank
      i = j;
      const cell = (c: Column): string => {
        const col = cols.get(c);
        return col === undefined ? '' : row.cells[col] ?? '';
      };
      const name = plain(cell('name'));
      if (name === null) continue; // an unused numbered row
      const rank = Number(rankRaw);
      const ref = `${block}-${rank}`;
      // Columns are read by the heading's positions: a row with more or fewer cells than its heading (a
      // cell lost or added in the export, in the row or in the heading) has values under the wrong
      // headings, so a count could be read as a rate. The values are read as they stand, and the row is named.
      if (row.cells.length !== heading.cells.length) {
        warn(ctx, 'layout', 'payees', ref, `${row.line}行目（${block}の${rank}位の支出先）のセルの数（${row.cells.length}）が${heading.line}行目の見出し（${heading.cells.length}）と違うため、列がずれている可能性があります`);
      }
      const cn = cell('corporateNumber').normalize('NFKC').replace(/\s+/g, '');
      out.push({
        block,
        rank,
        name,
        corporateNumber: isNoValue(cn) ? null : cn,
        description: plain(cell('description')),
        amount: amountCell(ctx, cell('amount'), 'payees', row, ref, `${block}の${rank}位の支出額`),
        contractMethod: plain(cell('contractMethod')),
        bidders: countCell(ctx, cell('bidders'), 'payees', row, ref, `${block}の${rank}位の入札者数`),
        winningBidRate: percentCell(ctx, cell('winningBidRate'), 'payees', row, ref, `${block}の${rank}位の落札率`),
        singleBidReason: plain(cell('singleBidReason')),
        location: null,
        corporateType: null,
        otherPayee: null,
        contracts: [],
      });
    }
  }
  return out;
}
