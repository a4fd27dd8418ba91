/** /data/projects.csv.zip: every project chain's figures by year (src/lib/history/csv.ts), as projects.csv zipped. */
import type { APIRoute } from 'astro';
import { crossSheet } from '../../lib/data/collection.ts';
import { zipResponse } from '../../lib/data/zip-download.ts';
import { projectsCsv } from '../../lib/history/csv.ts';

export const GET: APIRoute = async () => zipResponse('projects.csv', projectsCsv((await crossSheet()).chains));
