/**
 * `npm run bench:52000 [-- --sheets N]`: the whole pipeline (`npm run build`, then a cold search of the five
 * terms) on about ten review years, the site's real job (issue 18): the five shared JUDGIT! years (26,395
 * real sheets), a generated RS year of 5,664 sheets with a real-size 5-1, and copies of real JUDGIT sheets
 * moved to the four review years between the shared ones, 52,000 sheets in all (the rule:
 * scripts/bench/generate-decade.ts). `--sheets N` builds the same mix scaled to N sheets (e.g. 2000, to try
 * the pipeline in minutes). Recorded in docs/BENCHMARKS.md between `<!-- bench-52000:start -->` and
 * `<!-- bench-52000:end -->`, as `npm run bench:judgit` records the five years: time, peak memory of the
 * process tree, dist/ size and files by top folder, cold-search bytes and requests.
 *
 * Work folders (gitignored): the real years are unpacked once into bench-work/judgit/sheets (shared with
 * bench:judgit) and hard-linked into the input, bench-work/decade-<N>/sheets, which is kept for the next
 * run (remade only when its plan's size differs); the entries (content/) are deleted after the build, the
 * built site (dist/) is kept for further measurement (`node scripts/search-cost.ts bench-work/decade-<N>/dist`).
 * At 52,000 sheets they take ≈ 3 GB at ≈ 57 KB a sheet, plus the entries while the build runs and the
 * previous run's site until it ends; the bench refuses to start when the disk has less than that free.
 * A benchmark, not a test: it asserts nothing and never runs in CI.
 */
import { existsSync, statfsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleDecade, decadeComplete, DECADE_SHEETS, listRealYears, markDecadeComplete, planDecade, RS_YEAR, type DecadePlan } from './bench/generate-decade.ts';
import { folderSize } from './bench/measure.ts';
import { buildAndMeasure, coldSearches, judgitYearsDir, runLines, unpackJudgitYears, writeBenchSection } from './bench/whole-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const at = argv.indexOf('--sheets');
const sheets = at >= 0 ? Number(argv[at + 1]) : DECADE_SHEETS;
if (!(Number.isInteger(sheets) && sheets > 0) || argv.some((a, i) => i !== at && i !== at + 1)) {
  console.error('usage: npm run bench:52000 [-- --sheets N]');
  process.exit(2);
}
const yearsDir = judgitYearsDir(root);
const unpacked = path.join(root, 'bench-work', 'judgit', 'sheets');
const work = path.join(root, 'bench-work', `decade-${sheets}`);
const input = path.join(work, 'sheets');
const label = 'bench-52000';

await unpackJudgitYears(yearsDir, unpacked, label);
const realDir = path.join(unpacked, 'judgit', 'data');
let plan: DecadePlan;
if (decadeComplete(input, sheets)) {
  plan = planDecade(listRealYears(realDir), sheets);
} else {
  await rm(input, { recursive: true, force: true });
  console.log(`${label}: assembling ${sheets} sheets in ${path.relative(root, input)}…`);
  plan = await assembleDecade({ realDir, rsSample: path.join(root, 'sheets', 'rs2024'), outDir: input, sheets });
  markDecadeComplete(input, sheets);
}
const mix = [
  `real JUDGIT ${plan.real.map((y) => `${y.year} ${y.files.length}`).join(', ')}`,
  `generated RS ${RS_YEAR} ${plan.rs}`,
  `copies ${plan.copies.map((c) => `${c.to} ${c.files.length} (of ${c.from})`).join(', ')}`,
].join('; ');
console.log(`${label}: ${mix}`);
// The disk is shared: refuse to start a run that would fill it. A run holds the entries (≈ 13 KB a JUDGIT
// sheet, more for RS) and the new site (≈ 57–67 KB a sheet) at once, and the previous run's site until the
// end (moved aside, deleted after the measured run): ≈ 100 KB a sheet, and ≈ 70 more with a previous site.
const free = statfsSync(work);
const freeBytes = free.bavail * free.bsize;
const needBytes = sheets * 1024 * (100 + (existsSync(path.join(work, 'dist')) ? 70 : 0));
const GiB = 2 ** 30;
console.log(`${label}: input ${(folderSize(input).bytes / 2 ** 20).toFixed(0)} MB; the run needs ≈ ${(needBytes / GiB).toFixed(1)} GiB, ${(freeBytes / GiB).toFixed(1)} GiB free on its disk`);
if (freeBytes < needBytes) throw new Error(`${label}: not enough free disk for ${sheets} sheets (≈ ${(needBytes / GiB).toFixed(1)} GiB needed)`);

const run = await buildAndMeasure(root, work, input, label);
// The entries are an intermediate: the next run converts again into an empty folder.
await rm(path.join(work, 'content'), { recursive: true, force: true });
console.log(`${label}: cold searches…`);
const searches = await coldSearches(path.join(work, 'dist'));
const lines = runLines(run, searches, `npm run bench:52000${at >= 0 ? ` -- --sheets ${sheets}` : ''}`, mix);
console.log(lines.join('\n'));
const doc = await writeBenchSection(root, '<!-- bench-52000:start -->', '<!-- bench-52000:end -->', 'About 52,000 sheets (ten review years), whole pipeline', lines);
console.log(`${label}: wrote ${path.relative(root, doc)}; the built site stays in ${path.relative(root, path.join(work, 'dist'))}`);
