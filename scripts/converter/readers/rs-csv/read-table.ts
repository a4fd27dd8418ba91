/**
 * Streams the rows of one RS table: header check against the registry, then one `Row` per record with the
 * line it starts on (multi-line cells counted). The text is parsed by papaparse from a Node stream, so only
 * a chunk of the file is in memory at a time, and each row is handed to the caller as papaparse steps over
 * it (synchronously: no queue of rows, no pausing; the next chunk is read when the caller is done).
 *
 * Strict like RFC 4180 (and csv-parse, used before): papaparse reads a quote inside an unquoted cell
 * literally and skips spaces after a closing quote, so every row whose text has a quote is checked again
 * here, and bad quoting fails the table (`CsvError`) instead of giving cells the file does not state.
 * The record delimiter is found as csv-parse found it (the first CR LF, LF or CR outside quotes); line
 * numbers count the LFs inside cells, which only records with a quote or a stray LF can have, so only
 * those records are looked at cell by cell.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
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
  /** Every cell of the record, joined: equal for rows that are exact copies (duplicate detection). */
  signature(): string;
}

export interface HeaderCheck {
  /** Required columns the file lacks (by published name). */
  missing: string[];
  /** Columns the file has that the registry does not know (verbatim). */
  unknown: string[];
}

export interface TableReader {
  /** Called once, before any row, with the header check; `false` stops reading (the table is not used). */
  header(check: HeaderCheck): boolean;
  /** Called for each record after the header, in file order (empty lines are skipped). */
  row(row: Row): void;
}

/** Text that is not CSV (bad quoting); `line` is where the record with the problem starts. */
export class CsvError extends Error {
  line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

type Newline = '\r\n' | '\n' | '\r';

const ORG_KEYS = new Set(ORG_COLUMNS.map(normColumn));
const QUOTE = 34; // "
const COMMA = 44;
/** Longest start of the text searched for the record delimiter (the header line is a few kB). */
const NEWLINE_SCAN_LIMIT = 1024 * 1024;

/**
 * The record delimiter, as csv-parse discovered it: the first CR LF, LF or CR outside quotes. Reads the
 * text until it is known; returns what it read (`head`) to be parsed first.
 */
async function detectNewline(text: AsyncIterator<string>): Promise<{ head: string; newline: Newline }> {
  let head = '';
  let inQuotes = false;
  let i = 0;
  for (;;) {
    for (; i < head.length; i++) {
      const c = head.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && (c === 10 || c === 13)) {
        if (c === 10) return { head, newline: '\n' };
        if (i + 1 < head.length) return { head, newline: head.charCodeAt(i + 1) === 10 ? '\r\n' : '\r' };
        break; // a CR at the end of what was read: the next character decides
      }
    }
    const next = head.length > NEWLINE_SCAN_LIMIT ? { done: true as const, value: undefined } : await text.next();
    if (next.done) {
      // No record delimiter outside quotes: at most one record, or quoting that never closes.
      const first = /\r\n|\n|\r/.exec(head);
      return { head, newline: (first?.[0] as Newline | undefined) ?? '\r\n' };
    }
    head += next.value;
  }
}

/**
 * The text handed to the parser, kept from the start of the current record so its raw text can be cut
 * out; and where the marks are that make a record more than its cells joined by commas: quotes, and line
 * breaks that are not record delimiters (an LF alone in a CR LF file, any LF in a CR file). A record with
 * no mark in its text needs no check and spans one line.
 */
class TextWindow {
  private parts: string[] = [];
  /** Offset in the whole text of parts[0]. */
  private start = 0;
  /** Offset in the whole text of the end of the last part. */
  private end = 0;
  private newline: Newline;
  private lastChar = -1;
  /** Offsets of the marks, ascending; those before `markFirst` lie in records already done. */
  private marks: number[] = [];
  private markFirst = 0;

  constructor(newline: Newline) {
    this.newline = newline;
  }

  push(s: string): void {
    if (s === '') return;
    const quotes: number[] = [];
    for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) quotes.push(this.end + i);
    const breaks: number[] = [];
    if (this.newline !== '\n') {
      for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) {
        if (this.newline === '\r' || (i > 0 ? s.charCodeAt(i - 1) : this.lastChar) !== 13) breaks.push(this.end + i);
      }
    }
    for (const m of breaks.length === 0 ? quotes : quotes.length === 0 ? breaks : mergeSorted(quotes, breaks)) this.marks.push(m);
    this.parts.push(s);
    this.end += s.length;
    this.lastChar = s.charCodeAt(s.length - 1);
  }

  /** `true` when the text [from, to) has no mark. Calls come with non-decreasing `from`. */
  isPlainRange(from: number, to: number): boolean {
    const marks = this.marks;
    while (this.markFirst < marks.length && marks[this.markFirst]! < from) this.markFirst++;
    return this.markFirst >= marks.length || marks[this.markFirst]! >= to;
  }

  /** Forgets the text before `offset` (records before it are done). */
  dropBefore(offset: number): void {
    while (this.parts.length > 0 && this.start + this.parts[0]!.length <= offset) this.start += this.parts.shift()!.length;
    if (this.markFirst > 4096) {
      this.marks = this.marks.slice(this.markFirst);
      this.markFirst = 0;
    }
  }

  slice(from: number, to: number): string {
    let out = '';
    let pos = this.start;
    for (const p of this.parts) {
      const end = pos + p.length;
      if (end > from && pos < to) out += p.slice(Math.max(from - pos, 0), Math.min(to - pos, p.length));
      pos = end;
      if (pos >= to) break;
    }
    return out;
  }
}

/** The union of two ascending lists, ascending. */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * What is wrong with the quoting of one record's raw text (record delimiter removed), or null. Cells are
 * either unquoted without any quote, or quoted with inner quotes doubled and nothing after the closing quote.
 */
function quotingProblem(raw: string, columnName: (field: number) => string): string | null {
  let i = 0;
  for (let field = 0; ; field++) {
    if (raw.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      for (;;) {
        const q = raw.indexOf('"', j);
        if (q === -1) return `the quote opening ${columnName(field)} is never closed`;
        if (raw.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i >= raw.length) return null;
      if (raw.charCodeAt(i) !== COMMA) return `text after the closing quote of ${columnName(field)}`;
      i++;
      continue;
    }
    const comma = raw.indexOf(',', i);
    const end = comma === -1 ? raw.length : comma;
    const q = raw.indexOf('"', i);
    if (q !== -1 && q < end) return `a quote inside ${columnName(field)}, which is not quoted`;
    if (comma === -1) return null;
    i = comma + 1;
  }
}

/** V8 copies substrings shorter than this; longer ones are views of the parser's whole chunk (SlicedString). */
const SLICE_MIN = 13;

/**
 * A copy of a cell that does not keep the parser's text chunk (64 kB and more) alive: a kept title or
 * purpose would otherwise pin every chunk it came from, and with them all the table's text. Joining makes
 * a new string, flattened by the slice.
 */
function detached(cell: string): string {
  return (' ' + cell).slice(1);
}

function countBreaks(cell: string, from: number): number {
  let n = 0;
  for (let i = from; i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/** Column positions of one file, shared by its rows. */
interface Layout {
  spec: TableSpec;
  width: number;
  /** Published name → position in the file, or -1 for a published column the file lacks. */
  lookup: Map<string, number>;
  /** Normalised published names (for names passed in a form other than the published one). */
  known: Set<string>;
  /** `has` answers by the name asked. */
  hasCache: Map<string, boolean>;
  /** Positions of the columns outside the 13 organisation columns. */
  dataIndexes: number[];
}

function layoutOf(headerCells: string[], spec: TableSpec): { layout: Layout; check: HeaderCheck } {
  const index = new Map<string, number>();
  headerCells.forEach((name, i) => {
    const key = normColumn(name);
    if (!index.has(key)) index.set(key, i);
  });
  const known = new Set(spec.columns.map(normColumn));
  const check: HeaderCheck = {
    missing: spec.required.filter((c) => !index.has(normColumn(c))),
    unknown: headerCells.filter((c) => c !== '' && !known.has(normColumn(c))),
  };
  const lookup = new Map<string, number>();
  for (const c of spec.columns) lookup.set(c, index.get(normColumn(c)) ?? -1);
  const dataIndexes = headerCells.map((c, i) => (ORG_KEYS.has(normColumn(c)) ? -1 : i)).filter((i) => i >= 0);
  return { layout: { spec, width: headerCells.length, lookup, known, hasCache: new Map(), dataIndexes }, check };
}

class TableRow implements Row {
  line: number;
  problem: string | null;
  private record: string[];
  private layout: Layout;

  constructor(line: number, problem: string | null, record: string[], layout: Layout) {
    this.line = line;
    this.problem = problem;
    this.record = record;
    this.layout = layout;
  }

  get(column: string): string {
    let i = this.layout.lookup.get(column);
    if (i === undefined) {
      if (!this.layout.known.has(normColumn(column))) throw new Error(`internal: column "${column}" is not in table ${this.layout.spec.id}`);
      // Another spelling of a published column: it is not looked up under that spelling (as before).
      i = -1;
      this.layout.lookup.set(column, i);
    }
    if (i < 0) return '';
    const cell = this.record[i] ?? '';
    return cell.length < SLICE_MIN ? cell : detached(cell);
  }

  has(column: string): boolean {
    let known = this.layout.hasCache.get(column);
    if (known === undefined) {
      known = this.layout.known.has(normColumn(column));
      this.layout.hasCache.set(column, known);
    }
    return known;
  }

  isBlankData(): boolean {
    for (const i of this.layout.dataIndexes) if (this.record[i]!.trim() !== '') return false;
    return true;
  }

  signature(): string {
    return this.record.join('\u001f');
  }
}

/**
 * Reads the table: `reader.header` with the header check, then `reader.row` for each record. A record
 * holding one of `invalidAt` (text offsets of bytes that were not UTF-8, DecodeInfo.invalidAt; noted as the
 * text is decoded, so before papaparse reaches them) gets a row problem naming its column. Resolves when
 * the text is read (or the header callback said stop); rejects with `CsvError` for text that is not CSV,
 * with the error of the text source (a corrupt zip), or with what a callback threw. The source is always
 * released (destroyed) before the promise settles, also for a table abandoned half-way.
 */
export async function readTableRows(
  text: AsyncIterable<string>,
  spec: TableSpec,
  reader: TableReader,
  invalidAt: readonly number[] = [],
): Promise<void> {
  const input = text[Symbol.asyncIterator]();
  let head: string;
  let newline: Newline;
  try {
    ({ head, newline } = await detectNewline(input));
  } catch (e) {
    await input.return?.();
    throw e;
  }
  const window = new TextWindow(newline);
  /** Offset in the text where the next record starts (end of the last one stepped). */
  let recordStart = 0;
  async function* feed(): AsyncGenerator<string> {
    try {
      if (head !== '') {
        window.push(head);
        yield head;
      }
      for (;;) {
        const next = await input.next();
        if (next.done) return;
        window.dropBefore(recordStart);
        window.push(next.value);
        yield next.value;
      }
    } finally {
      // Also when the stream is destroyed early: closes the file (and the zip) behind the text.
      await input.return?.();
    }
  }
  const source = Readable.from(feed());
  let layout: Layout | null = null;
  let headerCells: string[] = [];
  const columnName = (field: number): string => (headerCells[field] !== undefined && headerCells[field] !== '' ? `column "${headerCells[field]}"` : `field ${field + 1}`);
  let line = 1;
  /** Index of the first offset in `invalidAt` not yet matched to a record. */
  let nextInvalid = 0;
  /** Whether a bad-byte offset falls in [from, end); offsets before `end` are used up. */
  const hasInvalid = (from: number, end: number): boolean => {
    let found = false;
    while (nextInvalid < invalidAt.length && invalidAt[nextInvalid]! < end) {
      if (invalidAt[nextInvalid]! >= from) found = true;
      nextInvalid++;
    }
    return found;
  };

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      if (error === null) resolve();
      else reject(error);
    };
    Papa.parse<string[]>(source, {
      delimiter: ',',
      newline,
      quoteChar: '"',
      skipEmptyLines: false,
      step(results, parser) {
        if (settled) return;
        try {
          const record = results.data;
          const end = results.meta.cursor;
          let breaks = 0;
          if (results.errors.length > 0 || !window.isPlainRange(recordStart, end)) {
            let length = 0;
            let quoted = false;
            for (let i = 0; i < record.length; i++) {
              const cell = record[i]!;
              length += cell.length;
              const nl = cell.indexOf('\n');
              if (nl !== -1) breaks += countBreaks(cell, nl);
              if (!quoted && cell.indexOf('"') !== -1) quoted = true;
            }
            // A record without any quote is its cells joined by commas plus the record delimiter; any
            // other length means quotes (or text papaparse skipped), so the raw text is checked.
            if (quoted || results.errors.length > 0 || end - recordStart !== length + record.length - 1 + newline.length) {
              let raw = window.slice(recordStart, end);
              if (raw.endsWith(newline)) raw = raw.slice(0, -newline.length);
              if (layout === null) headerCells = record.map((c) => c.trim());
              const problem = quotingProblem(raw, columnName) ?? (results.errors.length > 0 ? results.errors[0]!.message : null);
              if (problem !== null) throw new CsvError(line, problem);
            }
          }
          const start = line;
          line += 1 + breaks;
          const damaged = invalidAt.length > 0 && hasInvalid(recordStart, end);
          recordStart = end;
          if (layout === null) {
            headerCells = record.map((c) => c.trim());
            const { layout: l, check } = layoutOf(headerCells, spec);
            layout = l;
            if (!reader.header(check)) {
              finish(null);
              parser.abort();
            }
            return;
          }
          if (record.length === 1 && record[0] === '') return; // an empty line
          const problem = damaged
            ? `the row has bytes that are not valid UTF-8 (read as "\uFFFD") in ${columnName(Math.max(0, record.findIndex((c) => c.includes('\uFFFD'))))}`
            : record.length === layout.width
              ? null
              : `the row has ${record.length} fields where the header has ${layout.width}`;
          reader.row(new TableRow(start, problem, record, layout));
        } catch (e) {
          // settle first: abort() calls `complete`
          finish(e);
          parser.abort();
        }
      },
      complete() {
        if (settled) return;
        try {
          if (layout === null) reader.header({ missing: [...spec.required], unknown: [] });
          finish(null);
        } catch (e) {
          finish(e);
        }
      },
      error(e: Error) {
        finish(e);
      },
    });
  });
}
