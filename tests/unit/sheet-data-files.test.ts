/**
 * The records' open data (src/lib/data/sheet-data-files.ts): bulk files of gzip blocks of JSON lines, one
 * per review year and 府省庁, and a pointer per sheet to its block. A sheet chart's CSV is made in the
 * browser from the record in its block (src/client/chart-csv-download.ts), so the record must carry
 * everything the charts are built from: on every real sample, the CSV built from the line cut out of the
 * packed file is byte-identical to the CSV built from the record the page renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { entryJson, parseEntry, serializeEntry } from '../../src/schema/entry-file.ts';
import { loadSheet } from '../../src/lib/data/load-sheets.ts';
import { chartCsv } from '../../src/lib/view/chart-csv.ts';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { BLOCK_BYTES, BLOCK_RECORDS, packRecords, recordFiles, sheetJsonText, type PackedRecords } from '../../src/lib/data/sheet-data-files.ts';
import { listing } from '../../src/lib/data/sheet-listing.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { judgitSamples, rsSamples, textSample } from '../support/sample-records.ts';

let dir: string;
/** Every sample as the site loads it: written as an entry, read back through the site's loader. */
let loaded: Sheet[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sheet-data-files-'));
  const records = [
    await textSample('000_ef263abaeb28aada.txt'),
    await textSample('004_b3591854bc0903ef.txt'),
    ...(await rsSamples()),
    ...(await judgitSamples()),
  ];
  for (const r of records) await writeFile(path.join(dir, `${r.id}.md`), serializeEntry(r, '# body\n'));
  loaded = records.map((r) => loadSheet(dir, r.id)!);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sheetJsonText', () => {
  it('is the loaded record as compact JSON, one line', () => {
    const s = loaded[0]!;
    const text = sheetJsonText(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(text.startsWith(`{"id":"${s.id}",`)).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(s)));
  });
});

let packedFiles: Map<string, PackedRecords> | null = null;

/** Every sample packed into its bulk file, as the build packs them (once: 392 records take seconds on a busy machine). */
async function packAll(): Promise<Map<string, PackedRecords>> {
  if (packedFiles) return packedFiles;
  const byId = new Map(loaded.map((s) => [s.id, s]));
  const files = recordFiles(loaded.map(listing));
  const packed = await Promise.all(files.map((f) => packRecords(f.ids.map((id) => ({ id, line: Buffer.from(sheetJsonText(byId.get(id)!)) })))));
  return (packedFiles = new Map(files.map((f, i) => [f.name, packed[i]!])));
}

/** What the browser does: the block at the pointer's byte range, decompressed, its line parsed. */
function recordFromBlock(packed: PackedRecords, id: string): Sheet {
  const place = packed.places.get(id)!;
  const lines = gunzipSync(packed.bytes.subarray(place.offset, place.offset + place.length)).toString('utf8').split('\n');
  return JSON.parse(lines[place.line - 1]!) as Sheet;
}

describe('bulk record files', () => {
  it('are one per review year and 府省庁, every sample in exactly one, by id', () => {
    const files = recordFiles(loaded.map(listing));
    expect(files.flatMap((f) => f.ids).sort()).toEqual(loaded.map((s) => s.id).sort());
    // The text sheets: 総務省, review years 2022 and 2016.
    expect(files.find((f) => f.name === '2022-soumu')).toMatchObject({ fiscalYear: 2022, ministry: '総務省' });
    expect(files.find((f) => f.name === '2022-soumu')!.ids).toContain('2022-soumu-t7ba6565b');
    expect(files.find((f) => f.name === '2016-soumu')!.ids).toContain('2016-soumu-ta1599665');
    for (const f of files) {
      expect(f.ids).toEqual([...f.ids].sort());
      for (const id of f.ids) expect(loaded.find((s) => s.id === id)).toMatchObject({ fiscalYear: f.fiscalYear, ministry: f.ministry });
    }
    // Newest year first; the JUDGIT samples reach back to 2015.
    expect(files[0]!.fiscalYear).toBe(2024);
    expect(files.at(-1)!.fiscalYear).toBe(2015);
  });

  it('decompress as a whole to every record, one JSON line each, byte for byte', async () => {
    const byId = new Map(loaded.map((s) => [s.id, s]));
    for (const [name, packed] of await packAll()) {
      const ids = recordFiles(loaded.map(listing)).find((f) => f.name === name)!.ids;
      // gunzip reads every member of the file in turn: the file is one JSON Lines text.
      expect(gunzipSync(packed.bytes).toString('utf8'), name).toBe(ids.map((id) => sheetJsonText(byId.get(id)!)).join(''));
    }
  });

  it('give each record a block of at most 8 records, whose line is the record as validated', async () => {
    let blocks = 0;
    let records = 0;
    let full = 0;
    for (const packed of (await packAll()).values()) {
      const blockRecords = new Map<number, number>();
      for (const [id, place] of packed.places) {
        expect(recordFromBlock(packed, id), id).toEqual(JSON.parse(JSON.stringify(loaded.find((s) => s.id === id))));
        blockRecords.set(place.offset, Math.max(blockRecords.get(place.offset) ?? 0, place.line));
        records += 1;
      }
      for (const n of blockRecords.values()) expect(n).toBeLessThanOrEqual(BLOCK_RECORDS);
      full += [...blockRecords.values()].filter((n) => n === BLOCK_RECORDS).length;
      // The blocks tile the file: each starts where the previous ended.
      const places = [...new Map([...packed.places.values()].map((p) => [p.offset, p])).values()].sort((a, b) => a.offset - b.offset);
      let at = 0;
      for (const p of places) {
        expect(p.offset).toBe(at);
        at += p.length;
      }
      expect(at).toBe(packed.bytes.length);
      blocks += places.length;
    }
    expect(records).toBe(loaded.length);
    // Records share blocks (that is where the bytes are saved); the samples' files are small (≈ 50 files
    // for 392 sheets) and large RS records end blocks early, so some blocks are full and many are not.
    expect(blocks).toBeLessThan(records * 0.6);
    expect(full).toBeGreaterThan(0);
  });

  it('end a block after the record that reaches BLOCK_BYTES', async () => {
    const big = loaded.reduce((a, b) => (sheetJsonText(a).length > sheetJsonText(b).length ? a : b));
    const line = Buffer.from(sheetJsonText(big));
    // The largest real sample (an RS sheet with its payee tables) is a block's worth alone.
    expect(line.length).toBeGreaterThan(BLOCK_BYTES / 4);
    const copies = Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, line }));
    const packed = await packRecords(copies);
    const perBlock = Math.ceil(BLOCK_BYTES / line.length);
    expect(packed.places.get(`x${perBlock - 1}`)!.line).toBe(perBlock);
    expect(packed.places.get(`x${perBlock}`)).toMatchObject({ offset: packed.places.get('x0')!.length, line: 1 });
  });

  it('take under a quarter of the bytes of the records as JSON', async () => {
    let json = 0;
    let gz = 0;
    for (const s of loaded) json += Buffer.byteLength(sheetJsonText(s));
    for (const packed of (await packAll()).values()) gz += packed.bytes.length;
    expect(gz).toBeLessThan(json / 4);
  });
});

describe('chart CSV from the published record (what the browser builds)', () => {
  it('equals the CSV from the record, byte for byte, for every chart of every sample', async () => {
    let charts = 0;
    const kinds = new Set<string>();
    const packed = [...(await packAll()).values()];
    for (const s of loaded) {
      const fromRecord = listSheetCharts(s);
      const fromJson = listSheetCharts(recordFromBlock(packed.find((p) => p.places.has(s.id))!, s.id));
      expect(fromJson.map((c) => c.id), s.id).toEqual(fromRecord.map((c) => c.id));
      for (let i = 0; i < fromRecord.length; i++) {
        expect(chartCsv(fromJson[i]!), `${s.id} ${fromRecord[i]!.id}`).toBe(chartCsv(fromRecord[i]!));
        kinds.add(fromRecord[i]!.id.replace(/-\d+$/, ''));
        charts += 1;
      }
    }
    // The samples reach every kind of sheet chart, so no part of the round trip goes unchecked.
    expect([...kinds].sort()).toEqual(['activity', 'budget', 'flow', 'outcome', 'payees']);
    expect(charts).toBeGreaterThan(loaded.length);
  });

  it('keeps a blank as an empty cell, never 0, after the round trip', () => {
    const s = loaded.find((x) => x.source.form === 'text' && x.budgets.some((b) => b.executed === null))!;
    const csv = chartCsv(listSheetCharts(JSON.parse(sheetJsonText(s)) as Sheet).find((c) => c.id === 'budget')!);
    expect(csv.startsWith('\uFEFF年度,予算額（計）（円）,執行額（円）,執行率（%）\r\n')).toBe(true);
    expect(csv).toContain('\r\n2022（令和4）年度,0,,\r\n');
  });
});

describe('entryJson (the download of an entry the converter wrote, without parsing it)', () => {
  it('is JSON.stringify of the parsed entry, byte for byte, for every sample and for the characters the entry escapes', () => {
    const odd = { ...loaded[0]!, title: 'a\u2028b\u2029c\u0085d\ufeffe \\u2028 \\\\u2029 "\\"' };
    for (const s of [...loaded, odd]) {
      const text = serializeEntry(s, '# body\n');
      expect(`${entryJson(Buffer.from(text))!.toString('utf8')}\n`, s.id).toBe(sheetJsonText(parseEntry(text, 'x.md').data as Sheet));
    }
    expect(entryJson(Buffer.from('no frontmatter\n'))).toBeNull();
    expect(entryJson(Buffer.from('---\ntitle: |\n  block\n---\n'))).toBeNull();
    expect(entryJson(Buffer.from('---\n1title: 2\n---\n'))).toBeNull();
  });
});
