/**
 * HTML built as strings, for the table rows of a sheet page and the value cells in them.
 *
 * Why not Astro components there: Astro renders every component and template expression as its own
 * render step, and a sheet page has hundreds of table cells (a year of RS sheets: ≈ 200 cells a page,
 * most of them an amount or a blank). Rendering each table body as one string made the pages' render
 * time fall sharply (docs/BENCHMARKS.md) with the same markup.
 *
 * The rule that sheet text never reaches a page as HTML holds here as in Astro templates: `html` escapes
 * every value it interpolates (text and attribute values alike, quotes included); only `Html` values —
 * made by `html` itself or the helpers below — pass through unescaped. Astro takes the result with
 * `set:html={String(...)}` on the element that holds the rows.
 */
import { escapeUTF8 } from 'entities';
import {
  NONE,
  formatMillionYenNumber,
  formatPercentShort,
  formatQuantity,
  formatYenShort,
} from '../../shared/format.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { linkParts, paragraphs } from './text-parts.ts';
import { ui } from '../../i18n/ja.ts';

/** Markup that is safe to insert as is (built by `html`). */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What `html` interpolates: text (escaped), numbers, markup, lists of these; null/undefined/false are nothing. */
export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

function partHtml(p: HtmlPart): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) {
    let out = '';
    for (const x of p) out += partHtml(x);
    return out;
  }
  return escapeUTF8(String(p));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += partHtml(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** ` name="value"` (value escaped), or nothing when the value is null, undefined or false. */
export function attr(name: string, value: string | number | null | undefined | false): Html {
  return value === null || value === undefined || value === false ? new Html('') : html` ${new Html(name)}="${value}"`;
}

/**
 * A value the sheet leaves blank (src/components/None.astro): the dash alone. The converter reads a cell
 * that is only a dash as no value (scripts/converter/normalize/blank.ts), so a lone "—" on a page is a
 * blank; a `<span class="none">` around it (muted grey) was ≈ 2 KB of a sheet page (issue 18).
 */
export const noneHtml = new Html(NONE);

/**
 * An amount (src/components/Amount.astro): the exact 円 once, in <data value> (src/client/stack-tables.ts
 * shows it as the title on hover; a title in the markup too was ≈ 3 % of a sheet page).
 */
export function amountHtml(yen: number | null | undefined, unit: 'million' | 'million-with-unit' | 'short' = 'million'): Html {
  if (yen === null || yen === undefined) return noneHtml;
  const text = unit === 'short' ? formatYenShort(yen) : unit === 'million-with-unit' ? `${formatMillionYenNumber(yen)}百万円` : formatMillionYenNumber(yen);
  return html`<data value="${String(yen)}">${text}</data>`;
}

/**
 * A rate stored as a fraction, as a percentage to the site's one precision (src/components/Rate.astro);
 * the stated value stays in <data value> (shown as the title on hover, as for amounts).
 */
export function rateHtml(value: number | null | undefined): Html {
  if (value === null || value === undefined) return noneHtml;
  return html`<data value="${String(value)}">${formatPercentShort(value)}</data>`;
}

/** A quantity as stated, with its unit when given (src/components/Num.astro). */
export function numHtml(value: number | null | undefined, unit?: string | null): Html {
  if (value === null || value === undefined) return noneHtml;
  return html`<data value="${String(value)}">${formatQuantity(value, unit)}</data>`;
}

/** A fiscal year with its era (src/components/FiscalYear.astro). */
export function fiscalYearHtml(year: number | null | undefined): Html {
  if (year === null || year === undefined) return noneHtml;
  return html`<time datetime="${String(year)}">${fiscalYearLabel(year)}</time>`;
}

/** Text badges for contract marks (src/components/Marks.astro): the words carry the meaning. */
export function marksHtml(marks: readonly string[]): Html {
  return html`${marks.filter(Boolean).map((m) =>
    m === ui.marks.singleBidder
      ? html`<span class="mark mark-single">① ${m}</span>`
      : m === ui.marks.highRate
        ? html`<span class="mark mark-high">▲ ${m}</span>`
        : html`<span class="mark mark-warn">⚠ ${m}</span>`,
  )}`;
}

/** One line of sheet text: http(s) URLs as links (rel noopener …), everything else escaped text. */
function lineHtml(line: string): Html {
  return html`${linkParts(line).map((p) =>
    p.kind === 'link' ? html`<a href="${p.href}" rel="noopener noreferrer nofollow">${p.text}</a>` : p.text,
  )}`;
}

/**
 * Sheet text: paragraphs and line breaks as stated, URLs as links;
 * blank text as the blank mark. `inline` (for table cells): paragraphs separated by two line breaks, no <p>.
 */
export function textHtml(text: string | null | undefined, inline = false): Html {
  const paras = text ? paragraphs(text) : [];
  if (paras.length === 0) return noneHtml;
  const lines = (ls: string[]) => html`${ls.map((line, i) => html`${i > 0 && new Html('<br>')}${lineHtml(line)}`)}`;
  if (inline) return html`${paras.map((ls, i) => html`${i > 0 && new Html('<br><br>')}${lines(ls)}`)}`;
  return html`<div class="text-block">${paras.map((ls) => html`<p>${lines(ls)}</p>`)}</div>`;
}

/** e-Gov 法令検索's page of a law, by its 法令ID (RS 1-3); `null` for an ID that is not one. */
export function eGovLawUrl(lawId: string | null | undefined): string | null {
  const id = lawId?.normalize('NFKC').trim();
  return id && /^[0-9A-Za-z_]+$/.test(id) ? `https://laws.e-gov.go.jp/law/${id}` : null;
}
