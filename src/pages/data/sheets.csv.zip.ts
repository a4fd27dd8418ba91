/** /data/sheets.csv.zip: one row per sheet, UTF-8 with BOM for Excel, empty cell = no value; sheets.csv zipped. */
import type { APIRoute } from 'astro';
import { allRows } from '../../lib/data/collection.ts';
import { openDataCsv, openDataRows } from '../../lib/data/open-data.ts';
import { zipResponse } from '../../lib/data/zip-download.ts';
import { sheetHref } from '../../lib/markup/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = openDataRows(await allRows(), (id) => (site ? new URL(sheetHref(id), site).href : sheetHref(id)));
  return zipResponse('sheets.csv', openDataCsv(rows));
};
