/**
 * Worker-thread entry: builds the one part described by `workerData` (a PartTask, build-part.ts) from the
 * pages posted to it ({ type: 'page', page } … then { type: 'end' }), and posts its PartResult.
 * Closes its own Pagefind service (started only by the primary part, for Pagefind's code files) before it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { buildPart, type PartTask } from './build-part.ts';
import { PageQueue, type PageInput } from './page-queue.ts';

export type PartMessage = { type: 'page'; page: PageInput } | { type: 'end' };

const queue = new PageQueue();
parentPort!.on('message', (msg: PartMessage) => (msg.type === 'page' ? queue.push(msg.page) : queue.end()));
try {
  parentPort!.postMessage({ ok: true, result: await buildPart(workerData as PartTask, queue) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message, stack: (err as Error).stack });
} finally {
  await pagefind.close();
  parentPort!.close();
}
