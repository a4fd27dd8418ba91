/**
 * Fetches one sheet's record from its bulk file (src/lib/data/sheet-data-files.ts: line `line` of the gzip
 * block at bytes offset … offset + length − 1) with one Range request, and decompresses it in the browser
 * (DecompressionStream). Used by a sheet page's chart CSV download (chart-csv-download.ts) and by the
 * search page's excerpts (search/record-text.ts). Only types come from the schema, so no zod reaches the
 * browser. A block is fetched once a page view: the results of a search often share one.
 */
import type { Sheet } from '../schema/sheet.ts';
import type { RecordPlace } from '../shared/search/record-place.ts';

const blocks = new Map<string, Promise<string[]>>();

export async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

async function blockLines(block: ArrayBuffer): Promise<string[]> {
  const text = await new Response(new Blob([block]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return text.split('\n');
}

/**
 * A block's lines: by one Range request; when that fails or gives other bytes, the whole file, cut at the
 * block. A server may ignore Range (200 with the whole file: cut too), and a CDN may spoil ranges of a
 * file it compresses on the fly (GitHub Pages' Fastly has sent ranges of raw bytes marked as gzip-encoded,
 * which the browser cannot decode): the plain request of the whole file is decoded by the browser as any
 * other.
 */
async function fetchBlock(fileUrl: string, place: RecordPlace): Promise<string[]> {
  const end = place.offset + place.length;
  try {
    const res = await fetchOk(fileUrl, { headers: { Range: `bytes=${place.offset}-${end - 1}` } });
    const body = await res.arrayBuffer();
    const block = res.status === 206 ? body : body.slice(place.offset, end);
    if (block.byteLength === place.length) return await blockLines(block);
    console.warn(`${fileUrl}: ${block.byteLength} bytes where the block has ${place.length}; fetching the whole file`);
  } catch (err) {
    console.warn(`${fileUrl}: the block's range failed (${String(err)}); fetching the whole file`);
  }
  const whole = await (await fetchOk(fileUrl, { cache: 'reload' })).arrayBuffer();
  return blockLines(whole.slice(place.offset, end));
}

/** The record of sheet `id` at `place` in the bulk file at `fileUrl`, checked to be that sheet. */
export async function fetchRecordAt(fileUrl: string, place: RecordPlace, id: string): Promise<Sheet> {
  const key = `${fileUrl}#${place.offset}`;
  let pending = blocks.get(key);
  if (!pending) {
    pending = fetchBlock(fileUrl, place);
    // A failed fetch is forgotten, so the next use tries again.
    pending.catch(() => blocks.delete(key));
    blocks.set(key, pending);
  }
  const found = (await pending)[place.line - 1];
  const sheet = found ? (JSON.parse(found) as Sheet) : null;
  if (!sheet || sheet.id !== id) throw new Error(`line ${place.line} of the block is not ${id}`);
  return sheet;
}
