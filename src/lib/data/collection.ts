/**
 * The site's view of the sheets, for every page and endpoint of one build, from the `sheets` content
 * collection (src/content.config.ts):
 *
 * - a small listing of every sheet (ids, list rows, what the resolvers and search filters need): the
 *   collection's entries, each with its listing from the store or, when the converter made it in this
 *   build, from the converter's hand-over (src/schema/hand-over.ts; the store would otherwise hold every
 *   listing, ≈ 25 MB at a year of sheets, serialised and bundled by Astro);
 * - a whole record only when its own page or JSON file renders (sheetById), read from its entry
 *   (src/lib/data/load-sheets.ts) and validated there only when the converter did not validate it.
 *
 * Whole records are not kept: at a year of sheets they held ≈ 1 GB for the whole build (and made every
 * garbage collection walk them), and memory grew with the number of sheets.
 */
import { getCollection, getEntry } from 'astro:content';
import path from 'node:path';
import type { Sheet } from '../../schema/sheet.ts';
import { loadSheet, readEntryBytes } from './load-sheets.ts';
import { entryJson } from '../../schema/entry-file.ts';
import { sheetJsonText } from './sheet-data-files.ts';
import { contentDir } from '../../shared/paths.ts';
import { entryHash, readIndexCache } from '../../schema/hand-over.ts';
import type { SheetListing } from './sheet-listing.ts';
import {
  byBudgetDesc,
  pastSheetResolver,
  relatedProjectResolver,
  type PastSheetResolver,
  type RelatedProjectResolver,
  type SheetRow,
} from '../view/aggregate.ts';
import { groupBy } from '../../shared/group-by.ts';
import { buildChains, type Chain } from '../history/chains.ts';
import { payeeIndex, type PayeeIndex, type PayeeProfile } from '../history/payees.ts';
import { rankings, type Ranking } from '../history/rankings.ts';

export type { SheetListing } from './sheet-listing.ts';

/** What the collection's store keeps of a sheet (src/content.config.ts). */
export interface StoredSheet {
  /** Hash of the entry's bytes as the loader read them (src/schema/hand-over.ts entryHash). */
  hash: string;
  /** Validated by the loader rather than by the converter: its page validates the record again. */
  checkedHere: boolean;
  /** The listing, when the converter did not hand it over; else null (it is in the hand-over). */
  listing: SheetListing | null;
}

const entriesDir = () => path.join(contentDir(), 'sheets');

async function storedSheets(): Promise<{ id: string; data: StoredSheet }[]> {
  return (await getCollection('sheets')) as unknown as { id: string; data: StoredSheet }[];
}

// Views cached for the build (getStaticPaths of 5,000+ pages would otherwise recompute them).
let listingsPromise: Promise<SheetListing[]> | null = null;
let rowsPromise: Promise<SheetRow[]> | null = null;
let resolverPromise: Promise<PastSheetResolver> | null = null;
let relatedPromise: Promise<RelatedProjectResolver> | null = null;
let crossPromise: Promise<CrossSheet> | null = null;
let rankingsPromise: Promise<RankingSet[]> | null = null;
/** In `astro dev` the loader runs again when entries change: the ids and hashes the caches were made from. */
let madeFrom: string | null = null;

/** Drops every cached view when the collection changed (dev only: a build loads it once). */
async function dropIfReloaded(): Promise<void> {
  if (!import.meta.env.DEV) return;
  const key = (await storedSheets()).map((s) => `${s.id} ${s.data.hash}`).join('\n');
  if (key !== madeFrom) {
    listingsPromise = rowsPromise = resolverPromise = relatedPromise = crossPromise = rankingsPromise = null;
    madeFrom = key;
  }
}

/** Every sheet's listing: from the store, or from the converter's hand-over when it made the listing. */
async function readListings(): Promise<SheetListing[]> {
  const stored = await storedSheets();
  const handOver = stored.some((s) => s.data.listing === null) ? readIndexCache<SheetListing>(entriesDir()) : null;
  return stored.map(({ id, data }) => {
    if (data.listing) return data.listing;
    const cached = handOver?.get(`${id}.md`);
    // The loader took this entry from the hand-over of this build: it is there, with the same hash.
    if (!cached || cached.hash !== data.hash) throw new Error(`${id}: the converter's hand-over changed during the build (${entriesDir()})`);
    return cached.listing;
  });
}

/** Every sheet's listing, ordered by review year (newest first), then ministry, then title. */
export async function allListings(): Promise<SheetListing[]> {
  await dropIfReloaded();
  listingsPromise ??= readListings().then((sheets) =>
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

/**
 * The whole record of one sheet (for its own page and JSON file): parsed from its entry, and validated
 * again only when the converter did not validate those bytes in this build.
 */
export async function sheetById(id: string): Promise<Sheet> {
  const entry = await getEntry('sheets', id);
  const stored = entry?.data as StoredSheet | undefined;
  const sheet = stored ? loadSheet(entriesDir(), id, stored.checkedHere ? null : stored.hash) : null;
  if (!sheet) throw new Error(`${id}: no content entry ${path.join(entriesDir(), `${id}.md`)}`);
  return sheet;
}

/**
 * The per-sheet download's text (/data/sheets/<id>.json): for an entry whose bytes are the converter's,
 * made from the entry's lines without parsing them (entryJson: the same text); else from the record.
 */
export async function sheetJsonById(id: string): Promise<Uint8Array<ArrayBuffer> | string> {
  const entry = await getEntry('sheets', id);
  const stored = entry?.data as StoredSheet | undefined;
  if (stored && !stored.checkedHere) {
    const bytes = readEntryBytes(entriesDir(), id);
    const json = bytes && entryHash(bytes) === stored.hash ? entryJson(bytes) : null;
    // Buffer.concat allocates a fresh ArrayBuffer-backed buffer (what a Response body takes).
    if (json !== null) return Buffer.concat([json, NEWLINE]) as Uint8Array<ArrayBuffer>;
  }
  return sheetJsonText(await sheetById(id));
}

const NEWLINE = Buffer.from('\n');

/** One list row per sheet, ordered by budget (largest first). */
export async function allRows(): Promise<SheetRow[]> {
  await dropIfReloaded();
  rowsPromise ??= allListings().then((s) => s.map((l) => l.row).sort(byBudgetDesc));
  return rowsPromise;
}

export async function pastSheetLinks(): Promise<PastSheetResolver> {
  await dropIfReloaded();
  resolverPromise ??= allListings().then(pastSheetResolver);
  return resolverPromise;
}

export async function relatedProjectLinks(): Promise<RelatedProjectResolver> {
  await dropIfReloaded();
  relatedPromise ??= allListings().then(relatedProjectResolver);
  return relatedPromise;
}

/** The views across sheets and years (project chains, payee profiles), made once per build from the listings. */
export interface CrossSheet {
  /** Every chain, one sheet's chain included (pages are made for chains of two sheets or more). */
  chains: Chain<SheetListing>[];
  chainOfSheet: Map<string, Chain<SheetListing>>;
  chainByKey: Map<string, Chain<SheetListing>>;
  /** By valid 法人番号, of the payees with a profile page (`hasProfile`). */
  payees: Map<string, PayeeProfile>;
  /** Where each payee is shown: every link to a payee decides by it (`profileHref`, `payeePageHref`). */
  payeeIndex: PayeeIndex;
}

/**
 * Every sheet's listing with each project's sheets together (its chain, newest first), the projects in the
 * order of their newest sheet in allListings. The sheet pages are rendered, and so indexed, in this order
 * (src/pages/sheets/[id].astro). The search keeps the index's order between results matched at the same
 * place (src/client/search/search-engine.ts), and a project's sheets of several years, which share its
 * 事業名, tie on it: they are then listed together, newest first, and their fragments are in one or two
 * groups of consecutive pages (scripts/search-index/merge-bundles.ts FRAGMENT_GROUP_PAGES), not one a year.
 */
export async function listingsByProject(): Promise<SheetListing[]> {
  const { chainOfSheet } = await crossSheet();
  const out: SheetListing[] = [];
  const done = new Set<string>();
  for (const s of await allListings()) {
    if (done.has(s.id)) continue;
    const chain = chainOfSheet.get(s.id);
    const members = chain ? chain.members.map((m) => m.sheet).sort((a, b) => b.fiscalYear - a.fiscalYear || a.id.localeCompare(b.id)) : [s];
    for (const m of members) {
      if (done.has(m.id)) continue;
      done.add(m.id);
      out.push(m);
    }
  }
  return out;
}

export async function crossSheet(): Promise<CrossSheet> {
  await dropIfReloaded();
  crossPromise ??= allListings().then((listings) => {
    const chains = buildChains(listings);
    const chainOfSheet = new Map<string, Chain<SheetListing>>();
    for (const c of chains) for (const m of c.members) chainOfSheet.set(m.sheet.id, c);
    const payees = payeeIndex(listings, (id) => chainOfSheet.get(id)?.key ?? id);
    return { chains, chainOfSheet, chainByKey: new Map(chains.map((c) => [c.key, c])), payees: payees.profiles, payeeIndex: payees };
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
export async function allRankings(): Promise<RankingSet[]> {
  await dropIfReloaded();
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
