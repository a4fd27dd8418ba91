/**
 * Tables 2-1 (予算・執行_サマリ) and 2-2 (予算種別・歳出予算項目).
 *
 * 2-1 mixes two kinds of rows per 予算年度: one total row, whose "（合計）" columns are filled and whose
 * 会計区分/会計/勘定 are blank, and breakdown rows by account, whose account and amount columns are filled
 * and totals blank. A row is told by what it states, not by what it leaves blank: a total row states a
 * "（合計）" column (or 執行率, 主な増減理由, その他特記事項); a breakdown row states an account or a
 * breakdown amount. A breakdown row with its account columns blank is still a breakdown row (account
 * `null`), never a second total row.
 * - total row → `budgets[]` (one per year; a second total row for a year is a warning, the first is kept);
 *   its 主な増減理由/その他特記事項, when stated, become the note of a budgetItem
 *   {kind 翌年度要求額, item 計, account null} carrying the total 翌年度要求額.
 * - breakdown row → one budgetItem {item 計, account "会計区分 / 会計 / 勘定"} per stated amount column,
 *   kind = the column name (当初予算, 第1次補正予算 … 要望額); the row's 備考 goes on its 歳出予算現額 item.
 * 2-2 → budgetItems {kind "予算額（<予算種別>）" or "予算額" when 予算種別 is blank, and "翌年度要求額";
 *   organisation "所管 / 組織・勘定";
 *   item "項 / 目", or 歳出予算項目の補足情報 when 項 and 目 are blank (older years), or "計" when none;
 *   note = 備考 (and 補足情報 when it is not already the item)}.
 * Years of budgetItems are the row's 予算年度 (a 翌年度要求額 is the request made in that year).
 */
import type { BudgetItem } from '../../../../src/schema/sheet.ts';
import type { BudgetPart } from './parts.ts';
import { cell, pushUnique, RowError, type Mapper, type RowContext } from './parts.ts';
import type { Row } from './read-table.ts';
import { fraction, text, year, yen } from './values.ts';

const BREAKDOWN_COLUMNS = [
  '当初予算',
  '第1次補正予算',
  '第2次補正予算',
  '第3次補正予算',
  '第4次補正予算',
  '第5次補正予算',
  '前年度から繰越し',
  '予備費等1',
  '予備費等2',
  '予備費等3',
  '予備費等4',
  '歳出予算現額',
  '執行額',
  '翌年度要求額',
  '要望額',
];

const TOTAL_COLUMNS = [
  '当初予算（合計）',
  '補正予算（合計）',
  '前年度からの繰越し（合計）',
  '予備費等（合計）',
  '計（歳出予算現額合計）',
  '執行額（合計）',
  '執行率',
  '翌年度への繰越し(合計）',
  '翌年度要求額（合計）',
  '主な増減理由',
  'その他特記事項',
];

function path(row: Row, columns: string[]): string | null {
  const parts = columns.map((c) => text(row.get(c))).filter((v): v is string => v !== null);
  return parts.length > 0 ? parts.join(' / ') : null;
}

function account(row: Row): string | null {
  return path(row, ['会計区分', '会計', '勘定']);
}

function states(row: Row, columns: string[]): boolean {
  return columns.some((c) => text(row.get(c)) !== null);
}

function budgetYear(row: Row): number {
  const y = cell(row, '予算年度', year);
  if (y === null) throw new RowError('予算年度', '予算年度 is blank');
  return y;
}

function joinNotes(...notes: (string | null)[]): string | null {
  const kept = notes.filter((n): n is string => n !== null);
  return kept.length > 0 ? kept.join('\n\n') : null;
}

export const budgetSummary: Mapper<'2-1'> = {
  init: () => ({ years: [], items: [], accountTypes: [] }),
  add(part, row, ctx) {
    const y = budgetYear(row);
    if (states(row, TOTAL_COLUMNS)) addTotal(part, row, ctx, y);
    const acct = account(row);
    if (acct === null && !states(row, BREAKDOWN_COLUMNS) && text(row.get('備考')) === null) return;
    pushUnique(part.accountTypes, text(row.get('会計区分')));
    const note = text(row.get('備考'));
    let noted = false;
    for (const kind of BREAKDOWN_COLUMNS) {
      const amount = cell(row, kind, yen, ctx, 'budgetItems');
      if (amount === null) continue;
      noted ||= kind === '歳出予算現額';
      part.items.push({ year: y, kind, account: acct, organisation: null, item: '計', amount, note: kind === '歳出予算現額' ? note : null });
    }
    // A 備考 on a row whose 歳出予算現額 is blank still reaches the record.
    if (note !== null && !noted) {
      part.items.push({ year: y, kind: '歳出予算現額', account: acct, organisation: null, item: '計', amount: null, note });
    }
  },
};

function addTotal(part: BudgetPart, row: Row, ctx: RowContext, y: number): void {
  const amount = (column: string): number | null => cell(row, column, yen, ctx, 'budgets');
  const entry = {
    year: y,
    isRequest: false,
    initial: amount('当初予算（合計）'),
    supplementary: amount('補正予算（合計）'),
    carriedFromPrev: amount('前年度からの繰越し（合計）'),
    carriedToNext: amount('翌年度への繰越し(合計）'),
    reserve: amount('予備費等（合計）'),
    total: amount('計（歳出予算現額合計）'),
    executed: amount('執行額（合計）'),
    executionRate: cell(row, '執行率', fraction, ctx, 'budgets'),
    initialPlusSupplementaryRate: null,
    nextYearRequest: amount('翌年度要求額（合計）'),
  };
  if (part.years.some((b) => b.year === y)) {
    ctx.warn({
      code: 'layout',
      section: 'budgets',
      ref: String(y),
      message: `表2-1の${line(row)}に${y}年度の合計行が重ねて出ているため、最初の合計行を使っています。`,
    });
    return;
  }
  part.years.push(entry);
  const note = joinNotes(text(row.get('主な増減理由')), prefixed('その他特記事項', text(row.get('その他特記事項'))));
  if (note !== null) {
    part.items.push({ year: y, kind: '翌年度要求額', account: null, organisation: null, item: '計', amount: entry.nextYearRequest, note });
  }
}

function line(row: Row): string {
  return `${row.line}行目`;
}

function prefixed(label: string, value: string | null): string | null {
  return value === null ? null : `【${label}】${value}`;
}

export const budgetItems: Mapper<'2-2'> = {
  init: () => ({ years: [], items: [], accountTypes: [] }),
  add(part, row, ctx) {
    const y = budgetYear(row);
    const acct = account(row);
    const organisation = path(row, ['所管', '組織・勘定']);
    pushUnique(part.accountTypes, text(row.get('会計区分')));
    const lineItem = ['項', '目'].map((c) => text(row.get(c))).filter((v): v is string => v !== null);
    const supplement = text(row.get('歳出予算項目の補足情報'));
    const item = lineItem.length > 0 ? lineItem.join(' / ') : (supplement ?? '計');
    const note = joinNotes(lineItem.length > 0 ? supplement : null, text(row.get('備考（歳出予算項目ごと）')));
    const budgetKind = text(row.get('予算種別'));
    const amount = cell(row, '予算額（歳出予算項目ごと）', yen, ctx, 'budgetItems');
    const request = cell(row, '翌年度要求額（歳出予算項目ごと）', yen, ctx, 'budgetItems');
    const items: BudgetItem[] = [];
    if (amount !== null || request === null) {
      items.push({ year: y, kind: budgetKind ? `予算額（${budgetKind}）` : '予算額', account: acct, organisation, item, amount, note });
    }
    if (request !== null) {
      items.push({ year: y, kind: '翌年度要求額', account: acct, organisation, item, amount: request, note: items.length ? null : note });
    }
    part.items.push(...items);
  },
};
