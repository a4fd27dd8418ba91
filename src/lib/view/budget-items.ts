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
import type { BudgetItem } from '../../schema/sheet.ts';

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

/** Maps keyed by each value in turn (the values' own strings, hashed once each, no joined keys to build). */
class NestedMap<V> {
  private root = new Map<unknown, unknown>();
  get(keys: readonly unknown[]): V | undefined {
    let at: unknown = this.root;
    for (const k of keys) at = (at as Map<unknown, unknown> | undefined)?.get(k);
    return at as V | undefined;
  }
  getOrAdd(keys: readonly unknown[], make: () => V): V {
    let map = this.root;
    for (let k = 0; k < keys.length - 1; k++) {
      let next = map.get(keys[k]) as Map<unknown, unknown> | undefined;
      if (!next) map.set(keys[k], (next = new Map()));
      map = next;
    }
    const last = keys[keys.length - 1];
    let value = map.get(last) as V | undefined;
    if (value === undefined) map.set(last, (value = make()));
    return value;
  }
}

export function budgetItemGrid(items: readonly BudgetItem[]): BudgetItemGrid {
  /** The (year, kind) pairs in the order first stated. */
  const pairList: BudgetItemColumn[] = [];
  const pairs = new NestedMap<BudgetItemColumn>();
  for (const i of items) {
    pairs.getOrAdd([i.year, i.kind], () => {
      const pair = { year: i.year, kind: i.kind };
      pairList.push(pair);
      return pair;
    });
  }
  const byPair = pairList.length <= MAX_PAIR_COLUMNS;
  const columns = byPair
    ? pairList.sort((a, b) => a.year - b.year)
    : [...new Set(items.map((i) => i.year))].sort((a, b) => a - b).map((year) => ({ year, kind: null }));
  // Lookups by key, not by scanning columns and rows per item: a sheet has up to a few hundred items.
  const columnIndex = new NestedMap<number>();
  columns.forEach((c, n) => columnIndex.getOrAdd([c.year, c.kind], () => n));
  const columnOf = (i: BudgetItem) => columnIndex.get([i.year, byPair ? i.kind : null]) ?? -1;

  const groups: BudgetItemGroup[] = [];
  const notes: BudgetItemNote[] = [];
  const groupOf = new Map<string | null, BudgetItemGroup>();
  /** Rows by group and labels, in order, each with the cells it has taken (a stated blank takes its cell too). */
  const rowsByLabel = new NestedMap<{ row: BudgetItemRow; taken: boolean[] }[]>();
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
    const same = rowsByLabel.getOrAdd([i.account, i.item, kind], () => []);
    let free = same.find((r) => !r.taken[col]);
    if (!free) {
      free = { row: { item: i.item, kind, amounts: columns.map(() => null) }, taken: [] };
      group.rows.push(free.row);
      same.push(free);
    }
    free.taken[col] = true;
    free.row.amounts[col] = i.amount;
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
