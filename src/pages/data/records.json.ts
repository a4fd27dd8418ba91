/** /data/records.json: the list of bulk record files (one per review year and 府省庁; src/lib/data/sheet-data-files.ts). */
import type { APIRoute } from 'astro';
import { allRecordFiles } from '../../lib/data/record-files.ts';
import { recordFileHref } from '../../lib/data/sheet-data-files.ts';

export const GET: APIRoute = async ({ site }) => {
  const files = (await allRecordFiles()).map((f) => {
    const path = recordFileHref(f.name);
    return { file: site ? new URL(path, site).href : path, fiscalYear: f.fiscalYear, ministry: f.ministry, sheets: f.ids.length };
  });
  return new Response(`${JSON.stringify({ count: files.length, files })}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
