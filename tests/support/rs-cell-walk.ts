/**
 * Walks every non-empty cell of an RS table (beyond the 13 key columns each table repeats) and looks for
 * it in the converted record of its project, so a column the reader drops cannot go unnoticed.
 *
 * A table's spec says, for every column of its header, how a cell's value is found in the record
 * (`find`), or why the column carries no value of its own (`structural`: numbering, sort order). A column
 * of the header that the spec does not name is itself reported, so a new column must be given a rule.
 *
 *   const missing = walkTable('sheets/rs2024/1-2_….csv', OVERVIEW_SPEC, records);
 *   expect(missing).toEqual([]);
 *
 * Specs for the spending tables (5-1 … 5-4) can be added beside the others in tests/unit/rs-cell-walk.test.ts.
 * Cells that only say "no value" (blank, "-", "ー": values.text() gives null) are not walked.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Sheet } from '../../src/schema/sheet.ts';
import { text } from '../../scripts/converter/readers/rs-csv/values.ts';

export type Row = Record<string, string>;

export type ColumnRule =
  /** `true` when `value` (the trimmed cell) is in `record`; `row` gives the other cells of its line. */
  | { find: (record: Sheet, value: string, row: Row) => boolean }
  /** Why the column holds no value of its own. */
  | { structural: string };

export type TableSpec = Record<string, ColumnRule>;

export interface MissingCell {
  line: number;
  /** 予算事業ID of the row. */
  project: string;
  column: string;
  value: string;
}

/** Number of columns every RS table starts with (シート種別 … 係), read elsewhere (identity). */
export const KEY_COLUMNS = 13;

/** A value equal to one of the selected ones, after `parse` (the reader's own parser of the column). */
export function oneOf<T>(select: (s: Sheet, row: Row) => readonly T[], parse: (v: string) => T = (v) => v as T): ColumnRule {
  return { find: (s, v, row) => select(s, row).includes(parse(v)) };
}

/** Text contained in one of the selected texts (joined fields such as "、"-joined lists or notes). */
export function within(select: (s: Sheet, row: Row) => readonly (string | null | undefined)[]): ColumnRule {
  return { find: (s, v, row) => select(s, row).some((t) => typeof t === 'string' && t.includes(v)) };
}

export function structural(reason: string): ColumnRule {
  return { structural: reason };
}

/** Records by `<事業年度>:<予算事業ID>` (RS ids end in `-rs<予算事業ID>`, docs/IDS.md). */
export function recordsByKey(records: readonly Sheet[]): Map<string, Sheet> {
  const map = new Map<string, Sheet>();
  for (const r of records) {
    const m = /-rs(\d+)$/.exec(r.id);
    if (m) map.set(`${r.fiscalYear}:${m[1]}`, r);
  }
  return map;
}

/** Reads a table CSV (UTF-8, BOM allowed) as rows with their 1-based line numbers. */
export function readTable(file: string): { header: string[]; rows: { line: number; row: Row }[] } {
  const textContent = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(textContent, { skipEmptyLines: true });
  const [header, ...data] = parsed.data;
  let line = 2;
  const rows = data.map((cells) => {
    const row: Row = {};
    header!.forEach((h, i) => (row[h] = cells[i] ?? ''));
    const at = line;
    line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    return { line: at, row };
  });
  return { header: header!, rows };
}

/** The cells of `file` that the spec cannot find in their record (and columns the spec does not name). */
export function walkTable(file: string, spec: TableSpec, records: Map<string, Sheet>): MissingCell[] {
  const { header, rows } = readTable(file);
  const missing: MissingCell[] = [];
  for (const column of header.slice(KEY_COLUMNS)) {
    if (!(column in spec)) missing.push({ line: 1, project: '', column, value: '(no rule for this column)' });
  }
  for (const { line, row } of rows) {
    const project = row['予算事業ID']!.trim();
    const record = records.get(`${row['事業年度']!.trim()}:${project}`);
    for (const column of header.slice(KEY_COLUMNS)) {
      const rule = spec[column];
      const value = text(row[column] ?? '');
      if (!rule || 'structural' in rule || value === null) continue;
      if (!record || !rule.find(record, value, row)) missing.push({ line, project, column, value });
    }
  }
  return missing;
}
