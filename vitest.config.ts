/**
 * Two test projects:
 * - `unit`: tests/unit/**  — modules in isolation, on the real sample sheets; no build, seconds.
 * - `site`: tests/site/**  — the built site (links, accessibility, XSS, search, pages) in Chromium. Its
 *   globalSetup (tests/support/build-sites.ts) builds the test sites once per run into .test-sites/;
 *   REUSE_SITES=1 keeps existing builds for fast local iteration.
 * `npm test` runs both; `npm run test:unit` / `npm run test:site` run one.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Many tests read the whole real RS sample (tests/support/sample-records.ts) on first use: about 3 s
          // alone since table 5-1 ships, and several times that with all files in parallel on 2 shared cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/build-sites.ts'],
          // Each file drives its own Chromium; one file at a time keeps 2-core CI machines responsive
          // and page timings (charts, search) far from the timeouts.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
