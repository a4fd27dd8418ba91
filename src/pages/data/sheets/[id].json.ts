/** /data/sheets/<id>.json: one sheet's whole record (src/lib/data/sheet-data-files.ts), linked from its page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allListings, sheetJsonById } from '../../../lib/data/collection.ts';

export const getStaticPaths = (async () => (await allListings()).map((s) => ({ params: { id: s.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await sheetJsonById(params.id!), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
