/**
 * Astro starting while the converter writes (src/lib/content-ready.ts, scripts/build.ts): the content
 * loader waits for the converter's word, goes on when it succeeded, and stops the build when it failed;
 * and a build whose convert fails exits with the converter's code and leaves the previous site in place.
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_READY_ENV, CONTENT_READY_OK, waitForContent } from '../../src/lib/content-ready.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('waitForContent', () => {
  it('does not wait when no converter runs alongside', async () => {
    expect(await waitForContent({})).toBe(0);
  });

  it('waits until the converter has written that it succeeded', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-ready-'));
    try {
      const file = path.join(dir, 'ready');
      setTimeout(() => void writeFile(file, CONTENT_READY_OK), 300);
      const waited = await waitForContent({ [CONTENT_READY_ENV]: file });
      expect(waited).toBeGreaterThan(0.25);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops with the reason when the converter failed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-ready-'));
    try {
      const file = path.join(dir, 'ready');
      await writeFile(file, 'the converter exited with code 1');
      await expect(waitForContent({ [CONTENT_READY_ENV]: file })).rejects.toThrow(
        'the converter did not succeed (the converter exited with code 1); the site is not built',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run build (scripts/build.ts) when the convert fails', () => {
  it("exits with the converter's code, Astro stops at its loader, and the previous output stays", async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'build-failed-convert-'));
    try {
      const sheetsDir = path.join(tmp, 'sheets');
      const outDir = path.join(tmp, 'dist');
      // A real sample and an empty file, which the converter reports as not a review sheet.
      await cp(path.join(root, 'sheets', 'text', '000_ef263abaeb28aada.txt'), path.join(sheetsDir, 'text', 'a.txt'));
      await cp(path.join(root, 'tests', 'fixtures', 'bad-text', 'empty.txt'), path.join(sheetsDir, 'text', 'empty.txt'));
      await mkdir(outDir);
      await writeFile(path.join(outDir, 'index.html'), 'the previous site');
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'build.ts')], {
        cwd: root,
        env: { ...process.env, SHEETS_DIR: sheetsDir, CONTENT_DIR: path.join(tmp, 'content'), OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, output).toBe(1);
      expect(output).toMatch(/error: text\/empty\.txt/);
      expect(output).toMatch(/build: convert FAILED \(exit 1\)/);
      expect(output).toMatch(/the converter did not succeed \(the converter exited with code 1\)/);
      expect(output).toMatch(/build: FAILED \(exit 1\)/);
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('the previous site');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
