/**
 * `npm run build`: the whole job. Converts the sheets (scripts/convert.ts), then builds the site with Astro,
 * which also builds the search index while it renders the pages (src/integrations/search-index.ts).
 * Stops at the first failing step with its exit code.
 * Environment: SHEETS_DIR, CONTENT_DIR (converter), SITE, BASE, OUT_DIR (Astro), passed through to each step.
 * Prints the wall time of each step (scripts/bench.ts measures time, CPU and peak memory per step).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

interface Step {
  name: string;
  args: string[];
  /** Whether the step writes the output folder (it is moved aside first, see below). */
  writesOutput?: boolean;
}

// The Astro build also writes the per-sheet downloads and the search index (src/integrations/).
const steps: Step[] = [
  { name: 'convert', args: [path.join(root, 'scripts', 'convert.ts')] },
  { name: 'astro build + search index', args: [astroBin, 'build', '--silent'], writesOutput: true },
];

/** Runs `node <args>` and resolves with its exit code and wall seconds. */
function run(step: Step): Promise<{ code: number; secs: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => {
      resolve({ code: code ?? (signal ? 1 : 0), secs: (performance.now() - started) / 1000 });
    });
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

const total = performance.now();
for (const step of steps) {
  console.log(`build: ${step.name}…`);
  if (step.writesOutput) moveOutputAside();
  const { code, secs } = await run(step);
  console.log(`build: ${step.name} ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${secs.toFixed(1)}s`);
  if (code !== 0) {
    rmSync(previous, { recursive: true, force: true });
    process.exit(code);
  }
}
rmSync(previous, { recursive: true, force: true });
console.log(`build: all done in ${((performance.now() - total) / 1000).toFixed(1)}s`);
