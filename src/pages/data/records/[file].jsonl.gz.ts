/**
 * /data/records/<year>-<ministry>.jsonl.gz: every record of one review year and 府省庁, one JSON line each,
 * as gzip blocks (src/lib/data/sheet-data-files.ts). Served as a file to download, decompressed by the reader.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRecordFiles, recordFileBytes } from '../../../lib/data/record-files.ts';
import type { RecordFile } from '../../../lib/data/sheet-data-files.ts';

export const getStaticPaths = (async () =>
  (await allRecordFiles()).map((file) => ({ params: { file: file.name }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const bytes = await recordFileBytes((props as { file: RecordFile }).file);
  // A fresh ArrayBuffer-backed copy is what a Response body takes; the packed bytes are dropped after this.
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/gzip' } });
};
