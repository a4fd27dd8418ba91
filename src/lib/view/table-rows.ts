/**
 * The bodies of a sheet page's big tables as markup strings (src/lib/markup/html.ts says why): the budget
 * table, the 予算内訳 grid, the chart tables, the blocks' 費目・使途 and the payees. The components keep the table's frame (caption, header,
 * region) and take these rows with `set:html`. Every value is escaped by `html`.
 */
import type { BudgetYear, Contract, Expense, IndirectCost, MultiYearContract, Payee, Sheet } from '../../schema/sheet.ts';
import { itemText, type BudgetItemGroup } from './budget-items.ts';
import { payeeMarks } from './chart-payees.ts';
import type { ChartTable } from './chart-spec.ts';
import { amountHtml, attr, html, marksHtml, noneHtml, numHtml, rateHtml, textHtml, type Html } from '../markup/html.ts';

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
        (b) => html`<td>${r.kind === 'yen' ? amountHtml(r.get(b)) : rateHtml(r.get(b))}</td>`,
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
  /** The column labels (the header's; the stacked phone layout shows them, src/client/stack-tables.ts). */
  labels: readonly string[];
}

/** One account's rows of the 予算内訳 grid. */
export function budgetItemGroupRows(g: BudgetItemGroup, layout: BudgetItemLayout): Html {
  const { byYear, showItem, showAccounts, labels } = layout;
  const width = labels.length + 1 + (showItem ? 1 : 0);
  const accountRow =
    showAccounts &&
    html`<tr class="row-group"><th scope="rowgroup" colspan="${width}">会計: ${g.account ?? '記載なし'}</th></tr>`;
  const rows = g.rows.map((r) => {
    const head = (byYear ? r.kind : itemText(r.item)) ?? noneHtml;
    const item = showItem && html`<td>${itemText(r.item) ?? noneHtml}</td>`;
    const cells = r.amounts.map((a) => html`<td>${amountHtml(a)}</td>`);
    const cls = attr('class', !byYear && r.item === '計' && 'is-total');
    return html`<tr${cls}><th scope="row">${head}</th>${item}${cells}</tr>`;
  });
  // The rows that state 0 for every year, named in one line (src/lib/view/budget-items.ts).
  const zeroNames = g.zeroRows.map((r) => [r.kind, itemText(r.item) !== null && r.item !== '計' ? r.item : null].filter(Boolean).join(' '));
  const zeroRow =
    g.zeroRows.length > 0 &&
    html`<tr class="zero-rows"><th scope="row">0 の項目</th><td colspan="${width - 1}" data-label="項目">${zeroNames.join('、')}: 全 ${labels.length} 年度とも 0</td></tr>`;
  return html`${accountRow}${rows}${zeroRow}`;
}

/** Chart columns whose cells are numbers (right-aligned, class "num"), in the header and the rows alike. */
export const numeric = (kind: string) => kind === 'yen' || kind === 'rate' || kind === 'number';

/**
 * The rows of a chart's table (src/components/charts/DataTable.astro). A stacked table's cells get their
 * roles and column labels, and a figure's cell its column's `num`, from src/client/stack-tables.ts, not
 * from the markup.
 */
export function chartTableRows(table: ChartTable, opts: { markColumns: readonly string[] }): Html {
  const { markColumns } = opts;
  return html`${table.rows.map(
    (row) =>
      html`<tr>${row.map((v, i) => {
        const c = table.columns[i]!;
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
        return c.rowHeader ? html`<th scope="row">${value}</th>` : html`<td>${value}</td>`;
      })}</tr>`,
  )}`;
}

type Block = Sheet['blocks'][number];

/** The payee a 5-3 line belongs to (支出先名, 法人番号, 契約概要); `null` for text-sheet lines, which name none. */
function expensePayeeKey(e: Expense): string | null {
  return e.payee === null && e.corporateNumber === null && e.contract === null ? null : JSON.stringify([e.payee, e.corporateNumber, e.contract]);
}

/**
 * A block's 費目・使途 rows, then its 計. RS lines name their payee (5-3 支出先名, 法人番号, 契約概要): a
 * group row says it once above that payee's lines rather than repeating it on every line.
 */
export function blockExpenseRows(b: Block): Html {
  let group: string | null = null;
  const rows = b.expenses.map((e) => {
    const key = expensePayeeKey(e);
    const head =
      key !== null &&
      key !== group &&
      html`<tr class="row-group"><th scope="rowgroup" colspan="3">支出先: ${e.payee ?? noneHtml}${
        e.corporateNumber !== null && html`（法人番号 ${e.corporateNumber}）`
      }${e.contract !== null && html`<br><span class="sub">契約概要: ${textHtml(e.contract, true)}</span>`}</th></tr>`;
    group = key;
    const sub = e.subcontractor && e.subcontractor !== e.purpose && html` （委託先: ${e.subcontractor}）`;
    return html`${head}<tr><th scope="row">${e.category ?? noneHtml}</th><td>${textHtml(e.purpose, true)}${sub}</td><td>${amountHtml(e.amount)}</td></tr>`;
  });
  return html`${rows}<tr class="is-total"><th scope="row" colspan="2">計</th><td>${amountHtml(b.total)}</td></tr>`;
}

/**
 * 法人種別 codes as the RS tables state them: the 国税庁 法人番号公表サイト codes (101 国の機関 … 499 その他).
 * Unknown codes are shown as stated.
 */
const CORPORATE_TYPES: Record<string, string> = {
  '101': '国の機関',
  '201': '地方公共団体',
  '301': '株式会社',
  '302': '有限会社',
  '303': '合名会社',
  '304': '合資会社',
  '305': '合同会社',
  '399': 'その他の設立登記法人',
  '401': '外国会社等',
  '499': 'その他',
};

export function corporateTypeText(code: string | null): string | null {
  if (code === null) return null;
  const name = CORPORATE_TYPES[code.normalize('NFKC').trim()];
  return name ? `${code}（${name}）` : code;
}

/** 支出先 / 契約先 details under the name: 所在地, 法人種別, and the その他支出先 flag. */
function partyDetails(p: { location: string | null; corporateType: string | null; otherPayee?: boolean | null }): Html {
  const parts = [
    p.location !== null && html`所在地: ${p.location}`,
    p.corporateType !== null && html`法人種別: ${corporateTypeText(p.corporateType)}`,
    p.otherPayee === true && html`その他支出先`,
  ].filter((x): x is Html => x !== false);
  return parts.length ? html`<br><span class="sub">${parts.map((x, i) => html`${i > 0 && '／'}${x}`)}</span>` : html``;
}

/** 契約方式等 with 具体的な契約方式等. */
function methodText(method: string | null, specific: string | null): string | null {
  if (method === null) return specific;
  return specific === null ? method : `${method}（${specific}）`;
}

/**
 * A payee's 業務概要 cell. One contract whose figures are the payee's own: its 契約概要 (the other columns
 * show the rest). Several contracts, or one that differs: each contract on its own line with its 金額,
 * 契約方式等, 入札者数, 落札率 and その他の契約 mark — folded in <details> past three, to keep pages small.
 */
function contractsHtml(p: Payee): Html {
  const c = p.contracts;
  const plain = c.length === 1 && (c[0]!.amount === p.amount || c[0]!.amount === null) && c[0]!.other !== true;
  if (c.length === 0 || plain) return textHtml(p.description, true);
  const line = (x: Contract) => {
    const facts = [
      x.amount !== null && html`${amountHtml(x.amount, 'million-with-unit')}`,
      methodText(x.method, x.specificMethod),
      x.bidders !== null && html`入札者数 ${numHtml(x.bidders)}`,
      x.winningBidRate !== null && html`落札率 ${rateHtml(x.winningBidRate)}`,
      x.other === true && 'その他の契約',
    ].filter((f) => f !== false && f !== null);
    return html`<li>${textHtml(x.description, true)}${facts.length > 0 && html`（${facts.map((f, i) => html`${i > 0 && '・'}${f}`)}）`}</li>`;
  };
  const shown = c.length > 4 ? c.slice(0, 3) : c;
  const rest = c.length > 4 ? c.slice(3) : [];
  return html`<ul class="contracts">${shown.map(line)}</ul>${
    rest.length > 0 && html`<details><summary>ほか${rest.length}件の契約</summary><ul class="contracts">${rest.map(line)}</ul></details>`
  }`;
}

/** A name, linked when the site has a page for it (a payee's profile). */
function nameLink(name: string, href: string | null): Html | string {
  return href === null ? name : html`<a href="${href}">${name}</a>`;
}

/** Links to the numbered warnings about a row (⚠ 注意点n); `page`: the sheet page's URL, from another page. */
export function warningLinks(ns: readonly number[], page = ''): Html {
  return html`${ns.map((n) => html`<a class="mark mark-warn" href="${page}#warning-${n}">⚠ 注意点${n}</a>`)}`;
}

/**
 * One block's payees as the sheet lists them; `warningsOf` numbers the warnings about a payee.
 * `showContract`: the 契約方式等, 入札者数 and 落札率 columns, left out (and said so above the tables) when no
 * payee of the sheet states any of them — a column of blanks on every row of a 170-payee sheet is page
 * weight with nothing in it. `profileHref`: the payee's profile page, or null when it has none
 * (src/lib/history/payees.ts `profileHref`: named on this sheet only, or no valid 法人番号): no link then.
 */
export function payeeRows(
  payees: readonly Payee[],
  opts: {
    showReason: boolean;
    showContract: boolean;
    warningsOf: (p: Payee) => number[];
    warningPage?: string;
    profileHref: (corporateNumber: string | null) => string | null;
  },
): Html {
  return html`${payees.map(
    (p) =>
      html`<tr><td>${p.rank}</td><th scope="row">${nameLink(p.name, opts.profileHref(p.corporateNumber))}${partyDetails(p)}</th><td>${p.corporateNumber ?? noneHtml}</td><td>${contractsHtml(p)}</td><td>${amountHtml(p.amount)}</td>${
        opts.showContract &&
        html`<td>${p.contractMethod ?? noneHtml}</td><td>${numHtml(p.bidders)}</td><td>${rateHtml(p.winningBidRate)}</td>`
      }<td>${marksHtml(payeeMarks(p))}${warningLinks(opts.warningsOf(p), opts.warningPage)}</td>${
        opts.showReason && html`<td>${textHtml(p.singleBidReason, true)}</td>`
      }</tr>`,
  )}`;
}

/** RS 5-2 国自らが支出する間接経費: one row per stated item. */
export function indirectCostRows(items: readonly IndirectCost[]): Html {
  return html`${items.map(
    (x) =>
      html`<tr><th scope="row">${x.item ?? noneHtml}</th><td>${x.label ?? noneHtml}</td><td>${amountHtml(x.amount)}</td></tr>`,
  )}`;
}

/**
 * RS 5-4 契約 under 国庫債務負担行為等, one row each: 契約先 (with 所在地, 法人種別), 法人番号, 契約概要, 契約額,
 * 契約方式等, 入札者数, 落札率, その他の契約, and the 一者応札… reason when any contract states one.
 */
export function multiYearContractRows(list: readonly MultiYearContract[], opts: { showReason: boolean }): Html {
  return html`${list.map((c) => {
    const marks = payeeMarks(c);
    const other = [c.other === true && 'その他の契約', c.otherMultiYear === true && 'その他の契約（国庫債務負担行為等）'].filter(Boolean).join('・');
    return html`<tr><td>${c.block ?? noneHtml}</td><th scope="row">${c.name ?? noneHtml}${partyDetails(c)}</th><td>${c.corporateNumber ?? noneHtml}</td><td>${textHtml(c.description, true)}</td><td>${amountHtml(c.amount)}</td><td>${methodText(c.method, c.specificMethod) ?? noneHtml}</td><td>${numHtml(c.bidders)}</td><td>${rateHtml(c.winningBidRate)}</td><td>${marksHtml(marks)}${other}</td>${
      opts.showReason && html`<td>${textHtml(c.singleBidReason, true)}</td>`
    }</tr>`;
  })}`;
}
