/**
 * The per-sheet download files: /data/sheets/<id>.json (the record exactly as validated by the schema)
 * and /data/sheets/<id>/<chart>.csv (each chart's data, the same rows as its table on the page).
 *
 * They are written by src/integrations/sheet-data-files.ts, beside the page build rather than as Astro
 * routes: ≈ 3 files per sheet (≈ 17,000 at a year of sheets) cost Astro ≈ 14 s as endpoints, a plain
 * write on the second core costs a fraction of that and overlaps the page rendering.
 */
import type { Sheet } from '../schema/sheet.ts';
import { chartCsv, listSheetCharts } from './charts.ts';

export interface DataFile {
  /** Path under the site's output folder, with "/" separators; the same as the page links (src/lib/url.ts). */
  path: string;
  text: string;
}

/** Ids and chart ids become file names: anything but a plain name would be a bug upstream, not a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function safeName(name: string, what: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`${what} ${JSON.stringify(name)} is not a plain file name`);
  return name;
}

export function sheetJsonPath(id: string): string {
  return `data/sheets/${safeName(id, 'sheet id')}.json`;
}

export function chartCsvPath(id: string, chart: string): string {
  return `data/sheets/${safeName(id, 'sheet id')}/${safeName(chart, `chart id of ${id}`)}.csv`;
}

/** Every download file of one sheet. */
export function sheetDataFiles(sheet: Sheet): DataFile[] {
  return [
    { path: sheetJsonPath(sheet.id), text: `${JSON.stringify(sheet)}\n` },
    ...listSheetCharts(sheet).map((chart) => ({ path: chartCsvPath(sheet.id, chart.id), text: chartCsv(chart) })),
  ];
}
