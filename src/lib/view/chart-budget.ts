/**
 * Budget charts: 予算額（計） and 執行額 bars with the 執行率 line, year by year — a sheet's budget columns
 * (budgetChart) and a project's years across its sheets (src/lib/history/charts.ts). Both are built here,
 * so the two agree on labels, the summary sentence and the gap rule.
 */
import type { Sheet } from '../../schema/sheet.ts';
import { fiscalYearLabel, fiscalYearShortLabel } from '../../shared/era.ts';
import { formatPercentShort, formatYenShort } from '../../shared/format.ts';
import { executionReported, unreportedExecution } from './summary.ts';
import type { Cell, ChartData, Column } from './chart-spec.ts';

/** One year of a budget chart, as the sheet states it. */
export interface BudgetChartYear {
  year: number;
  /** The next year's 要求 (request) column: labelled 要求, and left out of the summary sentence. */
  isRequest: boolean;
  /** 予算額（計）, 円. */
  total: number | null;
  /** 執行額, 円. */
  executed: number | null;
  /** 執行率, a fraction. */
  executionRate: number | null;
}

/** The columns of every budget chart's table: year, 予算額（計）, 執行額, 執行率 (a project's adds its source). */
const BUDGET_TABLE_COLUMNS: Column[] = [
  { key: 'year', label: '年度', kind: 'text', rowHeader: true },
  { key: 'total', label: '予算額（計）', kind: 'yen' },
  { key: 'executed', label: '執行額', kind: 'yen' },
  { key: 'rate', label: '執行率', kind: 'rate' },
];

/**
 * A budget chart's summary for screen readers (and the sentence shown instead of a canvas of one year):
 * each year that states an amount, in words. An execution that is not reported is said to be so
 * (summary.ts executionPhrase), never 執行0, as the canvas draws it as a gap.
 */
function budgetSummary(years: readonly BudgetChartYear[]): string {
  const described = years
    .filter((y) => !y.isRequest && (y.total !== null || y.executed !== null))
    .map((y) => {
      const execution = executionReported(y)
        ? `執行${formatYenShort(y.executed)}（執行率${formatPercentShort(y.executionRate)}）`
        : `${unreportedExecution(y)}${y.executionRate === null ? '' : `（執行率${formatPercentShort(y.executionRate)}）`}`;
      return `${fiscalYearLabel(y.year)} 予算${formatYenShort(y.total)}・${execution}`;
    });
  return `予算額と執行額の棒グラフと執行率の折れ線グラフ。${described.join('、') || '金額の記載なし'}。`;
}

/**
 * A budget chart from its years in order, with its heading; `extra`: one more table column (a project's
 * 出典), a cell per year. The canvas: a year whose execution is not reported — blank, or a 0 with a blank
 * 執行率 (summary.ts executionReported) — is a gap, not a bar of 0. The table keeps the value as written.
 */
export function budgetYearsChart(
  head: Pick<ChartData, 'id' | 'title' | 'caption' | 'notes'>,
  years: readonly BudgetChartYear[],
  extra?: { column: Column; cells: Cell[] },
): ChartData {
  const request = (y: BudgetChartYear) => (y.isRequest ? '要求' : '');
  return {
    id: head.id,
    title: head.title,
    caption: head.caption,
    summary: budgetSummary(years),
    table: {
      columns: extra ? [...BUDGET_TABLE_COLUMNS, extra.column] : BUDGET_TABLE_COLUMNS,
      rows: years.map((y, i) => {
        const row: Cell[] = [`${fiscalYearLabel(y.year)}${request(y)}`, y.total, y.executed, y.executionRate];
        return extra ? [...row, extra.cells[i] ?? null] : row;
      }),
    },
    canvas: {
      kind: 'budget',
      labels: years.map((y) => `${fiscalYearShortLabel(y.year)}${request(y)}`),
      budget: years.map((y) => y.total),
      executed: years.map((y) => (executionReported(y) ? y.executed : null)),
      rate: years.map((y) => y.executionRate),
    },
    notes: head.notes,
  };
}

/** A sheet's budget columns, oldest first, each request column after its year's budget. */
export function budgetChart(sheet: Sheet): ChartData | null {
  if (sheet.budgets.length === 0) return null;
  const cols = [...sheet.budgets].sort((a, b) => a.year - b.year || Number(a.isRequest) - Number(b.isRequest));
  return budgetYearsChart(
    { id: 'budget', title: '予算額と執行額の推移', caption: '年度別の予算額（計）・執行額（百万円）と執行率（%）', notes: [] },
    cols,
  );
}
