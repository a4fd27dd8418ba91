/**
 * `npm run bench:judgit`: the whole pipeline (`npm run build`) on the five whole JUDGIT! years shared with
 * the project (公開年度 2015, 2017, 2019, 2021, 2023: 26,395 real sheets), measured once, and recorded in
 * docs/BENCHMARKS.md between `<!-- bench-judgit:start -->` and `<!-- bench-judgit:end -->`: wall and CPU
 * time, when each step ended, peak memory (whole process tree and each step), and the published size of
 * dist/ (bytes and files, and the search index's share).
 *
 * The years are read from JUDGIT_YEARS_DIR (default ../shared/data/judgit-years, the data-<year>.tar.gz
 * files) and unpacked once into bench-work/judgit/sheets (gitignored). A benchmark, not a test: it asserts
 * nothing and never runs in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderSize, measure } from './bench/measure.ts';
import type { StepReport } from './build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const yearsDir = path.resolve(root, process.env.JUDGIT_YEARS_DIR ?? '../shared/data/judgit-years');
const work = path.join(root, 'bench-work', 'judgit');
const sheets = path.join(work, 'sheets');

const tarballs = readdirSync(yearsDir).filter((f) => /^data-\d{4}\.tar\.gz$/.test(f)).sort();
if (tarballs.length === 0) throw new Error(`bench-judgit: no data-<year>.tar.gz in ${yearsDir}`);
if (!existsSync(path.join(sheets, '.complete'))) {
  await rm(sheets, { recursive: true, force: true });
  await mkdir(sheets, { recursive: true });
  for (const t of tarballs) {
    console.log(`bench-judgit: unpacking ${t}…`);
    execFileSync('tar', ['-xzf', path.join(yearsDir, t), '-C', sheets]);
  }
  await writeFile(path.join(sheets, '.complete'), '');
}

/** Bytes and files under a folder. */

const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
// Every run starts from empty output folders, as a build on a fresh clone does; the old ones are deleted
// after the run (creating files right after deleting many is dearer on this disk: docs/BENCHMARKS.md).
const trash = path.join(work, '.trash');
await mkdir(trash, { recursive: true });
for (const dir of [content, dist]) {
  if (!existsSync(dir)) continue;
  // dist is a link to its site folder (scripts/build.ts): the folder goes aside too.
  if (lstatSync(dir).isSymbolicLink()) await rename(path.resolve(work, readlinkSync(dir)), path.join(trash, `site-${Date.now()}`));
  await rename(dir, path.join(trash, `${path.basename(dir)}-${Date.now()}`));
}

const report = path.join(work, '.build-report.json');
await rm(report, { force: true });
console.log(`bench-judgit: npm run build on ${tarballs.join(', ')}…`);
const m = await measure(
  process.execPath,
  [path.join(root, 'scripts', 'build.ts')],
  { ...process.env, SHEETS_DIR: sheets, CONTENT_DIR: content, OUT_DIR: dist, BUILD_REPORT: report },
  root,
);
await rm(trash, { recursive: true, force: true });
if (m.code !== 0) throw new Error(`bench-judgit: the build failed (exit ${m.code})`);
const { steps } = JSON.parse(await readFile(report, 'utf8')) as { steps: StepReport[] };
const sheetCount = readdirSync(path.join(content, 'sheets')).filter((f) => f.endsWith('.md')).length;
const site = folderSize(dist);
const search = folderSize(path.join(dist, 'pagefind'));
const MB = 2 ** 20;
const fmt = (x: number, d = 1) => x.toFixed(d);
const stepText = steps.map((s) => `${s.name} done at ${fmt(s.endSeconds)} s`).join(', ');
const peaks = Object.entries(m.peakMbOf).map(([k, v]) => `${k} ${fmt(v, 0)} MB`).join(', ');
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}, by \`npm run bench:judgit\` (${tarballs.join(', ')}).`,
  '',
  '| sheets | total s | steps | CPU s, user + system | steal s | peak MB (whole pipeline; per step) | dist/ MB, files | per sheet, KB | search index MB, files |',
  '|---:|---:|---|---:|---:|---|---:|---:|---:|',
  `| ${sheetCount} | ${fmt(m.wallSeconds)} | ${stepText} | ${fmt(m.userSeconds)} + ${fmt(m.sysSeconds)} | ${fmt(m.stealSeconds)} | ${fmt(m.peakMb, 0)}; ${peaks} | ${fmt(site.bytes / MB)}, ${site.files} | ${fmt(site.bytes / 1024 / sheetCount)} | ${fmt(search.bytes / MB)}, ${search.files} |`,
];
console.log(lines.join('\n'));

const docPath = path.join(root, 'docs', 'BENCHMARKS.md');
const START = '<!-- bench-judgit:start -->';
const END = '<!-- bench-judgit:end -->';
let doc = await readFile(docPath, 'utf8');
if (!doc.includes(START)) doc += `\n## The five shared JUDGIT! years, whole pipeline\n\n${START}\n${END}\n`;
doc = doc.slice(0, doc.indexOf(START) + START.length) + '\n' + lines.join('\n') + '\n' + doc.slice(doc.indexOf(END));
await writeFile(docPath, doc);
console.log(`bench-judgit: wrote ${path.relative(root, docPath)}`);
