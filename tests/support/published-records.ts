/**
 * A built site's open data of whole records, read the way a reader (or the chart CSV button) does: the
 * pointer /data/sheets/<id>.json, then its block of the bulk file /data/records/<year>-<ministry>.jsonl.gz
 * (src/lib/data/sheet-data-files.ts), decompressed, its line parsed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SheetPointer } from '../../src/lib/data/sheet-data-files.ts';

export function sheetPointer(dist: string, id: string): SheetPointer {
  return JSON.parse(readFileSync(path.join(dist, 'data', 'sheets', `${id}.json`), 'utf8')) as SheetPointer;
}

/** The bulk file a pointer names, as a path in `dist` (the pointer's `file` is relative to its own URL). */
export function recordFileOf(dist: string, pointer: SheetPointer): string {
  const url = new URL(pointer.record.file, `http://x/data/sheets/${pointer.id}.json`);
  return path.join(dist, ...decodeURIComponent(url.pathname).split('/').filter(Boolean));
}

/** The record as published: the pointer's block, decompressed, its line parsed (JSON, as a reader gets it). */
export function publishedRecord(dist: string, id: string): unknown {
  const pointer = sheetPointer(dist, id);
  const { offset, length, line } = pointer.record;
  const block = readFileSync(recordFileOf(dist, pointer)).subarray(offset, offset + length);
  return JSON.parse(gunzipSync(block).toString('utf8').split('\n')[line - 1]!);
}
