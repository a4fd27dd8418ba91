/**
 * `npm run bench [-- N …]`: measures the full pipeline at scale and records the figures in docs/BENCHMARKS.md.
 *
 * For each N (default 252, 5000, 20000): generates an RS-form input of N projects from the real subset
 * (scripts/lib/bench/generate-rs.ts), then runs and measures each phase of the real pipeline — convert,
 * astro build, search index — and, as the floor of this stack, the same N with a bare page template
 * (bench/bare: same loader and schema, one <h1> and the body) and the same search indexer.
 * Wall time, CPU time and peak memory (process tree RSS) per phase, and how much CPU the machine's
 * neighbours took meanwhile (steal). Each N up to 6,000 runs 3 times (`--repeat R` to change), site and bare
 * alternating, and the table shows the median run with the fastest and slowest totals: on this shared
 * machine the same build took 50 s and 73 s within minutes. Work files go to bench-work/ (gitignored).
 * Every measured phase writes into an empty folder, as a build on a fresh clone does: the previous run's
 * folders are moved aside (bench-work/.trash) and deleted only after the last run, because on this
 * machine's disk (ext4 mounted with `discard`) creating files right after deleting many is up to ten times
 * dearer in system time (docs/BENCHMARKS.md), which would charge one run's clean-up to the next.
 * This is a benchmark, not a test: it asserts nothing and never runs in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRsFolder } from './lib/bench/generate-rs.ts';
import { measure, type Measured } from './lib/bench/measure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
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
  phase: string;
  m: Measured;
}
const rows: Row[] = [];

/** Where earlier runs' outputs wait to be deleted (see the header): same disk, so moving is a rename. */
const trash = path.join(root, 'bench-work', '.trash');
let trashed = 0;

async function moveAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await mkdir(trash, { recursive: true });
  trashed += 1;
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

async function phase(n: number, run: number, variant: Row['variant'], name: string, args: string[], env: NodeJS.ProcessEnv) {
  console.log(`bench: N=${n} run ${run} ${variant} ${name}…`);
  const m = await measure(process.execPath, args, { ...process.env, ...env }, root);
  console.log(`bench: N=${n} run ${run} ${variant} ${name}: exit ${m.code}, ${m.wallSeconds.toFixed(1)} s, CPU ${m.userSeconds.toFixed(1)} + ${m.sysSeconds.toFixed(1)} s, steal ${m.stealSeconds.toFixed(1)} s, ${m.peakMb.toFixed(0)} MB`);
  rows.push({ n, run, variant, phase: name, m });
  if (m.code !== 0) throw new Error(`bench: ${variant} ${name} failed for N=${n} (exit ${m.code})`);
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
  const bareDist = path.join(work, 'dist-bare');
  const env = { SHEETS_DIR: sheets, CONTENT_DIR: content, OUT_DIR: dist };
  const bareEnv = { ...env, OUT_DIR: bareDist };
  for (let run = 1; run <= repeatsFor(n); run += 1) {
    await moveAside(content);
    await moveAside(dist);
    await moveAside(bareDist);
    await mkdir(content, { recursive: true });
    await phase(n, run, 'site', 'convert', [path.join(root, 'scripts', 'convert.ts')], env);
    // The search index is built inside the Astro build (src/integrations/search-index.ts), for both templates.
    await phase(n, run, 'site', 'astro build', [astro, 'build', '--silent'], env);
    await phase(n, run, 'bare', 'astro build', [astro, 'build', '--silent', '--config', 'bench/bare/astro.config.mjs'], bareEnv);
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
  lines.push('| N sheets | template | runs | convert s | astro build + search index s | total s (median run) | total s, fastest – slowest | CPU s, user + system | steal s | peak MB (max of runs) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of ns.filter((x) => rows.some((r) => r.n === x))) {
    for (const variant of ['site', 'bare'] as const) {
      const runs = [...new Set(rows.filter((r) => r.n === n && r.variant === variant).map((r) => r.run))];
      // One run of a template: its phases plus that run's convert (the bare template reads the same entries).
      const runOf = (run: number) => {
        const phases = rows.filter((r) => r.n === n && r.run === run && (r.variant === variant || r.phase === 'convert'));
        const astroBuild = phases.find((r) => r.variant === variant && r.phase === 'astro build')?.m;
        const convert = phases.find((r) => r.phase === 'convert')?.m;
        const ms = phases.map((r) => r.m);
        return {
          convert,
          astroBuild,
          total: ms.reduce((x, m) => x + m.wallSeconds, 0),
          user: ms.reduce((x, m) => x + m.userSeconds, 0),
          sys: ms.reduce((x, m) => x + m.sysSeconds, 0),
          steal: ms.reduce((x, m) => x + m.stealSeconds, 0),
          peak: Math.max(...ms.map((m) => m.peakMb)),
        };
      };
      const done = runs.map(runOf).filter((r) => r.astroBuild && r.convert).sort((a, b) => a.total - b.total);
      if (!done.length) continue;
      const median = done[Math.floor((done.length - 1) / 2)]!;
      lines.push(
        `| ${n} | ${variant === 'site' ? 'full site' : 'bare (floor)'} | ${done.length} | ${fmt(median.convert!.wallSeconds)}${variant === 'bare' ? ' (same)' : ''} | ${fmt(median.astroBuild!.wallSeconds)} | ${fmt(median.total)} | ${fmt(done[0]!.total)} – ${fmt(done[done.length - 1]!.total)} | ${fmt(median.user)} + ${fmt(median.sys)} | ${fmt(median.steal)} | ${fmt(Math.max(...done.map((r) => r.peak)), 0)} |`,
      );
    }
  }
  lines.push('');
  lines.push('Per phase and run (wall s, CPU user + system s, steal s, peak MB): ' + rows.map((r) => `N=${r.n} #${r.run} ${r.variant} ${r.phase} ${fmt(r.m.wallSeconds)} s, ${fmt(r.m.userSeconds)} + ${fmt(r.m.sysSeconds)} s, ${fmt(r.m.stealSeconds)} s, ${fmt(r.m.peakMb, 0)} MB`).join('; ') + '.');
  lines.push('');
  lines.push('The median run is the middle one by its total (of an even number, the faster middle one). "steal" is CPU time the machine\'s neighbours took from its 2 virtual cores during the run\'s phases (/proc/stat): the slow runs are the ones with steal.');

  const docPath = path.join(root, 'docs', 'BENCHMARKS.md');
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  let doc = existsSync(docPath) ? await readFile(docPath, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!doc.includes(START)) doc += `\n${START}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(START) + START.length) + '\n' + lines.join('\n') + '\n' + doc.slice(doc.indexOf(END));
  await writeFile(docPath, doc);
  console.log(`bench: wrote ${path.relative(root, docPath)}`);
}
