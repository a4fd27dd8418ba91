/** /data/projects.csv: every project chain's figures by year (src/lib/history/csv.ts). */
import type { APIRoute } from 'astro';
import { crossSheet } from '../../lib/data/collection.ts';
import { projectsCsv } from '../../lib/history/csv.ts';

export const GET: APIRoute = async () => new Response(projectsCsv((await crossSheet()).chains), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
