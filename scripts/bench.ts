/**
 * `npm run bench [-- N …]`: measures the full pipeline at scale and records the figures in docs/BENCHMARKS.md.
 *
 * For each N (default 252, 5000, 20000): generates an RS-form input of N projects from the real subset
 * (scripts/lib/bench/generate-rs.ts), then runs and measures each phase of the real pipeline — convert,
 * astro build, search index — and, as the floor of this stack, the same N with a bare page template
 * (bench/bare: same loader and schema, one <h1> and the body) and the same search indexer.
 * Wall time and peak memory (process tree RSS) per phase. Work files go to bench-work/ (gitignored).
 * This is a benchmark, not a test: it asserts nothing and never runs in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRsFolder } from './lib/bench/generate-rs.ts';
import { measure, type Measured } from './lib/bench/measure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ns = sizes.length ? sizes : [252, 5000, 20000];

interface Row {
  n: number;
  variant: 'site' | 'bare';
  phase: string;
  m: Measured;
}
const rows: Row[] = [];

async function phase(n: number, variant: Row['variant'], name: string, args: string[], env: NodeJS.ProcessEnv) {
  console.log(`bench: N=${n} ${variant} ${name}…`);
  const m = await measure(process.execPath, args, { ...process.env, ...env }, root);
  console.log(`bench: N=${n} ${variant} ${name}: exit ${m.code}, ${m.wallSeconds.toFixed(1)} s, CPU ${m.userSeconds.toFixed(1)} + ${m.sysSeconds.toFixed(1)} s, ${m.peakMb.toFixed(0)} MB`);
  rows.push({ n, variant, phase: name, m });
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
  await rm(content, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });
  await rm(bareDist, { recursive: true, force: true });
  await mkdir(content, { recursive: true });
  const env = { SHEETS_DIR: sheets, CONTENT_DIR: content, OUT_DIR: dist };
  await phase(n, 'site', 'convert', [path.join(root, 'scripts', 'convert.ts')], env);
  // The search index is built inside the Astro build (src/integrations/search-index.ts), for both templates.
  await phase(n, 'site', 'astro build', [astro, 'build', '--silent'], env);
  const bareEnv = { ...env, OUT_DIR: bareDist };
  await phase(n, 'bare', 'astro build', [astro, 'build', '--silent', '--config', 'bench/bare/astro.config.mjs'], bareEnv);
  await writeDoc();
}

// ---- docs/BENCHMARKS.md: replace the generated section, keep the rest (notes, page weight) ----
// Written after every N, so a long run that is stopped keeps what it measured.
async function writeDoc(): Promise<void> {
  const fmt = (x: number, d = 1) => x.toFixed(d);
  const lines: string[] = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}, by \`npm run bench -- ${ns.join(' ')}\`.`);
  lines.push('');
  lines.push('| N sheets | template | convert s | astro build + search index s | total s | CPU s, user + system (all phases) | peak MB (max of phases) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|');
  for (const n of ns.filter((x) => rows.some((r) => r.n === x))) {
    for (const variant of ['site', 'bare'] as const) {
      const rs = rows.filter((r) => r.n === n && r.variant === variant);
      if (!rs.length) continue;
      const get = (p: string) => rs.find((r) => r.phase === p)?.m;
      const conv = variant === 'site' ? get('convert') : rows.find((r) => r.n === n && r.phase === 'convert')?.m;
      const total = rs.reduce((s, r) => s + r.m.wallSeconds, 0) + (variant === 'bare' && conv ? conv.wallSeconds : 0);
      const peak = Math.max(...rs.map((r) => r.m.peakMb), conv?.peakMb ?? 0);
      const phases = variant === 'bare' && conv ? [...rs.map((r) => r.m), conv] : rs.map((r) => r.m);
      const user = phases.reduce((x, m) => x + m.userSeconds, 0);
      const sys = phases.reduce((x, m) => x + m.sysSeconds, 0);
      lines.push(
        `| ${n} | ${variant === 'site' ? 'full site' : 'bare (floor)'} | ${conv ? fmt(conv.wallSeconds) : '—'}${variant === 'bare' ? ' (same)' : ''} | ${fmt(get('astro build')!.wallSeconds)} | ${fmt(total)} | ${fmt(user)} + ${fmt(sys)} | ${fmt(peak, 0)} |`,
      );
    }
  }
  lines.push('');
  lines.push('Per phase (wall s, CPU user + system s, peak MB): ' + rows.map((r) => `N=${r.n} ${r.variant} ${r.phase} ${fmt(r.m.wallSeconds)} s, ${fmt(r.m.userSeconds)} + ${fmt(r.m.sysSeconds)} s, ${fmt(r.m.peakMb, 0)} MB`).join('; ') + '.');

  const docPath = path.join(root, 'docs', 'BENCHMARKS.md');
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  let doc = existsSync(docPath) ? await readFile(docPath, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!doc.includes(START)) doc += `\n${START}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(START) + START.length) + '\n' + lines.join('\n') + '\n' + doc.slice(doc.indexOf(END));
  await writeFile(docPath, doc);
  console.log(`bench: wrote ${path.relative(root, docPath)}`);
}
