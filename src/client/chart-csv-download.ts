/**
 * Makes a sheet chart's CSV in the browser: reads the sheet's pointer (/data/sheets/<id>.json), fetches its
 * record's gzip block from the year's bulk file with one Range request (src/lib/data/sheet-data-files.ts),
 * decompresses it (DecompressionStream), builds the chart with the code the pages use (listSheetCharts,
 * chartCsv: BOM, CRLF, raw integer 円 and rates in %, empty cell = no value) and saves it as
 * `<id>-<chart>.csv`. Loaded on click by chart-csv-button.ts. Only types come from the schema, so no zod
 * reaches the browser.
 */
import type { Sheet } from '../schema/sheet.ts';
import { chartCsv } from '../lib/view/chart-csv.ts';
import { listSheetCharts } from '../lib/view/sheet-charts.ts';

/** What this reads of the pointer (SheetPointer in src/lib/data/sheet-data-files.ts, which the browser code may not import). */
interface Pointer {
  id: string;
  record: { file: string; offset: number; length: number; line: number };
}

/** One fetch per sheet per page view: a page has up to ≈ 10 charts, all from the same record. */
const sheets = new Map<string, Promise<Sheet>>();

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/** Line `line` of a gzip block, parsed: the record, checked to be sheet `id`. */
async function recordInBlock(block: ArrayBuffer, line: number, id: string): Promise<Sheet> {
  const text = await new Response(new Blob([block]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  const found = text.split('\n')[line - 1];
  const sheet = found ? (JSON.parse(found) as Sheet) : null;
  if (!sheet || sheet.id !== id) throw new Error(`line ${line} of the block is not ${id}`);
  return sheet;
}

/**
 * The record a pointer names: its block by one Range request; when that fails or gives other bytes, the
 * whole file, cut at the block. A server may ignore Range (200 with the whole file: cut too), and a CDN
 * may spoil ranges of a file it compresses on the fly (GitHub Pages' Fastly has sent ranges of raw bytes
 * marked as gzip-encoded, which the browser cannot decode): the plain request of the whole file is
 * decoded by the browser as any other.
 */
async function fetchRecord(pointerUrl: string): Promise<Sheet> {
  const { id, record } = (await (await fetchOk(pointerUrl)).json()) as Pointer;
  const fileUrl = new URL(record.file, pointerUrl).href;
  const end = record.offset + record.length;
  try {
    const res = await fetchOk(fileUrl, { headers: { Range: `bytes=${record.offset}-${end - 1}` } });
    const body = await res.arrayBuffer();
    const block = res.status === 206 ? body : body.slice(record.offset, end);
    if (block.byteLength === record.length) return await recordInBlock(block, record.line, id);
    console.warn(`${fileUrl}: ${block.byteLength} bytes where the block has ${record.length}; fetching the whole file`);
  } catch (err) {
    console.warn(`${fileUrl}: the block's range failed (${String(err)}); fetching the whole file`);
  }
  const whole = await (await fetchOk(fileUrl, { cache: 'reload' })).arrayBuffer();
  return recordInBlock(whole.slice(record.offset, end), record.line, id);
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
