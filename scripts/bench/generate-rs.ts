/**
 * Generates an RS-form input folder of N projects from the real 252-project subset: copy k of project P
 * gets 予算事業ID P + k·1,000,000 (unique, still numeric), every other cell unchanged. Written with a BOM and
 * CRLF like the published files, streaming table by table so even N = 20,000 (≈ 0.4 GB of CSV) stays small
 * in memory.
 * Table 5-1 is among the copied tables since the reconstructed 5-1 ships in sheets/rs2024 (12,117 rows,
 * 3.36 MB for 252 projects): at N = 5,664 it comes out at about 272,000 rows and 76 MB, a little above the
 * real 2024 file (194,133 rows, about 65 MB), so a year's bench measures 5-1 at no less than its real size.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';

const ID_COL = 2; // 予算事業ID is the third of the 13 columns every RS table starts with
const COPY_STRIDE = 1_000_000;

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function generateRsFolder(srcDir: string, outDir: string, n: number): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const tables = (await readdir(srcDir)).filter((f) => /^\d-\d_RS_\d{4}_.+\.csv$/.test(f)).sort();
  // The project ids of the subset, in order, from the first table (1-1 lists every project).
  let order: string[] | null = null;
  for (const table of tables) {
    const rowsById = new Map<string, string[][]>();
    let header: string[] | null = null;
    await new Promise<void>((resolve, reject) => {
      // Text, not bytes: papaparse decodes each Buffer chunk alone, which would split UTF-8 characters.
      Papa.parse<string[]>(createReadStream(path.join(srcDir, table), { encoding: 'utf8' }), {
        delimiter: ',',
        beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
        step: (result, parser) => {
          if (result.errors.length > 0) {
            parser.abort();
            reject(new Error(`${table}: ${result.errors[0]!.message}`));
            return;
          }
          const row = result.data;
          if (!header) { header = row; return; }
          const id = row[ID_COL]!;
          if (!rowsById.has(id)) rowsById.set(id, []);
          rowsById.get(id)!.push(row);
        },
        complete: () => resolve(),
        error: reject,
      });
    });
    if (!order) order = [...rowsById.keys()];
    const out = createWriteStream(path.join(outDir, table));
    const write = async (line: string) => { if (!out.write(line)) await once(out, 'drain'); };
    await write(`\uFEFF${header!.map(csvField).join(',')}\r\n`);
    for (let i = 0; i < n; i++) {
      const base = order[i % order.length];
      const copy = Math.floor(i / order.length);
      const newId = String(Number(base) + copy * COPY_STRIDE);
      for (const row of rowsById.get(base) ?? []) {
        const r = row.slice();
        r[ID_COL] = newId;
        await write(`${r.map(csvField).join(',')}\r\n`);
      }
    }
    out.end();
    await once(out, 'finish');
  }
}
