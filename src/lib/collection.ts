/**
 * All sheet records, loaded once per build and shared by every page and endpoint (getStaticPaths of
 * 5,000+ pages would otherwise re-read and re-sort them each time). The records are read from the content
 * entries directly (src/lib/load-sheets.ts), not through Astro's content data store: see there for why.
 */
import path from 'node:path';
import type { Sheet } from '../schema/sheet.ts';
import { loadSheets } from './load-sheets.ts';
import { contentDir } from './paths.ts';
import {
  byBudgetDesc,
  pastSheetResolver,
  relatedProjectResolver,
  sheetRow,
  type PastSheetResolver,
  type RelatedProjectResolver,
  type SheetRow,
} from './aggregate.ts';

let sheetsPromise: Promise<Sheet[]> | null = null;

/** Every record, ordered by review year (newest first), then ministry, then title. */
export function allSheets(): Promise<Sheet[]> {
  sheetsPromise ??= loadSheets(path.join(contentDir(), 'sheets')).then((sheets) =>
    sheets.sort(
      (a, b) =>
        b.fiscalYear - a.fiscalYear ||
        a.ministry.localeCompare(b.ministry, 'ja') ||
        a.title.localeCompare(b.title, 'ja') ||
        a.id.localeCompare(b.id),
    ),
  );
  return sheetsPromise;
}

let rowsPromise: Promise<SheetRow[]> | null = null;

/** One list row per sheet, ordered by budget (largest first). */
export function allRows(): Promise<SheetRow[]> {
  rowsPromise ??= allSheets().then((s) => s.map(sheetRow).sort(byBudgetDesc));
  return rowsPromise;
}

let resolverPromise: Promise<PastSheetResolver> | null = null;

export function pastSheetLinks(): Promise<PastSheetResolver> {
  resolverPromise ??= allSheets().then(pastSheetResolver);
  return resolverPromise;
}

let relatedPromise: Promise<RelatedProjectResolver> | null = null;

export function relatedProjectLinks(): Promise<RelatedProjectResolver> {
  relatedPromise ??= allSheets().then(relatedProjectResolver);
  return relatedPromise;
}

