/**
 * The bodies of a sheet page's big tables as markup strings (src/lib/html.ts says why): the budget
 * table, the 予算内訳 grid, the chart tables, the blocks' 費目・使途 and the payees. The components keep the table's frame (caption, header,
 * region) and take these rows with `set:html`. Every value is escaped by `html`.
 */
import type { BudgetYear, Payee, Sheet } from '../schema/sheet.ts';
import { itemText, type BudgetItemGroup } from './budget-items.ts';
import { columnHeader, payeeMarks, type ChartTable } from './charts.ts';
import { amountHtml, attr, html, marksHtml, noneHtml, numHtml, rateHtml, textHtml, type Html } from './html.ts';

/** One row of 予算額・執行額: a label, how its values read, and where they are in a budget year. */
export interface BudgetTableRow {
  label: string;
  kind: 'yen' | 'rate';
  get: (b: BudgetYear) => number | null;
  /** 計 and 執行額: shown as totals. */
  total?: boolean;
  /** Shown only when some year states it (RS sheets have it, text sheets mostly not). */
  optional?: boolean;
}

/** 予算額・執行額 in the sheet's order (rows = items, columns = years). */
export const BUDGET_TABLE_ROWS: readonly BudgetTableRow[] = [
  { label: '当初予算', kind: 'yen', get: (b) => b.initial },
  { label: '補正予算', kind: 'yen', get: (b) => b.supplementary },
  { label: '前年度から繰越し', kind: 'yen', get: (b) => b.carriedFromPrev },
  { label: '翌年度へ繰越し', kind: 'yen', get: (b) => b.carriedToNext },
  { label: '予備費等', kind: 'yen', get: (b) => b.reserve },
  { label: '計', kind: 'yen', get: (b) => b.total, total: true },
  { label: '執行額', kind: 'yen', get: (b) => b.executed, total: true },
  { label: '執行率', kind: 'rate', get: (b) => b.executionRate },
  { label: '当初予算＋補正予算に対する執行額の割合', kind: 'rate', get: (b) => b.initialPlusSupplementaryRate, optional: true },
  { label: '翌年度要求額', kind: 'yen', get: (b) => b.nextYearRequest, optional: true },
];

export function budgetTableRows(rows: readonly BudgetTableRow[], cols: readonly BudgetYear[]): Html {
  return html`${rows.map(
    (r) =>
      html`<tr${attr('class', r.total === true && 'is-total')}><th scope="row">${r.label}${r.kind === 'rate' ? '（%）' : '（百万円）'}</th>${cols.map(
        (b) => html`<td class="num">${r.kind === 'yen' ? amountHtml(r.get(b)) : rateHtml(r.get(b))}</td>`,
      )}</tr>`,
  )}`;
}

/** How the 予算内訳 grid is laid out (src/components/sheet/BudgetItemsSection.astro decides). */
export interface BudgetItemLayout {
  /** Columns are years and rows carry the kind (else columns are (year, kind) pairs). */
  byYear: boolean;
  /** A column for the item (歳出予算目・項目) beside the kind. */
  showItem: boolean;
  /** A header row per account. */
  showAccounts: boolean;
  /** The column labels, for each cell's data-label (the stacked phone layout shows them). */
  labels: readonly string[];
}

/** One account's rows of the 予算内訳 grid. */
export function budgetItemGroupRows(g: BudgetItemGroup, layout: BudgetItemLayout): Html {
  const { byYear, showItem, showAccounts, labels } = layout;
  const width = labels.length + 1 + (showItem ? 1 : 0);
  const accountRow =
    showAccounts &&
    html`<tr role="row" class="row-group"><th scope="rowgroup" role="rowheader" colspan="${width}">会計: ${g.account ?? '記載なし'}</th></tr>`;
  const rows = g.rows.map((r) => {
    const head = (byYear ? r.kind : itemText(r.item)) ?? noneHtml;
    const item = showItem && html`<td role="cell" data-label="歳出予算目・項目">${itemText(r.item) ?? noneHtml}</td>`;
    const cells = r.amounts.map((a, i) => html`<td role="cell" class="num" data-label="${labels[i]}">${amountHtml(a)}</td>`);
    const cls = attr('class', !byYear && r.item === '計' && 'is-total');
    return html`<tr role="row"${cls}><th scope="row" role="rowheader">${head}</th>${item}${cells}</tr>`;
  });
  // The rows that state 0 for every year, named in one line (src/lib/budget-items.ts).
  const zeroNames = g.zeroRows.map((r) => [r.kind, itemText(r.item) !== null && r.item !== '計' ? r.item : null].filter(Boolean).join(' '));
  const zeroRow =
    g.zeroRows.length > 0 &&
    html`<tr role="row" class="zero-rows"><th scope="row" role="rowheader">0 の項目</th><td role="cell" colspan="${width - 1}" data-label="項目">${zeroNames.join('、')}: 全 ${labels.length} 年度とも 0</td></tr>`;
  return html`${accountRow}${rows}${zeroRow}`;
}

/** Chart columns whose cells are numbers (right-aligned, class "num"), in the header and the rows alike. */
export const numeric = (kind: string) => kind === 'yen' || kind === 'rate' || kind === 'number';

/**
 * The rows of a chart's table (src/components/charts/DataTable.astro). `stack`: the table stacks into one
 * card per row on phones, so cells carry explicit roles and their column label.
 */
export function chartTableRows(table: ChartTable, opts: { stack: boolean; markColumns: readonly string[] }): Html {
  const { stack, markColumns } = opts;
  const role = (r: string) => (stack ? r : null);
  const headers = table.columns.map((c) => columnHeader(c));
  return html`${table.rows.map(
    (row) =>
      html`<tr${attr('role', role('row'))}>${row.map((v, i) => {
        const c = table.columns[i]!;
        const cls = attr('class', numeric(c.kind) && 'num');
        const value =
          v === null
            ? noneHtml
            : c.kind === 'yen'
              ? amountHtml(v as number)
              : c.kind === 'rate'
                ? rateHtml(v as number)
                : c.kind === 'number'
                  ? numHtml(v as number)
                  : markColumns.includes(c.key)
                    ? marksHtml(String(v).split('・'))
                    : String(v);
        return c.rowHeader
          ? html`<th scope="row"${attr('role', role('rowheader'))}${cls}${attr('data-label', stack && i > 0 && headers[i]!)}>${value}</th>`
          : html`<td${attr('role', role('cell'))}${cls}${attr('data-label', stack && headers[i]!)}>${value}</td>`;
      })}</tr>`,
  )}`;
}

type Block = Sheet['blocks'][number];

/** A block's 費目・使途 rows, then its 計. */
export function blockExpenseRows(b: Block): Html {
  const rows = b.expenses.map((e) => {
    const sub = e.subcontractor && e.subcontractor !== e.purpose && html` （委託先: ${e.subcontractor}）`;
    return html`<tr role="row"><th scope="row" role="rowheader">${e.category ?? noneHtml}</th><td role="cell" data-label="用途">${textHtml(e.purpose, true)}${sub}</td><td role="cell" class="num" data-label="金額（百万円）">${amountHtml(e.amount)}</td></tr>`;
  });
  return html`${rows}<tr role="row" class="is-total"><th scope="row" role="rowheader" colspan="2">計</th><td role="cell" class="num" data-label="金額（百万円）">${amountHtml(b.total)}</td></tr>`;
}

/** Links to the numbered warnings about a row (⚠ 注意点n). */
export function warningLinks(ns: readonly number[]): Html {
  return html`${ns.map((n) => html`<a class="mark mark-warn" href="#warning-${n}">⚠ 注意点${n}</a>`)}`;
}

/** One block's payees as the sheet lists them; `warningsOf` numbers the warnings about a payee. */
export function payeeRows(payees: readonly Payee[], opts: { showReason: boolean; warningsOf: (p: Payee) => number[] }): Html {
  return html`${payees.map(
    (p) =>
      html`<tr role="row"><td role="cell" class="num" data-label="順位">${p.rank}</td><th scope="row" role="rowheader">${p.name}</th><td role="cell" class="corp-no" data-label="法人番号">${p.corporateNumber ?? noneHtml}</td><td role="cell" class="note-col" data-label="業務概要">${textHtml(p.description, true)}</td><td role="cell" class="num" data-label="支出額（百万円）">${amountHtml(p.amount)}</td><td role="cell" data-label="契約方式等">${p.contractMethod ?? noneHtml}</td><td role="cell" class="num" data-label="入札者数">${numHtml(p.bidders)}</td><td role="cell" class="num" data-label="落札率">${rateHtml(p.winningBidRate)}</td><td role="cell" data-label="注意">${marksHtml(payeeMarks(p))}${warningLinks(opts.warningsOf(p))}</td>${
        opts.showReason && html`<td role="cell" class="note-col" data-label="一者応札等の理由・改善策">${textHtml(p.singleBidReason, true)}</td>`
      }</tr>`,
  )}`;
}
