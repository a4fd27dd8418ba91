/**
 * The project and payee pages' charts, in the site's chart form (src/lib/view/chart-spec.ts): a table that is
 * the chart's content, and the canvas drawn from the same rows.
 */
import { budgetYearsChart } from '../view/chart-budget.ts';
import type { ChartData } from '../view/chart-spec.ts';
import { fiscalYearLabel, fiscalYearShortLabel } from '../../shared/era.ts';
import { formatYenShort } from '../../shared/format.ts';
import type { ProjectYear } from './project.ts';
import type { PayeeYearTotal } from './payees.ts';

/**
 * Budget, execution and 執行率 of every year a project's sheets state, with the sheet each comes from: the
 * sheet chart's form and rules (labels, summary, an execution not reported drawn as a gap).
 */
export function projectBudgetChart(years: readonly ProjectYear[]): ChartData | null {
  if (years.length === 0) return null;
  return budgetYearsChart(
    {
      id: 'project-budget',
      title: '予算額と執行額の推移（全年度のシートから）',
      caption: '年度別の予算額（計）・執行額（百万円）と執行率（%）、その年度の数字を記載したシート',
      notes: ['各シートは前年度までの数年度分を記載しています。同じ年度を複数のシートが記載している場合は、最も新しいシートの記載を示しています。'],
    },
    years.map((y) => ({ year: y.year, isRequest: false, total: y.total, executed: y.executed, executionRate: y.rate })),
    { column: { key: 'from', label: '出典', kind: 'text' }, cells: years.map((y) => `${fiscalYearLabel(y.fromYear)}のシート`) },
  );
}

/** A payee's stated amounts summed by review year. */
export function payeeYearsChart(years: readonly PayeeYearTotal[]): ChartData | null {
  if (years.length === 0) return null;
  return {
    id: 'payee-years',
    title: 'レビュー年度別の支出額の合計',
    caption: 'レビュー年度別の支出額の合計（百万円）と記載された行数',
    summary: `レビュー年度別の支出額の合計の棒グラフ。${years.map((y) => `${fiscalYearLabel(y.year)} ${formatYenShort(y.amount)}（${y.lines}件）`).join('、')}。`,
    table: {
      columns: [
        { key: 'year', label: 'レビュー年度', kind: 'text', rowHeader: true },
        { key: 'amount', label: '支出額の合計', kind: 'yen' },
        { key: 'lines', label: '記載された行', kind: 'number', unit: '件' },
        { key: 'missing', label: 'うち支出額の記載なし', kind: 'number', unit: '件' },
      ],
      rows: years.map((y) => [fiscalYearLabel(y.year), y.amount, y.lines, y.missing]),
    },
    canvas: {
      kind: 'hbar',
      labels: years.map((y) => fiscalYearShortLabel(y.year)),
      values: years.map((y) => y.amount),
      marks: years.map(() => []),
      seriesLabel: '支出額の合計',
    },
    notes: ['金額の記載がない行は合計に含めていません（0円としては数えていません）。'],
  };
}
