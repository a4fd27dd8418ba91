/**
 * `npm run convert`: converts every sheet under the inputs folder (SHEETS_DIR, default ./sheets) into
 * validated entries under CONTENT_DIR/sheets (default ./content/sheets).
 * Ends with a summary; exits 1 when any input failed (the others are still converted and written).
 */
import { convertAll } from './lib/convert-run.ts';
import { contentDir, sheetsDir } from '../src/lib/paths.ts';

const started = performance.now();
const summary = await convertAll({
  sheetsDir: sheetsDir(),
  contentDir: contentDir(),
  log: (line) => console.error(line),
});
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
