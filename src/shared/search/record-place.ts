/**
 * Where a sheet's record is (src/lib/data/sheet-data-files.ts: line `line` of the gzip block at bytes
 * offset … offset + length − 1 of a bulk file), as a search result carries it: the index writes it into
 * the fragment of each page made from a sheet's record (scripts/search-index/record-places.ts), and the
 * search page fetches that block with one Range request to make the result's excerpt
 * (src/client/search/record-text.ts), so the fragment need not hold the page's text (issue 18: that text
 * was 169 MB of fragments at 52,000 sheets, beside the same records in the bulk files).
 */

/** Where a record is in its bulk file. */
export interface RecordPlace {
  /** Byte offset of its block (a gzip member) in the file. */
  offset: number;
  /** The block's length in bytes: fetch bytes offset … offset + length − 1. */
  length: number;
  /** The record's line in the block once decompressed, from 1. */
  line: number;
}

/** A record's place with its bulk file's path from the site's root ("data/records/2015-cao.jsonl.gz"). */
export interface RecordAt extends RecordPlace {
  file: string;
}

/** The fragment meta key holding a RecordAt (recordMeta). */
export const RECORD_META = 'record';

/** A RecordAt as one meta string: "<file> <offset> <length> <line>" (a file path has no space). */
export function recordMeta(at: RecordAt): string {
  if (/\s/.test(at.file)) throw new Error(`a record file's path has a space: ${at.file}`);
  return `${at.file} ${at.offset} ${at.length} ${at.line}`;
}

/** The RecordAt of a meta string; null when it is not one. */
export function parseRecordMeta(meta: string | undefined): RecordAt | null {
  const m = meta === undefined ? null : /^(\S+) (\d+) (\d+) (\d+)$/.exec(meta);
  if (!m) return null;
  return { file: m[1]!, offset: Number(m[2]), length: Number(m[3]), line: Number(m[4]) };
}
