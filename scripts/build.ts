/**
 * `npm run build`: the whole job. Converts the sheets (scripts/convert.ts) and builds the site with Astro,
 * which also builds the search index while it renders the pages (src/integrations/search-index.ts).
 *
 * The two start together: Astro's first seconds (config, Vite, integrations) need no entries, and its
 * content loader waits for the converter (src/lib/content-ready.ts), so on two cores the pipeline takes
 * about that much less than one step after the other (docs/BENCHMARKS.md). A failed convert fails the
 * build with the converter's exit code (Astro then stops at its loader); a failed Astro build with Astro's;
 * either way the previous output is left as it was.
 *
 * Environment: SHEETS_DIR, CONTENT_DIR (converter), SITE, BASE, OUT_DIR (Astro), passed through to each
 * step; ASTRO_CONFIG, another Astro config file (the bench's bare template); BUILD_REPORT, a file to
 * write each step's wall time to as JSON (scripts/bench.ts). Prints the wall time of each step.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_READY_ENV, CONTENT_READY_OK } from '../src/lib/content-ready.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface StepReport {
  name: string;
  code: number;
  /** Wall seconds from the pipeline's start to the step's end (the steps overlap). */
  endSeconds: number;
}

/** Runs `node <args>` and resolves with its exit code. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The previous build's output is moved aside before Astro runs and deleted once the build is over, instead
 * of Astro emptying it first: on this project's build machine (ext4 mounted with `discard`) creating
 * files right after deleting many costs up to ten times the system time (docs/BENCHMARKS.md), and a build
 * creates ≈ 18,000 files at a year of sheets. Same disk, so the move is a rename; if it fails, Astro
 * empties the folder as usual.
 */
const outDir = path.resolve(root, process.env.OUT_DIR ?? 'dist');
const previous = path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous`);

function moveOutputAside(): void {
  rmSync(previous, { recursive: true, force: true }); // left by a build that was stopped
  try {
    if (existsSync(outDir)) renameSync(outDir, previous);
  } catch (err) {
    console.warn(`build: could not move the previous output aside (${(err as Error).message}); Astro will empty it`);
  }
}

const started = performance.now();
const seconds = () => (performance.now() - started) / 1000;
const signals = mkdtempSync(path.join(os.tmpdir(), 'review-sheet-build-'));
const ready = path.join(signals, 'content-ready');
const steps: StepReport[] = [];

function finished(name: string, code: number): number {
  steps.push({ name, code, endSeconds: seconds() });
  console.log(`build: ${name} ${code === 0 ? 'done' : `FAILED (exit ${code})`} at ${seconds().toFixed(1)}s`);
  return code;
}

console.log('build: convert and astro build + search index (Astro waits for the entries)…');
moveOutputAside();
const convert = run([path.join(root, 'scripts', 'convert.ts')], process.env).then((code) => {
  // Tells Astro's content loader to go on, or why it must not.
  writeFileSync(ready, code === 0 ? CONTENT_READY_OK : `the converter exited with code ${code}`);
  return finished('convert', code);
});
const astroArgs = [astroBin, 'build', '--silent', ...(process.env.ASTRO_CONFIG ? ['--config', process.env.ASTRO_CONFIG] : [])];
const astro = run(astroArgs, { ...process.env, [CONTENT_READY_ENV]: ready }).then((code) => finished('astro build + search index', code));
const [convertCode, astroCode] = await Promise.all([convert, astro]);

rmSync(signals, { recursive: true, force: true });
const code = convertCode || astroCode;
if (code === 0 || !existsSync(previous)) {
  rmSync(previous, { recursive: true, force: true });
} else {
  // A failed build leaves the last good site in place, not a half-written one.
  rmSync(outDir, { recursive: true, force: true });
  renameSync(previous, outDir);
  console.log(`build: the previous output is left in ${path.relative(root, outDir) || '.'}`);
}
if (process.env.BUILD_REPORT) writeFileSync(process.env.BUILD_REPORT, `${JSON.stringify({ steps, seconds: seconds() })}\n`);
console.log(code === 0 ? `build: all done in ${seconds().toFixed(1)}s` : `build: FAILED (exit ${code})`);
process.exitCode = code;
