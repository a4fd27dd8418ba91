/**
 * `npm run build` (scripts/build.ts) when the convert fails: a build whose convert fails an input is built
 * from the other inputs and exits with the converter's code, while one whose converter cannot run leaves
 * the previous site in place. Whole builds, so in the site project (moved from tests/unit/content-ready.test.ts).
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPage } from '../support/site-text.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `node scripts/build.ts` with the given folders; resolves with its exit code and output. */
async function build(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.ts')], {
    cwd: root,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

describe('npm run build (scripts/build.ts) when the convert fails', () => {
  // This expectation changed with issue 17: a failed input used to stop Astro at its loader (no site);
  // now it costs only itself.
  it('an input that fails: the site is built from the others, the build exits with the converter\'s code', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'build-failed-convert-'));
    try {
      const sheetsDir = path.join(tmp, 'sheets');
      const outDir = path.join(tmp, 'dist');
      // A real sample and an empty file, which the converter reports as not a review sheet.
      await cp(path.join(root, 'sheets', 'text', '000_ef263abaeb28aada.txt'), path.join(sheetsDir, 'text', 'a.txt'));
      await cp(path.join(root, 'tests', 'fixtures', 'bad-text', 'empty.txt'), path.join(sheetsDir, 'text', 'empty.txt'));
      await mkdir(outDir);
      await writeFile(path.join(outDir, 'index.html'), 'the previous site');
      const { code, output } = await build({ SHEETS_DIR: sheetsDir, CONTENT_DIR: path.join(tmp, 'content'), OUT_DIR: outDir });
      expect(code, output).toBe(1);
      expect(output).toMatch(/error: text\/empty\.txt \(line 1\)|error: text\/empty\.txt: the file is empty/);
      expect(output).toMatch(/build: convert FAILED \(exit 1\)/);
      expect(output).toMatch(/build: 1 input\(s\) could not be converted \(text\/empty\.txt\); the site was built from every other input/);
      expect(output).toMatch(/build: FAILED \(exit 1\)/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
      expect(readPage(path.join(outDir, 'sheets', '2022-soumu-t7ba6565b', 'index.html'))).toContain('サイバーセキュリティ情報共有推進事業');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('a converter that cannot run (no inputs folder): Astro is stopped, the previous output stays, no stack trace', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'build-failed-convert-'));
    try {
      const outDir = path.join(tmp, 'dist');
      await mkdir(outDir);
      await writeFile(path.join(outDir, 'index.html'), 'the previous site');
      const { code, output } = await build({ SHEETS_DIR: path.join(tmp, 'missing'), CONTENT_DIR: path.join(tmp, 'content'), OUT_DIR: outDir });
      expect(code, output).toBe(2);
      expect(output).toMatch(/convert: FAILED: ENOENT: no such file or directory, scandir '.*missing'/);
      expect(output).toMatch(/build: the converter did not finish \(exit 2\); no site is built/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('the previous site');
      expect((await readdir(tmp)).sort()).toEqual(['dist']); // no staging folder left behind
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
