/**
 * The site-wide charts (home, year pages) from all list rows, shared by pages and their CSV endpoints:
 * the budget and execution totals by review year, and by ministry within a review year.
 */
import { fiscalYearLabel, fiscalYearShortLabel } from '../../shared/era.ts';
import { formatYenShort } from '../../shared/format.ts';
import { reviewYears, totalsOf, type SheetRow, type Totals } from './aggregate.ts';
import { groupBy } from '../../shared/group-by.ts';
import type { CanvasSpec, Cell, ChartData, Column } from './chart-spec.ts';

/** The totals tables' columns after the group's own (レビュー年度 or 府省庁). */
const TOTALS_COLUMNS: Column[] = [
  { key: 'sheets', label: 'シート数', kind: 'number', unit: '件' },
  { key: 'budget', label: '予算額（計）の合計', kind: 'yen' },
  { key: 'executed', label: '執行額の合計', kind: 'yen' },
  { key: 'rate', label: '執行率', kind: 'rate' },
];

/** A totals chart's table and canvas: a row and a bar pair per group, in the given order. */
function totalsTableAndCanvas(
  group: Column,
  groups: readonly { label: string; axisLabel: string; totals: Totals }[],
): Pick<ChartData, 'table' | 'canvas'> {
  const canvas: CanvasSpec = {
    kind: 'totals',
    labels: groups.map((g) => g.axisLabel),
    budget: groups.map((g) => Number(g.totals.budget)),
    executed: groups.map((g) => Number(g.totals.executed)),
  };
  return {
    table: {
      columns: [group, ...TOTALS_COLUMNS],
      rows: groups.map((g): Cell[] => [g.label, g.totals.sheets, Number(g.totals.budget), Number(g.totals.executed), g.totals.rate]),
    },
    canvas,
  };
}

/** Totals by review year (home page, /years/). Amounts are each sheet's settled-year figures. */
export function totalsByYearChart(groups: { year: number; totals: Totals }[]): ChartData {
  const sorted = [...groups].sort((a, b) => a.year - b.year);
  const { table, canvas } = totalsTableAndCanvas(
    { key: 'year', label: 'レビュー年度', kind: 'text', rowHeader: true },
    sorted.map((g) => ({ label: fiscalYearLabel(g.year), axisLabel: fiscalYearShortLabel(g.year), totals: g.totals })),
  );
  return {
    id: 'totals-by-year',
    title: 'レビュー年度別の予算額・執行額の合計',
    caption: 'レビュー年度別のシート数と予算額・執行額の合計（百万円）、執行率（%）',
    summary: `レビュー年度別の予算額と執行額の合計の棒グラフ。${sorted
      .map((g) => `${fiscalYearLabel(g.year)} ${g.totals.sheets}件・予算${formatYenShort(Number(g.totals.budget))}`)
      .join('、')}。`,
    table,
    canvas,
    notes: [
      '各シートの「執行額が記載された最新の年度」の予算額（計）と執行額を合計しています（同じ事業の複数年度のシートを足し合わせないよう、年度ごとに分けています）。',
      '執行率は、予算額と執行額の両方が記載されたシートだけで計算しています。',
    ],
  };
}

/** Totals by ministry for one review year (home page, /years/<year>/), the largest budget first. */
export function totalsByMinistryChart(
  year: number,
  groups: { ministry: string; totals: Totals }[],
): ChartData {
  const sorted = [...groups].sort((a, b) => (b.totals.budget > a.totals.budget ? 1 : b.totals.budget < a.totals.budget ? -1 : a.ministry.localeCompare(b.ministry, 'ja')));
  const { table, canvas } = totalsTableAndCanvas(
    { key: 'ministry', label: '府省庁', kind: 'text', rowHeader: true },
    sorted.map((g) => ({ label: g.ministry, axisLabel: g.ministry, totals: g.totals })),
  );
  return {
    id: `totals-by-ministry-${year}`,
    title: `府省庁別の予算額・執行額の合計（${fiscalYearLabel(year)}レビュー）`,
    caption: `${fiscalYearLabel(year)}レビューの府省庁別シート数と予算額・執行額の合計（百万円）、執行率（%）`,
    summary: `府省庁別の予算額と執行額の合計の横棒グラフ。最大は${sorted[0]?.ministry ?? '—'}の${formatYenShort(Number(sorted[0]?.totals.budget ?? 0))}。`,
    table,
    canvas,
    notes: ['各シートの「執行額が記載された最新の年度」の予算額（計）と執行額の合計です。'],
  };
}

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
