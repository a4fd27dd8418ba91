/**
 * Astro starting while the converter writes (src/lib/data/content-ready.ts, scripts/build.ts): the content
 * loader waits for the converter's word, goes on when it succeeded, and stops the build when it failed.
 * (What a whole build does when the convert fails runs the real build: tests/site/build-convert-fails.test.ts.)
 */
import { describe, it, expect } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_READY_ENV, CONTENT_READY_OK, waitForContent } from '../../src/lib/data/content-ready.ts';

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
