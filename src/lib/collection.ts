/**
 * The site's view of the sheets, for every page and endpoint of one build:
 *
 * - a small listing of every sheet (ids, list rows, what the resolvers and search filters need), read and
 *   validated once per build (getStaticPaths of 5,000+ pages would otherwise re-read and re-sort them);
 * - a whole record only when its own page renders (sheetById).
 *
 * Whole records are not kept: at a year of sheets they held ≈ 1 GB for the whole build (and made every
 * garbage collection walk them), and memory grew with the number of sheets. Records are read from the
 * content entries directly (src/lib/load-sheets.ts), not through Astro's content data store: see there.
 */
import path from 'node:path';
import type { Sheet } from '../schema/sheet.ts';
import { loadSheet, mapSheets } from './load-sheets.ts';
import { contentDir } from './paths.ts';
import { pagefindValues, type PagefindValues } from './pagefind.ts';
import {
  byBudgetDesc,
  groupBy,
  pastSheetResolver,
  relatedProjectResolver,
  sheetRow,
  type PastSheetResolver,
  type RelatedProjectResolver,
  type SheetRow,
} from './aggregate.ts';
import { historyFacts, type HistoryFacts } from './history/facts.ts';
import { buildChains, type Chain } from './history/chains.ts';
import { payeeProfiles, type PayeeProfile } from './history/payees.ts';
import { rankings, type Ranking } from './history/rankings.ts';

/** What the site keeps of every sheet. */
export interface SheetListing extends Pick<Sheet, 'id' | 'fiscalYear' | 'ministry' | 'title' | 'projectNumber'> {
  source: Pick<Sheet['source'], 'form'>;
  row: SheetRow;
  filters: PagefindValues['filters'];
  /** Past-sheet links, budget columns, outcome verdicts and payees: for the cross-sheet pages (src/lib/history/). */
  history: HistoryFacts;
}

export function listing(s: Sheet): SheetListing {
  return {
    id: s.id,
    fiscalYear: s.fiscalYear,
    ministry: s.ministry,
    title: s.title,
    projectNumber: s.projectNumber,
    source: { form: s.source.form },
    row: sheetRow(s),
    filters: pagefindValues(s).filters,
    history: historyFacts(s),
  };
}

const entriesDir = () => path.join(contentDir(), 'sheets');

/**
 * Listings handed over by the content collection's loader (src/content.config.ts): it reads and
 * validates every entry at the start of each build anyway, in this same process, so the pages take its
 * listings instead of reading every entry a second time (≈ 5,700 files and their validation at a year of
 * sheets). Keyed on the folder, so listings of another content folder are never used. A global, not a
 * module variable: the loader and the pages are bundled separately, each with its own copy of this module.
 */
const HANDOFF = Symbol.for('review-sheet-site.sheet-listings');
type Handoff = { dir: string; listings: SheetListing[] };

/** Called by the content loader with the listings of every entry it validated in `dir`. */
export function shareListings(dir: string, listings: SheetListing[]): void {
  (globalThis as Record<symbol, Handoff | undefined>)[HANDOFF] = { dir: path.resolve(dir), listings };
}

function sharedListings(dir: string): SheetListing[] | null {
  const shared = (globalThis as Record<symbol, Handoff | undefined>)[HANDOFF];
  return shared && shared.dir === path.resolve(dir) ? shared.listings : null;
}

// Views cached for the build (getStaticPaths of 5,000+ pages would otherwise recompute them).
let listingsPromise: Promise<SheetListing[]> | null = null;
let rowsPromise: Promise<SheetRow[]> | null = null;
let resolverPromise: Promise<PastSheetResolver> | null = null;
let relatedPromise: Promise<RelatedProjectResolver> | null = null;
let crossPromise: Promise<CrossSheet> | null = null;
let rankingsPromise: Promise<RankingSet[]> | null = null;
/** The handed-over listings the caches below were made from. */
let listingsFrom: SheetListing[] | null = null;

/**
 * Drops every cached view when the loader has handed over new listings (it runs again when entries change
 * under `astro dev`); returns the handed-over listings, if any.
 */
function dropIfReloaded(): SheetListing[] | null {
  const shared = sharedListings(entriesDir());
  if (shared !== listingsFrom) {
    listingsPromise = rowsPromise = resolverPromise = relatedPromise = crossPromise = rankingsPromise = null;
    listingsFrom = shared;
  }
  return shared;
}

/** Every sheet's listing, ordered by review year (newest first), then ministry, then title. */
export function allListings(): Promise<SheetListing[]> {
  const dir = entriesDir();
  const shared = dropIfReloaded();
  listingsPromise ??= (shared ? Promise.resolve([...shared]) : mapSheets(dir, listing)).then((sheets) =>
    sheets.sort(
      (a, b) =>
        b.fiscalYear - a.fiscalYear ||
        a.ministry.localeCompare(b.ministry, 'ja') ||
        a.title.localeCompare(b.title, 'ja') ||
        a.id.localeCompare(b.id),
    ),
  );
  return listingsPromise;
}

/** The whole record of one sheet, validated (for its own page). */
export async function sheetById(id: string): Promise<Sheet> {
  const sheet = loadSheet(entriesDir(), id);
  if (!sheet) throw new Error(`${id}: no content entry ${path.join(entriesDir(), `${id}.md`)}`);
  return sheet;
}

/** One list row per sheet, ordered by budget (largest first). */
export function allRows(): Promise<SheetRow[]> {
  dropIfReloaded();
  rowsPromise ??= allListings().then((s) => s.map((l) => l.row).sort(byBudgetDesc));
  return rowsPromise;
}

export function pastSheetLinks(): Promise<PastSheetResolver> {
  dropIfReloaded();
  resolverPromise ??= allListings().then(pastSheetResolver);
  return resolverPromise;
}

export function relatedProjectLinks(): Promise<RelatedProjectResolver> {
  dropIfReloaded();
  relatedPromise ??= allListings().then(relatedProjectResolver);
  return relatedPromise;
}

/** The views across sheets and years (project chains, payee profiles), made once per build from the listings. */
export interface CrossSheet {
  /** Every chain, one sheet's chain included (pages are made for chains of two sheets or more). */
  chains: Chain<SheetListing>[];
  chainOfSheet: Map<string, Chain<SheetListing>>;
  chainByKey: Map<string, Chain<SheetListing>>;
  /** By valid 法人番号. */
  payees: Map<string, PayeeProfile>;
}

export function crossSheet(): Promise<CrossSheet> {
  dropIfReloaded();
  crossPromise ??= allListings().then((listings) => {
    const chains = buildChains(listings);
    const chainOfSheet = new Map<string, Chain<SheetListing>>();
    for (const c of chains) for (const m of c.members) chainOfSheet.set(m.sheet.id, c);
    return { chains, chainOfSheet, chainByKey: new Map(chains.map((c) => [c.key, c])), payees: payeeProfiles(listings) };
  });
  return crossPromise;
}

/**
 * Rows kept of each ranking of a year, and of a 府省庁 in a year: the pages show the first ones, the CSVs
 * all kept. Bounds memory and the published bytes (≈ 10 years × 40 府省庁 × 9 lists of CSV at 52,000 sheets).
 */
export const RANKING_LIMIT = 1000;
export const MINISTRY_RANKING_LIMIT = 100;

/** The rankings of one review year, of all 府省庁 (`ministry` null) or of one. */
export interface RankingSet {
  year: number;
  ministry: string | null;
  ministrySlug: string | null;
  /** Sheets the rankings are over. */
  sheets: number;
  /** Rows kept of each ranking (RANKING_LIMIT or MINISTRY_RANKING_LIMIT). */
  limit: number;
  rankings: Ranking[];
}

/** Every review year's rankings, then each 府省庁's of that year; newest year first. */
export function allRankings(): Promise<RankingSet[]> {
  dropIfReloaded();
  rankingsPromise ??= allListings().then((listings) => {
    const out: RankingSet[] = [];
    for (const [year, inYear] of groupBy(listings, (l) => l.fiscalYear)) {
      out.push({ year, ministry: null, ministrySlug: null, sheets: inYear.length, limit: RANKING_LIMIT, rankings: rankings(inYear, RANKING_LIMIT) });
      for (const [ministry, ls] of groupBy(inYear, (l) => l.ministry)) {
        out.push({ year, ministry, ministrySlug: ls[0]!.row.ministrySlug, sheets: ls.length, limit: MINISTRY_RANKING_LIMIT, rankings: rankings(ls, MINISTRY_RANKING_LIMIT) });
      }
    }
    return out;
  });
  return rankingsPromise;
}
