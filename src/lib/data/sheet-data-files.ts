/**
 * The open data of each sheet's whole record (issue 18: ≈ 2 KB a sheet of the 18 KB a sheet the whole site
 * may take at 52,000 sheets; the record as compact JSON was ≈ 11.7 KB a JUDGIT sheet, ≈ 19 KB an RS one):
 *
 * - /data/records/<year>-<ministry>.jsonl.gz (route src/pages/data/records/[file].jsonl.gz.ts): every
 *   record of one review year and 府省庁, one compact JSON line each (the record as validated, every field,
 *   numbers as the entry states them), ordered by id. The file is a series of gzip members ("blocks") of
 *   up to BLOCK_RECORDS records: `gunzip`, zcat, Python's gzip and Node's zlib read the whole file as one
 *   JSON Lines text, and one block is a valid .gz by itself. Split by 府省庁 so that no file is huge
 *   (the largest is a few MB at a year) and a browser that gets a whole file still gets little.
 * - /data/sheets/<id>.json (route src/pages/data/sheets/[id].json.ts), the permanent per-sheet URL: a small
 *   pointer (SheetPointer): the sheet's identity, its page, and where its record is — the file, the byte
 *   range of its block and its line in the block — so one HTTP Range request fetches ≈ 1–15 KB.
 *
 * Why blocks (measured on the 26,395 real JUDGIT sheets, gzip level 9, bytes a sheet; docs/BENCHMARKS.md):
 * each record its own member 2,633, blocks of 4 records 1,617, of 8 records 1,405, a whole file one stream
 * 1,183 (but a chart's CSV would then fetch a whole file, up to MBs). Blocks keep most of the gain of
 * compressing records together (the same keys and phrases) while a chart's CSV fetches one block. Of 4,
 * not 8: the search page fetches a shown result's record for its excerpt (src/client/search/record-text.ts),
 * ≈ 6 KB a result instead of ≈ 11 KB, for ≈ 15 % more bytes of records.
 * BLOCK_BYTES ends a block early after a large record (RS sheets with long payee tables), so what one
 * chart's CSV fetches stays small.
 *
 * Each chart's CSV is not a file: the sheet page makes it in the browser from the record on request
 * (src/client/chart-csv-download.ts, the same chartCsv), since ≈ 11,000 more files in ≈ 5,700 folders
 * were the dearest part of writing the downloads.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Sheet } from '../../schema/sheet.ts';
import { href } from '../markup/url.ts';
import type { RecordPlace } from '../../shared/search/record-place.ts';

export type { RecordPlace };

/**
 * How the blocks are compressed. Not level 9: on the 721 blocks of a generated RS year (5,664 sheets, 219 MB
 * of JSON) level 9 took 2.82 s for 28.66 MB, level 6 with memLevel 9 1.98 s for 28.88 MB (+0.8 %), on the
 * build's main thread, which sets the pace of a build (docs/BENCHMARKS.md).
 */
export const RECORD_GZIP = { level: 6, memLevel: 9 } as const;
const gzipAsync = promisify(gzip);

/** Records a block holds at most. */
export const BLOCK_RECORDS = 4;
/** A block ends once its uncompressed lines reach this many bytes. */
export const BLOCK_BYTES = 256 * 1024;

/** The record's text as one JSON line (what a bulk file holds per sheet, and a record's download). */
export function sheetJsonText(sheet: Sheet): string {
  return `${JSON.stringify(sheet)}\n`;
}

/** One bulk file: the sheets of one review year and 府省庁. */
export interface RecordFile {
  /** `<fiscalYear>-<ministrySlug>`: the file is /data/records/<name>.jsonl.gz. */
  name: string;
  fiscalYear: number;
  ministry: string;
  /** Its sheets' ids, in the order of their lines (by id). */
  ids: string[];
}

interface FileKey {
  id: string;
  fiscalYear: number;
  ministry: string;
  row: { ministrySlug: string };
}

/** A bulk file's path (with the site's base). */
export function recordFileHref(name: string): string {
  return href(`data/records/${name}.jsonl.gz`);
}

/**
 * A bulk file's URL relative to a pointer (/data/sheets/<id>.json), as links in HTML are: the chart CSV
 * button follows it, and a copy of the site served at another address or path must still find it.
 */
export function recordFileFromPointer(name: string): string {
  return `../records/${name}.jsonl.gz`;
}

/** Every bulk file of the site: one per review year and 府省庁, newest year first, then by name. */
export function recordFiles(sheets: readonly FileKey[]): RecordFile[] {
  const files = new Map<string, RecordFile>();
  for (const s of sheets) {
    const name = `${s.fiscalYear}-${s.row.ministrySlug}`;
    let f = files.get(name);
    if (!f) files.set(name, (f = { name, fiscalYear: s.fiscalYear, ministry: s.ministry, ids: [] }));
    f.ids.push(s.id);
  }
  for (const f of files.values()) f.ids.sort();
  return [...files.values()].sort((a, b) => b.fiscalYear - a.fiscalYear || a.name.localeCompare(b.name));
}

export interface PackedRecords {
  /** The file: gzip members, one per block. */
  bytes: Buffer;
  /** By sheet id. */
  places: Map<string, RecordPlace>;
}

/**
 * Packs records (each one line of JSON ending in "\n", in file order) into blocks of gzip members, at
 * RECORD_GZIP. The blocks are compressed on libuv's threads, all at once: on the build's main thread this
 * was ≈ 2.8 s of a year's build, while the other core had room (docs/BENCHMARKS.md).
 */
export async function packRecords(records: readonly { id: string; line: Uint8Array }[]): Promise<PackedRecords> {
  const blocks: { first: number; end: number; bytes: Promise<Buffer> }[] = [];
  for (let i = 0; i < records.length; ) {
    const inBlock: Uint8Array[] = [];
    let size = 0;
    const first = i;
    while (i < records.length && inBlock.length < BLOCK_RECORDS && (size < BLOCK_BYTES || inBlock.length === 0)) {
      const line = records[i]!.line;
      if (line[line.length - 1] !== 0x0a) throw new Error(`${records[i]!.id}: a record's line must end in "\\n"`);
      inBlock.push(line);
      size += line.length;
      i += 1;
    }
    blocks.push({ first, end: i, bytes: gzipAsync(Buffer.concat(inBlock), RECORD_GZIP) });
  }
  // Awaited together, so that a failed block fails the file at once rather than going unhandled.
  const compressed = await Promise.all(blocks.map((b) => b.bytes));
  const places = new Map<string, RecordPlace>();
  let offset = 0;
  blocks.forEach(({ first, end }, b) => {
    const length = compressed[b]!.length;
    for (let j = first; j < end; j++) places.set(records[j]!.id, { offset, length, line: j - first + 1 });
    offset += length;
  });
  return { bytes: Buffer.concat(compressed), places };
}

/** /data/sheets/<id>.json: what the permanent per-sheet URL holds. */
export interface SheetPointer {
  id: string;
  fiscalYear: number;
  ministry: string;
  title: string;
  /** The sheet page: absolute when the site's address (SITE) is known, else its path from the site root. */
  page: string;
  /** The whole record: line `line` of the gzip block at bytes offset … offset + length − 1 of `file`. */
  record: RecordPlace & {
    /** The bulk file (.jsonl.gz), relative to this pointer's URL (recordFileFromPointer). */
    file: string;
  };
  /** The JSON Schema of a record (a line of the bulk file). */
  schema: string;
}

export function sheetPointerText(p: SheetPointer): string {
  return `${JSON.stringify(p)}\n`;
}
