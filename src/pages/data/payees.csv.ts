/** /data/payees.csv: every payee line of every sheet (src/lib/history/csv.ts). */
import type { APIRoute } from 'astro';
import { allListings } from '../../lib/data/collection.ts';
import { payeesCsv } from '../../lib/history/csv.ts';

export const GET: APIRoute = async () => new Response(payeesCsv(await allListings()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
