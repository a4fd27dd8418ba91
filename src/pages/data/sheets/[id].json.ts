/** /data/sheets/<id>.json: the record exactly as validated by the schema. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allSheets } from '../../../lib/collection.ts';
import type { Sheet } from '../../../schema/sheet.ts';

export const getStaticPaths = (async () => {
  const sheets = await allSheets();
  return sheets.map((sheet) => ({ params: { id: sheet.id }, props: { sheet } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { sheet } = props as { sheet: Sheet };
  return new Response(`${JSON.stringify(sheet)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
