/**
 * Worker-thread entry of entry-writer.ts: stages each entry posted to it ({ file, content }) with
 * writeStaged (entries-store.ts), in order, and answers { type: 'done', written, failures } to { type: 'end' }.
 */
import { parentPort } from 'node:worker_threads';
import { writeStaged } from './entries-store.ts';
import type { WriterMessage, WriterReply } from './entry-writer.ts';

const written: string[] = [];
const failures: { file: string; message: string }[] = [];
parentPort!.on('message', (msg: WriterMessage) => {
  if (msg.type === 'write') {
    try {
      if (writeStaged(msg.file, msg.content)) written.push(msg.file);
    } catch (err) {
      failures.push({ file: msg.file, message: (err as Error).message });
    }
    return;
  }
  const reply: WriterReply = { type: 'done', written, failures };
  parentPort!.postMessage(reply);
  parentPort!.close();
});
