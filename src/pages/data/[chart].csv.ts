/** /data/totals-by-year.csv and /data/totals-by-ministry-<year>.csv: the site-wide charts' data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRows } from '../../lib/data/collection.ts';
import { siteCharts } from '../../lib/view/site-charts.ts';
import { chartCsv } from '../../lib/view/chart-csv.ts';
import type { ChartData } from '../../lib/view/chart-spec.ts';

export const getStaticPaths = (async () => {
  const charts = siteCharts(await allRows());
  return charts.map((chart) => ({ params: { chart: chart.id }, props: { chart } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartData };
  return new Response(chartCsv(chart), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
