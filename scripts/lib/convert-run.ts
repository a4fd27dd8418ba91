/**
 * One converter run: every input under the sheets folder → validated entries under content/sheets.
 * Kept apart from the CLI (scripts/convert.ts) so tests can run it on fixture folders and read the result.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sheet, type Sheet, type SheetInput } from '../../src/schema/sheet.ts';
import { serializeEntry } from '../../src/lib/entry-file.ts';
import { entryHash, INDEX_CACHE_FILE, indexCacheText, type CachedEntry } from '../../src/lib/index-cache.ts';
import { indexSheet } from '../../src/lib/index-entries.ts';
import { discoverInputs, type InputUnit } from './inputs.ts';
import { readManifest, writeManifest, removeStale, writeAtomic, type Manifest } from './entries-store.ts';
import { startEntryWriter } from './entry-writer.ts';
import { formatInputError, type InputError, type ReadResult } from './read-result.ts';
import { readTextSheet } from './text-sheet/index.ts';
import { readRsFolder } from './rs-csv/index.ts';
import { readJudgitFile } from './judgit/index.ts';
import { checkSheet } from './checks.ts';
import { entryBody } from './entry-body.ts';

export interface ConvertOptions {
  sheetsDir: string;
  contentDir: string;
  /** Receives progress and problems, one line each. */
  log?: (line: string) => void;
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

/** "budgets[2].initial" from a zod issue path. */
function issuePath(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

export function validateRecord(input: SheetInput, file: string): { record?: Sheet; error?: InputError } {
  const parsed = sheet.safeParse(input);
  if (parsed.success) return { record: parsed.data };
  const first = parsed.error.issues.slice(0, 3).map((i) => `${issuePath(i.path) || '(record)'}: ${i.message}`);
  return {
    error: {
      file,
      where: `record ${String((input as { id?: unknown }).id ?? '?')}`,
      message: `does not match the sheet schema: ${first.join('; ')}${parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : ''}`,
    },
  };
}

export async function convertAll(opts: ConvertOptions): Promise<ConvertSummary> {
  const log = opts.log ?? (() => {});
  const outDir = path.join(opts.contentDir, 'sheets');
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
  /** What the content loader would make of each entry, handed over to it (src/lib/index-cache.ts). */
  const handOver = new Map<string, CachedEntry>();

  for (const unit of units) {
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
    const ids: string[] = [];
    for (const input of result.records) {
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
        errors.push({ file: unit.rel, where: `record ${record.id}`, message: `id ${record.id} is already produced by ${other}` });
        continue;
      }
      seen.set(record.id, unit.rel);
      const file = path.join(outDir, `${record.id}.md`);
      const content = serializeEntry(record, entryBody(record));
      writer.write(file, content);
      handOver.set(`${record.id}.md`, { hash: entryHash(content), ...indexSheet(record) });
      inputOf.set(file, unit.rel);
      ids.push(record.id);
      summary.converted++;
      summary.warnings += record.warnings.length;
      if (record.warnings.length) summary.sheetsWithWarnings++;
    }
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

  // Every write is done (renamed into place) before stale entries and temporary files are removed.
  const { written, failures } = await writer.close();
  summary.written = written;
  for (const f of failures) {
    handOver.delete(path.basename(f.file));
    const rel = inputOf.get(f.file)!;
    const error = { file: rel, where: `entry ${path.basename(f.file)}`, message: `could not be written: ${f.message}` };
    log(`error: ${formatInputError(error)}`);
    summary.errors.push(error);
    if (!summary.failedInputs.includes(rel)) summary.failedInputs.push(rel);
  }
  summary.removed = await removeStale(outDir, new Set(seen.keys()));
  await writeManifest(outDir, manifest);
  const handOverText = indexCacheText(handOver);
  if (handOverText === null) rmSync(path.join(outDir, INDEX_CACHE_FILE), { force: true });
  else writeAtomic(path.join(outDir, INDEX_CACHE_FILE), handOverText);
  return summary;
}
