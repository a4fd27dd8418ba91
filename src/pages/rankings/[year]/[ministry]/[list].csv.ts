/** /rankings/<year>/<ministry slug>/<list>.csv: one 府省庁's ranking in one review year. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRankings } from '../../../../lib/data/collection.ts';
import { rankingCsv } from '../../../../lib/history/csv.ts';
import type { Ranking } from '../../../../lib/history/rankings.ts';

export const getStaticPaths = (async () => {
  const sets = (await allRankings()).filter((s) => s.ministry !== null);
  return sets.flatMap((set) =>
    set.rankings.filter((r) => r.rows.length > 0).map((ranking) => ({ params: { year: String(set.year), ministry: set.ministrySlug!, list: ranking.id }, props: { ranking } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(rankingCsv((props as { ranking: Ranking }).ranking), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
