/**
 * One converter run: every input under the sheets folder → validated entries under content/sheets.
 * Kept apart from the CLI (scripts/convert.ts) so tests can run it on fixture folders and read the result.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sheet, type Sheet, type SheetInput } from '../../src/schema/sheet.ts';
import { formatIssue, shownValue, valueAt } from '../../src/schema/issues.ts';
import { serializeEntry } from '../../src/schema/entry-file.ts';
import { entryHash, INDEX_CACHE_FILE, indexCacheText, type CachedEntry } from '../../src/schema/hand-over.ts';
import { discoverInputs, type InputUnit } from './inputs.ts';
import { commitEntries, finishCommit, readManifest, writeAtomic, type Manifest } from './entries-store.ts';
import { buildReport, REPORT_FILE } from '../../src/schema/convert-report.ts';
import { startEntryWriter } from './entry-writer.ts';
import { formatInputError, type InputError, type ReadResult } from './readers/read-result.ts';
import { readTextSheet, TEXT_FIELD_SECTIONS } from './readers/text-sheet/index.ts';
import { readRsFolder } from './readers/rs-csv/index.ts';
import { RS_FIELD_TABLES } from './readers/rs-csv/assemble.ts';
import { readJudgitFile } from './readers/judgit/index.ts';
import { checkSheet } from './quality-warnings.ts';
import { entryBody } from './entry-body.ts';
import { createProgress } from './progress.ts';

export interface ConvertOptions {
  sheetsDir: string;
  contentDir: string;
  /** Receives progress and problems, one line each. */
  log?: (line: string) => void;
  /**
   * The site's listing of a record (src/lib/data/sheet-listing.ts), given by the CLI: with it, each entry's
   * hash and listing are handed over to the content loader (src/schema/hand-over.ts), which then need not
   * parse the entry again; without it, no hand-over is written and the loader reads every entry itself.
   */
  listing?: (record: Sheet) => unknown;
}

export interface ConvertSummary {
  inputs: number;
  converted: number;
  written: number;
  removed: string[];
  errors: InputError[];
  notices: InputError[];
  warnings: number;
  sheetsWithWarnings: number;
  failedInputs: string[];
}

async function readUnit(unit: InputUnit): Promise<ReadResult> {
  switch (unit.kind) {
    case 'text':
      return readTextSheet(unit.abs, unit.rel);
    case 'rs-csv':
      return readRsFolder(unit.abs, unit.rel);
    case 'judgit':
      return readJudgitFile(unit.abs, unit.rel);
    default:
      return {
        records: [],
        errors: [{ file: unit.rel, where: null, message: 'not a recognisable review sheet (expected a .txt text export, RS CSV/zip tables or JUDGIT! .json files)' }],
      };
  }
}

/** Where in its source a record field is read from: an RS table or a text sheet's section. */
function fieldSource(input: SheetInput, field: PropertyKey | undefined): string | null {
  const form = (input as { source?: { form?: unknown } }).source?.form;
  if (typeof field !== 'string') return null;
  if (form === 'rs-csv') return RS_FIELD_TABLES[field] ? `RS table ${RS_FIELD_TABLES[field]}` : null;
  if (form === 'text') return TEXT_FIELD_SECTIONS[field] ? `section ${TEXT_FIELD_SECTIONS[field]}` : 'basic information';
  return null;
}

export function validateRecord(input: SheetInput, file: string): { record?: Sheet; error?: InputError } {
  const parsed = sheet.safeParse(input);
  if (parsed.success) return { record: parsed.data };
  // Each problem names the field, where in the source it is read from, the value the reader made of the
  // source and what the schema expects.
  const first = parsed.error.issues.slice(0, 3).map((i) => {
    const from = fieldSource(input, i.path[0]);
    return formatIssue(i, `${from ? ` (${from})` : ''} = ${shownValue(valueAt(input, i.path))}`);
  });
  const id = String((input as { id?: unknown }).id ?? '?');
  return {
    error: {
      file,
      where: `record ${id}`,
      message: `does not match the sheet schema: ${first.join('; ')}${parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : ''}`,
      record: id,
    },
  };
}

export async function convertAll(opts: ConvertOptions): Promise<ConvertSummary> {
  const log = opts.log ?? (() => {});
  const outDir = path.join(opts.contentDir, 'sheets');
  // A run stopped after its commit point is finished first; one stopped before it left only staged files.
  finishCommit(outDir);
  const units = await discoverInputs(opts.sheetsDir);
  const previous = await readManifest(outDir);
  const manifest: Manifest = { inputs: {} };
  const seen = new Map<string, string>(); // id → input that produced it
  const summary: ConvertSummary = {
    inputs: units.length, converted: 0, written: 0, removed: [], errors: [], notices: [],
    warnings: 0, sheetsWithWarnings: 0, failedInputs: [],
  };
  const writer = startEntryWriter();
  /** Which input each entry file was written for, to report a failed write against it. */
  const inputOf = new Map<string, string>();
  /** What the content loader would make of each entry, handed over to it (src/schema/hand-over.ts). */
  const handOver = new Map<string, CachedEntry>();
  /** Warnings per input, for the build report. */
  const warningsOf = new Map<string, { converted: number; withWarnings: number; warnings: number }>();

  log(`convert: converting ${units.length.toLocaleString('en-US')} inputs from ${opts.sheetsDir} …`);
  const progress = createProgress({ what: 'inputs', total: units.length, print: log, prefix: 'convert: ' });
  for (const [done, unit] of units.entries()) {
    progress.update(done, `${summary.converted.toLocaleString('en-US')} sheets`);
    let result: ReadResult;
    try {
      result = await readUnit(unit);
    } catch (err) {
      // A reader bug must not take the other inputs down; report it against the input.
      result = { records: [], errors: [{ file: unit.rel, where: null, message: `reader failed: ${(err as Error).stack ?? err}` }] };
    }
    const errors = [...result.errors];
    for (const n of result.notices ?? []) {
      summary.notices.push(n);
      log(`notice: ${formatInputError(n)}`);
    }
    // An error about the input as a whole (a table or the file could not be read) means its records may
    // lack what that part holds: none is written, the input's last good entries stay, whole.
    const wholeFailed = errors.some((e) => e.record === undefined);
    const ids: string[] = [];
    const counts = { converted: 0, withWarnings: 0, warnings: 0 };
    for (const input of wholeFailed ? [] : result.records) {
      const { record, error } = validateRecord(input, unit.rel);
      if (!record) {
        errors.push(error!);
        continue;
      }
      // Data-quality checks run on the validated record, whatever its form; their warnings are typed
      // SheetWarning values, so the record stays valid.
      record.warnings.push(...checkSheet(record));
      const other = seen.get(record.id);
      if (other) {
        errors.push({ file: unit.rel, where: `record ${record.id}`, message: `id ${record.id} is already produced by ${other}`, record: record.id });
        continue;
      }
      seen.set(record.id, unit.rel);
      const file = path.join(outDir, `${record.id}.md`);
      const content = serializeEntry(record, entryBody(record));
      writer.write(file, content);
      if (opts.listing) handOver.set(`${record.id}.md`, { hash: entryHash(content), listing: opts.listing(record) });
      inputOf.set(file, unit.rel);
      ids.push(record.id);
      summary.converted++;
      counts.converted++;
      summary.warnings += record.warnings.length;
      counts.warnings += record.warnings.length;
      if (record.warnings.length) {
        summary.sheetsWithWarnings++;
        counts.withWarnings++;
      }
    }
    warningsOf.set(unit.rel, counts);
    for (const e of errors) log(`error: ${formatInputError(e)}`);
    summary.errors.push(...errors);
    if (errors.length) {
      summary.failedInputs.push(unit.rel);
      // Keep the entries this input produced in earlier runs that this run could not produce again:
      // a failed run never damages the last good output.
      for (const id of previous.inputs[unit.rel] ?? []) if (!seen.has(id)) { seen.set(id, unit.rel); ids.push(id); }
    }
    if (ids.length) manifest.inputs[unit.rel] = ids;
  }

  // Every entry is staged before the run commits (entries-store.ts): stopped before, nothing changed.
  const { written, failures } = await writer.close();
  const failedFile = (file: string, message: string): void => {
    handOver.delete(path.basename(file));
    const rel = inputOf.get(file)!;
    const error = { file: rel, where: `entry ${path.basename(file)}`, message: `could not be written: ${message}`, record: path.basename(file, '.md') };
    log(`error: ${formatInputError(error)}`);
    summary.errors.push(error);
    if (!summary.failedInputs.includes(rel)) summary.failedInputs.push(rel);
  };
  const unstaged = new Set(failures.map((f) => f.file));
  for (const f of failures) failedFile(f.file, f.message);
  const pending = written.filter((f) => !unstaged.has(f)).map((f) => path.basename(f, '.md'));
  const commit = commitEntries(outDir, manifest, pending);
  summary.written = commit.renamed.length;
  for (const f of commit.failures) failedFile(path.join(outDir, `${f.id}.md`), f.message);
  summary.removed = commit.removed;
  if (opts.listing) writeAtomic(path.join(outDir, INDEX_CACHE_FILE), indexCacheText(handOver));
  else rmSync(path.join(outDir, INDEX_CACHE_FILE), { force: true }); // an older hand-over must not outlive its entries
  writeAtomic(path.join(outDir, REPORT_FILE), buildReport(summary, manifest, warningsOf));
  return summary;
}
