/** /data/payees.csv.zip: every payee line of every sheet (src/lib/history/csv.ts), as payees.csv zipped. */
import type { APIRoute } from 'astro';
import { allListings } from '../../lib/data/collection.ts';
import { zipResponse } from '../../lib/data/zip-download.ts';
import { payeesCsv } from '../../lib/history/csv.ts';

export const GET: APIRoute = async () => zipResponse('payees.csv', payeesCsv(await allListings()));
