/**
 * Runs a command and measures its wall time, peak memory and CPU time. Peak memory is the largest sum of the
 * resident set sizes of the process and all its descendants (Astro's workers, Pagefind's binary), sampled
 * from /proc every 250 ms — a single process's max RSS would miss the children — and the same for each
 * direct child's own tree (the pipeline's steps, which run at the same time). CPU time is the user and
 * system time of the same tree (a process's own threads, plus its children's once they are reaped), as of
 * the last sample: on a shared machine wall time moves with the neighbours, CPU time much less, and system
 * time shows what the file operations cost.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createGzip } from 'node:zlib';

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid)!.push(Number(d));
    } catch {
      // the process ended while we looked
    }
  }
  return kids;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + cutime and stime + cstime of a process, in ticks (fields 14–17 of /proc/<pid>/stat). */
function cpuTicks(pid: number): { user: number; sys: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): utime is field 14, so f[11]; stime f[12]; cutime f[13]; cstime f[14].
    return { user: Number(f[11]) + Number(f[13]), sys: Number(f[12]) + Number(f[14]) };
  } catch {
    return { user: 0, sys: 0 };
  }
}

interface TreeSample {
  rssKb: number;
  user: number;
  sys: number;
  /** RSS of each direct child's subtree, by the child's label (childLabel). */
  childKb: Map<string, number>;
}

/** A direct child's label: the script it runs (e.g. "convert.ts", "astro.mjs"), else its program. */
function childLabel(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // Not a module preloaded into it: scripts/build.ts starts each step as `node --import …/parent-watch.ts <script>`.
    const script = args.slice(1).find((a, i) => /\.(ts|mjs|js)$/.test(a) && !['--import', '--require', '-r'].includes(args[i]!));
    return (script ?? args[0] ?? String(pid)).split('/').pop()!;
  } catch {
    return String(pid);
  }
}

/**
 * `labels`: each direct child's label as first read, kept for its life: a step that is exiting still shows
 * its memory but no longer its command line, and would count apart under its pid.
 */
function sampleTree(root: number, labels: Map<number, string>): TreeSample {
  const kids = childrenOf();
  const sample: TreeSample = { rssKb: 0, user: 0, sys: 0, childKb: new Map() };
  // Each process with the direct child of root it descends from (none for root itself).
  const stack: [number, string | null][] = [[root, null]];
  while (stack.length) {
    const [pid, label] = stack.pop()!;
    const kb = rssKb(pid);
    sample.rssKb += kb;
    if (label !== null) sample.childKb.set(label, (sample.childKb.get(label) ?? 0) + kb);
    const t = cpuTicks(pid);
    sample.user += t.user;
    sample.sys += t.sys;
    for (const kid of kids.get(pid) ?? []) {
      let kidLabel = label ?? labels.get(kid);
      if (kidLabel === undefined) {
        kidLabel = childLabel(kid);
        // Kept once it is the child's own (not its pid, nor the parent's command line between fork and exec).
        if (!/^\d+$/.test(kidLabel) && kidLabel !== childLabel(root)) labels.set(kid, kidLabel);
      }
      stack.push([kid, kidLabel]);
    }
  }
  return sample;
}

export interface Measured {
  code: number;
  wallSeconds: number;
  peakMb: number;
  /** CPU seconds of the process tree (user, system). */
  userSeconds: number;
  sysSeconds: number;
  /** Peak RSS of each direct child's process tree, by the script it runs (e.g. "convert.ts"), in MB. */
  peakMbOf: Record<string, number>;
  /**
   * Seconds the machine's virtual CPUs waited for the host meanwhile ("steal", /proc/stat), summed over
   * its cores: how busy the neighbours were. The same build ran 50 s with ≈ 0 s and 73 s with ≈ 5 s of it.
   */
  stealSeconds: number;
}

/** The machine's total steal time so far, in ticks (the 8th value of the "cpu" line of /proc/stat). */
function stealTicks(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    return Number(line.trim().split(/\s+/)[8] ?? 0);
  } catch {
    return 0;
  }
}

export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Measured> {
  const started = performance.now();
  const steal0 = stealTicks();
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let peak = 0;
  const labels = new Map<number, string>();
  const peakOf = new Map<string, number>();
  let cpu = { user: 0, sys: 0 };
  const timer = setInterval(() => {
    if (!child.pid) return;
    const s = sampleTree(child.pid, labels);
    peak = Math.max(peak, s.rssKb);
    for (const [label, kb] of s.childKb) peakOf.set(label, Math.max(peakOf.get(label) ?? 0, kb));
    // A child's time moves to its parent's when it is reaped; the sum only grows, so keep the largest.
    if (s.user + s.sys >= cpu.user + cpu.sys) cpu = { user: s.user, sys: s.sys };
    // Every 250 ms, not 50: each sample reads every process's stat in /proc (this kernel has no
    // /proc/<pid>/task/<tid>/children), and at 50 ms the sampler took ≈ 16 % of a core from the build it
    // measured, on a 2-core machine. Peaks of memory last seconds; 250 ms still sees them.
  }, 250);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({
        code: code ?? (signal ? 1 : 0),
        wallSeconds: (performance.now() - started) / 1000,
        peakMb: peak / 1024,
        userSeconds: cpu.user / TICKS,
        sysSeconds: cpu.sys / TICKS,
        peakMbOf: Object.fromEntries([...peakOf].map(([label, kb]) => [label, kb / 1024])),
        stealSeconds: (stealTicks() - steal0) / TICKS,
      });
    });
  });
}

/**
 * The size of the artifact GitHub Pages' workflow uploads for `dir`: actions/upload-pages-artifact makes a
 * tar of the folder and actions/upload-artifact compresses it (zip's deflate, level 6); here the tar
 * through gzip -6, within a few bytes of it. GitHub checks a Pages deploy's 1 GB against this artifact.
 */
export async function artifactBytes(dir: string): Promise<number> {
  const tar = spawn('tar', ['-cf', '-', '-C', dir, '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  const gz = tar.stdout.pipe(createGzip({ level: 6 }));
  gz.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await Promise.all([once(gz, 'end'), once(tar, 'close')]);
  if (tar.exitCode !== 0) throw new Error(`tar of ${dir} failed (exit ${tar.exitCode})`);
  return bytes;
}

/** Bytes and files under a folder (a built site's published size). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}
