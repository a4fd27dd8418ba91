/**
 * The string-built markup of sheet pages (src/lib/markup/html.ts, src/lib/view/table-rows.ts): sheet text is escaped
 * wherever it goes, values keep their exact 円 and blanks show as blanks, on the real sample sheets.
 * (tests/site/xss.test.ts checks the built pages end to end.)
 */
import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { amountHtml, attr, fiscalYearHtml, html, Html, marksHtml, noneHtml, numHtml, rateHtml, textHtml } from '../../src/lib/markup/html.ts';
import { BUDGET_TABLE_ROWS, blockExpenseRows, budgetItemGroupRows, budgetTableRows, chartTableRows, indirectCostRows, multiYearContractRows, payeeRows } from '../../src/lib/view/table-rows.ts';
import { budgetItemGrid } from '../../src/lib/view/budget-items.ts';
import { sheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { exactTitle } from '../../src/client/exact-title.ts';
import type { Payee } from '../../src/schema/sheet.ts';
import { judgitSamples, rsSample, rsSamples, textSample } from '../support/sample-records.ts';
import { profileHref, type PayeeIndex } from '../../src/lib/history/payees.ts';
import { sitePayeeIndex } from '../support/payee-index.ts';
import { listing } from '../../src/lib/data/sheet-listing.ts';

/** Where the sample site shows each payee (every shipped sheet), as the sheet pages' links use it. */
let samplePayees: PayeeIndex | null = null;
async function sampleProfileHref(): Promise<(n: string | null) => string | null> {
  samplePayees ??= sitePayeeIndex([...(await rsSamples()), await textSample('000_ef263abaeb28aada.txt'), await textSample('004_b3591854bc0903ef.txt'), ...(await judgitSamples())].map(listing));
  const index = samplePayees;
  return (n) => profileHref(index, n);
}

const PAYLOAD = `"'><script>window.__xss=1</script><img src=x onerror=alert(1)>`;

/** Parses a fragment (inside a table body when it is rows). */
function parse(markup: Html | string, inTable = false) {
  const text = String(markup);
  return parseDocument(inTable ? `<table><tbody>${text}</tbody></table>` : text);
}
const all = (doc: ReturnType<typeof parse>, name: string) => DomUtils.getElementsByTagName(name, doc) as Element[];

describe('html', () => {
  it('escapes every interpolated text and attribute value, so a payload stays text', () => {
    const doc = parse(html`<td title="${PAYLOAD}" data-label='${PAYLOAD}'>${PAYLOAD}</td>`);
    expect(all(doc, 'script')).toHaveLength(0);
    expect(all(doc, 'img')).toHaveLength(0);
    const td = all(doc, 'td')[0]!;
    expect(td.attribs.title).toBe(PAYLOAD);
    expect(td.attribs['data-label']).toBe(PAYLOAD);
    expect(DomUtils.textContent(td)).toBe(PAYLOAD);
  });

  it('passes only Html through; lists are joined; null, undefined and false are nothing; numbers are text', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(String(html`${inner}|${[inner, 'x&y', 3]}|${null}${undefined}${false}|${0}`)).toBe(
      '<b>&lt;i&gt;</b>|<b>&lt;i&gt;</b>x&amp;y3||0',
    );
    // A string that looks like markup is still escaped: only Html values are trusted.
    expect(String(html`${'<b>x</b>'}`)).toBe('&lt;b&gt;x&lt;/b&gt;');
  });

  it('writes an attribute only when it has a value', () => {
    expect(String(attr('class', 'num'))).toBe(' class="num"');
    expect(String(attr('data-label', PAYLOAD))).not.toContain('"\'>');
    expect(String(attr('class', null))).toBe('');
    expect(String(attr('class', false))).toBe('');
  });
});

describe('value cells', () => {
  it('shows an amount in exact 百万円 with the 円 value once, in <data value> (its title on hover); a blank as —, never 0', () => {
    const data = all(parse(amountHtml(33328000)), 'data')[0]!;
    expect(data.attribs.value).toBe('33328000');
    // Written once, in value; the title is set on hover from it (src/client/exact-title.ts).
    expect(data.attribs.title).toBeUndefined();
    expect(exactTitle(data.attribs.value!, DomUtils.textContent(data))).toBe('33,328,000円');
    expect(exactTitle('359000000', DomUtils.textContent(parse(amountHtml(359000000, 'short'))))).toBe('359,000,000円');
    expect(exactTitle('1284000', DomUtils.textContent(parse(amountHtml(1284000, 'million-with-unit'))))).toBe('1,284,000円');
    expect(exactTitle('0.33608', DomUtils.textContent(parse(rateHtml(0.33608))))).toBe('33.608%');
    // Figures shown as stated get none: a count, a quantity whose unit is %, 0 円, an amount under 1百万円 in 円.
    expect(exactTitle('1234.5', DomUtils.textContent(parse(numHtml(1234.5, '件'))))).toBeNull();
    expect(exactTitle('80', DomUtils.textContent(parse(numHtml(80, '%'))))).toBeNull();
    expect(exactTitle('0', DomUtils.textContent(parse(amountHtml(0))))).toBeNull();
    expect(exactTitle('500000', DomUtils.textContent(parse(amountHtml(500000, 'short'))))).toBeNull();
    expect(DomUtils.textContent(data)).toBe('33.328');
    for (const blank of [null, undefined]) {
      expect(String(amountHtml(blank))).toBe(String(noneHtml));
      expect(String(rateHtml(blank))).toBe(String(noneHtml));
      expect(String(numHtml(blank))).toBe(String(noneHtml));
      expect(String(fiscalYearHtml(blank))).toBe(String(noneHtml));
    }
    // The dash alone, no wrapper (issue 18: ≈ 2 KB a sheet page); a sheet's own dash is read as blank.
    expect(String(noneHtml)).toBe('—');
    expect(String(amountHtml(0))).toContain('value="0"');
  });

  it('shows a rate to the one site precision with the stated digits once, in value; a quantity as stated', () => {
    expect(DomUtils.textContent(parse(rateHtml(0.33608)))).toBe('33.6%');
    // The title (every stated digit, 33.608%) is set on hover by src/client/stack-tables.ts, not written.
    expect(String(rateHtml(0.33608))).toBe('<data value="0.33608">33.6%</data>');
    expect(String(amountHtml(359000000))).toBe('<data value="359000000">359</data>');
    expect(DomUtils.textContent(parse(numHtml(1234.5, '件')))).toBe('1,234.5件');
    expect(String(fiscalYearHtml(2023))).toBe('<time datetime="2023">2023（令和5）年度</time>');
  });

  it('writes marks as words, and escapes a mark it does not know', () => {
    const doc = parse(marksHtml(['一者応札', '', PAYLOAD]));
    const spans = all(doc, 'span');
    expect(spans.map((s) => s.attribs.class)).toEqual(['mark mark-single', 'mark mark-warn']);
    expect(DomUtils.textContent(spans[1]!)).toBe(`⚠ ${PAYLOAD}`);
    expect(all(doc, 'script')).toHaveLength(0);
  });

  it('renders sheet text as paragraphs and line breaks, links only http(s) URLs, escapes the rest', () => {
    const text = `一行目 https://example.go.jp/a?b=1&c=2\n二行目 javascript:alert(1)\n\n${PAYLOAD}`;
    const block = parse(textHtml(text));
    expect(all(block, 'p')).toHaveLength(2);
    expect(all(block, 'br')).toHaveLength(1);
    const links = all(block, 'a');
    expect(links.map((a) => a.attribs.href)).toEqual(['https://example.go.jp/a?b=1&c=2']);
    expect(links[0]!.attribs.rel).toBe('noopener noreferrer nofollow');
    expect(all(block, 'script')).toHaveLength(0);
    expect(DomUtils.textContent(all(block, 'p')[1]!)).toBe(PAYLOAD);
    const inline = parse(textHtml(text, true));
    expect(all(inline, 'p')).toHaveLength(0);
    expect(all(inline, 'br')).toHaveLength(3);
    expect(String(textHtml('  \n '))).toBe(String(noneHtml));
  });
});

describe('table rows on the real samples', () => {
  it('budget table: 内閣人事局経費 2023 当初予算 33,328,000 円, 執行額 11,200,834 円, 執行率 0.33608', async () => {
    const s = await rsSample(1);
    const cols = [...s.budgets].sort((a, b) => a.year - b.year);
    const doc = parse(budgetTableRows(BUDGET_TABLE_ROWS, cols), true);
    const rows = all(doc, 'tr');
    expect(rows).toHaveLength(BUDGET_TABLE_ROWS.length);
    const col = cols.findIndex((b) => b.year === 2023 && !b.isRequest);
    const cell = (label: string) => {
      const row = rows.find((r) => DomUtils.textContent(DomUtils.getElementsByTagName('th', r)[0]!).startsWith(label))!;
      return DomUtils.getElementsByTagName('data', DomUtils.getElementsByTagName('td', row)[col]!)[0] as Element;
    };
    expect(cell('当初予算').attribs.value).toBe('33328000');
    expect(cell('執行額').attribs.value).toBe('11200834');
    expect(cell('執行率').attribs.value).toBe('0.33608');
    expect(rows.filter((r) => r.attribs.class === 'is-total')).toHaveLength(2);
  });

  it('予算内訳 grid: every stated amount of the sheet appears once, in its row and column, or in the line of 0 rows', async () => {
    const s = await rsSample(1);
    const grid = budgetItemGrid(s.budgetItems);
    const labels = grid.columns.map((c) => String(c.year));
    const values: string[] = [];
    let zeroLines = 0;
    for (const g of grid.groups) {
      const doc = parse(budgetItemGroupRows(g, { byYear: true, showItem: true, showAccounts: true, labels }), true);
      const zeroRow = all(doc, 'tr').filter((tr) => tr.attribs.class === 'zero-rows');
      expect(all(doc, 'tr')).toHaveLength(g.rows.length + 1 + zeroRow.length);
      for (const d of all(doc, 'data')) values.push(d.attribs.value!);
      if (g.zeroRows.length > 0) {
        zeroLines += 1;
        expect(zeroRow).toHaveLength(1);
        const line = DomUtils.textContent(zeroRow[0]!);
        for (const r of g.zeroRows) expect(line).toContain(r.kind!);
        expect(line).toContain(`全 ${labels.length} 年度とも 0`);
        for (const r of g.zeroRows) values.push(...r.amounts.map(String));
      }
    }
    // 内閣人事局経費 states 第2〜5次補正予算 and 予備費等1〜4 as 0 in every year.
    expect(zeroLines).toBeGreaterThan(0);
    const stated = s.budgetItems.filter((i) => i.amount !== null).map((i) => String(i.amount));
    expect(values.sort()).toEqual(stated.sort());
  });

  it('chart table and payee rows escape sheet text in cells and labels', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const charts = sheetCharts(s);
    const table = charts.budget!.table;
    const doc = parse(chartTableRows(table, { markColumns: ['marks'] }), true);
    expect(all(doc, 'tr')).toHaveLength(table.rows.length);
    // Roles and column labels come from src/client/stack-tables.ts, once per page, not on every cell.
    expect(all(doc, 'td').some((td) => td.attribs.role !== undefined || td.attribs['data-label'] !== undefined)).toBe(false);

    const payee: Payee = { ...s.payees[0]!, name: PAYLOAD, description: PAYLOAD, bidders: 1, winningBidRate: 0.99 };
    const profileOf = await sampleProfileHref();
    const rows = parse(payeeRows([payee], { showReason: true, showContract: true, warningsOf: () => [3], profileHref: profileOf }), true);
    expect(all(rows, 'script')).toHaveLength(0);
    expect(all(rows, 'img')).toHaveLength(0);
    expect(DomUtils.textContent(all(rows, 'th')[0]!)).toBe(PAYLOAD);
    // Marks for one bidder and 落札率 ≥ 95 %; the reason column is blank (the dash alone) when none is stated.
    expect(all(rows, 'span').map((x) => x.attribs.class)).toEqual(['mark mark-single', 'mark mark-high']);
    expect(DomUtils.textContent(all(rows, 'td').at(-1)!)).toBe('—');
    // The payee's name links its profile (株式会社日立製作所, 7010001008844, is named on other sample sheets too), then the warning.
    expect(all(rows, 'a').map((a) => a.attribs.href)).toEqual(['/payees/7010001008844/', '#warning-3']);
    // 8010401084443 (a valid 法人番号) is named on this sheet only: it has no profile, so its name is not a link.
    expect(s.payees[1]!.corporateNumber).toBe('8010401084443');
    const sole = parse(payeeRows([s.payees[1]!], { showReason: false, showContract: false, warningsOf: () => [], profileHref: profileOf }), true);
    expect(all(sole, 'a')).toHaveLength(0);
    expect(DomUtils.textContent(all(sole, 'th')[0]!)).toContain(s.payees[1]!.name);

    const block = { ...s.blocks[0]!, expenses: [{ ...s.blocks[0]!.expenses[0]!, purpose: PAYLOAD, subcontractor: PAYLOAD + 'x' }] };
    const blockDoc = parse(blockExpenseRows(block), true);
    expect(all(blockDoc, 'script')).toHaveLength(0);
    expect(all(blockDoc, 'tr')).toHaveLength(2);
    expect(DomUtils.textContent(all(blockDoc, 'td')[0]!)).toBe(`${PAYLOAD} （委託先: ${PAYLOAD}x）`);
  });

  it('RS spending cells (5-1 contracts, 所在地, 5-3 payee, 5-4, 間接経費) are escaped text', async () => {
    const contract = { description: PAYLOAD, amount: 910000, method: PAYLOAD, specificMethod: null, bidders: 1, winningBidRate: 0.96, singleBidReason: PAYLOAD, other: true };
    const payee: Payee = {
      block: 'A', year: null, rank: 1, name: PAYLOAD, corporateNumber: '1020001120059', description: null, amount: 1284000, contractMethod: null,
      bidders: null, winningBidRate: null, singleBidReason: null, location: PAYLOAD, corporateType: '301', otherPayee: true,
      contracts: [contract, { ...contract, amount: 374000, other: null }],
    };
    const rows = parse(payeeRows([payee], { showReason: false, showContract: false, warningsOf: () => [], profileHref: await sampleProfileHref() }), true);
    expect(all(rows, 'script')).toHaveLength(0);
    expect(all(rows, 'li')).toHaveLength(2);
    expect(DomUtils.textContent(all(rows, 'th')[0]!)).toBe(`${PAYLOAD}所在地: ${PAYLOAD}／法人種別: 301（株式会社）／その他支出先`);
    // No column class on the cells: the table's header states it once (src/client/stack-tables.ts copies it).
    expect(all(rows, 'td').map((td) => td.attribs.class ?? '')).toEqual(['', '', '', '', '']);

    const block = { id: 'A', name: null, role: null, payeeCount: null, total: 10070000, expenses: [
      { category: '雑役務費', purpose: '研修', amount: 3295000, subcontractor: null, payee: PAYLOAD, corporateNumber: '1020001120059', contract: PAYLOAD },
      { category: '旅費', purpose: '出張', amount: 1000, subcontractor: null, payee: PAYLOAD, corporateNumber: '1020001120059', contract: PAYLOAD },
    ] };
    const blockDoc = parse(blockExpenseRows(block), true);
    expect(all(blockDoc, 'script')).toHaveLength(0);
    // one group row for the payee's two lines, two lines, 計
    expect(all(blockDoc, 'tr')).toHaveLength(4);
    expect(DomUtils.textContent(all(blockDoc, 'th')[0]!)).toBe(`支出先: ${PAYLOAD}（法人番号 1020001120059）契約概要: ${PAYLOAD}`);

    const c54 = { block: 'B', name: PAYLOAD, corporateNumber: null, location: PAYLOAD, corporateType: null, description: PAYLOAD, amount: 1003200000,
      method: '一般競争契約（総合評価）', specificMethod: null, bidders: 1, winningBidRate: null, singleBidReason: PAYLOAD, other: false, otherMultiYear: false };
    const doc54 = parse(multiYearContractRows([c54], { showReason: true }), true);
    expect(all(doc54, 'script')).toHaveLength(0);
    expect(all(doc54, 'td').map((td) => DomUtils.textContent(td)).at(-1)).toBe(PAYLOAD);
    const docCost = parse(indirectCostRows([{ label: PAYLOAD, item: PAYLOAD, amount: 3537000 }]), true);
    expect(all(docCost, 'script')).toHaveLength(0);
    expect(DomUtils.textContent(all(docCost, 'th')[0]!)).toBe(PAYLOAD);
  });
});
