/**
 * Worker-thread entry: builds the one part given as `workerData` (build-part.ts) and posts its PartResult.
 * Closes its own Pagefind service before it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { buildPart, type PartTask } from './build-part.ts';

try {
  parentPort!.postMessage({ ok: true, result: await buildPart(workerData as PartTask) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message, stack: (err as Error).stack });
} finally {
  await pagefind.close();
}
