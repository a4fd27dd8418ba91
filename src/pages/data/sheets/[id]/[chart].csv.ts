/** /data/sheets/<id>/<chart>.csv: the data of each chart on a sheet page (same rows as its table). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSheets } from '../../../../lib/collection.ts';
import { csvHeader, csvRow, listSheetCharts, type ChartData } from '../../../../lib/charts.ts';
import { toCsv } from '../../../../lib/csv.ts';

export const getStaticPaths = (async () => {
  const sheets = await allSheets();
  return sheets.flatMap((sheet) =>
    listSheetCharts(sheet).map((chart) => ({ params: { id: sheet.id, chart: chart.id }, props: { chart } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: ChartData };
  const { columns, rows } = chart.table;
  return new Response(toCsv(csvHeader(columns), rows.map((r) => csvRow(columns, r))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
