/**
 * `node scripts/open-data-bytes.ts [content-dir]`: the bytes the open data of whole records takes for a
 * folder of entries (default CONTENT_DIR or content; `<dir>/sheets/*.md`), made with the build's own
 * functions (src/lib/data/sheet-data-files.ts) without building the site — so the five JUDGIT years can be
 * measured in about a minute (docs/BENCHMARKS.md, "Open data: bulk files and pointers"):
 * before (one compact JSON file per sheet), after (the bulk files of gzip blocks + a pointer per sheet),
 * the largest file and block (what a chart's CSV fetches), and the CPU time of packing.
 * Pointers are measured with absolute URLs under SITE (default a project site on github.io), as deployed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { entryJson } from '../src/schema/entry-file.ts';
import { ministrySlug } from '../src/shared/ministry.ts';
import { contentDir } from '../src/shared/paths.ts';
import { packRecords, recordFileFromPointer, recordFiles, sheetPointerText } from '../src/lib/data/sheet-data-files.ts';

const dir = path.join(process.argv[2] ?? contentDir(), 'sheets');
const site = new URL(process.env.SITE ?? 'https://example.github.io/review-sheet-site/').href;

const lines = new Map<string, Buffer>();
const sheets: { id: string; fiscalYear: number; ministry: string; title: string; row: { ministrySlug: string } }[] = [];
let before = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
  const json = entryJson(readFileSync(path.join(dir, f)));
  if (!json) throw new Error(`${f}: not an entry the converter wrote (entryJson could not read it)`);
  const line = Buffer.concat([json, Buffer.from('\n')]);
  const r = JSON.parse(line.toString('utf8')) as { id: string; fiscalYear: number; ministry: string; title: string };
  lines.set(r.id, line);
  before += line.length;
  sheets.push({ id: r.id, fiscalYear: r.fiscalYear, ministry: r.ministry, title: r.title, row: { ministrySlug: ministrySlug(r.ministry) } });
}
const byId = new Map(sheets.map((s) => [s.id, s]));

let bulk = 0;
let pointers = 0;
let largestFile = 0;
let largestBlock = 0;
let blockBytes = 0;
let blocks = 0;
const started = process.cpuUsage();
const files = recordFiles(sheets);
for (const f of files) {
  const packed = await packRecords(f.ids.map((id) => ({ id, line: lines.get(id)! })));
  bulk += packed.bytes.length;
  largestFile = Math.max(largestFile, packed.bytes.length);
  const offsets = new Set<number>();
  for (const [id, place] of packed.places) {
    const s = byId.get(id)!;
    if (!offsets.has(place.offset)) {
      offsets.add(place.offset);
      blocks += 1;
      blockBytes += place.length;
      largestBlock = Math.max(largestBlock, place.length);
    }
    const pointer = {
      id,
      fiscalYear: s.fiscalYear,
      ministry: s.ministry,
      title: s.title,
      page: new URL(`sheets/${encodeURIComponent(id)}/`, site).href,
      record: { file: recordFileFromPointer(f.name), ...place },
      schema: new URL('data/sheet.schema.json', site).href,
    };
    pointers += Buffer.byteLength(sheetPointerText(pointer));
  }
}
const cpu = process.cpuUsage(started);

const n = sheets.length;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
console.log(`${n.toLocaleString('en-US')} sheets in ${dir}`);
console.log(`before: ${n.toLocaleString('en-US')} files, ${mb(before)} (${Math.round(before / n)} B a sheet): /data/sheets/<id>.json, the record`);
console.log(
  `after:  ${(n + files.length).toLocaleString('en-US')} files, ${mb(bulk + pointers)} (${Math.round((bulk + pointers) / n)} B a sheet): ` +
    `${files.length} bulk files ${mb(bulk)} (${Math.round(bulk / n)} B a sheet) + pointers ${mb(pointers)} (${Math.round(pointers / n)} B a sheet)`,
);
console.log(`largest bulk file ${kb(largestFile)}; blocks ${blocks.toLocaleString('en-US')}, average ${kb(blockBytes / blocks)}, largest ${kb(largestBlock)} (what one chart CSV fetches)`);
console.log(`packing: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
