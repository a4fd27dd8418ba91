/**
 * RS reader: zip input and bad input. Each case copies some real tables of sheets/rs2024 into a temporary
 * folder, breaks one thing, and checks the exact message and that the rest still builds.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { sheet, type SheetInput } from '../../src/schema/sheet.ts';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { decodeText, type DecodeInfo } from '../../scripts/converter/readers/rs-csv/open-table.ts';

const REAL = resolve('sheets/rs2024');
const F = {
  '1-1': '1-1_RS_2024_基本情報_組織情報.csv',
  '1-4': '1-4_RS_2024_基本情報_補助率等.csv',
  '2-1': '2-1_RS_2024_予算・執行_サマリ.csv',
  '2-2': '2-2_RS_2024_予算・執行_予算種別・歳出予算項目.csv',
  '5-2': '5-2_RS_2024_支出先_支出ブロックのつながり.csv',
  '5-3': '5-3_RS_2024_支出先_費目・使途.csv',
  '6-1': '6-1_RS_2024_その他備考.csv',
} as const;
type T = keyof typeof F;

const root = mkdtempSync(join(tmpdir(), 'rs-bad-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A folder holding copies of the given real tables. */
function folder(tables: T[]): string {
  const dir = join(root, `case${++n}`);
  mkdirSync(dir);
  for (const t of tables) copyFileSync(join(REAL, F[t]), join(dir, F[t]));
  return dir;
}

function readReal(t: T): string {
  return readFileSync(join(REAL, F[t]), 'utf8');
}

/** 1-based line number of the first line starting with `prefix`. */
function lineOf(csv: string, prefix: string): number {
  const i = csv.split('\r\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i + 1;
}

const rs1 = (records: SheetInput[]) => records.find((r) => r.id === '2024-cas-rs1');
const ROW_2023_OF_1 = 'レビューシート,2024,1,内閣人事局経費,1,内閣官房,内閣官房,内閣人事局,,,,,,2023,33328000,';

describe('zip input', () => {
  it('reads a table from its published zip as from the CSV', async () => {
    const dir = folder(['1-1']);
    const zip = zipSync({ [F['2-1']]: new Uint8Array(readFileSync(join(REAL, F['2-1']))) });
    writeFileSync(join(dir, F['2-1'].replace(/\.csv$/, '.zip')), zip);
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(252);
    const b2023 = rs1(records)!.budgets!.find((b) => b.year === 2023)!;
    expect(b2023).toMatchObject({ initial: 33328000, executed: 11200834, executionRate: 0.33608 });
    expect(rs1(records)!.source.missingParts).not.toContain('2-1 予算・執行_サマリ');
  });

  it('prefers the extracted CSV when both the zip and the CSV are there', async () => {
    const dir = folder(['2-1']);
    writeFileSync(join(dir, F['2-1'].replace(/\.csv$/, '.zip')), 'not read');
    const { records, errors, notices } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(252);
    expect(notices).toContainEqual({
      file: 'rs/2-1_RS_2024_予算・執行_サマリ.zip',
      where: null,
      message: 'a second file of table 2-1 for 2024; 2-1_RS_2024_予算・執行_サマリ.csv is read instead',
    });
  });
});

describe('bad input', () => {
  it('a missing table: records are still built and list it in missingParts', async () => {
    const dir = folder(['2-2', '5-2']); // no 1-1, 1-2 or 2-1
    const { records, errors, notices } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(252);
    const r = rs1(records)!;
    expect(r.title).toBe('内閣人事局経費'); // every table repeats the organisation columns
    expect(r.budgets).toEqual([]);
    expect(r.budgetItems!.length).toBeGreaterThan(0); // from 2-2
    expect(r.flows).toHaveLength(2);
    expect(r.source.missingParts).toContain('2-1 予算・執行_サマリ');
    expect(r.source.missingParts).toContain('1-1 基本情報_組織情報');
    expect(r.source.missingParts).not.toContain('2-2 予算・執行_予算種別・歳出予算項目');
    expect(notices).toContainEqual({
      file: 'rs',
      where: null,
      message: 'table 2-1 予算・執行_サマリ for 2024 is not in the folder; records list it in missingParts',
    });
    for (const rec of records) expect(() => sheet.parse(rec)).not.toThrow();
  });

  it('a renamed required column: one error naming table and column; that table is not used', async () => {
    const dir = folder(['1-1', '2-2']);
    writeFileSync(join(dir, F['2-1']), readReal('2-1').replace(',執行率,', ',執行割合,'));
    const { records, errors, notices } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/2-1_RS_2024_予算・執行_サマリ.csv',
        where: 'table 2-1 予算・執行_サマリ, header',
        message: 'required column "執行率" is missing (renamed or removed); table 2-1 is not used',
      },
    ]);
    expect(records).toHaveLength(252);
    expect(rs1(records)!.budgets).toEqual([]);
    expect(rs1(records)!.source.missingParts).toContain('2-1 予算・執行_サマリ');
    expect(notices).toContainEqual({
      file: 'rs/2-1_RS_2024_予算・執行_サマリ.csv',
      where: 'table 2-1 予算・執行_サマリ, header',
      message: 'unknown column "執行割合" is ignored',
    });
  });

  it('several required columns missing: still one error for the table, naming them all', async () => {
    const dir = folder(['1-1']);
    writeFileSync(join(dir, F['1-4']), readReal('1-4').replace(',補助対象,補助率,', ',対象,率,'));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/1-4_RS_2024_基本情報_補助率等.csv',
        where: 'table 1-4 基本情報_補助率等, header',
        message: 'required columns "補助対象", "補助率" are missing (renamed or removed); table 1-4 is not used',
      },
    ]);
    expect(records).toHaveLength(252);
  });

  it('an unknown extra column: a notice, the column ignored, the table used', async () => {
    const dir = folder(['1-1']);
    const csv = readReal('6-1')
      .split('\r\n')
      .map((l, i) => (l === '' ? l : `${l},${i === 0 ? '新しい列' : 'x'}`))
      .join('\r\n');
    writeFileSync(join(dir, F['6-1']), csv);
    const { records, errors, notices } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(notices).toContainEqual({
      file: 'rs/6-1_RS_2024_その他備考.csv',
      where: 'table 6-1 その他備考, header',
      message: 'unknown column "新しい列" is ignored',
    });
    const r12 = records.find((r) => r.id.endsWith('-rs12'))!;
    expect(r12.findings.remarks).toBe('支出先への支出額について、再委託の支出額には特別会計からの支出を一部含む。');
  });

  it('an amount that does not parse: read as blank, kept as written in a warning naming table, line and column', async () => {
    const dir = folder(['1-1', '2-2']);
    const csv = readReal('2-1');
    const line = lineOf(csv, ROW_2023_OF_1);
    writeFileSync(join(dir, F['2-1']), csv.replace(ROW_2023_OF_1, ROW_2023_OF_1.replace(',33328000,', ',abc,')));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(line).toBe(4); // header, 2024 total row, 2024 account row, then this 2023 total row
    expect(records).toHaveLength(252);
    const r = rs1(records)!;
    expect(r.budgets!.find((b) => b.year === 2023)).toMatchObject({ initial: null, total: 33328000 });
    expect(r.warnings).toContainEqual({
      code: 'unparsed-value',
      section: 'budgets',
      ref: null,
      message: '表2-1の4行目「当初予算（合計）」の「abc」は読み取れないため、空欄として扱っています。',
    });
  });

  it('a row a mapper cannot interpret (5-3 金額 "abc") costs that row only: a warning quoting the cell, the record built', async () => {
    const dir = folder(['1-1']);
    const row = 'レビューシート,2024,1,内閣人事局経費,1,内閣官房,内閣官房,内閣人事局,,,,,,A,株式会社ブルーコンシャス,1020001120059,ウェブ会議システムを利用した新任管理者研修の実施等請負業務,雑役務費,研修実施請負業務,3295000';
    const csv = readReal('5-3');
    expect(lineOf(csv, row)).toBe(2);
    writeFileSync(join(dir, F['5-3']), csv.replace(row, row.replace(/,3295000$/, ',abc')));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(252);
    expect(rs1(records)!.warnings).toEqual([
      {
        code: 'unparsed-value',
        section: 'blocks',
        ref: null,
        message: '表5-3の2行目「金額」の「abc」を読み取れないため、この行を使っていません。',
      },
    ]);
  });

  it('a row with too few fields fails its project', async () => {
    const dir = folder(['1-1']);
    const csv = readReal('2-1');
    const line = lineOf(csv, ROW_2023_OF_1);
    const lines = csv.split('\r\n');
    lines[line - 1] = lines[line - 1]!.split(',').slice(0, 20).join(',');
    writeFileSync(join(dir, F['2-1']), lines.join('\r\n'));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/2-1_RS_2024_予算・執行_サマリ.csv',
        where: `table 2-1, line ${line}`,
        message: 'the row has 20 fields where the header has 44 (予算事業ID 1); no record for this project',
        record: '2024:1',
      },
    ]);
    expect(records).toHaveLength(251);
  });

  it('a file that is not a zip: an error naming it; the rest build', async () => {
    const dir = folder(['1-1']);
    writeFileSync(join(dir, '1-4_RS_2024_基本情報_補助率等.zip'), 'this is not a zip file');
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/1-4_RS_2024_基本情報_補助率等.zip',
        where: 'table 1-4 基本情報_補助率等',
        message: 'not a zip file; table 1-4 is not used',
      },
    ]);
    expect(records).toHaveLength(252);
    expect(rs1(records)!.source.missingParts).toContain('1-4 基本情報_補助率等');
  });

  it('a corrupt zip (damaged compressed data): an error naming it; the rest build', async () => {
    const dir = folder(['1-1']);
    const zip = zipSync({ [F['2-1']]: new Uint8Array(readFileSync(join(REAL, F['2-1']))) }, { level: 6 });
    for (let i = 200; i < 260; i++) zip[i] = zip[i]! ^ 0xa5;
    writeFileSync(join(dir, '2-1_RS_2024_予算・執行_サマリ.zip'), zip);
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'rs/2-1_RS_2024_予算・執行_サマリ.zip', where: 'table 2-1 予算・執行_サマリ' });
    expect(errors[0]!.message).toMatch(/^the entry "2-1_RS_2024_予算・執行_サマリ\.csv" cannot be inflated \(.+\); table 2-1 is not used$/);
    expect(records).toHaveLength(252);
    expect(rs1(records)!.budgets).toEqual([]); // nothing half-read is kept
  });

  it('a truncated zip: an error naming it', async () => {
    const dir = folder(['1-1']);
    const zip = zipSync({ [F['2-1']]: new Uint8Array(readFileSync(join(REAL, F['2-1']))) }, { level: 6 });
    writeFileSync(join(dir, '2-1_RS_2024_予算・執行_サマリ.zip'), zip.subarray(0, Math.floor(zip.length / 3)));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'rs/2-1_RS_2024_予算・執行_サマリ.zip', where: 'table 2-1 予算・執行_サマリ' });
    expect(errors[0]!.message).toMatch(/table 2-1 is not used$/);
    expect(records).toHaveLength(252);
    expect(rs1(records)!.budgets).toEqual([]);
  });

  it('text that is not CSV (a quote never closed): an error naming the line; the table is not used', async () => {
    const dir = folder(['1-1']);
    const csv = readReal('6-1');
    const line = lineOf(csv, 'レビューシート,2024,12,');
    writeFileSync(join(dir, F['6-1']), csv.replace('レビューシート,2024,12,', '"レビューシート,2024,12,'));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('rs/6-1_RS_2024_その他備考.csv');
    expect(errors[0]!.where).toMatch(/^table 6-1, line \d+$/);
    expect(Number(errors[0]!.where!.split(' ').pop())).toBeGreaterThanOrEqual(line);
    expect(errors[0]!.message).toMatch(/^not valid CSV \(.+\); table 6-1 is not used$/);
    expect(records).toHaveLength(252);
    expect(records.find((r) => r.id.endsWith('-rs12'))!.source.missingParts).toContain('6-1 その他備考');
  });

  it('a 3-1 row of an unknown row type is kept out with a warning quoting it; the record stays', async () => {
    const dir = folder([]);
    const fixture = resolve('tests/fixtures/rs/goals-payees/3-1_RS_2024_効果発現経路_目標・実績.csv');
    const csv = readFileSync(fixture, 'utf8');
    writeFileSync(join(dir, '3-1_RS_2024_効果発現経路_目標・実績.csv'), csv.replace(',3.実績値,', ',3.実績見込,'));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.warnings).toContainEqual({
      code: 'unparsed-value',
      section: 'activities',
      ref: null,
      message: '表3-1の5行目「目標年度／目標値／実績値／達成率」の「3.実績見込」は読み取れないため、この行を使っていません。',
    });
    // the row's actuals are not read: the 2021 actual of line 5 is blank
    expect(records[0]!.activities![0]!.values[0]).toMatchObject({ year: 2021, actual: null, planned: 10 });
  });

  it('a 5-2 edge without its target block is left out with a warning on the record', async () => {
    const dir = folder([]);
    const csv = readReal('5-2');
    const row = 'レビューシート,2024,1,内閣人事局経費,1,内閣官房,内閣官房,内閣人事局,,,,,,,内閣官房,TRUE,B,株式会社クオリアほか,';
    const line = lineOf(csv, row);
    writeFileSync(join(dir, F['5-2']), csv.replace(row, row.replace(',TRUE,B,', ',TRUE,,')));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(rs1(records)!.flows).toEqual([{ from: 'ministry', to: 'A', amount: null, inferred: false, note: null, sourceName: '内閣官房' }]);
    expect(rs1(records)!.warnings).toEqual([
      {
        code: 'layout',
        section: 'flows',
        ref: null,
        message: `表5-2の${line}行目は支出先の支出先ブロックが空欄のため、資金の流れに含めていません。`,
      },
    ]);
  });

  it('府省庁 left blank in every table read (5-2 of ID 422): 政策所管府省庁 stands in, with a warning', async () => {
    const { records, errors } = await readRsFolder(folder(['5-2']), 'rs');
    expect(errors).toEqual([]);
    const r422 = records.find((r) => r.id.endsWith('-rs422'))!;
    expect(r422.id).toBe('2024-fsa-rs422');
    expect(r422.ministry).toBe('金融庁');
    expect(r422.warnings).toEqual([
      { code: 'source', section: 'ministry', ref: null, message: '府省庁が空欄のため、政策所管府省庁「金融庁」を府省庁としています。' },
    ]);
    // with 1-1 read first, the 府省庁 is stated and nothing stands in
    const full = await readRsFolder(folder(['1-1', '5-2']), 'rs');
    expect(full.records.find((r) => r.id.endsWith('-rs422'))!.warnings).toEqual([]);
  });

  it('a table in Shift_JIS without BOM is read, with a notice', async () => {
    const dir = folder([]);
    const utf8 = readReal('6-1').replace(/^\uFEFF/, '');
    writeFileSync(join(dir, F['6-1']), iconv.encode(utf8, 'cp932'));
    const { records, errors, notices } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([]);
    expect(notices).toContainEqual({ file: 'rs/6-1_RS_2024_その他備考.csv', where: null, message: 'not UTF-8: read as Shift_JIS (cp932)' });
    expect(records).toHaveLength(252);
    expect(records.find((r) => r.id.endsWith('-rs12'))!.findings.remarks).toBe(
      '支出先への支出額について、再委託の支出額には特別会計からの支出を一部含む。',
    );
  });

  it('bytes that are not UTF-8 far into a table: only the project of that row fails, naming table, line and column', async () => {
    const dir = folder(['1-1']);
    const lines = readFileSync(join(REAL, F['2-2'])).toString('latin1').split('\r\n');
    const line = Math.floor(lines.length * 0.75); // well past the first 64 KB read
    const cells = lines[line - 1]!.split(',');
    const id = cells[2]!;
    const title = Buffer.from(cells[3]!, 'latin1');
    expect(title[0]).toBeGreaterThanOrEqual(0xe0); // 事業名 starts with a 3-byte character
    cells[3] = Buffer.concat([Buffer.from([0xff]), title.subarray(3)]).toString('latin1');
    lines[line - 1] = cells.join(',');
    writeFileSync(join(dir, F['2-2']), Buffer.from(lines.join('\r\n'), 'latin1'));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/2-2_RS_2024_予算・執行_予算種別・歳出予算項目.csv',
        where: `table 2-2, line ${line}`,
        message: `the row has bytes that are not valid UTF-8 (read as "\uFFFD") in column "事業名" (予算事業ID ${id}); no record for this project`,
        record: `2024:${id}`,
      },
    ]);
    expect(records).toHaveLength(251);
    expect(records.find((r) => r.id.endsWith(`-rs${id}`))).toBeUndefined();
    // the other projects keep their 2-2 rows, before and after the damaged one
    expect(records.filter((r) => (r.budgetItems?.length ?? 0) > 0).length).toBeGreaterThan(200);
  });

  it('a 予算事業ID with bytes that are not UTF-8 names no project: the row is reported and skipped', async () => {
    const dir = folder([]);
    const csv = readFileSync(join(REAL, F['2-1']));
    const at = csv.indexOf(Buffer.from(ROW_2023_OF_1));
    const line = lineOf(readReal('2-1'), ROW_2023_OF_1);
    // "レビューシート,2024,1," → the ID cell becomes 0xFF 0x31
    const idAt = at + Buffer.byteLength('レビューシート,2024,');
    writeFileSync(join(dir, F['2-1']), Buffer.concat([csv.subarray(0, idAt), Buffer.from([0xff]), csv.subarray(idAt)]));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toEqual([
      {
        file: 'rs/2-1_RS_2024_予算・執行_サマリ.csv',
        where: `table 2-1, line ${line}, column 予算事業ID`,
        message: `予算事業ID "\uFFFD1" cannot identify a project (the row has bytes that are not valid UTF-8 (read as "\uFFFD") in column "予算事業ID"); row skipped`,
      },
    ]);
    expect(records).toHaveLength(252);
  });

  it('a table that ends inside a UTF-8 character: the project of its last row fails', async () => {
    const dir = folder([]);
    const csv = readFileSync(join(REAL, F['6-1']));
    const text = readReal('6-1');
    const last = text.trimEnd().split('\r\n').length;
    const lastId = text.trimEnd().split('\r\n')[last - 1]!.split(',')[2]!;
    let end = csv.length - 1;
    while (csv[end]! < 0xe0) end--; // the lead byte of the last 3-byte character
    writeFileSync(join(dir, F['6-1']), csv.subarray(0, end + 1));
    const { records, errors } = await readRsFolder(dir, 'rs');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'rs/6-1_RS_2024_その他備考.csv', where: `table 6-1, line ${last}` });
    expect(errors[0]!.message).toMatch(new RegExp(`^the row has bytes that are not valid UTF-8 .*\\(予算事業ID ${lastId}\\); no record for this project$`));
    expect(records).toHaveLength(251);
  });

  it('a folder with no RS table files is one error', async () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'readme.txt'), 'nothing');
    expect(await readRsFolder(dir, 'rs')).toEqual({
      records: [],
      errors: [{ file: 'rs', where: null, message: 'no RS table files (N-N_RS_YYYY_*.csv|zip) in the folder' }],
      notices: [],
    });
  });
});

describe('decodeText', () => {
  it('gives the same text however the bytes are cut, characters split across chunks included', async () => {
    const bytes = new Uint8Array(readFileSync(join(REAL, F['6-1']))); // 47 KB
    const whole = new TextDecoder().decode(bytes); // drops the BOM, as decodeText does
    for (const size of [1, 2, 5, 4096 + 1]) {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const info: DecodeInfo = { encoding: null, invalidAt: [] };
      let text = '';
      for await (const s of decodeText(chunks(), info)) text += s;
      expect(text === whole, `chunks of ${size} bytes`).toBe(true);
      expect(info).toEqual({ encoding: 'utf-8', invalidAt: [] });
    }
  });

  it('notes the text offset of each line with bytes that are not UTF-8', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('\uFEFFあ,い\r\nう,');
      yield Buffer.from([0xe3, 0x81]); // an incomplete character, then a full one whose bytes are split
      yield Buffer.concat([Buffer.from(',x\r\n'), Buffer.from('え').subarray(0, 1)]);
      yield Buffer.concat([Buffer.from('え').subarray(1), Buffer.from('\r\n')]);
    }
    const info: DecodeInfo = { encoding: null, invalidAt: [] };
    let text = '';
    for await (const s of decodeText(chunks(), info)) text += s;
    expect(text).toBe('あ,い\r\nう,\uFFFD,x\r\nえ\r\n');
    expect(info.invalidAt).toEqual([text.indexOf('\uFFFD')]);
  });
});
