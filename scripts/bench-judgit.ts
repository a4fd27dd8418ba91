/**
 * `npm run bench:judgit`: the whole pipeline (`npm run build`) on the five whole JUDGIT! years shared with
 * the project (公開年度 2015, 2017, 2019, 2021, 2023: 26,395 real sheets), measured once, and recorded in
 * docs/BENCHMARKS.md between `<!-- bench-judgit:start -->` and `<!-- bench-judgit:end -->`: wall and CPU
 * time, when each step ended, peak memory (whole process tree and each step), the published size of
 * dist/ (bytes and files, by top folder), and a cold search of the five terms (scripts/bench/terms.ts).
 *
 * The years are read from JUDGIT_YEARS_DIR (default ../shared/data/judgit-years beside the project or its
 * worktree, the data-<year>.tar.gz files) and unpacked once into bench-work/judgit/sheets (gitignored). A benchmark, not a test: it asserts
 * nothing and never runs in CI. The same run at ≈ 52,000 sheets is `npm run bench:52000`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndMeasure, coldSearches, judgitYearsDir, runLines, unpackJudgitYears, writeBenchSection } from './bench/whole-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const yearsDir = judgitYearsDir(root);
const work = path.join(root, 'bench-work', 'judgit');
const sheets = path.join(work, 'sheets');

const tarballs = await unpackJudgitYears(yearsDir, sheets, 'bench-judgit');
const run = await buildAndMeasure(root, work, sheets, 'bench-judgit');
console.log('bench-judgit: cold searches…');
const searches = await coldSearches(path.join(work, 'dist'));
const lines = runLines(run, searches, 'npm run bench:judgit', tarballs.join(', '));
console.log(lines.join('\n'));
const doc = await writeBenchSection(root, '<!-- bench-judgit:start -->', '<!-- bench-judgit:end -->', 'The five shared JUDGIT! years, whole pipeline', lines);
console.log(`bench-judgit: wrote ${path.relative(root, doc)}`);
