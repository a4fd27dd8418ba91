import { describe, expect, it } from 'vitest';
import { budgetItemGrid, MAX_PAIR_COLUMNS } from '../../src/lib/view/budget-items.ts';
import type { BudgetItem } from '../../src/schema/sheet.ts';
import { rsSamples, textSample } from '../support/sample-records.ts';

const item = (year: number, kind: string, item: string, amount: number | null, account: string | null = null, note: string | null = null): BudgetItem => ({
  year, kind, account, organisation: null, item, amount, note,
});

describe('budgetItemGrid', () => {
  it('lays out few (year, kind) pairs as columns, one row per line item (the text form)', () => {
    const grid = budgetItemGrid([
      item(2022, '当初予算', '(項)科学技術振興費', 339000000),
      item(2022, '当初予算', '計', 339000000),
      item(2023, '要求', '(項)科学技術振興費', 400000000, null, '増額'),
      item(2023, '要求', '計', 400000000),
    ]);
    expect(grid.columns).toEqual([{ year: 2022, kind: '当初予算' }, { year: 2023, kind: '要求' }]);
    expect(grid.groups).toEqual([
      {
        account: null,
        rows: [
          { item: '(項)科学技術振興費', kind: null, amounts: [339000000, 400000000] },
          { item: '計', kind: null, amounts: [339000000, 400000000] },
        ],
        zeroRows: [],
      },
    ]);
    expect(grid.notes).toEqual([{ year: 2023, kind: '要求', account: null, item: '(項)科学技術振興費', note: '増額' }]);
  });

  it('pivots many kinds to years as columns, one row per (line, kind), grouped by account', () => {
    const kinds = ['当初予算', '第1次補正予算', '第2次補正予算', '前年度から繰越し'];
    const items = [2023, 2024].flatMap((y) => [
      item(y, '翌年度要求額', '計', y * 10, null),
      ...kinds.map((k, n) => item(y, k, '計', n === 2 ? 0 : y * 100 + n, '一般会計 / 一般会計')),
    ]);
    expect(new Set(items.map((i) => `${i.year}${i.kind}`)).size).toBeGreaterThan(MAX_PAIR_COLUMNS);
    const grid = budgetItemGrid(items);
    expect(grid.columns).toEqual([{ year: 2023, kind: null }, { year: 2024, kind: null }]);
    expect(grid.groups.map((g) => g.account)).toEqual([null, '一般会計 / 一般会計']);
    expect(grid.groups[0]!.rows).toEqual([{ item: '計', kind: '翌年度要求額', amounts: [20230, 20240] }]);
    expect(grid.groups[1]!.rows).toEqual([
      { item: '計', kind: '当初予算', amounts: [202300, 202400] },
      { item: '計', kind: '第1次補正予算', amounts: [202301, 202401] },
      // a stated 0 stays 0
      { item: '計', kind: '第2次補正予算', amounts: [0, 0] },
      { item: '計', kind: '前年度から繰越し', amounts: [202303, 202403] },
    ]);
  });

  it('never merges or drops: a repeated line gets its own row, a blank stays null, a missing cell is null', () => {
    const grid = budgetItemGrid([
      item(2022, '当初予算', '(項)A', 1),
      item(2022, '当初予算', '(項)A', 2),
      item(2022, '当初予算', '(項)B', null),
      item(2023, '要求', '(項)A', 3),
    ]);
    expect(grid.groups[0]!.rows).toEqual([
      { item: '(項)A', kind: null, amounts: [1, 3] },
      { item: '(項)A', kind: null, amounts: [2, null] },
      { item: '(項)B', kind: null, amounts: [null, null] },
    ]);
  });

  it('shows every amount of every real RS sheet exactly once', async () => {
    const records = await rsSamples();
    expect(records.length).toBeGreaterThan(200);
    let items = 0;
    let rows = 0;
    for (const r of records) {
      const grid = budgetItemGrid(r.budgetItems);
      const cells = grid.groups.flatMap((g) => [...g.rows, ...g.zeroRows].flatMap((row) => row.amounts));
      const stated = r.budgetItems.map((i) => i.amount).filter((a) => a !== null).sort((a, b) => a! - b!);
      expect(cells.filter((a) => a !== null).sort((a, b) => a! - b!), r.id).toEqual(stated);
      expect(grid.notes.length).toBe(r.budgetItems.filter((i) => i.note !== null).length);
      items += r.budgetItems.length;
      rows += grid.groups.reduce((n, g) => n + g.rows.length, 0);
    }
    // The point of the grid: far fewer rows to read (and index) than items.
    expect(rows).toBeLessThan(items / 2);
  });
});

describe('budgetItemGrid on the text samples', () => {
  it('keeps the sheets\' own layout: (year, kind) columns, one row per line', async () => {
    for (const name of ['000_ef263abaeb28aada.txt']) {
      const s = await textSample(name);
      const grid = budgetItemGrid(s.budgetItems);
      expect(grid.columns.every((c) => c.kind !== null)).toBe(true);
      const cells = grid.groups.flatMap((g) => g.rows.flatMap((row) => row.amounts)).filter((a) => a !== null);
      expect(cells.length).toBe(s.budgetItems.filter((i) => i.amount !== null).length);
    }
  });
});

describe('rows that state 0 for every year', () => {
  const years = [2022, 2023, 2024];
  const rowOf = (kind: string, amounts: (number | null)[]) =>
    amounts.flatMap((a, i) => (a === undefined ? [] : [item(years[i]!, kind, '計', a, '一般会計')]));

  it('are set apart when two or more in a group state 0 in every column; the rest stay in order', () => {
    const grid = budgetItemGrid([
      ...rowOf('当初予算', [100, 200, 300]),
      ...rowOf('第1次補正予算', [0, 50, 0]),
      ...rowOf('第2次補正予算', [0, 0, 0]),
      ...rowOf('第3次補正予算', [0, 0, 0]),
      ...rowOf('予備費等1', [0, null, 0]),
      ...rowOf('要望額', [0, 0, 0]),
    ]);
    expect(grid.columns.every((c) => c.kind === null)).toBe(true);
    const [g] = grid.groups;
    expect(g!.rows.map((r) => r.kind)).toEqual(['当初予算', '第1次補正予算', '予備費等1']);
    expect(g!.zeroRows.map((r) => r.kind)).toEqual(['第2次補正予算', '第3次補正予算', '要望額']);
    expect(g!.zeroRows.every((r) => r.amounts.every((a) => a === 0))).toBe(true);
  });

  it('a single one stays in the grid, and the (year, kind) layout never sets rows apart', () => {
    const one = budgetItemGrid([
      ...rowOf('当初予算', [100, 200, 300]),
      ...rowOf('第2次補正予算', [0, 0, 0]),
      ...rowOf('第3次補正予算', [0, 5, 0]),
    ]);
    expect(one.groups[0]!.zeroRows).toEqual([]);
    expect(one.groups[0]!.rows).toHaveLength(3);
    const pairs = budgetItemGrid([item(2022, '当初予算', '(項)A', 0), item(2022, '当初予算', '(項)B', 0), item(2022, '当初予算', '計', 0)]);
    expect(pairs.columns.every((c) => c.kind !== null)).toBe(true);
    expect(pairs.groups[0]!.zeroRows).toEqual([]);
    expect(pairs.groups[0]!.rows).toHaveLength(3);
  });
});
