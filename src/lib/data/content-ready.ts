/**
 * Lets Astro start while the converter is still writing the entries: `npm run build` (scripts/build.ts)
 * starts both at once and names, in CONTENT_READY_FILE, a file it writes when the converter has exited
 * ("ok", or why not). The content loader waits for it before reading any entry.
 *
 * Why: Astro spends its first ≈ 3 s (loading the config, Vite, the integrations) on one core before the
 * loader runs, and the converter uses about one core and a third; on a 2-core machine the two together
 * take less time than one after the other (docs/BENCHMARKS.md). Without the variable (astro build or dev
 * run directly) the loader reads the entries at once, as before.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const CONTENT_READY_ENV = 'CONTENT_READY_FILE';
/** What the file holds when the converter succeeded. */
export const CONTENT_READY_OK = 'ok';
/** How often the file is looked for: a poll, as fs.watch is not reliable on every file system. */
const POLL_MS = 25;

/**
 * Resolves once the converter is done, with the seconds waited for it (0 when not waiting); throws when it
 * crashed or was stopped (no site is built from that; a run that failed some inputs is "ok": its entries
 * are whole, scripts/build.ts).
 */
export async function waitForContent(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const file = env[CONTENT_READY_ENV];
  if (!file) return 0;
  const started = performance.now();
  for (;;) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await sleep(POLL_MS);
      continue;
    }
    if (text === '') {
      // Written by another process: seen between its creation and its content.
      await sleep(POLL_MS);
      continue;
    }
    if (text === CONTENT_READY_OK) return (performance.now() - started) / 1000;
    throw new Error(`the converter did not succeed (${text || 'no reason given'}); the site is not built`);
  }
}
