/**
 * 予算内訳 laid out for reading: the record keeps one item per (year, kind, account, line) as the source
 * states it; the page shows them as a grid, the way the sheets themselves do.
 *
 * - Few year/kind columns (the text form: "2022 当初予算" and "2023 要求"): one column per (year, kind),
 *   one row per line item.
 * - Many (the RS form states ≈ 15 kinds for each of 4–5 years: 当初予算, 第1次補正予算 … 要望額): one column
 *   per year, one row per (line item, kind), so a year's figures are not spread over 60 columns and the
 *   labels are not repeated on ≈ 75 rows.
 *
 * Either way every stated amount appears exactly once, in the cell for its year and kind; a cell with no
 * item is blank ("—"), never 0. Notes (主な増減理由・備考) are listed under the grid with what they belong to.
 * Rows are grouped by account (会計区分 / 会計 / 勘定) in the order the source first names them.
 *
 * In the year layout, a group's rows that state 0 for every year (RS sheets state 第2〜5次補正予算 and
 * 予備費等1〜4 as 0 year after year: ≈ 9 of ≈ 20 rows) are set apart as `zeroRows` when there are two or
 * more, for the page to name in one line: the zeros are still stated, without a screen of them.
 */
import type { BudgetItem } from '../schema/sheet.ts';

/** At most this many (year, kind) pairs are laid out as columns; more pivot to years as columns. */
export const MAX_PAIR_COLUMNS = 6;

export interface BudgetItemColumn {
  year: number;
  /** The kind when columns are (year, kind) pairs; `null` when columns are years and rows carry the kind. */
  kind: string | null;
}

export interface BudgetItemRow {
  item: string;
  /** The kind when columns are years; `null` when columns carry it. */
  kind: string | null;
  /** One per column: 円, or `null` when no item is stated for that cell. */
  amounts: (number | null)[];
}

export interface BudgetItemGroup {
  account: string | null;
  rows: BudgetItemRow[];
  /** Rows stating 0 in every column (year layout, two or more of them); not in `rows`. */
  zeroRows: BudgetItemRow[];
}

/** A line item's label for display: `null` when the source leaves it blank (shown as the blank mark). */
export function itemText(item: string): string | null {
  return item.trim() === '' ? null : item;
}

/** Fewer rows stating 0 for every year than this stay in the grid (one row reads as well as one line). */
export const MIN_ZERO_ROWS = 2;

export interface BudgetItemNote {
  year: number;
  kind: string;
  account: string | null;
  item: string;
  note: string;
}

export interface BudgetItemGrid {
  columns: BudgetItemColumn[];
  groups: BudgetItemGroup[];
  notes: BudgetItemNote[];
}

export function budgetItemGrid(items: readonly BudgetItem[]): BudgetItemGrid {
  const pairs = new Map<string, BudgetItemColumn>();
  for (const i of items) pairs.set(JSON.stringify([i.year, i.kind]), { year: i.year, kind: i.kind });
  const byPair = pairs.size <= MAX_PAIR_COLUMNS;
  const columns = byPair
    ? [...pairs.values()].sort((a, b) => a.year - b.year)
    : [...new Set(items.map((i) => i.year))].sort((a, b) => a - b).map((year) => ({ year, kind: null }));
  // Lookups by key, not by scanning columns and rows per item: a sheet has up to a few hundred items.
  const columnIndex = new Map<string, number>(columns.map((c, n) => [`${c.year}\u0000${c.kind ?? ''}`, n]));
  const columnOf = (i: BudgetItem) => columnIndex.get(`${i.year}\u0000${byPair ? i.kind : ''}`) ?? -1;

  const groups: BudgetItemGroup[] = [];
  const notes: BudgetItemNote[] = [];
  const groupOf = new Map<string | null, BudgetItemGroup>();
  /** Rows by group and labels, in order; and the cells each row has taken (a stated blank takes its cell too). */
  const rowsByLabel = new Map<string, BudgetItemRow[]>();
  const taken = new Map<BudgetItemRow, Set<number>>();
  for (const i of items) {
    let group = groupOf.get(i.account);
    if (!group) {
      groups.push((group = { account: i.account, rows: [], zeroRows: [] }));
      groupOf.set(i.account, group);
    }
    const kind = byPair ? null : i.kind;
    const col = columnOf(i);
    // The first row with these labels whose cell is still free; a second item with the same labels for
    // the same cell (the source can repeat a line) gets a row of its own rather than overwriting.
    const label = JSON.stringify([i.account, i.item, kind]);
    let same = rowsByLabel.get(label);
    if (!same) rowsByLabel.set(label, (same = []));
    let row = same.find((r) => !taken.get(r)!.has(col));
    if (!row) {
      group.rows.push((row = { item: i.item, kind, amounts: columns.map(() => null) }));
      same.push(row);
      taken.set(row, new Set());
    }
    taken.get(row)!.add(col);
    row.amounts[col] = i.amount;
    if (i.note !== null) notes.push({ year: i.year, kind: i.kind, account: i.account, item: i.item, note: i.note });
  }
  if (!byPair) {
    for (const g of groups) {
      const zero = g.rows.filter((r) => r.amounts.every((a) => a === 0));
      if (zero.length >= MIN_ZERO_ROWS) {
        g.rows = g.rows.filter((r) => !zero.includes(r));
        g.zeroRows = zero;
      }
    }
  }
  return { columns, groups, notes };
}
