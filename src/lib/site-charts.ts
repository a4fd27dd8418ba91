/** The site-wide charts (home, year pages) from all list rows, shared by pages and their CSV endpoints. */
import { groupBy, reviewYears, totalsOf, type SheetRow } from './aggregate.ts';
import { totalsByMinistryChart, totalsByYearChart, type ChartData } from './charts.ts';

export function yearTotalsChart(rows: readonly SheetRow[]): ChartData {
  const groups = [...groupBy(rows, (r) => r.fiscalYear)].map(([year, rs]) => ({ year, totals: totalsOf(rs) }));
  return totalsByYearChart(groups);
}

export function ministryTotalsChart(rows: readonly SheetRow[], year: number): ChartData {
  const inYear = rows.filter((r) => r.fiscalYear === year);
  const groups = [...groupBy(inYear, (r) => r.ministry)].map(([ministry, rs]) => ({ ministry, totals: totalsOf(rs) }));
  return totalsByMinistryChart(year, groups);
}

/** Every site chart that has a CSV: the year totals and one ministry-totals chart per review year. */
export function siteCharts(rows: readonly SheetRow[]): ChartData[] {
  if (rows.length === 0) return [];
  return [yearTotalsChart(rows), ...reviewYears(rows).map((y) => ministryTotalsChart(rows, y))];
}
