/**
 * Table bodies of the payee and ranking pages as markup strings (src/lib/markup/html.ts says why strings, and
 * escapes every value): a payee profile's sheet lines, and a ranking's rows with their links.
 */
import { amountHtml, html, noneHtml, numHtml, rateHtml, type Html } from '../markup/html.ts';
import type { Column } from '../view/chart-spec.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { searchHref, sheetHref } from '../markup/url.ts';
import { payeePageHref, type PayeeIndex, type PayeeLine } from './payees.ts';
import type { RankingRow } from './rankings.ts';

/**
 * The columns of a payee profile's table of sheet lines, decided from all its lines so that every page of
 * the profile shows the same ones: a column no line states (支出の年度 on RS sheets, 契約方式等 … on most)
 * or one that would repeat the page's heading on every row (記載名 of a payee always named one way) is
 * left out — a profile's bytes are its rows (≈ 18,700 profiles at the five JUDGIT years).
 */
export interface PayeeLineColumns {
  payeeYear: boolean;
  name: boolean;
  contract: boolean;
}

export function payeeLineColumns(profile: { lines: readonly PayeeLine[]; names: readonly unknown[] }): PayeeLineColumns {
  return {
    payeeYear: profile.lines.some((l) => l.payee.year !== null),
    name: profile.names.length > 1,
    contract: profile.lines.some(({ payee: p }) => p.contractMethod !== null || p.bidders !== null || p.winningBidRate !== null),
  };
}

/**
 * Header cells of `payeeLineRows`. Roles, the phone layout's column labels and a figure column's `num` are
 * given to the body cells from the header, once (src/client/stack-tables.ts), as in every other table.
 */
export function payeeLineHeader(cols: PayeeLineColumns): Html {
  return html`<tr><th>事業名</th><th>レビュー年度</th>${cols.payeeYear && html`<th>支出の年度</th>`}<th>府省庁</th><th>ブロック</th>${
    cols.name && html`<th>記載名</th>`
  }<th class="num">支出額（百万円）</th>${cols.contract && html`<th>契約方式等</th><th class="num">入札者数</th><th class="num">落札率（%）</th>`}</tr>`;
}

export function payeeLineRows(lines: readonly PayeeLine[], cols: PayeeLineColumns): Html {
  return html`${lines.map(
    ({ sheet: s, payee: p }) =>
      html`<tr><th scope="row"><a href="${sheetHref(s.id)}#payees">${s.title}</a></th><td>${fiscalYearLabel(s.fiscalYear)}</td>${
        cols.payeeYear && html`<td>${p.year === null ? noneHtml : fiscalYearLabel(p.year)}</td>`
      }<td>${s.ministry}</td><td>${p.block}</td>${cols.name && html`<td>${p.name}</td>`}<td>${amountHtml(p.amount)}</td>${
        cols.contract && html`<td>${p.contractMethod ?? noneHtml}</td><td>${numHtml(p.bidders)}</td><td>${rateHtml(p.winningBidRate)}</td>`
      }</tr>`,
  )}`;
}

/**
 * A ranking's rows: the 事業名 column links the row's sheet, the 支出先 column the payee's profile, or the
 * one sheet naming it when it has none (`payeePageHref`); without a valid 法人番号, a search for its name.
 */
export function rankingRows(columns: readonly Column[], rows: readonly RankingRow[], payees: PayeeIndex): Html {
  return html`${rows.map(
    (r) =>
      html`<tr>${r.cells.map((v, i) => {
        const c = columns[i]!;
        let value: Html | string;
        if (v === null) value = noneHtml;
        else if (c.kind === 'yen') value = amountHtml(v as number);
        else if (c.kind === 'rate') value = rateHtml(v as number);
        else if (c.kind === 'number') value = numHtml(v as number);
        else if (c.kind === 'year') value = fiscalYearLabel(v as number);
        else if (c.key === 'title' && r.sheetId) value = html`<a href="${sheetHref(r.sheetId)}">${String(v)}</a>`;
        else if (c.key === 'payee') value = html`<a href="${payeePageHref(payees, r.payee) ?? searchHref(String(v))}">${String(v)}</a>`;
        else value = String(v);
        // Roles, column labels and a figure's `num` come from the header, once (src/client/stack-tables.ts).
        return c.rowHeader ? html`<th scope="row">${value}</th>` : html`<td>${value}</td>`;
      })}</tr>`,
  )}`;
}
