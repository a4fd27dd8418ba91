/**
 * What the whole-site benches share (`npm run bench:judgit`, the five real JUDGIT years; `npm run
 * bench:52000`, the decade of scripts/bench/generate-decade.ts): unpack the shared years, run
 * `npm run build` once into empty folders and measure it (scripts/bench/measure.ts), weigh `dist/` by top
 * folder, measure a cold search of the five terms (scripts/bench/search-cost.ts), and write the result
 * between a bench's own markers in docs/BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveDist } from '../../tests/support/server.ts';
import type { StepReport } from '../build.ts';
import { artifactBytes, folderSize, measure, type Measured } from './measure.ts';
import { coldSearch, resultsTraffic, type ColdSearch } from './search-cost.ts';
import { BENCH_TERMS } from './terms.ts';

const MB = 2 ** 20;
const fmt = (x: number, d = 1) => x.toFixed(d);

/**
 * Where the shared JUDGIT years are: JUDGIT_YEARS_DIR, else ../shared/data/judgit-years beside the project
 * (or beside its git worktree, one level deeper), as tests/support/judgit-years.ts finds them.
 */
export function judgitYearsDir(root: string): string {
  if (process.env.JUDGIT_YEARS_DIR) return path.resolve(root, process.env.JUDGIT_YEARS_DIR);
  const near = [path.join(root, '../shared/data/judgit-years'), path.join(root, '../../shared/data/judgit-years')];
  return near.find((d) => existsSync(d)) ?? near[0]!;
}

/**
 * The `data-<year>.tar.gz` files of `yearsDir` unpacked once into `dest` (`dest/judgit/data/<year>/…`),
 * kept for the next run (a `.complete` marker is written last). Returns the archives' names.
 */
export async function unpackJudgitYears(yearsDir: string, dest: string, label: string): Promise<string[]> {
  const tarballs = readdirSync(yearsDir).filter((f) => /^data-\d{4}\.tar\.gz$/.test(f)).sort();
  if (tarballs.length === 0) throw new Error(`${label}: no data-<year>.tar.gz in ${yearsDir}`);
  if (!existsSync(path.join(dest, '.complete'))) {
    await rm(dest, { recursive: true, force: true });
    await mkdir(dest, { recursive: true });
    for (const t of tarballs) {
      console.log(`${label}: unpacking ${t}…`);
      execFileSync('tar', ['-xzf', path.join(yearsDir, t), '-C', dest]);
    }
    await writeFile(path.join(dest, '.complete'), '');
  }
  return tarballs;
}

/**
 * The site's address and path as the GitHub Pages workflow builds it (.github/workflows: SITE the Pages
 * origin, BASE the repository's path): every link and the canonical URL carry them, ≈ 3 % of the site's
 * bytes, so the benches measure what is deployed.
 */
export const DEPLOY_SITE = 'https://review-sheets.example';
export const DEPLOY_BASE = '/review-sheet-site/';

export interface SiteRun {
  sheets: number;
  m: Measured;
  steps: StepReport[];
  site: { bytes: number; files: number };
  /** What GitHub Pages' 1 GB is checked against: the workflow's artifact (artifactBytes). */
  artifact: number;
  /** dist/'s top folders (and its top files together as "(files at the top)"), largest first. */
  parts: { name: string; bytes: number; files: number }[];
}

/**
 * `npm run build` (scripts/build.ts) on `sheetsDir` into `work/content` and `work/dist`, both made empty
 * first, as a build on a fresh clone is; measured. The old folders are moved aside and deleted after the
 * run (creating files right after deleting many is dearer on this disk: docs/BENCHMARKS.md).
 */
export async function buildAndMeasure(root: string, work: string, sheetsDir: string, label: string): Promise<SiteRun> {
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  const trash = path.join(work, '.trash');
  await mkdir(trash, { recursive: true });
  for (const dir of [content, dist]) {
    if (!existsSync(dir) && !isLink(dir)) continue;
    // dist is a link to its site folder (scripts/build.ts): the folder goes aside too.
    if (isLink(dir)) {
      const site = path.resolve(work, readlinkSync(dir));
      if (existsSync(site)) await rename(site, path.join(trash, `site-${Date.now()}`));
    }
    await rename(dir, path.join(trash, `${path.basename(dir)}-${Date.now()}`));
  }
  const report = path.join(work, '.build-report.json');
  await rm(report, { force: true });
  console.log(`${label}: npm run build on ${sheetsDir}…`);
  const m = await measure(
    process.execPath,
    [path.join(root, 'scripts', 'build.ts')],
    { ...process.env, SHEETS_DIR: sheetsDir, CONTENT_DIR: content, OUT_DIR: dist, BUILD_REPORT: report, SITE: DEPLOY_SITE, BASE: DEPLOY_BASE },
    root,
  );
  await rm(trash, { recursive: true, force: true });
  if (m.code !== 0) throw new Error(`${label}: the build failed (exit ${m.code})`);
  const { steps } = JSON.parse(await readFile(report, 'utf8')) as { steps: StepReport[] };
  const sheets = readdirSync(path.join(content, 'sheets')).filter((f) => f.endsWith('.md')).length;
  console.log(`${label}: measuring the Pages artifact (tar, gzip -6)…`);
  return { sheets, m, steps, site: folderSize(dist), artifact: await artifactBytes(dist), parts: topFolders(dist) };
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Bytes and files of each top folder of a built site; its top-level files together. */
export function topFolders(dist: string): SiteRun['parts'] {
  const parts: SiteRun['parts'] = [];
  const top = { name: '(files at the top)', bytes: 0, files: 0 };
  for (const e of readdirSync(dist, { withFileTypes: true })) {
    if (e.isDirectory()) parts.push({ name: `${e.name}/`, ...folderSize(path.join(dist, e.name)) });
    else if (e.isFile()) {
      top.bytes += lstatSync(path.join(dist, e.name)).size;
      top.files += 1;
    }
  }
  if (top.files > 0) parts.push(top);
  return parts.sort((a, b) => b.bytes - a.bytes);
}

/** A cold search of each of the five terms on the built site (served at DEPLOY_BASE, as the benches build it). */
export async function coldSearches(dist: string, terms: readonly string[] = BENCH_TERMS): Promise<ColdSearch[]> {
  const server = await serveDist(dist, { base: DEPLOY_BASE });
  try {
    const browser = await launchBrowser();
    try {
      const out: ColdSearch[] = [];
      for (const term of terms) out.push(await coldSearch(browser, server.url('search/'), term));
      return out;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/** The Markdown a bench writes: its run, dist/ by top folder, and the cold searches; `detail` says what it ran on. */
export function runLines(run: SiteRun, searches: readonly ColdSearch[], command: string, detail: string): string[] {
  const { m, steps, site, parts, sheets } = run;
  const kb = (b: number) => (b / 1024).toFixed(0);
  const stepText = steps.map((s) => `${s.name} done at ${fmt(s.endSeconds)} s`).join(', ');
  const peaks = Object.entries(m.peakMbOf).map(([k, v]) => `${k} ${fmt(v, 0)} MB`).join(', ');
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}, by \`${command}\` (${detail}), built as deployed (SITE ${DEPLOY_SITE}, BASE ${DEPLOY_BASE}). MB are 2²⁰ bytes; the Pages artifact is dist/ as the Pages workflow uploads it (a tar, compressed; measured as gzip -6), what GitHub checks against its 1 GB.`,
    '',
    '| sheets | total s | steps | CPU s, user + system | steal s | peak MB (whole pipeline; per step) | dist/ MB, files | per sheet, KB | Pages artifact MB |',
    '|---:|---:|---|---:|---:|---|---:|---:|---:|',
    `| ${sheets} | ${fmt(m.wallSeconds)} | ${stepText} | ${fmt(m.userSeconds)} + ${fmt(m.sysSeconds)} | ${fmt(m.stealSeconds)} | ${fmt(m.peakMb, 0)}; ${peaks} | ${fmt(site.bytes / MB)}, ${site.files} | ${fmt(site.bytes / 1024 / sheets)} | ${fmt(run.artifact / MB)} |`,
    '',
    '| dist/ part | MB | files | KB a sheet |',
    '|---|---:|---:|---:|',
    ...parts.map((p) => `| ${p.name} | ${fmt(p.bytes / MB)} | ${p.files} | ${fmt(p.bytes / 1024 / sheets)} |`),
    '',
    'Cold search (a new browser context, `search/?q=<term>`; plain static server, bytes as stored). Up to the first result list, the sheets\' (index, the shown results, the page), then what searching the payee profiles adds once that list is shown (their bundle, and the fragments of profiles the whole list shows), until the network is idle:',
    '',
    '| term | hits | index: requests, KB | shown results (fragments; excerpts\' record blocks): requests, KB | first list with the page: requests, KB | ms to the first list | then the payee profiles: requests, KB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...searches.map((c) => {
      const results = resultsTraffic(c);
      const all = { requests: c.index.requests + results.requests + c.page.requests, bytes: c.index.bytes + results.bytes + c.page.bytes };
      return `| ${c.term} | ${c.hits} | ${c.index.requests}, ${kb(c.index.bytes)} | ${results.requests}, ${kb(results.bytes)} | ${all.requests}, ${kb(all.bytes)} | ${c.ms.toFixed(0)} | ${c.profiles.requests}, ${kb(c.profiles.bytes)} |`;
    }),
  ];
}

/**
 * Replaces what is between `start` and `end` in docs/BENCHMARKS.md with `lines`; when the markers are not
 * there yet, adds them at the end under `heading`. The rest of the file is left as it is.
 */
export async function writeBenchSection(root: string, start: string, end: string, heading: string, lines: readonly string[]): Promise<string> {
  const docPath = path.join(root, 'docs', 'BENCHMARKS.md');
  let doc = await readFile(docPath, 'utf8');
  if (!doc.includes(start)) doc += `\n## ${heading}\n\n${start}\n${end}\n`;
  doc = doc.slice(0, doc.indexOf(start) + start.length) + '\n' + lines.join('\n') + '\n' + doc.slice(doc.indexOf(end));
  await writeFile(docPath, doc);
  return docPath;
}
