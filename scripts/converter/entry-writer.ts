/**
 * Writes the converter's entries on a second thread (entry-writer-worker.ts), so the main thread goes on
 * reading and building records while the files are written: an entry takes five file calls (read to
 * compare, mkdir, write, rename), ≈ 2–3 s of the ≈ 9 s convert of a year of sheets (5,664 entries,
 * docs/BENCHMARKS.md), and this machine has two cores. Entries are staged in the order given
 * (entries-store.ts writeStaged: beside their place until the run commits); a failed write is reported
 * by `close`, not thrown.
 */
import { Worker } from 'node:worker_threads';

export type WriterMessage = { type: 'write'; file: string; content: string } | { type: 'end' };
/** `written`: the files staged (their content changed); `failures`: the writes that failed. */
export type WriterReply = { type: 'done'; written: string[]; failures: { file: string; message: string }[] };

export interface EntryWriter {
  /** Queues `content` to be written to `file`. */
  write(file: string, content: string): void;
  /** Waits for every queued write: the files staged, and the writes that failed. */
  close(): Promise<WriterReply>;
}

export function startEntryWriter(): EntryWriter {
  const worker = new Worker(new URL('./entry-writer-worker.ts', import.meta.url));
  const done = new Promise<WriterReply>((resolve, reject) => {
    worker.once('message', (reply: WriterReply) => resolve(reply));
    worker.once('error', (err: Error) => reject(new Error(`entry writer: ${err.message}`, { cause: err })));
    worker.once('exit', (code) => reject(new Error(`entry writer: worker exited with code ${code} before it was done`)));
  });
  // Until close is called, a failure is only recorded (close re-raises it).
  done.catch(() => {});
  return {
    write(file, content) {
      worker.postMessage({ type: 'write', file, content } satisfies WriterMessage);
    },
    async close() {
      worker.postMessage({ type: 'end' } satisfies WriterMessage);
      return done;
    },
  };
}
