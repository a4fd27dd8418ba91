/**
 * The per-sheet download file: /data/sheets/<id>.json, the record exactly as validated by the schema.
 *
 * Written during `astro build` from the record each sheet page renders (emitSheetData, called by
 * src/pages/sheets/[id].astro; src/integrations/sheet-data-files.ts writes), not as an Astro route: at a
 * year of sheets (5,664) the files cost Astro ≈ 14 s as endpoints, and a separate pass (a worker that read
 * and validated every entry again) cost ≈ 3 s of CPU more than a write from the record the page already
 * holds. Each chart's CSV is not a file: the page makes
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

/**
 * Where the sheet pages hand their file during `astro build`: a global set by the integration, as for the
 * listings (src/lib/collection.ts), because the integration and the pages are bundled separately, each
 * with its own copy of this module.
 */
const SINK = Symbol.for('review-sheet-site.sheet-data-sink');
type Sinks = Record<symbol, ((file: DataFile) => void) | undefined>;

/** Installs (or, with `undefined`, removes) the writer the pages hand their file to. */
export function setSheetDataSink(sink: ((file: DataFile) => void) | undefined): void {
  (globalThis as Sinks)[SINK] = sink;
}

/**
 * Called by a sheet page with its validated record, before anything renders from it: hands the record's
 * JSON to the build's writer. Outside `astro build` (dev, tests) no writer is installed: it does nothing.
 */
export function emitSheetData(sheet: Sheet): void {
  const sink = (globalThis as Sinks)[SINK];
  if (sink) sink(sheetDataFile(sheet));
}
