/**
 * Table bodies of the payee and ranking pages as markup strings (src/lib/markup/html.ts says why strings, and
 * escapes every value): a payee profile's sheet lines, and a ranking's rows with their links.
 */
import { amountHtml, attr, html, noneHtml, numHtml, rateHtml, type Html } from '../markup/html.ts';
import { columnHeader, type Column } from '../view/chart-spec.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { numeric } from '../view/table-rows.ts';
import { payeeHref, searchHref, sheetHref } from '../markup/url.ts';
import type { PayeeLine } from './payees.ts';
import type { RankingRow } from './rankings.ts';

export function payeeLineRows(lines: readonly PayeeLine[]): Html {
  return html`${lines.map(
    ({ sheet: s, payee: p }) =>
      html`<tr role="row"><th scope="row" role="rowheader"><a href="${sheetHref(s.id)}#payees">${s.title}</a></th><td role="cell" data-label="レビュー年度">${fiscalYearLabel(s.fiscalYear)}</td><td role="cell" data-label="支出の年度">${p.year === null ? noneHtml : fiscalYearLabel(p.year)}</td><td role="cell" data-label="府省庁">${s.ministry}</td><td role="cell" data-label="ブロック">${p.block}</td><td role="cell" data-label="記載名">${p.name}</td><td role="cell" class="num" data-label="支出額（百万円）">${amountHtml(p.amount)}</td><td role="cell" data-label="契約方式等">${p.contractMethod ?? noneHtml}</td><td role="cell" class="num" data-label="入札者数">${numHtml(p.bidders)}</td><td role="cell" class="num" data-label="落札率">${rateHtml(p.winningBidRate)}</td></tr>`,
  )}`;
}

/**
 * A ranking's rows: the 事業名 column links the row's sheet, the 支出先 column the payee's profile (or,
 * without a valid 法人番号, a search for its name).
 */
export function rankingRows(columns: readonly Column[], rows: readonly RankingRow[]): Html {
  const headers = columns.map((c) => columnHeader(c));
  return html`${rows.map(
    (r) =>
      html`<tr role="row">${r.cells.map((v, i) => {
        const c = columns[i]!;
        let value: Html | string;
        if (v === null) value = noneHtml;
        else if (c.kind === 'yen') value = amountHtml(v as number);
        else if (c.kind === 'rate') value = rateHtml(v as number);
        else if (c.kind === 'number') value = numHtml(v as number);
        else if (c.kind === 'year') value = fiscalYearLabel(v as number);
        else if (c.key === 'title' && r.sheetId) value = html`<a href="${sheetHref(r.sheetId)}">${String(v)}</a>`;
        else if (c.key === 'payee') value = html`<a href="${r.payee ? payeeHref(r.payee) : searchHref(String(v))}">${String(v)}</a>`;
        else value = String(v);
        const cls = attr('class', numeric(c.kind) && 'num');
        return c.rowHeader
          ? html`<th scope="row" role="rowheader"${cls}>${value}</th>`
          : html`<td role="cell"${cls}${attr('data-label', headers[i]!)}>${value}</td>`;
      })}</tr>`,
  )}`;
}
