/**
 * `npm run build`: the whole job. Converts the sheets (scripts/convert.ts) and builds the site with Astro,
 * which also builds the search index while it renders the pages (src/integrations/search-index.ts).
 *
 * The two start together: Astro's first seconds (config, Vite, integrations) need no entries, and its
 * content loader waits for the converter (src/lib/data/content-ready.ts), so on two cores the pipeline takes
 * about that much less than one step after the other (docs/BENCHMARKS.md).
 *
 * Faults cost the reader only what failed:
 * - An input the converter cannot read costs only itself: the converter keeps that input's last good
 *   entries (whole) and says so in its report (src/schema/convert-report.ts), the site is built from the
 *   entries, its data-quality page lists the failure, and the build exits non-zero. A converter that
 *   crashed or was stopped (no report from this run) builds no site.
 * - `dist/` always holds a complete site, the last good one or the new one, whatever the kill point:
 *   `dist` is a symbolic link to a site folder beside it (`.dist-site-<pid>-<ms>`), and a new site replaces
 *   the old one by one rename of a link over it, atomic on every POSIX file system. Astro builds into a
 *   staging folder (`.dist-staging-<pid>`); once the build is complete it is renamed `.dist-site-…`, a
 *   new link to it is made (`.dist-link-<pid>`) and renamed over `dist`; the old site folder is deleted
 *   after. Two renames of folders (`dist` aside, staging in) left no `dist/` at all when the build was
 *   killed between them; Linux's renameat2(RENAME_EXCHANGE) would swap two folders in one step, but
 *   Node has no binding for it and coreutils on this machine and on GitHub's runners (9.1, 9.4) has no
 *   `mv --exchange` (9.5+). Readers of `dist` follow the link: static servers, `astro preview`, the
 *   tests, and actions/upload-pages-artifact (tar --dereference). Deleting after creating also keeps
 *   the build fast: on this project's build machine (ext4 mounted with `discard`) creating files right
 *   after deleting many costs up to ten times the system time (docs/BENCHMARKS.md), and a build creates
 *   ≈ 18,000 files at a year of sheets. The next build removes what stopped builds left (after its own
 *   swap). A `dist/` folder of an older build is moved aside once (`.dist-previous-<pid>`) for the first
 *   link; a build stopped in that one gap is put right by the next build, which puts the folder back.
 * - Ctrl-C / SIGTERM / SIGHUP stop both steps (the signal is forwarded; SIGKILL after 10 s). Each step
 *   also stops by itself when this process is gone, even by SIGKILL (scripts/build/parent-watch.ts), and
 *   under `npm run build` this process stops when npm is gone.
 *
 * Environment: SHEETS_DIR, CONTENT_DIR (converter), SITE, BASE, OUT_DIR (Astro; the staging folder is
 * passed to it as OUT_DIR), passed through to each step; ASTRO_CONFIG, another Astro config file (the
 * bench's bare template); BUILD_REPORT, a file to write each step's wall time to as JSON
 * (scripts/bench.ts). Prints the wall time of each step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_READY_ENV, CONTENT_READY_OK } from '../src/lib/data/content-ready.ts';
import { CONVERT_RUN_ENV, readReport, REPORT_FILE } from '../src/schema/convert-report.ts';
import { ENTRY_PROBLEMS_FILE, problemLine, readEntryProblems } from '../src/lib/data/entry-problems.ts';
import { PARENT_FD_ENV } from './build/parent-watch.ts';
import { createProgress } from './converter/progress.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const parentWatch = pathToFileURL(path.join(root, 'scripts', 'build', 'parent-watch.ts')).href;

export interface StepReport {
  name: string;
  code: number;
  /** Wall seconds from the pipeline's start to the step's end (the steps overlap). */
  endSeconds: number;
}

const children = new Set<ChildProcess>();

/**
 * V8's young generation for both steps: 64 MB semi-spaces instead of 16. Rendering a page allocates a few MB
 * that die with it, and with the default size V8 collected every few pages: in a profile of the astro build
 * at 5,664 sheets the garbage collector took 6.4 s of the main thread, 2.9 s with this (docs/BENCHMARKS.md).
 * Costs ≈ 150 MB more at most per thread (three semi-spaces).
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

/** Runs `node <args>` and resolves with its exit code (128 + n when stopped by a signal). */
function run(args: string[], env: NodeJS.ProcessEnv, started: (child: ChildProcess) => void = () => {}): Promise<number> {
  return new Promise((resolve) => {
    // Descriptor 3: a pipe the step watches, to stop when this process is gone (scripts/build/parent-watch.ts).
    const child = spawn(process.execPath, [...NODE_FLAGS, '--import', parentWatch, ...args], {
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
/** The folder the new site is kept in once complete; `dist` links to it. */
const siteFolder = `.${outName}-site-${process.pid}-${Date.now()}`;
const newLink = path.join(outParent, `.${outName}-link-${process.pid}`);
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

/** What `dist` is: absent, a folder (an older build's), or a link to a folder (its name, as linked). */
function outputNow(): { kind: 'none' } | { kind: 'folder' } | { kind: 'link'; target: string } {
  try {
    const st = lstatSync(outDir);
    return st.isSymbolicLink() ? { kind: 'link', target: readlinkSync(outDir) } : { kind: 'folder' };
  } catch {
    return { kind: 'none' };
  }
}

/** What builds leave beside `dist`: staging folders, site folders, new links, sites set aside. */
const leftName = new RegExp(`^\\.${outName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|site|link|previous)(?:-(\\d+))?(?:-\\d+)?$`);

/**
 * Puts right what a stopped build left: when it was stopped in the one gap of a first link (an older
 * build's `dist/` folder moved aside, the link not yet in place) there is no output but that folder,
 * which is put back. Returns what stopped builds left (staging and site folders no link points to, new
 * links, sites set aside), to delete after this build's swap.
 */
function recoverOutput(): string[] {
  const found: { abs: string; kind: string; pid: number | null }[] = [];
  for (const f of existsSync(outParent) ? readdirSync(outParent) : []) {
    const m = leftName.exec(f);
    if (m) found.push({ abs: path.join(outParent, f), kind: m[1]!, pid: m[2] ? Number(m[2]) : null });
  }
  const out = outputNow();
  const live = out.kind === 'link' ? path.resolve(outParent, out.target) : null;
  const gone = found.filter((f) => (f.pid === null || !alive(f.pid)) && f.abs !== live);
  if (out.kind === 'none') {
    const back = gone.find((f) => f.kind === 'previous');
    if (back) {
      renameSync(back.abs, outDir);
      console.log(`build: put back the site a stopped build had set aside (${path.basename(back.abs)})`);
      gone.splice(gone.indexOf(back), 1);
    }
  }
  return gone.map((f) => f.abs);
}

/** For the kill-point tests: BUILD_TEST_PAUSE=<point> stops the build there until it is killed. */
async function pausePoint(point: string): Promise<void> {
  if (process.env.BUILD_TEST_PAUSE !== point) return;
  console.log(`build: paused at ${point} (BUILD_TEST_PAUSE)`);
  await new Promise(() => setInterval(() => {}, 60_000));
}

/**
 * Swaps the complete staging folder in by one rename of a link over `dist`. Returns the old site's
 * folder, to delete (null when there was none, or `dist` linked somewhere this build did not make).
 */
async function swapIn(): Promise<string | null> {
  const before = outputNow();
  renameSync(staging, path.join(outParent, siteFolder));
  rmSync(newLink, { force: true });
  symlinkSync(siteFolder, newLink, 'dir');
  await pausePoint('swap');
  if (before.kind === 'folder') {
    // An older build's folder: a link cannot be renamed over a folder, so it is moved aside first (the
    // one gap, put right by the next build's recoverOutput).
    renameSync(outDir, aside);
    await pausePoint('first-link');
    try {
      renameSync(newLink, outDir);
    } catch (err) {
      renameSync(aside, outDir);
      throw err;
    }
    return aside;
  }
  renameSync(newLink, outDir);
  await pausePoint('swapped');
  if (before.kind !== 'link') return null;
  const old = path.resolve(outParent, before.target);
  return path.dirname(old) === outParent && leftName.test(path.basename(old)) ? old : null;
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
  const step = finished('convert', code);
  if (usable && !existsSync(path.join(staging, 'sheets'))) console.log('build: astro: loading the entries and bundling the scripts…');
  return step;
});
/**
 * Astro renders with --silent (a line per page is 52,000 lines); its progress is read from the staging
 * folder instead: a sheet page is a folder under sheets/, counted against the entries the converter
 * left. One line when rendering starts, a line each tenth or 10 s (scripts/converter/progress.ts), one when
 * every sheet page is there (the other pages, the sheet JSON and the search index follow).
 */
function watchRendering(): () => void {
  const sheetsOut = path.join(staging, 'sheets');
  let progress: ReturnType<typeof createProgress> | null = null;
  let total = 0;
  /** When every sheet page was there; then a line every 10 s until Astro ends. */
  let sheetsDoneAt: number | null = null;
  const tick = (): void => {
    if (!existsSync(sheetsOut)) return;
    if (sheetsDoneAt !== null) {
      if (seconds() - sheetsDoneAt < 10) return;
      sheetsDoneAt = seconds();
      console.log(`build: astro: finishing at ${seconds().toFixed(0)}s: ${writtenSoFar()}`);
      return;
    }
    if (!progress) {
      const entries = path.join(contentDir, 'sheets');
      total = existsSync(entries) ? readdirSync(entries).filter((f) => f.endsWith('.md')).length : 0;
      console.log(`build: astro: rendering pages (${total.toLocaleString('en-US')} sheet pages and the lists) at ${seconds().toFixed(1)}s…`);
      progress = createProgress({ what: 'sheet pages', total, print: console.log, prefix: 'build: astro: ', now: () => seconds() * 1000 });
    }
    const rendered = readdirSync(sheetsOut).length;
    progress.update(rendered);
    if (total > 0 && rendered >= total) {
      sheetsDoneAt = seconds();
      console.log(`build: astro: ${total.toLocaleString('en-US')} sheet pages rendered at ${seconds().toFixed(1)}s; the other pages, the sheet JSON and the search index follow…`);
    }
  };
  const timer = setInterval(tick, 1000);
  // A last look when Astro ends, so a build quicker than the timer still says what it rendered.
  return () => {
    clearInterval(timer);
    if (sheetsDoneAt === null) tick();
  };
}

/**
 * What the staging folder holds so far: pages, sheet JSON files, search index files. Astro's `.prerender`
 * and the search index's working folder (`pagefind.tmp-<pid>`: a whole Pagefind bundle per part, tens of
 * thousands of files at a year) are not walked: they counted for nothing here, and walking them every 10 s
 * cost the build process ≈ 24 s of CPU at 5,664 sheets (docs/BENCHMARKS.md, payee profiles section).
 */
function writtenSoFar(): string {
  let pages = 0;
  let json = 0;
  let index = 0;
  for (const top of readdirSync(staging, { withFileTypes: true })) {
    if (top.name.startsWith('.') || top.name.startsWith('pagefind.tmp')) continue;
    if (top.isFile()) {
      if (top.name === 'index.html') pages += 1;
      continue;
    }
    if (!top.isDirectory()) continue;
    for (const e of readdirSync(path.join(staging, top.name), { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      if (top.name === 'pagefind') index += 1;
      else if (top.name === 'data') json += 1;
      else if (e.name === 'index.html') pages += 1;
    }
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${n(pages)} pages, ${n(json)} data files, ${index === 0 ? 'the search index (written last)' : `${n(index)} search index files`} written`;
}

/** Files and bytes under a folder of the new site, for the step lines ("search index: 1,234 files, 5.6 MB"). */
function filesIn(dir: string): string {
  let files = 0;
  let bytes = 0;
  for (const e of existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : []) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return `${files.toLocaleString('en-US')} files, ${(bytes / 2 ** 20).toFixed(1)} MB`;
}

const astroArgs = [astroBin, 'build', '--silent', ...(process.env.ASTRO_CONFIG ? ['--config', process.env.ASTRO_CONFIG] : [])];
const stopWatching = watchRendering();
// The run id tells the content loader which converter hand-over is this build's (src/schema/hand-over.ts).
const astro = run(astroArgs, { ...process.env, OUT_DIR: staging, [CONTENT_READY_ENV]: ready, [CONVERT_RUN_ENV]: runId }, (c) => (astroChild = c)).then((code) => {
  stopWatching();
  if (code === 0 && existsSync(staging)) {
    console.log(`build: search index: ${filesIn(path.join(staging, 'pagefind'))}; sheet JSON: ${filesIn(path.join(staging, 'data'))}`);
  }
  return finished('astro build + search index', code);
});
const [convertCode, astroCode] = await Promise.all([convert, astro]);
rmSync(signals, { recursive: true, force: true });

const siteBuilt = astroCode === 0 && !stopping && existsSync(staging);
// Entries the site build left out (invalid, e.g. edited by hand; src/lib/data/entry-problems.ts): reported,
// and the build fails, though the site of every other entry is put in place.
const entryProblems = astroCode === 0 && !stopping ? readEntryProblems(contentDir) : null;
const badEntries = entryProblems?.runId === runId ? entryProblems.problems : [];
let code = stopping ? 128 + (os.constants.signals[stopping] ?? 0) : convertUnusable ? convertCode : astroCode || convertCode || (badEntries.length > 0 ? 1 : 0);
if (siteBuilt) {
  try {
    const old = await swapIn();
    if (old) leftovers.push(old);
    console.log(`build: swap: ${shown(outDir)} → ${siteFolder} (one rename of a link; the old site is deleted)`);
  } catch (err) {
    console.error(`build: could not put the new site in place (${(err as Error).message})`);
    code ||= 1;
  }
}
// The staging folder of a build that did not complete, the old site, and what stopped builds left.
for (const dir of [staging, newLink, ...leftovers]) rmSync(dir, { recursive: true, force: true });
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
