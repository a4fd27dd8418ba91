/** /data/sheets.json.zip: one row per sheet (amounts in integer 円, rates as fractions, null = no value); sheets.json zipped. */
import type { APIRoute } from 'astro';
import { allRows } from '../../lib/data/collection.ts';
import { openDataRows } from '../../lib/data/open-data.ts';
import { zipResponse } from '../../lib/data/zip-download.ts';
import { sheetHref } from '../../lib/markup/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = openDataRows(await allRows(), (id) => (site ? new URL(sheetHref(id), site).href : sheetHref(id)));
  return zipResponse('sheets.json', `${JSON.stringify({ count: rows.length, sheets: rows })}
`);
};
