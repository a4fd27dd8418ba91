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
  pastSheetResolver,
  relatedProjectResolver,
  sheetRow,
  type PastSheetResolver,
  type RelatedProjectResolver,
  type SheetRow,
} from './aggregate.ts';

/** What the site keeps of every sheet. */
export interface SheetListing extends Pick<Sheet, 'id' | 'fiscalYear' | 'ministry' | 'title' | 'projectNumber'> {
  source: Pick<Sheet['source'], 'form'>;
  row: SheetRow;
  filters: PagefindValues['filters'];
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
/** The handed-over listings the caches below were made from. */
let listingsFrom: SheetListing[] | null = null;

/**
 * Drops every cached view when the loader has handed over new listings (it runs again when entries change
 * under `astro dev`); returns the handed-over listings, if any.
 */
function dropIfReloaded(): SheetListing[] | null {
  const shared = sharedListings(entriesDir());
  if (shared !== listingsFrom) {
    listingsPromise = rowsPromise = resolverPromise = relatedPromise = null;
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
