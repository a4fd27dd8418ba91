/** The site-wide charts (home, year pages) from all list rows, shared by pages and their CSV endpoints. */
import { groupBy, reviewYears, totalsOf, type SheetRow } from './aggregate.ts';
import { totalsByMinistryChart, totalsByYearChart, type ChartData } from './charts.ts';

export function yearTotalsChart(rows: readonly SheetRow[]): ChartData {
  const groups = [...groupBy(rows, (r) => r.fiscalYear)].map(([year, rs]) => ({ year, totals: totalsOf(rs) }));
  return totalsByYearChart(groups);
}

/** Ministries drawn one bar each; the rest are one "その他" bar (the table lists every ministry). */
export const MINISTRY_BARS = 10;

/**
 * Totals by ministry. The canvas draws the largest MINISTRY_BARS ministries and one bar for the others:
 * one ministry's budget is many times the rest, and ≈ 30 bars beside it were too thin to see. The table
 * (and CSV) keeps every ministry.
 */
export function ministryTotalsChart(rows: readonly SheetRow[], year: number): ChartData {
  const inYear = rows.filter((r) => r.fiscalYear === year);
  const groups = [...groupBy(inYear, (r) => r.ministry)].map(([ministry, rs]) => ({ ministry, totals: totalsOf(rs) }));
  const chart = totalsByMinistryChart(year, groups);
  const canvas = chart.canvas;
  if (canvas?.kind !== 'totals' || canvas.labels.length <= MINISTRY_BARS + 1) return chart;
  const sum = (vs: readonly (number | null)[]) => vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  const rest = canvas.labels.length - MINISTRY_BARS;
  return {
    ...chart,
    canvas: {
      kind: 'totals',
      labels: [...canvas.labels.slice(0, MINISTRY_BARS), `その他（${rest}府省庁）`],
      budget: [...canvas.budget.slice(0, MINISTRY_BARS), sum(canvas.budget.slice(MINISTRY_BARS))],
      executed: [...canvas.executed.slice(0, MINISTRY_BARS), sum(canvas.executed.slice(MINISTRY_BARS))],
    },
    notes: [...chart.notes, `グラフは予算額の大きい${MINISTRY_BARS}府省庁と、残り${rest}府省庁の合計（その他）です。表にはすべての府省庁を載せています。`],
  };
}

/** Every site chart that has a CSV: the year totals and one ministry-totals chart per review year. */
export function siteCharts(rows: readonly SheetRow[]): ChartData[] {
  if (rows.length === 0) return [];
  return [yearTotalsChart(rows), ...reviewYears(rows).map((y) => ministryTotalsChart(rows, y))];
}
