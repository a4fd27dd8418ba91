/**
 * The per-sheet download /data/sheets/<id>.json (route: src/pages/data/sheets/[id].json.ts): the record
 * exactly as validated by the schema, as compact JSON. Each chart's CSV is not a file: the sheet page
 * makes it in the browser from this JSON on request (src/client/chart-csv-download.ts, the same
 * chartCsv), since ≈ 11,000 more files in ≈ 5,700 folders were the dearest part of writing the downloads.
 */
import type { Sheet } from '../../schema/sheet.ts';

/** The text of a sheet's download file. */
export function sheetJsonText(sheet: Sheet): string {
  return `${JSON.stringify(sheet)}\n`;
}
