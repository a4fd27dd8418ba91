/**
 * Keeps `npm ci` working with a package-lock.json made where the registry does not serve every platform's
 * binary package (the registry mirror here has @pagefind/linux-x64 but not @pagefind/darwin-arm64 …).
 * `npm install` then leaves those optional dependencies out of the lockfile, and `npm ci` refuses it:
 * "package.json and package-lock.json … are not in sync. Missing: @pagefind/darwin-arm64@ from lock file".
 *
 * This adds, for each optional dependency missing from the lockfile whose name says it is for another
 * platform, an entry with that platform's `os`/`cpu`/`libc` and `optional: true`. npm skips such entries on
 * other platforms without fetching anything, and resolves them from the registry on their own platform.
 * Entries for this machine's platform are never stubbed (they must really be installed).
 *
 *   node .ci/lock-platform-stubs.ts          add missing entries (prints them)
 *   node .ci/lock-platform-stubs.ts --check  exit 1 if any are missing
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

function platformOf(name: string): { os?: string; cpu?: string; libc?: string } {
  const n = name.split('/').pop() ?? name;
  const os = /darwin/.test(n) ? 'darwin'
    : /win32|windows/.test(n) ? 'win32'
    : /freebsd/.test(n) ? 'freebsd'
    : /openbsd/.test(n) ? 'openbsd'
    : /netbsd/.test(n) ? 'netbsd'
    : /android/.test(n) ? 'android'
    : /sunos/.test(n) ? 'sunos'
    : /aix/.test(n) ? 'aix'
    : /linux/.test(n) ? 'linux'
    : undefined;
  const cpu = /arm64|aarch64/.test(n) ? 'arm64'
    : /x64|x86_64|amd64/.test(n) ? 'x64'
    : /ia32|x86/.test(n) ? 'ia32'
    : /wasm32/.test(n) ? 'wasm32'
    : /arm/.test(n) ? 'arm'
    : /riscv64/.test(n) ? 'riscv64'
    : /ppc64/.test(n) ? 'ppc64'
    : /s390x/.test(n) ? 's390x'
    : /loong64/.test(n) ? 'loong64'
    : undefined;
  const libc = /musl/.test(n) ? 'musl' : /gnu/.test(n) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

function isThisPlatform(p: { os?: string; cpu?: string; libc?: string }): boolean {
  if (p.os === undefined && p.cpu === undefined) return true; // cannot tell: never stub
  if (p.os !== undefined && p.os !== process.platform) return false;
  if (p.cpu !== undefined && p.cpu !== process.arch) return false;
  if (p.libc === 'musl' && process.platform === 'linux') {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    if (report?.header?.glibcVersionRuntime) return false;
  }
  return true;
}

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const packages = lock.packages;
const added: string[] = [];
for (const [key, entry] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency from the nearest node_modules up the tree.
    const parents = key === '' ? [''] : [key, ...key.split('/node_modules/').map((_, i, all) => all.slice(0, i).join('/node_modules/'))];
    if (parents.some((p) => packages[p === '' ? `node_modules/${dep}` : `${p}/node_modules/${dep}`])) continue;
    const platform = platformOf(dep);
    if (isThisPlatform(platform)) {
      console.error(`lock-platform-stubs: ${dep} is missing from ${file} but may be needed here; not stubbing it`);
      continue;
    }
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) {
      console.error(`lock-platform-stubs: ${dep}@${range} is not an exact version; not stubbing it`);
      continue;
    }
    const stub: LockEntry = { version: range, optional: true };
    if (platform.cpu) stub.cpu = [platform.cpu];
    if (platform.os) stub.os = [platform.os];
    if (platform.libc) stub.libc = [platform.libc];
    packages[`node_modules/${dep}`] = stub;
    added.push(`${dep}@${range}`);
  }
}

if (process.argv.includes('--check')) {
  if (added.length) {
    console.error(`lock-platform-stubs: ${file} lacks ${added.length} platform entries: ${added.join(', ')}`);
    process.exit(1);
  }
} else if (added.length) {
  // npm writes packages sorted by path with the root first; keep that so later npm runs make no diff.
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
  );
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.error(`lock-platform-stubs: added ${added.length} other-platform entries to ${file}: ${added.join(', ')}`);
}
