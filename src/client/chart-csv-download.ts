/**
 * Makes a sheet chart's CSV in the browser: fetches the sheet's JSON (/data/sheets/<id>.json, the record
 * as validated), builds the chart with the code the pages use (listSheetCharts, chartCsv: BOM, CRLF, raw
 * integer 円 and rates in %, empty cell = no value) and saves it as `<id>-<chart>.csv`. Loaded on click by
 * chart-csv-button.ts. Only types come from the schema, so no zod reaches the browser.
 */
import type { Sheet } from '../schema/sheet.ts';
import { chartCsv } from '../lib/view/chart-csv.ts';
import { listSheetCharts } from '../lib/view/sheet-charts.ts';

/** One fetch per sheet per page view: a page has up to ≈ 10 charts, all from the same JSON. */
const sheets = new Map<string, Promise<Sheet>>();

function fetchSheet(jsonUrl: string): Promise<Sheet> {
  let pending = sheets.get(jsonUrl);
  if (!pending) {
    pending = fetch(jsonUrl).then(async (res) => {
      if (!res.ok) throw new Error(`${jsonUrl}: HTTP ${res.status}`);
      return (await res.json()) as Sheet;
    });
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
