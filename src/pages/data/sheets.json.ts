/** /data/sheets.json: one row per sheet (amounts in integer 円, rates as fractions, null = no value). */
import type { APIRoute } from 'astro';
import { allRows } from '../../lib/data/collection.ts';
import { openDataRows } from '../../lib/data/open-data.ts';
import { sheetHref } from '../../lib/markup/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = openDataRows(await allRows(), (id) => (site ? new URL(sheetHref(id), site).href : sheetHref(id)));
  return new Response(`${JSON.stringify({ count: rows.length, sheets: rows })}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
