/**
 * Reading content entries (content/sheets/<id>.md) from disk: the whole record of one sheet, for its own
 * page and its JSON download, and every entry validated (tests, tools).
 *
 * Why not Astro's content data store for whole records: at a year of sheets (5,664 entries, ~25 kB each)
 * the store is serialised (devalue) into .astro/data-store.json, bundled by Vite into the server build as
 * one huge string module, then parsed again before the first page renders: ~40 s and ~2.6 GB of a ~100 s
 * build. The store keeps each entry's hash and listing (src/content.config.ts); the record is read here.
 *
 * Entries are read synchronously: they are small and just written, and an asynchronous read is four
 * round trips through libuv's thread pool, which the whole process shares. Measured on 5,664 entries read
 * one after another as the pages read them: 4.9 s of CPU asynchronously, ≈ 1 s synchronously.
 */
import { problemLine } from './entry-problems.ts';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sheet, type Sheet } from '../../schema/sheet.ts';
import { parseEntry } from '../../schema/entry-file.ts';
import { entryHash } from '../../schema/hand-over.ts';
import { describeIssue } from '../../schema/issues.ts';
import type { ReportProblem } from '../../schema/convert-report.ts';

/** File names of the entries in `dir` (`<id>.md`), sorted; empty when the folder does not exist. */
export function listEntryFilesSync(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** listEntryFilesSync, as a promise (for callers that await it). */
export async function listEntryFiles(dir: string): Promise<string[]> {
  return listEntryFilesSync(dir);
}

/** The bytes of entry `<id>.md` in `dir`; null when there is none. */
export function readEntryBytes(dir: string, id: string): Buffer | null {
  return readEntry(dir, `${id}.md`);
}

function readEntry(dir: string, file: string): Buffer | null {
  try {
    return readFileSync(path.join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** One entry's text, validated: the record, or its problems, each naming the file, field, value and expectation. */
export function validateEntry(text: string, file: string): { sheet: Sheet } | { problems: ReportProblem[] } {
  let data: Record<string, unknown>;
  try {
    data = parseEntry(text, file).data;
  } catch (err) {
    // parseEntry's messages start with the file name already.
    const message = (err as Error).message;
    return { problems: [{ file, where: null, message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message }] };
  }
  const result = sheet.safeParse(data);
  if (result.success) return { sheet: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const { field, message } = describeIssue(data, issue);
      return { file, where: field, message: `does not match the sheet schema: ${message}` };
    }),
  };
}

/** Problems as one error's lines: `file: field = value: expected …`. */
function problemLines(problems: readonly ReportProblem[]): string {
  return problems.map(problemLine).join('\n');
}

/**
 * The record of entry `<id>.md` in `dir`; `null` when there is none; throws naming every problem when it
 * is invalid. With `trustedHash`, the hash of the bytes the converter wrote and validated in this build
 * (src/schema/hand-over.ts), an entry whose bytes still hash to it is parsed without validating it again:
 * the converter wrote the schema's own output (defaults filled, keys in the schema's order), so the
 * parsed frontmatter is that record.
 */
export function loadSheet(dir: string, id: string, trustedHash: string | null = null): Sheet | null {
  const file = `${id}.md`;
  const bytes = readEntry(dir, file);
  if (bytes === null) return null;
  if (trustedHash !== null && entryHash(bytes) === trustedHash) return parseEntry(bytes.toString('utf8'), file).data as Sheet;
  const r = validateEntry(bytes.toString('utf8'), file);
  if ('sheet' in r) return r.sheet;
  throw new Error(`invalid content entry in ${dir}:\n${problemLines(r.problems)}`);
}

/** Every entry in `dir`, validated; throws one error naming every problem of every bad entry. */
export async function loadSheets(dir: string): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  const problems: ReportProblem[] = [];
  for (const file of listEntryFilesSync(dir)) {
    const bytes = readEntry(dir, file);
    if (bytes === null) continue;
    const r = validateEntry(bytes.toString('utf8'), file);
    if ('sheet' in r) sheets.push(r.sheet);
    else problems.push(...r.problems);
  }
  if (problems.length > 0) throw new Error(`invalid content entries in ${dir} (${problems.length} problems):\n${problemLines(problems)}`);
  return sheets;
}
