/**
 * The per-sheet download file: /data/sheets/<id>.json, the record exactly as validated by the schema.
 *
 * Written by src/integrations/sheet-data-files.ts beside the page build rather than as an Astro route:
 * at a year of sheets (5,664) the files cost Astro ≈ 14 s as endpoints; a plain write on the second core
 * costs a fraction of that and overlaps the page rendering. Each chart's CSV is not a file: the page makes
 * it in the browser from this JSON on request (src/scripts/chart-csv-download.ts, the same chartCsv), since
 * creating ≈ 11,000 more files and ≈ 5,700 folders was the dearest part of writing the downloads.
 */
import type { Sheet } from '../schema/sheet.ts';

export interface DataFile {
  /** Path under the site's output folder, with "/" separators; the same as the page links (src/lib/url.ts). */
  path: string;
  text: string;
}

/** Ids become file names: anything but a plain name would be a bug upstream, not a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function safeName(name: string, what: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`${what} ${JSON.stringify(name)} is not a plain file name`);
  return name;
}

export function sheetJsonPath(id: string): string {
  return `data/sheets/${safeName(id, 'sheet id')}.json`;
}

/** The download file of one sheet. */
export function sheetDataFile(sheet: Sheet): DataFile {
  return { path: sheetJsonPath(sheet.id), text: `${JSON.stringify(sheet)}\n` };
}
