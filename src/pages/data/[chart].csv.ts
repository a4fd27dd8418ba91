/** /data/totals-by-year.csv and /data/totals-by-ministry-<year>.csv: the site-wide charts' data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRows } from '../../lib/collection.ts';
import { siteCharts } from '../../lib/site-charts.ts';
import { csvHeader, csvRow, type ChartData } from '../../lib/charts.ts';
import { toCsv } from '../../lib/csv.ts';

export const getStaticPaths = (async () => {
  const charts = siteCharts(await allRows());
  return charts.map((chart) => ({ params: { chart: chart.id }, props: { chart } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartData };
  const { columns, rows } = chart.table;
  return new Response(toCsv(csvHeader(columns), rows.map((r) => csvRow(columns, r))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
