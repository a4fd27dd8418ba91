/**
 * Content entries the site build could not use, `content/sheets/.entry-problems.json`: written by the
 * content loader (src/content.config.ts) at every build, read by the data-quality page
 * (src/pages/data-quality.astro) and by `npm run build` (scripts/build.ts), which prints them and exits
 * non-zero. An entry that fails the schema (edited by hand, say) costs only itself: every other page is
 * built. The file is part of the build report beside the converter's `.report.json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONVERT_RUN_ENV, type ReportProblem } from '../../schema/convert-report.ts';

export const ENTRY_PROBLEMS_FILE = '.entry-problems.json';

export interface EntryProblems {
  /** CONVERT_RUN_ID of the build that wrote it; `null` outside `npm run build`. */
  runId: string | null;
  /** Each problem names the entry file (`where`: the field) and says the value and what was expected. */
  problems: ReportProblem[];
}

export function entryProblemsText(problems: ReportProblem[], env: NodeJS.ProcessEnv = process.env): string {
  const file: EntryProblems = { runId: env[CONVERT_RUN_ENV] ?? null, problems };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The problems the last site build found in `contentDir`'s entries; null when it wrote none. */
export function readEntryProblems(contentDir: string): EntryProblems | null {
  try {
    return JSON.parse(readFileSync(path.join(contentDir, 'sheets', ENTRY_PROBLEMS_FILE), 'utf8')) as EntryProblems;
  } catch {
    return null;
  }
}

/** A problem as one line of output: `sheets/x.md: budgets[0].initial = "a": expected number`. */
export function problemLine(p: ReportProblem): string {
  return `${p.file}: ${p.message}`;
}
