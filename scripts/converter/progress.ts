/**
 * Progress lines for a long step of `npm run build` (converting inputs, rendering pages), so a person
 * watching a build of a year or ten knows where it is without a line per item: a line each time the
 * count crosses another tenth of the total, or when 10 s have passed since the last line and the count
 * moved. The first and last counts are not printed here: the step's own start and end lines say them.
 *
 *   const progress = createProgress({ what: 'inputs', total: units.length, print: console.error, prefix: 'convert: ' });
 *   progress.update(done, `${sheets} sheets`);   // "convert: 130/1,296 inputs (10 %), 4,211 sheets, 12.3 s"
 */

export interface ProgressOptions {
  /** What is counted, plural ("inputs", "sheet pages"). */
  what: string;
  total: number;
  print: (line: string) => void;
  /** Put before each line ("convert: "). */
  prefix?: string;
  /** Milliseconds since the step started; injectable for tests. Default: since createProgress. */
  now?: () => number;
  /** Longest silence while the count moves, in ms. Default 10,000. */
  everyMs?: number;
}

export interface Progress {
  /** The count so far, and what else to say with it; prints a line when it is due. */
  update(done: number, detail?: string): void;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function createProgress(opts: ProgressOptions): Progress {
  const started = performance.now();
  const now = opts.now ?? (() => performance.now() - started);
  const everyMs = opts.everyMs ?? 10_000;
  let lastTenth = 0;
  let lastAt = now();
  let lastDone = 0;
  return {
    update(done: number, detail?: string): void {
      if (opts.total <= 0 || done <= lastDone || done >= opts.total) return;
      const tenth = Math.floor((done * 10) / opts.total);
      const at = now();
      if (tenth <= lastTenth && at - lastAt < everyMs) return;
      lastTenth = Math.max(lastTenth, tenth);
      lastAt = at;
      lastDone = done;
      const pct = Math.floor((done * 100) / opts.total);
      opts.print(`${opts.prefix ?? ''}${count(done)}/${count(opts.total)} ${opts.what} (${pct} %)${detail ? `, ${detail}` : ''}, ${(at / 1000).toFixed(1)} s`);
    },
  };
}
