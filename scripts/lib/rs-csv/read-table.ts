/**
 * Streams the rows of one RS table: header check against the registry, then one `Row` per record with the
 * line it starts on (multi-line cells counted), read through csv-parse's async iterator so only a chunk
 * of the file is in memory at a time.
 */
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { normColumn, ORG_COLUMNS, type TableSpec } from './tables.ts';

export interface Row {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  /** Set when the record is malformed (wrong number of fields); its cells are then unreliable. */
  problem: string | null;
  /** The cell of a column by its published name ('' when the file lacks that optional column). */
  get(column: string): string;
  /** `true` when the table publishes this column (whether or not this file has it). */
  has(column: string): boolean;
  /** `true` when every cell outside the 13 organisation columns is blank (a project listed with no data). */
  isBlankData(): boolean;
}

export interface HeaderCheck {
  /** Required columns the file lacks (by published name). */
  missing: string[];
  /** Columns the file has that the registry does not know (verbatim). */
  unknown: string[];
}

export interface TableRows {
  header: HeaderCheck;
  rows: AsyncGenerator<Row>;
  /** Stops reading and releases the file (for a table abandoned before its end). */
  close(): void;
}

const ORG_KEYS = new Set(ORG_COLUMNS.map(normColumn));

function countLines(raw: string): number {
  const body = raw.replace(/\r?\n$/, '');
  let n = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

interface Parsed {
  record: string[];
  raw: string;
}

/**
 * Reads the header, checks it, and returns the row iterator. Throws (csv-parse's error, with `lines`) when
 * the text is not CSV at all, e.g. a quote that never closes.
 */
export async function readTableRows(text: AsyncIterable<string>, spec: TableSpec): Promise<TableRows> {
  const source = Readable.from(text);
  const parser = parse({ raw: true, relax_column_count: true });
  // pipeline, not pipe: an error of the source (a corrupt zip) must reach the parser's iterator.
  pipeline(source, parser, () => {});
  const close = (): void => {
    source.destroy();
    parser.destroy();
  };
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<Parsed>;
  let nextLine = 1;
  const first = await records.next();
  if (first.done) {
    return { header: { missing: [...spec.required], unknown: [] }, rows: (async function* () {})(), close };
  }
  const headerCells = first.value.record.map((c) => c.trim());
  nextLine += countLines(first.value.raw);
  const index = new Map<string, number>();
  headerCells.forEach((name, i) => {
    const key = normColumn(name);
    if (!index.has(key)) index.set(key, i);
  });
  const known = new Set(spec.columns.map(normColumn));
  const header: HeaderCheck = {
    missing: spec.required.filter((c) => !index.has(normColumn(c))),
    unknown: headerCells.filter((c) => c !== '' && !known.has(normColumn(c))),
  };
  const lookup = new Map<string, number>();
  for (const c of spec.columns) {
    const i = index.get(normColumn(c));
    if (i !== undefined) lookup.set(c, i);
  }
  const width = headerCells.length;
  const dataIndexes = headerCells.map((c, i) => (ORG_KEYS.has(normColumn(c)) ? -1 : i)).filter((i) => i >= 0);

  async function* rows(): AsyncGenerator<Row> {
    for (;;) {
      const next = await records.next();
      if (next.done) return;
      const { record, raw } = next.value;
      const line = nextLine;
      nextLine += countLines(raw);
      if (record.length === 1 && record[0] === '') continue; // an empty line
      yield {
        line,
        problem: record.length === width ? null : `the row has ${record.length} fields where the header has ${width}`,
        get(column: string): string {
          const i = lookup.get(column);
          if (i === undefined) {
            if (!known.has(normColumn(column))) throw new Error(`internal: column "${column}" is not in table ${spec.id}`);
            return '';
          }
          return record[i] ?? '';
        },
        has(column: string): boolean {
          return known.has(normColumn(column));
        },
        isBlankData(): boolean {
          for (const i of dataIndexes) if (record[i]!.trim() !== '') return false;
          return true;
        },
      };
    }
  }
  return { header, rows: rows(), close };
}
