/**
 * `npm run bench [-- N …]`: measures the full pipeline at scale and records the figures in docs/BENCHMARKS.md.
 *
 * For each N (default 252, 5000, 20000): generates an RS-form input of N projects from the real subset
 * (scripts/bench/generate-rs.ts), then runs and measures the real pipeline as users run it,
 * `npm run build` (scripts/build.ts: the converter and the astro build with its search index, started
 * together), and, as the floor of this stack, the same pipeline with a bare page template (bench/bare: same
 * loader and schema, one <h1> and the body, the same search indexer).
 * Wall time, CPU time and peak memory (process tree RSS) of each pipeline run; when each step (convert,
 * astro build with the search index) ended and its own peak memory; and how much CPU the machine's
 * neighbours took meanwhile (steal). Each N up to 6,000 runs 3 times
 * (`--repeat R` to change), site and bare alternating, and the table shows the median run with the fastest
 * and slowest: on this shared machine the same build took 50 s and 73 s within minutes. Work files go to
 * bench-work/ (gitignored).
 * Every measured phase writes into an empty folder, as a build on a fresh clone does: the previous run's
 * folders are moved aside (bench-work/.trash) and deleted only after the last run, because on this
 * machine's disk (ext4 mounted with `discard`) creating files right after deleting many is up to ten times
 * dearer in system time (docs/BENCHMARKS.md), which would charge one run's clean-up to the next.
 * This is a benchmark, not a test: it asserts nothing and never runs in CI.
 */
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRsFolder } from './bench/generate-rs.ts';
import { measure, type Measured } from './bench/measure.ts';
import type { StepReport } from './build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = path.join(root, 'scripts', 'build.ts');
const argv = process.argv.slice(2);
const repeatAt = argv.indexOf('--repeat');
const repeatArg = repeatAt >= 0 ? Number(argv[repeatAt + 1]) : null;
if (repeatArg !== null && !(Number.isInteger(repeatArg) && repeatArg > 0)) throw new Error('bench: --repeat needs a positive integer');
const sizes = argv.filter((_, i) => repeatAt < 0 || (i !== repeatAt && i !== repeatAt + 1)).map(Number).filter((n) => n > 0);
const ns = sizes.length ? sizes : [252, 5000, 20000];
/** Runs per N: a year of sheets and below three times (≈ 5 min at 5,664), 20,000 once (≈ 6 min a run). */
const repeatsFor = (n: number) => repeatArg ?? (n <= 6000 ? 3 : 1);

interface Row {
  n: number;
  /** 1-based run number. */
  run: number;
  variant: 'site' | 'bare';
  m: Measured;
  /** Seconds from the start to the end of each step (Astro starts with the converter and waits for its entries). */
  convertEnd: number;
  astroEnd: number;
}

/** A step's peak memory: its process tree's, as measure() names direct children by their script. */
const peakOf = (m: Measured, script: string) => m.peakMbOf[script] ?? 0;
const rows: Row[] = [];

/** Where earlier runs' outputs wait to be deleted (see the header): same disk, so moving is a rename. */
const trash = path.join(root, 'bench-work', '.trash');
let trashed = 0;

async function moveAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await mkdir(trash, { recursive: true });
  trashed += 1;
  // dist is a link to its site folder (scripts/build.ts): the folder goes aside too, or the next build
  // would delete it inside the time measured.
  if (lstatSync(dir).isSymbolicLink()) {
    await rename(path.resolve(path.dirname(dir), readlinkSync(dir)), path.join(trash, `${trashed}-${path.basename(path.dirname(dir))}-${path.basename(dir)}-site`));
  }
  await rename(dir, path.join(trash, `${trashed}-${path.basename(path.dirname(dir))}-${path.basename(dir)}`));
}

async function emptyTrash(): Promise<void> {
  if (!existsSync(trash)) return;
  const started = performance.now();
  await rm(trash, { recursive: true, force: true });
  console.log(`bench: deleted earlier runs' output in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Left over from a bench that was stopped: deleted now, before anything is measured.
await emptyTrash();

async function pipeline(n: number, run: number, variant: Row['variant'], env: NodeJS.ProcessEnv) {
  console.log(`bench: N=${n} run ${run} ${variant}…`);
  const report = path.join(root, 'bench-work', '.build-report.json');
  await rm(report, { force: true });
  const m = await measure(process.execPath, [build], { ...process.env, ...env, BUILD_REPORT: report }, root);
  if (m.code !== 0) throw new Error(`bench: ${variant} build failed for N=${n} (exit ${m.code})`);
  const { steps } = JSON.parse(await readFile(report, 'utf8')) as { steps: StepReport[] };
  const convertEnd = steps.find((s) => s.name === 'convert')!.endSeconds;
  const astroEnd = steps.find((s) => s.name !== 'convert')!.endSeconds;
  console.log(`bench: N=${n} run ${run} ${variant}: ${m.wallSeconds.toFixed(1)} s (convert done at ${convertEnd.toFixed(1)} s, ${peakOf(m, 'convert.ts').toFixed(0)} MB; astro build at ${astroEnd.toFixed(1)} s, ${peakOf(m, 'astro.mjs').toFixed(0)} MB), CPU ${m.userSeconds.toFixed(1)} + ${m.sysSeconds.toFixed(1)} s, steal ${m.stealSeconds.toFixed(1)} s, ${m.peakMb.toFixed(0)} MB`);
  rows.push({ n, run, variant, m, convertEnd, astroEnd });
}

for (const n of ns) {
  const work = path.join(root, 'bench-work', String(n));
  const sheets = path.join(work, 'sheets');
  if (!existsSync(path.join(sheets, '.complete'))) {
    await rm(sheets, { recursive: true, force: true });
    console.log(`bench: generating ${n} sheets…`);
    await generateRsFolder(path.join(root, 'sheets', 'rs2024'), path.join(sheets, 'rs2024'), n);
    await writeFile(path.join(sheets, '.complete'), '');
  }
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  const bareContent = path.join(work, 'content-bare');
  const bareDist = path.join(work, 'dist-bare');
  const env = { SHEETS_DIR: sheets, CONTENT_DIR: content, OUT_DIR: dist };
  // The bare template's pipeline converts again, into its own folder, as a build of it would.
  const bareEnv = { SHEETS_DIR: sheets, CONTENT_DIR: bareContent, OUT_DIR: bareDist, ASTRO_CONFIG: 'bench/bare/astro.config.mjs' };
  for (let run = 1; run <= repeatsFor(n); run += 1) {
    for (const dir of [content, dist, bareContent, bareDist]) await moveAside(dir);
    // The search index is built inside the Astro build (src/integrations/search-index.ts), for both templates.
    await pipeline(n, run, 'site', env);
    await pipeline(n, run, 'bare', bareEnv);
    await writeDoc();
  }
}
await emptyTrash();

// ---- docs/BENCHMARKS.md: replace the generated section, keep the rest (notes, page weight) ----
// Written after every N, so a long run that is stopped keeps what it measured.
async function writeDoc(): Promise<void> {
  const fmt = (x: number, d = 1) => x.toFixed(d);
  const lines: string[] = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}, by \`npm run bench -- ${argv.join(' ')}\`.`);
  lines.push('');
  lines.push('| N sheets | template | runs | total s (median run) | total s, fastest – slowest | convert: done at s, peak MB | astro build + search index: done at s, peak MB | CPU s, user + system | steal s | peak MB, whole pipeline (max of runs) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of ns.filter((x) => rows.some((r) => r.n === x))) {
    for (const variant of ['site', 'bare'] as const) {
      const done = rows.filter((r) => r.n === n && r.variant === variant).sort((a, b) => a.m.wallSeconds - b.m.wallSeconds);
      if (!done.length) continue;
      const median = done[Math.floor((done.length - 1) / 2)]!;
      lines.push(
        `| ${n} | ${variant === 'site' ? 'full site' : 'bare (floor)'} | ${done.length} | ${fmt(median.m.wallSeconds)} | ${fmt(done[0]!.m.wallSeconds)} – ${fmt(done[done.length - 1]!.m.wallSeconds)} | ${fmt(median.convertEnd)}, ${fmt(peakOf(median.m, 'convert.ts'), 0)} | ${fmt(median.astroEnd)}, ${fmt(peakOf(median.m, 'astro.mjs'), 0)} | ${fmt(median.m.userSeconds)} + ${fmt(median.m.sysSeconds)} | ${fmt(median.m.stealSeconds)} | ${fmt(Math.max(...done.map((r) => r.m.peakMb)), 0)} |`,
      );
    }
  }
  lines.push('');
  lines.push('Per run (wall s; convert done at s, its peak MB; astro build done at s, its peak MB; CPU user + system s; steal s; peak MB): ' + rows.map((r) => `N=${r.n} #${r.run} ${r.variant} ${fmt(r.m.wallSeconds)} s; ${fmt(r.convertEnd)} s, ${fmt(peakOf(r.m, 'convert.ts'), 0)} MB; ${fmt(r.astroEnd)} s, ${fmt(peakOf(r.m, 'astro.mjs'), 0)} MB; ${fmt(r.m.userSeconds)} + ${fmt(r.m.sysSeconds)} s; ${fmt(r.m.stealSeconds)} s; ${fmt(r.m.peakMb, 0)} MB`).join('; ') + '.');
  lines.push('');
  lines.push('Each run is `npm run build` (scripts/build.ts): the converter and the astro build start together and Astro\'s content loader waits for the entries, so the total is less than the two one after the other.');
  lines.push('The median run is the middle one by its total (of an even number, the faster middle one). "steal" is CPU time the machine\'s neighbours took from its 2 virtual cores during the run (/proc/stat): the slow runs are the ones with steal.');

  const docPath = path.join(root, 'docs', 'BENCHMARKS.md');
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  let doc = existsSync(docPath) ? await readFile(docPath, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!doc.includes(START)) doc += `\n${START}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(START) + START.length) + '\n' + lines.join('\n') + '\n' + doc.slice(doc.indexOf(END));
  await writeFile(docPath, doc);
  console.log(`bench: wrote ${path.relative(root, docPath)}`);
}
