/**
 * `npm run build` (scripts/build.ts) under faults, on a small sheet set of its own (the two text samples
 * and 4 RS projects cut from sheets/rs2024) in a temporary folder — not the shared test sites:
 * - one bad input of each form (an empty text sheet, a corrupt zip, a renamed key column, a malformed
 *   JSON file) costs only itself: every other page is built, the failures are on /data-quality/ and in
 *   the report, no stack trace is printed, and the build exits non-zero;
 * - builds killed at several points (SIGKILL of the process group, of the build process alone and of
 *   Astro alone; SIGINT; SIGKILL at each point of the swap, held there by BUILD_TEST_PAUSE) leave dist/
 *   the last good site or the new one, never a mix, never absent, and content/ one run's entries; no
 *   process is left running; the next build recovers. The one gap, a dist/ folder of an older build
 *   moved aside for the first link, is put right by the next build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsFolder } from '../../scripts/bench/generate-rs.ts';
import { readReport } from '../../src/schema/convert-report.ts';
import { PROJECT_ROOT } from '../support/sites.ts';
import { closeServed, openPage, serveAndLaunch } from '../support/browser.ts';
import { readPage } from '../support/site-text.ts';

const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(tmpdir(), 'build-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const T11 = '1-1_RS_2024_基本情報_組織情報';
const T21 = '2-1_RS_2024_予算・執行_サマリ.csv';

interface Build {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>;
}

/** Starts `node scripts/build.ts` in a process group of its own, as a terminal starts a command. */
function startBuild(sheetsDir: string, dir: string, extraEnv: Record<string, string> = {}): Build {
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SHEETS_DIR: sheetsDir,
      CONTENT_DIR: path.join(dir, 'content'),
      OUT_DIR: path.join(dir, 'dist'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, log })),
  );
  return { child, done };
}

/** Sheet page ids in a built site. */
function pages(dist: string): string[] {
  return existsSync(path.join(dist, 'sheets')) ? readdirSync(path.join(dist, 'sheets')).filter((f) => existsSync(path.join(dist, 'sheets', f, 'index.html'))).sort() : [];
}

/** A complete site: home, search index, every sheet page and its JSON, and nothing half-written. */
function expectComplete(dist: string, ids: string[]): void {
  expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
  expect(existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  expect(existsSync(path.join(dist, 'data-quality', 'index.html'))).toBe(true);
  expect(pages(dist)).toEqual(ids);
  for (const id of ids) expect(existsSync(path.join(dist, 'data', 'sheets', `${id}.json`))).toBe(true);
}

/** Whether a process group still has a member. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return what();
}

/** The pid of the Astro process a build started, or null. */
function astroPid(buildPid: number): number | null {
  const line = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(buildPid)], { encoding: 'utf8' })
    .stdout.split('\n').find((l) => l.includes('astro.mjs'));
  return line ? Number(line.trim().split(/\s+/)[0]) : null;
}

/** Prefixes every 事業名 of table 1-1 with "【改】" (or takes it off): every RS page changes. */
function retitle(rsDir: string, on: boolean): void {
  const file = path.join(rsDir, `${T11}.csv`);
  const text = readFileSync(file, 'utf8').replace(/^(\uFEFF?[^,\r\n]*,2024,\d+,)(?:【改】)?/gm, on ? '$1【改】' : '$1');
  writeFileSync(file, text);
}

/** The RS pages of a site, by whether their title carries "【改】": one version, never a mix. */
function version(dist: string): 'old' | 'new' | 'mix' {
  const rs = pages(dist).filter((id) => id.includes('-rs'));
  const marked = rs.filter((id) => readPage(path.join(dist, 'sheets', id, 'index.html')).includes('【改】'));
  return marked.length === 0 ? 'old' : marked.length === rs.length ? 'new' : 'mix';
}

let sheetsDir: string;
let rsDir: string;
const goodIds = ['2016-soumu-ta1599665', '2022-soumu-t7ba6565b', '2024-cas-rs1', '2024-digital-rs12', '2024-digital-rs4', '2024-digital-rs7'];

beforeAll(async () => {
  sheetsDir = path.join(work, 'sheets');
  rsDir = path.join(sheetsDir, 'rs2024');
  mkdirSync(path.join(sheetsDir, 'text'), { recursive: true });
  for (const f of readdirSync(path.join(PROJECT_ROOT, 'sheets', 'text'))) copyFileSync(path.join(PROJECT_ROOT, 'sheets', 'text', f), path.join(sheetsDir, 'text', f));
  await generateRsFolder(path.join(PROJECT_ROOT, 'sheets', 'rs2024'), rsDir, 4);
});

describe('one bad input of each form', () => {
  it('costs only itself: every other page is built, the failures are reported, the build exits non-zero', { timeout: 180_000 }, async () => {
    const bad = mkdtempSync(path.join(work, 'bad-sheets-'));
    cpSync(sheetsDir, bad, { recursive: true });
    writeFileSync(path.join(bad, 'text', 'empty.txt'), '');
    // A second RS download whose 1-1 table is a corrupt zip, and a third whose 2-1 lost its key column.
    cpSync(rsDir, path.join(bad, 'rs-zip'), { recursive: true });
    unlinkSync(path.join(bad, 'rs-zip', `${T11}.csv`));
    writeFileSync(path.join(bad, 'rs-zip', `${T11}.zip`), 'PK\u0003\u0004 cut short');
    cpSync(rsDir, path.join(bad, 'rs-column'), { recursive: true });
    const t21 = path.join(bad, 'rs-column', T21);
    writeFileSync(t21, readFileSync(t21, 'utf8').replace('予算事業ID', '予算事業番号'));
    writeFileSync(path.join(bad, 'judgit.json'), '{"事業名": "途中で切れた');
    const dir = path.join(work, 'bad');
    const { code, log } = await startBuild(bad, dir).done;
    expect(code, log).toBe(1);
    expect(log).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(log).toMatch(/build: 4 input\(s\) could not be converted \(judgit\.json, rs-column, rs-zip, text\/empty\.txt\); the site was built from every other input/);
    expectComplete(path.join(dir, 'dist'), goodIds);
    const report = readReport(path.join(dir, 'content'))!;
    expect(report.failedInputs).toEqual(['judgit.json', 'rs-column', 'rs-zip', 'text/empty.txt']);
    const errors = Object.fromEntries(report.inputs.filter((i) => i.errors.length).map((i) => [i.file, i.errors.map((e) => `${e.file} (${e.where}): ${e.message}`)]));
    expect(errors['text/empty.txt']).toEqual(['text/empty.txt (null): the file is empty']);
    expect(errors['rs-column']).toEqual([`rs-column/${T21} (table 2-1 予算・執行_サマリ, header): required column "予算事業ID" is missing (renamed or removed); table 2-1 is not used`]);
    expect(errors['rs-zip']![0]).toMatch(new RegExp(`^rs-zip/${T11}\\.zip \\(table 1-1 基本情報_組織情報\\): .*zip.*; table 1-1 is not used$`));
    expect(errors['judgit.json']).toHaveLength(1);
    // The data-quality page names each failed input, where and why.
    const page = readFileSync(path.join(dir, 'dist', 'data-quality', 'index.html'), 'utf8');
    for (const file of report.failedInputs) expect(page).toContain(file);
    expect(page).toContain('required column &quot;予算事業ID&quot; is missing');
    expect(page).toContain('the file is empty');
    expect(readFileSync(path.join(dir, 'dist', 'about', 'index.html'), 'utf8')).toContain('href="/data-quality/"');

    // The page with failures listed: no serious axe violation, no sideways scroll at 390 px.
    const served = await serveAndLaunch({ dist: path.join(dir, 'dist'), base: '/' });
    try {
      const { page, errors, close } = await openPage(served.browser, served.server.url('data-quality/'), {
        origin: served.server.origin,
        viewport: { width: 390, height: 844 },
        waitUntil: 'networkidle',
      });
      try {
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
          return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.impact} ${v.id}`);
        });
        expect(violations.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      await closeServed(served);
    }
  });
});

describe('an entry edited by hand into an invalid one', () => {
  it('costs only itself: every other page is built, it is reported with file, field, value and expectation, the build exits non-zero', { timeout: 180_000 }, async () => {
    const dir = path.join(work, 'hand-edited');
    const content = path.join(dir, 'content');
    const converted = spawnSync(process.execPath, ['scripts/convert.ts'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, SHEETS_DIR: sheetsDir, CONTENT_DIR: content } });
    expect(converted.status, converted.stderr).toBe(0);
    const entry = path.join(content, 'sheets', '2024-digital-rs4.md');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^fiscalYear: 2024$/m, 'fiscalYear: "令和6年度"'));
    // As a person who edits content/ runs the site build: `astro build`, no converter.
    const built = spawnSync(process.execPath, [path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: content, OUT_DIR: path.join(dir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1', CONVERT_RUN_ID: '', CONTENT_READY_FILE: '' },
    });
    const log = `${built.stdout}${built.stderr}`;
    expect(built.status, log).toBe(1);
    expect(log).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    const problem = '2024-digital-rs4.md: does not match the sheet schema: fiscalYear = "令和6年度": Invalid input: expected number, received string';
    expect(log).toContain(problem);
    const others = goodIds.filter((id) => id !== '2024-digital-rs4');
    expectComplete(path.join(dir, 'dist'), others);
    expect(existsSync(path.join(dir, 'dist', 'data', 'sheets', '2024-digital-rs4.json'))).toBe(false);
    const report = JSON.parse(readFileSync(path.join(content, 'sheets', '.entry-problems.json'), 'utf8')) as { problems: { file: string; where: string; message: string }[] };
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.file).toMatch(/2024-digital-rs4\.md$/);
    expect(report.problems[0]!.where).toBe('fiscalYear');
    expect(report.problems[0]!.message).toBe('does not match the sheet schema: fiscalYear = "令和6年度": Invalid input: expected number, received string');
    const page = readFileSync(path.join(dir, 'dist', 'data-quality', 'index.html'), 'utf8');
    expect(page).toContain('掲載できなかったシートのファイル');
    expect(page).toContain('2024-digital-rs4.md');
    expect(page).toContain('fiscalYear = &quot;令和6年度&quot;: Invalid input: expected number, received string');
  });
});

describe('a build killed at any point', () => {
  const dir = path.join(work, 'killed');
  const dist = path.join(dir, 'dist');

  /** content/ holds one run's entries: the manifest names exactly the entries there. */
  function expectContentWhole(): void {
    const sheets = path.join(dir, 'content', 'sheets');
    const manifest = JSON.parse(readFileSync(path.join(sheets, '.manifest.json'), 'utf8')) as { inputs: Record<string, string[]>; pending?: string[] };
    const files = readdirSync(sheets).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    if (manifest.pending === undefined) expect(Object.values(manifest.inputs).flat().sort()).toEqual(files);
    else expect(files).toEqual(goodIds); // committed, not yet renamed: the next run or load finishes it
  }

  async function killedBuild(how: string, kill: (b: Build) => Promise<void>, says?: RegExp, env: Record<string, string> = {}): Promise<string> {
    const b = startBuild(sheetsDir, dir, env);
    await kill(b);
    const { log } = await b.done;
    if (says) {
      expect(log).toMatch(says);
      expect(log).toMatch(/build: FAILED/);
    }
    // Every process of the build is gone (none goes on writing), within a few seconds.
    expect(await until(() => !groupAlive(b.child.pid!), 15_000), `${how}: processes left running\n${log}`).toBe(true);
    expectComplete(dist, goodIds);
    const v = version(dist);
    expect(v, `${how}: dist/ mixes old and new pages`).not.toBe('mix');
    expectContentWhole();
    expect(log).not.toMatch(/\n\s+at .+:\d+:\d+/);
    return `${how}: ${v}`;
  }

  /** Waits until Astro has written some pages into its staging folder, so the kill lands mid-render. */
  async function midRender(): Promise<void> {
    await until(() => readdirSync(dir).some((f) => f.startsWith('.dist-staging-') && existsSync(path.join(dir, f, 'sheets'))), 60_000);
  }

  /** SIGKILL of the process group once the build says it is held at a point of the swap. */
  async function killAtPause(b: Build, point: string): Promise<void> {
    let log = '';
    b.child.stdout!.on('data', (d: Buffer) => (log += d));
    expect(await until(() => log.includes(`build: paused at ${point}`), 120_000), `never reached ${point}`).toBe(true);
    process.kill(-b.child.pid!, 'SIGKILL');
  }

  it('leaves dist/ and content/ complete and the next build recovers', { timeout: 300_000 }, async () => {
    const first = await startBuild(sheetsDir, dir).done;
    expect(first.code, first.log).toBe(0);
    expectComplete(dist, goodIds);
    expect(version(dist)).toBe('old');
    retitle(rsDir, true); // the builds below would publish new pages
    const outcomes: string[] = [];
    try {
      outcomes.push(await killedBuild('SIGKILL of the process group at 1.5 s', async (b) => {
        await new Promise((r) => setTimeout(r, 1500));
        process.kill(-b.child.pid!, 'SIGKILL');
      }));
      outcomes.push(await killedBuild('SIGKILL of the process group mid-render', async (b) => {
        await midRender();
        process.kill(-b.child.pid!, 'SIGKILL');
      }));
      outcomes.push(await killedBuild('SIGKILL of the build process alone mid-render', async (b) => {
        await midRender();
        b.child.kill('SIGKILL');
      }));
      outcomes.push(await killedBuild('SIGKILL of Astro alone', async (b) => {
        // One second after Astro started: it takes several to build even this small site.
        let astro: number | null = null;
        await until(() => (astro = astroPid(b.child.pid!)) !== null, 30_000);
        await new Promise((r) => setTimeout(r, 1000));
        process.kill(astro!, 'SIGKILL');
      }, /build: astro build \+ search index FAILED \(exit 137\)/));
      outcomes.push(await killedBuild('SIGINT (Ctrl-C) to the build process at 2 s', async (b) => {
        await new Promise((r) => setTimeout(r, 2000));
        b.child.kill('SIGINT');
      }, /build: SIGINT: stopping/));
      // The swap: the site complete and renamed, its link made but not yet renamed over dist (the old
      // site stays); then the link renamed over dist, the old site not yet deleted (the new one is in).
      outcomes.push(await killedBuild('SIGKILL just before the swap', (b) => killAtPause(b, 'swap'), undefined, { BUILD_TEST_PAUSE: 'swap' }));
      expect(version(dist)).toBe('old');
      outcomes.push(await killedBuild('SIGKILL just after the swap', (b) => killAtPause(b, 'swapped'), undefined, { BUILD_TEST_PAUSE: 'swapped' }));
      expect(version(dist)).toBe('new');
    } finally {
      process.stderr.write(`[build-faults] ${outcomes.join('; ')}\n`);
    }
    // The next build recovers: the new site, complete, and nothing left behind by the stopped ones.
    const next = await startBuild(sheetsDir, dir).done;
    expect(next.code, next.log).toBe(0);
    expectComplete(dist, goodIds);
    expect(version(dist)).toBe('new');
    // dist is a link to the one site folder beside it; nothing else is left.
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.dist-'))).toEqual([readlinkSync(dist)]);

    // A dist/ folder from an older build is moved aside for the first link: a build killed in that one
    // gap leaves no dist/, and the next build puts the folder back before anything else.
    const site = path.join(dir, readlinkSync(dist));
    unlinkSync(dist);
    renameSync(site, dist);
    retitle(rsDir, false);
    const b = startBuild(sheetsDir, dir, { BUILD_TEST_PAUSE: 'first-link' });
    await killAtPause(b, 'first-link');
    await b.done;
    expect(await until(() => !groupAlive(b.child.pid!), 15_000)).toBe(true);
    expect(existsSync(dist)).toBe(false);
    const after = await startBuild(sheetsDir, dir, { BUILD_TEST_PAUSE: 'swap' });
    await killAtPause(after, 'swap'); // the folder is back before this build swaps anything
    const { log } = await after.done;
    expect(log).toMatch(/build: put back the site a stopped build had set aside \(\.dist-previous-\d+\)/);
    expectComplete(dist, goodIds);
    expect(lstatSync(dist).isDirectory()).toBe(true);
    expect(version(dist)).toBe('new');
    const last = await startBuild(sheetsDir, dir).done;
    expect(last.code, last.log).toBe(0);
    expect(version(dist)).toBe('old');
    expect(readdirSync(dir).filter((f) => f.startsWith('.dist-'))).toEqual([readlinkSync(dist)]);
  });
});
