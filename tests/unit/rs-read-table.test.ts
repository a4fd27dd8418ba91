/**
 * RS reader: the CSV layer (papaparse over a stream) on the real tables of sheets/rs2024. The rows and their
 * line numbers must not depend on where the text is cut into chunks nor on the line ending; quoted cells
 * with line breaks move the line numbers of later rows; bad quoting fails the table with the line of the
 * record and the column.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { readTableRows, type HeaderCheck } from '../../scripts/converter/readers/rs-csv/read-table.ts';
import { TABLES } from '../../scripts/converter/readers/rs-csv/tables.ts';

const REAL = resolve('sheets/rs2024');
const T21 = '2-1_RS_2024_予算・執行_サマリ.csv';
const T61 = '6-1_RS_2024_その他備考.csv';
const T11 = '1-1_RS_2024_基本情報_組織情報.csv';

const root = mkdtempSync(join(tmpdir(), 'rs-read-table-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function readReal(name: string): string {
  return readFileSync(join(REAL, name), 'utf8').replace(/^\uFEFF/, '');
}

/** The text cut into pieces of 1, 2, … 9 characters, over and over. */
async function* pieces(text: string, whole = false): AsyncGenerator<string> {
  if (whole) {
    yield text;
    return;
  }
  for (let i = 0, size = 1; i < text.length; i += size, size = (size % 9) + 1) yield text.slice(i, i + size);
}

interface Seen {
  header: HeaderCheck | null;
  rows: { line: number; problem: string | null; cells: string[] }[];
}

async function rowsOf(chunks: AsyncIterable<string>): Promise<Seen> {
  const spec = TABLES['2-1'];
  const seen: Seen = { header: null, rows: [] };
  await readTableRows(chunks, spec, {
    header(check) {
      seen.header = check;
      return true;
    },
    row(row) {
      seen.rows.push({ line: row.line, problem: row.problem, cells: spec.columns.map((c) => row.get(c)) });
    },
  });
  return seen;
}

function lineOf(csv: string, prefix: string): number {
  const i = csv.split('\r\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i + 1;
}

/** A folder with the real 1-1 table, and the 6-1 table written as given. */
function folderWith61(csv: string): string {
  const dir = join(root, `case${++n}`);
  mkdirSync(dir);
  copyFileSync(join(REAL, T11), join(dir, T11));
  writeFileSync(join(dir, T61), `\uFEFF${csv}`);
  return dir;
}

describe('rows of a real table (2-1, with quoted cells)', () => {
  const text = readReal(T21);

  it('are the same whether the text comes whole or in pieces of 1-9 characters', async () => {
    const whole = await rowsOf(pieces(text, true));
    const cut = await rowsOf(pieces(text));
    expect(whole.header).toEqual({ missing: [], unknown: [] });
    expect(whole.rows).toHaveLength(text.split('\r\n').length - 2); // header and the empty end
    expect(cut).toEqual(whole);
    // no cell spans lines in this table: the n-th record starts on line n + 1
    whole.rows.forEach((r, i) => expect(r.line).toBe(i + 2));
    expect(whole.rows.every((r) => r.problem === null)).toBe(true);
    // a quoted cell, read without its quotes
    expect(whole.rows.some((r) => r.cells.some((c) => c.includes(',')))).toBe(true);
  });

  it('are the same with LF line ends', async () => {
    const crlf = await rowsOf(pieces(text, true));
    const lf = await rowsOf(pieces(text.replace(/\r\n/g, '\n')));
    expect(lf).toEqual(crlf);
  });
});

describe('line numbers and quoting through readRsFolder (6-1)', () => {
  const csv = readReal(T61);
  const lines = csv.split('\r\n');
  const ROW_12 = 'レビューシート,2024,12,';
  /** The row after 12's, and the last row (no quote after it). */
  const NEXT = lines[lineOf(csv, ROW_12)]!.split(',').slice(0, 3).join(',') + ',';
  const NEXT_ID = NEXT.split(',')[2]!;
  const LAST = lines[lines.length - 2]!.split(',').slice(0, 3).join(',') + ',';

  it('a quoted cell with a line break: read with the break, later lines counted past it', async () => {
    const nextLine = lines.findIndex((l) => l.startsWith(NEXT)) + 1;
    expect(nextLine).toBe(lineOf(csv, ROW_12) + 1);
    const broken = csv
      .replace('支出先への支出額について、再委託の支出額には特別会計からの支出を一部含む。', '"一行目,\r\n二行目"')
      .replace(lines[nextLine - 1]!, lines[nextLine - 1]!.replace(/,[^,]*$/, '')); // one field short
    const brokenLine = lineOf(broken, NEXT);
    expect(brokenLine).toBe(nextLine + 1);
    const { records, errors } = await readRsFolder(folderWith61(broken), 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/6-1_RS_2024_その他備考.csv',
        where: `table 6-1, line ${brokenLine}`,
        message: `the row has 13 fields where the header has 14 (予算事業ID ${NEXT_ID}); no record for this project`,
        record: `2024:${NEXT_ID}`,
      },
    ]);
    expect(records.find((r) => r.id.endsWith('-rs12'))!.findings.remarks).toBe('一行目,\r\n二行目');
    expect(records.find((r) => r.id.endsWith(`-rs${NEXT_ID}`))).toBeUndefined();
    expect(records).toHaveLength(251);
  });

  it('a quote inside an unquoted cell: not CSV; the line and column are named, the table is not used', async () => {
    const line = lineOf(csv, ROW_12);
    const { records, errors } = await readRsFolder(folderWith61(csv.replace('特別会計からの支出', '特別会計"からの支出')), 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/6-1_RS_2024_その他備考.csv',
        where: `table 6-1, line ${line}`,
        message: 'not valid CSV (a quote inside column "備考", which is not quoted); table 6-1 is not used',
      },
    ]);
    expect(records).toHaveLength(252);
    expect(records.find((r) => r.id.endsWith('-rs12'))!.findings.remarks).toBeNull();
    expect(records[0]!.source.missingParts).toContain('6-1 その他備考');
  });

  it('text after a closing quote: not CSV', async () => {
    const line = lineOf(csv, ROW_12);
    const bad = csv.replace('支出先への支出額について、', '"支出先への支出額" について、');
    const { errors } = await readRsFolder(folderWith61(bad), 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/6-1_RS_2024_その他備考.csv',
        where: `table 6-1, line ${line}`,
        message: 'not valid CSV (text after the closing quote of column "備考"); table 6-1 is not used',
      },
    ]);
  });

  it('a quote that never closes: not CSV, at the line where it opens', async () => {
    const line = lineOf(csv, LAST);
    expect(line).toBe(lines.length - 1);
    const { errors } = await readRsFolder(folderWith61(csv.replace(LAST, `"${LAST}`)), 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/6-1_RS_2024_その他備考.csv',
        where: `table 6-1, line ${line}`,
        message: 'not valid CSV (the quote opening column "シート種別" is never closed); table 6-1 is not used',
      },
    ]);
  });
});
