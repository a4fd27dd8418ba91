/**
 * The entry a text sheet converts to, exactly as the converter writes it (scripts/lib/convert-run.ts):
 * read → validate with the schema → add data-quality warnings → serialise with the narrative body.
 * Shared by the golden test (tests/unit/golden.test.ts) and the golden writer (tests/golden/update.ts).
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { readTextSheet } from '../../scripts/lib/text-sheet/index.ts';
import { checkSheet } from '../../scripts/lib/checks.ts';
import { entryBody } from '../../scripts/lib/entry-body.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { serializeEntry } from '../../src/lib/entry-file.ts';

export const SAMPLES_DIR = path.resolve('sheets/text');
export const GOLDEN_DIR = path.resolve('tests/golden/text');

/** The sample text sheets: file names under sheets/text/. */
export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export async function renderTextEntry(name: string): Promise<string> {
  const result = await readTextSheet(path.join(SAMPLES_DIR, name), `text/${name}`);
  if (result.errors.length || result.records.length !== 1) {
    throw new Error(`${name}: expected one record, got ${result.records.length} and errors ${JSON.stringify(result.errors)}`);
  }
  const record = sheet.parse(result.records[0]);
  record.warnings.push(...checkSheet(record));
  return serializeEntry(record, entryBody(record));
}

export function goldenPath(name: string, suffix = ''): string {
  return path.join(GOLDEN_DIR, `${name.replace(/\.txt$/, '')}${suffix}.md`);
}
