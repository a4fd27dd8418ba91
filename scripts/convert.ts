/**
 * `npm run convert`: converts every sheet under the inputs folder (SHEETS_DIR, default ./sheets) into
 * validated entries under CONTENT_DIR/sheets (default ./content/sheets).
 * Ends with a summary; exits 1 when any input failed (the others are still converted and written), 2
 * when the folders cannot be read or written (nothing is changed then: entries-store.ts).
 */
import { convertAll } from './converter/run.ts';
import { contentDir, sheetsDir } from '../src/shared/paths.ts';
import { listing } from '../src/lib/data/sheet-listing.ts';

const started = performance.now();
let summary: Awaited<ReturnType<typeof convertAll>>;
try {
  summary = await convertAll({
    sheetsDir: sheetsDir(),
    contentDir: contentDir(),
    log: (line) => console.error(line),
    listing,
  });
} catch (err) {
  // A folder that cannot be read or written (missing, no permission, a full disk) is an expected
  // failure: its message, no stack trace. Anything else is a bug and keeps its stack.
  if (!(err as NodeJS.ErrnoException).code || !(err as NodeJS.ErrnoException).syscall) throw err;
  console.error(`convert: FAILED: ${(err as Error).message}`);
  process.exit(2);
}
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `convert: ${summary.converted} sheets converted from ${summary.inputs} inputs ` +
    `(${summary.written} written, ${summary.removed.length} removed), ` +
    `${summary.failedInputs.length} inputs failed with ${summary.errors.length} errors, ` +
    `${summary.warnings} data-quality warnings in ${summary.sheetsWithWarnings} sheets, ` +
    `${summary.notices.length} notices, ${secs}s`,
);
if (summary.failedInputs.length) {
  console.error(`convert: FAILED inputs: ${summary.failedInputs.join(', ')}`);
  process.exitCode = 1;
}
