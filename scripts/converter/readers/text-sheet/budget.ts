/**
 * 予算額・執行額 (budgets by year) and 予算内訳 (budget line items).
 *
 * Rows are read by their label as written ("当初予算", "補正予算" …, "執行率"). Value cells do not always
 * start under their year heading: merged cells in the export add or drop empty cells before the values.
 * A row's values are N cells (N = number of year columns) starting at the first non-empty cell after
 * its label when that is at or left of the first year column: so "|執行額|-|-|118" (one column left) and
 * "当初予算+補正予算に対する執行額の割合||92%|…" (one empty cell, then values) both read correctly.
 * When the first non-empty cell is right of the first year column, the row either leaves its first
 * values blank (read by position) or is shifted right (it then has a value beyond the last year column).
 */
import type { BudgetItem, BudgetYear } from '../../../../src/schema/sheet.ts';
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { findYearHeader, yearHeading, type YearColumn } from './year-columns.ts';
import { amountCell, percentCell, warn, type Ctx } from './context.ts';
import { isBlankRow, type Row } from './rows.ts';
import { plain } from './basic-info.ts';

type AmountField = 'initial' | 'supplementary' | 'carriedFromPrev' | 'carriedToNext' | 'reserve' | 'total' | 'executed';
type RateField = 'executionRate' | 'initialPlusSupplementaryRate';

const ROW_LABELS: Record<string, AmountField | RateField> = {
  当初予算: 'initial',
  補正予算: 'supplementary',
  前年度から繰越し: 'carriedFromPrev',
  前年度からの繰越し: 'carriedFromPrev',
  前年度から繰越: 'carriedFromPrev',
  翌年度へ繰越し: 'carriedToNext',
  翌年度への繰越し: 'carriedToNext',
  翌年度へ繰越: 'carriedToNext',
  予備費等: 'reserve',
  計: 'total',
  執行額: 'executed',
  執行率: 'executionRate',
  '当初予算+補正予算に対する執行額の割合': 'initialPlusSupplementaryRate',
};

const JA: Record<AmountField | RateField, string> = {
  initial: '当初予算', supplementary: '補正予算', carriedFromPrev: '前年度から繰越し', carriedToNext: '翌年度へ繰越し',
  reserve: '予備費等', total: '計', executed: '執行額', executionRate: '執行率',
  initialPlusSupplementaryRate: '当初予算+補正予算に対する執行額の割合',
};

function isRate(f: AmountField | RateField): f is RateField {
  return f === 'executionRate' || f === 'initialPlusSupplementaryRate';
}

/** Index of the row's label cell, and its field. */
function rowLabel(row: Row): { col: number; field: AmountField | RateField } | null {
  for (let col = 0; col < row.cells.length; col++) {
    const c = row.cells[col]!;
    if (c === '') continue;
    const f = ROW_LABELS[labelKey(c)];
    if (f) return { col, field: f };
  }
  return null;
}

/** The N value cells after a label (see the module comment). */
export function valueCells(row: Row, labelCol: number, firstYearCol: number, n: number): string[] {
  let first = labelCol + 1;
  while (first < row.cells.length && row.cells[first] === '') first++;
  let last = row.cells.length - 1;
  while (last > labelCol && row.cells[last] === '') last--;
  const start = first <= firstYearCol || last >= firstYearCol + n ? first : firstYearCol;
  return Array.from({ length: n }, (_, i) => row.cells[start + i] ?? '');
}

export function readBudgets(ctx: Ctx, rows: Row[], start: number, end: number): BudgetYear[] {
  const header = findYearHeader(rows, start, end, ctx.fiscalYear);
  if (!header) {
    warn(ctx, 'layout', 'budgets', null, `${rows[start]!.line}行目からの予算額・執行額の表に年度の見出し行がありません`);
    return [];
  }
  const { index: headerIdx, years } = header;
  const cols = years.filter((y): y is YearColumn & { year: number } => y.year !== null);
  const out: BudgetYear[] = cols.map((y) => ({
    year: y.year,
    isRequest: y.isRequest,
    initial: null,
    supplementary: null,
    carriedFromPrev: null,
    carriedToNext: null,
    reserve: null,
    total: null,
    executed: null,
    executionRate: null,
    initialPlusSupplementaryRate: null,
    nextYearRequest: null,
  }));
  const seen = new Set<string>();
  const firstYearCol = cols[0]!.col;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    const label = rowLabel(row);
    if (!label || label.col >= firstYearCol && i === headerIdx) continue;
    if (i === headerIdx) {
      // The label shares the line with the year headings, so the sheet has no row of values for it.
      // The rows below keep the labels they are written with; nothing is shifted.
      warn(
        ctx, 'layout', 'budgets', null,
        `予算額・執行額の表で「${JA[label.field]}」の見出しが年度の見出し行(${row.line}行目)と同じ行にあり、` +
          `${JA[label.field]}の値の行がありません。下の行は書かれている見出し(補正予算、前年度から繰越し…)のとおりに読み、` +
          `値を行ずらしせずに${JA[label.field]}は空欄としました(値が見出しと1行ずれて出力されている可能性があります)`,
      );
      seen.add(label.field);
      continue;
    }
    if (seen.has(label.field)) {
      warn(ctx, 'layout', 'budgets', null, `${row.line}行目: 「${JA[label.field]}」の行が2回あります。最初の行を使いました`);
      continue;
    }
    seen.add(label.field);
    const values = valueCells(row, label.col, firstYearCol, years.length);
    years.forEach((y, k) => {
      if (y.year === null) return;
      const target = out.find((b) => b.year === y.year && b.isRequest === y.isRequest)!;
      const raw = values[k];
      const what = `${y.label}の${JA[label.field]}`;
      if (isRate(label.field)) target[label.field] = percentCell(ctx, raw, 'budgets', row, String(y.year), what);
      else target[label.field] = amountCell(ctx, raw, 'budgets', row, String(y.year), what);
    });
  }
  return out.sort((a, b) => a.year - b.year || Number(a.isRequest) - Number(b.isRequest));
}

/**
 * 予算内訳: columns found by their headings (歳出予算目, "<year>当初予算", "<year>要求", 主な増減理由);
 * rows read by column position. A row of only "-" is no item; "計" rows are kept as item "計".
 */
export function readBudgetItems(ctx: Ctx, rows: Row[], start: number, end: number): BudgetItem[] {
  const header = rows[start]!;
  let itemCol = -1;
  let noteCol = -1;
  const amountCols: { col: number; year: number; kind: string }[] = [];
  let prevYear: number | null = null;
  header.cells.forEach((cell, col) => {
    if (cell === '') return;
    const key = labelKey(cell);
    if (/^(?:歳出予算目|項・目|項目|目)$/.test(key)) itemCol = col;
    else if (/増減理由|備考/.test(key)) noteCol = col;
    else if (col > 0) {
      const y = yearHeading(cell, prevYear === null ? ctx.fiscalYear : prevYear + 1);
      if (y?.year != null) {
        amountCols.push({ col, year: y.year, kind: key.replace(/^.*年度/, '') || key });
        prevYear = y.year;
      }
    }
  });
  if (itemCol < 0 || amountCols.length === 0) {
    warn(ctx, 'layout', 'budgetItems', null, `${header.line}行目の予算内訳の見出し(歳出予算目・年度別の金額)が読めません`);
    return [];
  }
  const items: BudgetItem[] = [];
  /** The line of the 計 row, once read: the breakdown ends there. */
  let totalLine: number | null = null;
  for (let i = start + 1; i < end; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    // Rows normally leave column 0 (the section label's column) empty; a row that starts in column 0
    // lost that empty cell in the export.
    const cells = row.cells[0] !== '' ? ['', ...row.cells] : row.cells;
    const item = cells[itemCol] ?? '';
    const note = noteCol >= 0 ? plain(cells[noteCol]) : null;
    const raws = amountCols.map((a) => cells[a.col] ?? '');
    if (isNoValue(item) && raws.every((r) => isNoValue(r)) && note === null) continue;
    // The 計 row closes the breakdown: a row after it is most likely the next section's, whose heading
    // cell was lost (an 活動内容 text read as an item); it is kept as written, and named.
    if (totalLine !== null) {
      warn(ctx, 'layout', 'budgetItems', null,
        `${row.line}行目: 予算内訳の「計」の行(${totalLine}行目)の後の行「${plain(item) ?? ''}」を内訳として読みました(次の節の見出しが欠けている可能性)`);
    }
    if (labelKey(item) === '計') totalLine = row.line;
    for (const [k, a] of amountCols.entries()) {
      items.push({
        year: a.year,
        kind: a.kind,
        account: null,
        organisation: null,
        item: isNoValue(item) ? '' : item,
        amount: amountCell(ctx, raws[k], 'budgetItems', row, String(a.year), `予算内訳「${item}」の${a.kind}`),
        note,
      });
    }
  }
  return items;
}
