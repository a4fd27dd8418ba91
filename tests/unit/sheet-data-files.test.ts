/**
 * The per-sheet download (src/lib/data/sheet-data-files.ts, route src/pages/data/sheets/[id].json.ts): one JSON file per sheet, and nothing else. A
 * sheet chart's CSV is made in the browser from that JSON (src/client/chart-csv-download.ts), so the
 * JSON must carry everything the charts are built from: on every real sample, the CSV built from the
 * parsed JSON is byte-identical to the CSV built from the record the page renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { entryJson, parseEntry, serializeEntry } from '../../src/schema/entry-file.ts';
import { loadSheet } from '../../src/lib/data/load-sheets.ts';
import { chartCsv } from '../../src/lib/view/chart-csv.ts';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { sheetJsonText } from '../../src/lib/data/sheet-data-files.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { rsSamples, textSample } from '../support/sample-records.ts';

let dir: string;
/** Every sample as the site loads it: written as an entry, read back through the site's loader. */
let loaded: Sheet[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sheet-data-files-'));
  const records = [
    await textSample('000_ef263abaeb28aada.txt'),
    await textSample('004_b3591854bc0903ef.txt'),
    ...(await rsSamples()),
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

describe('chart CSV from the published JSON (what the browser builds)', () => {
  it('equals the CSV from the record, byte for byte, for every chart of every sample', () => {
    let charts = 0;
    const kinds = new Set<string>();
    for (const s of loaded) {
      const fromRecord = listSheetCharts(s);
      const fromJson = listSheetCharts(JSON.parse(sheetJsonText(s)) as Sheet);
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
