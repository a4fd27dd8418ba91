/**
 * The build report: what the last converter run could not read, written by the converter
 * (scripts/converter/run.ts) to `content/sheets/.report.json` and shown on the site's data-quality page
 * (src/pages/data-quality.astro). `npm run build` (scripts/build.ts) reads it to tell a run that failed
 * some inputs (the entries are whole: the site is built from them, and the build exits non-zero) from a
 * converter that crashed or was stopped (no site is built from that).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_FILE = '.report.json';
/** Set by scripts/build.ts for the converter: the run's id, written into the report. */
export const CONVERT_RUN_ENV = 'CONVERT_RUN_ID';

export interface ReportProblem {
  /** The file the problem is in, when the input is a folder (an RS table file); else the input itself. */
  file: string;
  /** Where in the input: line, section, table/line/column, record or entry; `null` for the whole file. */
  where: string | null;
  /** What is wrong: for schema errors the field, the value read and what was expected. */
  message: string;
}

export interface ReportInput {
  /** Input path relative to the sheets folder. */
  file: string;
  /** Sheets converted from it in this run. */
  sheets: number;
  /** Of those, sheets with data-quality warnings, and how many warnings in all. */
  sheetsWithWarnings: number;
  warnings: number;
  /** Entries on the site that come from it: this run's, or its last good ones when it failed. */
  entries: number;
  errors: ReportProblem[];
  notices: ReportProblem[];
}

export interface ConvertReport {
  /** CONVERT_RUN_ID of the run, `null` when run outside `npm run build`. */
  runId: string | null;
  finishedAt: string;
  inputs: ReportInput[];
  converted: number;
  sheetsWithWarnings: number;
  warnings: number;
  failedInputs: string[];
}

interface SummaryLike {
  converted: number;
  warnings: number;
  sheetsWithWarnings: number;
  failedInputs: string[];
  errors: { file: string; where: string | null; message: string }[];
  notices: { file: string; where: string | null; message: string }[];
}

/** The report's JSON text for a finished run. */
export function buildReport(
  summary: SummaryLike,
  manifest: { inputs: Record<string, string[]> },
  counts: Map<string, { converted: number; withWarnings: number; warnings: number }>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const files = new Set([...counts.keys(), ...summary.failedInputs]);
  // An RS input is a folder: its problems name the table file in it.
  const within = (e: { file: string }, input: string): boolean =>
    e.file === input || (input === '.' ? !files.has(e.file) : e.file.startsWith(`${input}/`));
  const problems = (list: SummaryLike['errors'], file: string): ReportProblem[] =>
    list.filter((e) => within(e, file)).map((e) => ({ file: e.file, where: e.where, message: e.message }));
  const inputs: ReportInput[] = [...files].sort().map((file) => {
    const errors = problems(summary.errors, file);
    const c = counts.get(file) ?? { converted: 0, withWarnings: 0, warnings: 0 };
    const entries = manifest.inputs[file]?.length ?? 0;
    return { file, sheets: c.converted, sheetsWithWarnings: c.withWarnings, warnings: c.warnings, entries, errors, notices: problems(summary.notices, file) };
  });
  const report: ConvertReport = {
    runId: env[CONVERT_RUN_ENV] ?? null,
    finishedAt: new Date().toISOString(),
    inputs,
    converted: summary.converted,
    sheetsWithWarnings: summary.sheetsWithWarnings,
    warnings: summary.warnings,
    failedInputs: [...summary.failedInputs].sort(),
  };
  return `${JSON.stringify(report, null, 1)}\n`;
}

/** The report under `contentDir`, or `null` when there is none (no converter run yet) or it is unreadable. */
export function readReport(contentDir: string): ConvertReport | null {
  try {
    const r = JSON.parse(readFileSync(path.join(contentDir, 'sheets', REPORT_FILE), 'utf8')) as ConvertReport;
    return r && Array.isArray(r.inputs) ? r : null;
  } catch {
    return null;
  }
}
