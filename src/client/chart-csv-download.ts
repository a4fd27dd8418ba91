/**
 * Makes a sheet chart's CSV in the browser: reads the sheet's pointer (/data/sheets/<id>.json), fetches its
 * record from the year's bulk file (record-block.ts: one Range request), builds the chart with the code the
 * pages use (listSheetCharts, chartCsv: BOM, CRLF, raw integer 円 and rates in %, empty cell = no value) and saves it as
 * `<id>-<chart>.csv`. Loaded on click by chart-csv-button.ts.
 */
import type { Sheet } from '../schema/sheet.ts';
import { chartCsv } from '../lib/view/chart-csv.ts';
import { listSheetCharts } from '../lib/view/sheet-charts.ts';
import type { RecordPlace } from '../shared/search/record-place.ts';
import { fetchOk, fetchRecordAt } from './record-block.ts';

/** What this reads of the pointer (SheetPointer in src/lib/data/sheet-data-files.ts, which the browser code may not import). */
interface Pointer {
  id: string;
  record: RecordPlace & { file: string };
}

/** One fetch per sheet per page view: a page has up to ≈ 10 charts, all from the same record. */
const sheets = new Map<string, Promise<Sheet>>();

/** The record a pointer names: the pointer, then its record's block (record-block.ts). */
async function fetchRecord(pointerUrl: string): Promise<Sheet> {
  const { id, record } = (await (await fetchOk(pointerUrl)).json()) as Pointer;
  return fetchRecordAt(new URL(record.file, pointerUrl).href, record, id);
}

function fetchSheet(jsonUrl: string): Promise<Sheet> {
  let pending = sheets.get(jsonUrl);
  if (!pending) {
    pending = fetchRecord(jsonUrl);
    // A failed fetch is forgotten, so the next click tries again.
    pending.catch(() => sheets.delete(jsonUrl));
    sheets.set(jsonUrl, pending);
  }
  return pending;
}

/** The CSV of chart `chartId` of the sheet at `jsonUrl`, and the file name to save it as. */
export async function chartCsvFile(jsonUrl: string, chartId: string): Promise<{ name: string; text: string }> {
  const sheet = await fetchSheet(jsonUrl);
  const chart = listSheetCharts(sheet).find((c) => c.id === chartId);
  if (!chart) throw new Error(`sheet ${sheet.id} has no chart "${chartId}"`);
  return { name: `${sheet.id}-${chart.id}.csv`, text: chartCsv(chart) };
}

export async function downloadChartCsv(jsonUrl: string, chartId: string): Promise<void> {
  const { name, text } = await chartCsvFile(jsonUrl, chartId);
  // A Blob of a string is UTF-8: the BOM chartCsv puts first becomes EF BB BF, as in a file.
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; the object is one small string.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
