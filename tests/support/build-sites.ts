/**
 * globalSetup of the `site` test project: builds every site the site tests need, once per run, into
 * .test-sites/<name>/{dist,content}, by running the real build (`node scripts/build.ts`) with
 * SITE/BASE/OUT_DIR/SHEETS_DIR/CONTENT_DIR set. Builds run one after another (Astro's cache under
 * node_modules/.astro is shared, and the machine has 2 cores). Tests read the paths with
 * `builtSite(name)` from tests/support/sites.ts.
 *
 * Environment:
 * - REUSE_SITES=1  keep a site whose dist/index.html already exists (fast local iteration; stale if the
 *                  code or sheets changed since — never set in CI).
 * - TEST_SITES=root,base  build only these (tests that need another site then fail saying so).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, SITES_MANIFEST, SITES_ROOT, SITE_SPECS, TEST_SITE_ORIGIN } from './sites.ts';
import type { BuiltSite, BuiltSites, SiteSpec } from './sites.ts';

function runBuild(env: NodeJS.ProcessEnv, log: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log);
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end(() => resolve(code ?? (signal ? 128 : 1)));
    });
  });
}

async function tail(file: string, lines: number): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}

async function buildSite(spec: SiteSpec, reuse: boolean): Promise<BuiltSite> {
  const dir = path.join(SITES_ROOT, spec.name);
  const site: BuiltSite = {
    ...spec,
    dist: path.join(dir, 'dist'),
    contentDir: path.join(dir, 'content'),
    sheetsPath: path.join(PROJECT_ROOT, spec.sheetsDir),
    site: TEST_SITE_ORIGIN,
    log: path.join(dir, 'build.log'),
    seconds: 0,
  };
  if (reuse && existsSync(path.join(site.dist, 'index.html'))) {
    process.stderr.write(`[site build] ${spec.name}: reusing ${path.relative(PROJECT_ROOT, site.dist)} (REUSE_SITES=1)\n`);
    return site;
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  process.stderr.write(`[site build] ${spec.name}: building (BASE=${spec.base}, SHEETS_DIR=${spec.sheetsDir}) …\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, SITE: site.site };
  if (spec.noSite) delete env.SITE;
  const code = await runBuild(
    {
      ...env,
      BASE: spec.base,
      OUT_DIR: site.dist,
      SHEETS_DIR: site.sheetsPath,
      CONTENT_DIR: site.contentDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    site.log,
  );
  site.seconds = Math.round((Date.now() - started) / 100) / 10;
  if (code !== 0 || !existsSync(path.join(site.dist, 'index.html'))) {
    throw new Error(
      `building test site "${spec.name}" failed (exit ${code}; log ${path.relative(PROJECT_ROOT, site.log)}):\n` +
        (await tail(site.log, 40)),
    );
  }
  process.stderr.write(`[site build] ${spec.name}: done in ${site.seconds}s\n`);
  return site;
}

export default async function setup(project: TestProject): Promise<void> {
  const reuse = process.env.REUSE_SITES === '1';
  const only = process.env.TEST_SITES?.split(',').map((s) => s.trim()).filter(Boolean);
  const sites: BuiltSites = {};
  await mkdir(SITES_ROOT, { recursive: true });
  for (const spec of SITE_SPECS) {
    if (only && !only.includes(spec.name)) continue;
    sites[spec.name] = await buildSite(spec, reuse);
  }
  await writeFile(SITES_MANIFEST, `${JSON.stringify(sites, null, 2)}\n`);
  project.provide('sites', sites);
}
