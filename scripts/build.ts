/**
 * `npm run build`: the whole job. Converts the sheets (scripts/convert.ts) and builds the site with Astro,
 * which also builds the search index while it renders the pages (src/integrations/search-index.ts).
 *
 * The two start together: Astro's first seconds (config, Vite, integrations) need no entries, and its
 * content loader waits for the converter (src/lib/content-ready.ts), so on two cores the pipeline takes
 * about that much less than one step after the other (docs/BENCHMARKS.md).
 *
 * Faults cost the reader only what failed:
 * - An input the converter cannot read costs only itself: the converter keeps that input's last good
 *   entries (whole) and says so in its report (src/lib/convert-report.ts), the site is built from the
 *   entries, its data-quality page lists the failure, and the build exits non-zero. A converter that
 *   crashed or was stopped (no report from this run) builds no site.
 * - `dist/` always holds a complete site, the last good one or the new one: Astro builds into a staging
 *   folder beside it (`.dist-staging-<pid>`), which is renamed into place only once the build is complete
 *   (the old site is renamed aside first, `.dist-previous-<pid>`, and deleted after the swap). Deleting
 *   after creating also keeps what moving the old output aside was for: on this project's build machine
 *   (ext4 mounted with `discard`) creating files right after deleting many costs up to ten times the
 *   system time (docs/BENCHMARKS.md), and a build creates ≈ 18,000 files at a year of sheets. A build
 *   stopped between the swap's two renames is put right by the next build, which also removes what
 *   stopped builds left (after its own swap).
 * - Ctrl-C / SIGTERM / SIGHUP stop both steps (the signal is forwarded; SIGKILL after 10 s). Each step
 *   also stops by itself when this process is gone, even by SIGKILL (scripts/lib/parent-watch.ts), and
 *   under `npm run build` this process stops when npm is gone.
 *
 * Environment: SHEETS_DIR, CONTENT_DIR (converter), SITE, BASE, OUT_DIR (Astro; the staging folder is
 * passed to it as OUT_DIR), passed through to each step; ASTRO_CONFIG, another Astro config file (the
 * bench's bare template); BUILD_REPORT, a file to write each step's wall time to as JSON
 * (scripts/bench.ts). Prints the wall time of each step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_READY_ENV, CONTENT_READY_OK } from '../src/lib/content-ready.ts';
import { CONVERT_RUN_ENV, readReport, REPORT_FILE } from '../src/lib/convert-report.ts';
import { ENTRY_PROBLEMS_FILE, problemLine, readEntryProblems } from '../src/lib/entry-problems.ts';
import { PARENT_FD_ENV } from './lib/parent-watch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const parentWatch = pathToFileURL(path.join(root, 'scripts', 'lib', 'parent-watch.ts')).href;

export interface StepReport {
  name: string;
  code: number;
  /** Wall seconds from the pipeline's start to the step's end (the steps overlap). */
  endSeconds: number;
}

const children = new Set<ChildProcess>();

/** Runs `node <args>` and resolves with its exit code (128 + n when stopped by a signal). */
function run(args: string[], env: NodeJS.ProcessEnv, started: (child: ChildProcess) => void = () => {}): Promise<number> {
  return new Promise((resolve) => {
    // Descriptor 3: a pipe the step watches, to stop when this process is gone (scripts/lib/parent-watch.ts).
    const child = spawn(process.execPath, ['--import', parentWatch, ...args], {
      cwd: root,
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...env, [PARENT_FD_ENV]: '3' },
    });
    children.add(child);
    started(child);
    child.on('error', (err) => {
      console.error(`build: could not start ${args[0]}: ${err.message}`);
      children.delete(child);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}

const outDir = path.resolve(root, process.env.OUT_DIR ?? 'dist');
const outParent = path.dirname(outDir);
const outName = path.basename(outDir);
const staging = path.join(outParent, `.${outName}-staging-${process.pid}`);
const aside = path.join(outParent, `.${outName}-previous-${process.pid}`);
const contentDir = path.resolve(root, process.env.CONTENT_DIR ?? 'content');
/** A path as the reader typed it: relative to the project when inside it. */
const shown = (p: string): string => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts right what a stopped build left: when it was stopped between the swap's two renames there is no
 * output but the previous site aside, which is put back. Returns the folders stopped builds left
 * (staging folders, sites set aside), to delete after this build's swap.
 */
function recoverOutput(): string[] {
  const left = new RegExp(`^\\.${outName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|previous)(?:-(\\d+))?$`);
  const found: { abs: string; kind: string; pid: number | null }[] = [];
  for (const f of existsSync(outParent) ? readdirSync(outParent) : []) {
    const m = left.exec(f);
    if (m) found.push({ abs: path.join(outParent, f), kind: m[1]!, pid: m[2] ? Number(m[2]) : null });
  }
  const gone = found.filter((f) => f.pid === null || !alive(f.pid));
  if (!existsSync(outDir)) {
    const back = gone.find((f) => f.kind === 'previous');
    if (back) {
      renameSync(back.abs, outDir);
      console.log(`build: put back the site a stopped build had set aside (${path.basename(back.abs)})`);
      gone.splice(gone.indexOf(back), 1);
    }
  }
  return gone.map((f) => f.abs);
}

/** Swaps the complete staging folder in: the old site aside, the new one in place. */
function swapIn(): void {
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, aside);
  try {
    renameSync(staging, outDir);
  } catch (err) {
    if (hadOld) renameSync(aside, outDir);
    throw err;
  }
}

const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
const signals = mkdtempSync(path.join(os.tmpdir(), 'review-sheet-build-'));
const ready = path.join(signals, 'content-ready');
const steps: StepReport[] = [];
const runId = `${process.pid}-${Date.now()}`;

function finished(name: string, code: number): number {
  steps.push({ name, code, endSeconds: seconds() });
  console.log(`build: ${name} ${code === 0 ? 'done' : `FAILED (exit ${code})`} at ${seconds().toFixed(1)}s`);
  return code;
}

let stopping: NodeJS.Signals | null = null;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = sig;
    console.error(`build: ${sig}: stopping; ${shown(outDir)} is left as it was`);
    for (const child of children) child.kill(sig === 'SIGHUP' ? 'SIGTERM' : sig);
    setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, 10_000).unref();
  });
}

/**
 * npm's process under `npm run build` (this process's parent, or the parent of the `sh -c` npm starts
 * it with), read from /proc; null elsewhere.
 */
function npmPid(): number | null {
  if (!process.env.npm_lifecycle_event) return null;
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (comm !== 'sh' && comm !== 'bash' && comm !== 'dash') return process.ppid;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

// When npm alone is killed, this process would build on unseen: it stops as if sent SIGTERM instead.
const npm = npmPid();
if (npm !== null) {
  setInterval(() => {
    if (!stopping && !alive(npm)) process.emit('SIGTERM', 'SIGTERM');
  }, 500).unref();
}

const leftovers = recoverOutput();
console.log('build: convert and astro build + search index (Astro waits for the entries)…');
let astroChild: ChildProcess | null = null;
/** The converter failed some inputs but wrote its report: the entries are whole, the site is built. */
let inputsFailed: string[] = [];
/** The converter crashed or was stopped: Astro was stopped for it, the converter's code is the build's. */
let convertUnusable = false;
const convert = run([path.join(root, 'scripts', 'convert.ts')], { ...process.env, [CONVERT_RUN_ENV]: runId }).then((code) => {
  const report = code !== 0 && !stopping ? readReport(contentDir) : null;
  if (report?.runId === runId) inputsFailed = report.failedInputs;
  const usable = code === 0 || inputsFailed.length > 0;
  // Tells Astro's content loader to go on, or why it must not (written whole: the loader polls for it).
  writeFileSync(`${ready}.tmp`, usable ? CONTENT_READY_OK : `the converter exited with code ${code}`);
  renameSync(`${ready}.tmp`, ready);
  if (!usable) {
    convertUnusable = true;
    // No site from a converter that crashed or was stopped: Astro is stopped rather than left to fail.
    console.error(`build: the converter did not finish (exit ${code}); no site is built`);
    astroChild?.kill('SIGTERM');
  }
  return finished('convert', code);
});
const astroArgs = [astroBin, 'build', '--silent', ...(process.env.ASTRO_CONFIG ? ['--config', process.env.ASTRO_CONFIG] : [])];
// The run id tells the content loader which converter hand-over is this build's (src/lib/index-cache.ts).
const astro = run(astroArgs, { ...process.env, OUT_DIR: staging, [CONTENT_READY_ENV]: ready, [CONVERT_RUN_ENV]: runId }, (c) => (astroChild = c)).then((code) =>
  finished('astro build + search index', code),
);
const [convertCode, astroCode] = await Promise.all([convert, astro]);
rmSync(signals, { recursive: true, force: true });

const siteBuilt = astroCode === 0 && !stopping && existsSync(staging);
// Entries the site build left out (invalid, e.g. edited by hand; src/lib/entry-problems.ts): reported,
// and the build fails, though the site of every other entry is put in place.
const entryProblems = astroCode === 0 && !stopping ? readEntryProblems(contentDir) : null;
const badEntries = entryProblems?.runId === runId ? entryProblems.problems : [];
let code = stopping ? 128 + (os.constants.signals[stopping] ?? 0) : convertUnusable ? convertCode : astroCode || convertCode || (badEntries.length > 0 ? 1 : 0);
if (siteBuilt) {
  try {
    swapIn();
    leftovers.push(aside);
  } catch (err) {
    console.error(`build: could not put the new site in place (${(err as Error).message})`);
    code ||= 1;
  }
}
// The staging folder of a build that did not complete, the old site, and what stopped builds left.
for (const dir of [staging, ...leftovers]) rmSync(dir, { recursive: true, force: true });
const where = shown(outDir);
if (!siteBuilt) console.log(`build: ${where} is left as it was`);
if (inputsFailed.length > 0) {
  console.log(
    `build: ${inputsFailed.length} input(s) could not be converted (${inputsFailed.join(', ')}); ` +
      `${siteBuilt ? 'the site was built from every other input, ' : ''}their last good entries are kept. ` +
      `Details: ${shown(path.join(contentDir, 'sheets', REPORT_FILE))}${siteBuilt ? ' and /data-quality/' : ''}`,
  );
}
if (badEntries.length > 0) {
  console.log(`build: ${badEntries.length} problem(s) in content entries; those entries are left out${siteBuilt ? ', every other page was built' : ''}:`);
  for (const p of badEntries) console.log(`  ${problemLine(p)}`);
  console.log(`build: details: ${shown(path.join(contentDir, 'sheets', ENTRY_PROBLEMS_FILE))}${siteBuilt ? ' and /data-quality/' : ''}`);
}
if (process.env.BUILD_REPORT) writeFileSync(process.env.BUILD_REPORT, `${JSON.stringify({ steps, seconds: seconds() })}\n`);
console.log(code === 0 ? `build: all done in ${seconds().toFixed(1)}s` : `build: FAILED (exit ${code})`);
process.exitCode = code;
