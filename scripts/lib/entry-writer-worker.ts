/**
 * Worker-thread entry of entry-writer.ts: writes each entry posted to it ({ file, content }) with
 * writeAtomic, in order, and answers { type: 'done', written, failures } to { type: 'end' }.
 */
import { parentPort } from 'node:worker_threads';
import { writeAtomic } from './entries-store.ts';
import type { WriterMessage, WriterReply } from './entry-writer.ts';

let written = 0;
const failures: { file: string; message: string }[] = [];
parentPort!.on('message', (msg: WriterMessage) => {
  if (msg.type === 'write') {
    try {
      if (writeAtomic(msg.file, msg.content)) written += 1;
    } catch (err) {
      failures.push({ file: msg.file, message: (err as Error).message });
    }
    return;
  }
  const reply: WriterReply = { type: 'done', written, failures };
  parentPort!.postMessage(reply);
  parentPort!.close();
});
