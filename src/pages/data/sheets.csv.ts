/** /data/sheets.csv: one row per sheet, UTF-8 with BOM for Excel, empty cell = no value. */
import type { APIRoute } from 'astro';
import { allRows } from '../../lib/data/collection.ts';
import { openDataCsv, openDataRows } from '../../lib/data/open-data.ts';
import { sheetHref } from '../../lib/markup/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = openDataRows(await allRows(), (id) => (site ? new URL(sheetHref(id), site).href : sheetHref(id)));
  return new Response(openDataCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
