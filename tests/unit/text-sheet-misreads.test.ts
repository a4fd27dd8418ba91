/**
 * Text sheets that used to be read wrong without a word (issue 17), each on the real H28 sample with one
 * thing changed: a 計 row of 費目・用途 with one cell missing or added, a row pasted twice, several sheets
 * in one file, and UTF-8 cut in the middle of a character or holding bytes that are not UTF-8.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetInput } from '../../src/schema/sheet.ts';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';

const H28 = readFileSync(resolve('sheets/text/004_b3591854bc0903ef.txt'));
const TITLE = 'M2Mセキュリティ実証事業';
const KEI = '計\t\t108\t計\t\t25'; // line 123: the 計 row of blocks A and B
const dir = mkdtempSync(join(tmpdir(), 'text-misreads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(bytes: Uint8Array | string) {
  const file = join(dir, 'sheet.txt');
  writeFileSync(file, bytes);
  return readTextSheet(file, 'sheet.txt');
}

function blocksAB(record: SheetInput) {
  return record.blocks!.slice(0, 2).map((b) => ({ id: b.id, total: b.total, categories: b.expenses!.map((e) => e.category) }));
}

describe('a 計 row of 費目・用途 out of line', () => {
  const expected = [
    { id: 'A', total: 108_000_000, categories: ['人件費等', 'その他'] },
    { id: 'B', total: 25_000_000, categories: ['委託費', 'その他'] },
  ];

  it('the sample reads both totals with no warning', async () => {
    expect(H28.toString('utf8')).toContain(KEI);
    const { records } = await read(H28);
    expect(blocksAB(records[0]!)).toEqual(expected);
    expect(records[0]!.warnings!.filter((w) => w.section === 'blocks')).toEqual([]);
  });

  for (const [what, row, cells] of [
    ['a cell missing after the first 計', '計\t108\t計\t\t25', 5],
    ['a cell missing after the second 計', '計\t\t108\t計\t25', 5],
    ['a cell added before the amount', '計\t\t\t108\t計\t\t25', 7],
  ] as const) {
    it(`${what}: both totals read by their labels, no expense named 計, a warning naming the line`, async () => {
      const { records, errors } = await read(H28.toString('utf8').replace(KEI, row));
      expect(errors).toEqual([]);
      expect(blocksAB(records[0]!)).toEqual(expected);
      expect(records[0]!.warnings).toContainEqual({
        code: 'layout',
        section: 'blocks',
        ref: null,
        message: `123行目の計の行は列がずれています（ブロック2つに${cells}列）。「計」の後の値を各ブロックの計として読みました`,
      });
    });
  }

  it('an amount with neither 費目 nor 用途 (the 計 label lost) is named', async () => {
    const { records } = await read(H28.toString('utf8').replace(KEI, '\t\t108\t計\t\t25'));
    expect(records[0]!.blocks![0]!.total).toBeNull();
    expect(records[0]!.warnings).toContainEqual(expect.objectContaining({
      code: 'layout',
      ref: 'A',
      message: '123行目: ブロックAの金額「108」に費目も用途もありません（計の行の「計」が欠けているか、列がずれています）。費目・用途なしの金額として読みました',
    }));
  });
});

it('a row pasted twice is read as written and named', async () => {
  const text = H28.toString('utf8');
  const line = text.split('\n')[120]!; // 人件費等 … 98 | 委託費 … 
  expect(line).toMatch(/^人件費等\t/);
  const { records } = await read(text.replace(line, `${line}\n${line}`));
  expect(records[0]!.blocks![0]!.expenses!.map((e) => e.category)).toEqual(['人件費等', '人件費等', 'その他']);
  expect(records[0]!.warnings).toContainEqual({
    code: 'duplicate-row',
    section: 'blocks',
    ref: '122行目',
    message: '122行目は121行目と同じ内容です（重複して記載されている可能性があります。どちらも記載どおり読みました）',
  });
});

it('a file holding several sheets is refused with that reason, naming the title lines', async () => {
  const text = H28.toString('utf8');
  const { records, errors } = await read(`${text}\n${text}\n${text}`);
  expect(records).toEqual([]);
  expect(errors).toEqual([{
    file: 'sheet.txt',
    where: 'lines 3, 137, 271',
    message: 'the file holds 3 sheets (a title line "<年度>行政事業レビューシート (<府省庁>)" at each of these lines); one sheet per file is read: split the file into one file per sheet',
  }]);
});

describe('UTF-8 that is damaged', () => {
  /** An offset in the middle of a 3-byte character, about 60% into the file. */
  function midCharacter(): number {
    let at = Math.floor(H28.length * 0.6);
    while ((H28[at]! & 0xc0) !== 0x80) at++;
    return at;
  }

  it('cut in the middle of a character: reported as cut off, not read as Shift_JIS', async () => {
    const at = midCharacter();
    let lead = at - 1;
    while ((H28[lead]! & 0xc0) === 0x80) lead--;
    const { records, errors } = await read(H28.subarray(0, at));
    expect(records).toEqual([]);
    expect(errors).toEqual([{ file: 'sheet.txt', where: null, message: `the file is UTF-8 and ends in the middle of a character (byte ${lead} of ${at}, line 68): it is cut off` }]);
  });

  it('a byte that is not UTF-8: read as UTF-8, the byte replaced and named with its line', async () => {
    const bad = Buffer.from(H28);
    bad[midCharacter()] = 0xff;
    const { records, notices } = await read(bad);
    expect(records[0]!.title).toBe(TITLE);
    expect(records[0]!.fiscalYear).toBe(2016);
    expect(notices).toEqual([{
      file: 'sheet.txt',
      where: 'line 68',
      message: expect.stringMatching(/^2 byte sequence\(s\) that are not UTF-8 in UTF-8 text \(the first at byte \d+\) replaced by U\+FFFD$/),
    }]);
  });
});

describe('a payee table whose heading lost a cell (real R4 sample, block A)', () => {
  const R4 = readFileSync(resolve('sheets/text/000_ef263abaeb28aada.txt'), 'utf8');
  const HEADING = '\t支出先\t法人番号\t業務概要\t支出額 (百万円)\t契約方式等\t入札者数 (応募者数)\t落札率\t';

  it('the sample reads A-1 入札者数 1 and 落札率 98.3% with no layout warning', async () => {
    const { records } = await read(R4);
    const a1 = records[0]!.payees!.find((p) => p.block === 'A' && p.rank === 1)!;
    expect(a1).toMatchObject({ name: '株式会社日立製作所', bidders: 1, winningBidRate: 0.983 });
    expect(records[0]!.warnings!.filter((w) => w.code === 'layout' && w.section === 'payees')).toEqual([]);
  });

  it('names every row read under the shifted headings, instead of turning 入札者数 1 into 落札率 1% silently', async () => {
    expect(R4).toContain(HEADING);
    const { records } = await read(R4.replace(HEADING, HEADING.replace('\t契約方式等', '')));
    const warned = records[0]!.warnings!.filter((w) => w.code === 'layout' && w.section === 'payees');
    const a1 = records[0]!.payees!.find((p) => p.block === 'A' && p.rank === 1)!;
    expect(a1.winningBidRate).toBe(0.01); // the shifted value, as the columns now stand…
    expect(warned.map((w) => w.ref)).toContain('A-1'); // …and named
    expect(warned.find((w) => w.ref === 'A-1')!.message).toMatch(/^138行目（Aの1位の支出先）のセルの数（9）が137行目の見出し（8）と違うため/);
  });
});

describe('indicator rows out of order (real R4 sample: 活動, 単位当たりコスト, 成果)', () => {
  const R4 = readFileSync(resolve('sheets/text/000_ef263abaeb28aada.txt'), 'utf8');
  /** The sample with lines n and n + 1 (1-based) swapped. */
  function swapped(n: number): string {
    const lines = R4.split('\n');
    [lines[n - 1], lines[n]] = [lines[n]!, lines[n - 1]!];
    return lines.join('\n');
  }
  const layout = (r: SheetInput) => r.warnings!.filter((w) => w.code === 'layout' && w.section !== 'findings').map((w) => `${w.section}: ${w.message}`);

  it('the sample reads one activity, one unit cost and one outcome with no layout warning', async () => {
    const { records } = await read(R4);
    const r = records[0]!;
    expect(r.activities!.map((a) => a.values!.slice(0, 3).map((v) => [v.year, v.actual, v.planned]))).toEqual([[[2019, 1000, 500], [2020, 1200, 600], [2021, 2000, 1000]]]);
    expect(r.unitCosts).toHaveLength(1);
    expect(r.outcomes).toHaveLength(1);
    expect(layout(r)).toEqual([]);
  });

  it('names a 当初見込み row above its 活動実績 row (fuzz: each year read twice, as two activities)', async () => {
    const { records } = await read(swapped(28));
    const r = records[0]!;
    // Read as written: a second activity with the planned values only, before the named one…
    expect(r.activities!.map((a) => a.values!.slice(0, 3).map((v) => [v.year, v.actual, v.planned]))).toEqual([
      [[2019, null, 500], [2020, null, 600], [2021, null, 1000]],
      [[2019, 1000, null], [2020, 1200, null], [2021, 2000, null]],
    ]);
    // …and named.
    expect(layout(r)).toEqual(['activities: 28行目: 「当初見込み」の行の上に「活動実績」の行がないため(行の欠落か順序の崩れの可能性)、別の項目として読みました']);
  });

  it('names a 計算式 row above its 単位当たりコスト row, and a 目標値 row above its 成果実績 row', async () => {
    expect(layout((await read(swapped(31))).records[0]!)).toEqual([
      'unitCosts: 31行目: 「計算式」の行の上に「単位当たりコスト」の行がないため(行の欠落か順序の崩れの可能性)、別の項目として読みました',
    ]);
    expect(layout((await read(swapped(34))).records[0]!)).toEqual([
      'outcomes: 34行目: 「目標値」の行の上に「成果実績」の行がないため(行の欠落か順序の崩れの可能性)、別の項目として読みました',
    ]);
  });
});

describe('a row after the 計 row of 予算内訳 (real R4 sample, the 活動内容 heading cell lost)', () => {
  const R4 = readFileSync(resolve('sheets/text/000_ef263abaeb28aada.txt'), 'utf8');
  const ACTIVITY = '活動内容 (アクティビ ティ)\t通信事業者や放送事業者';

  it('keeps the row as written and names it, instead of two items with no amount silently', async () => {
    expect(R4).toContain(ACTIVITY);
    expect((await read(R4)).records[0]!.warnings!.filter((w) => w.section === 'budgetItems')).toEqual([]);
    const { records } = await read(R4.replace(ACTIVITY, ACTIVITY.slice(ACTIVITY.indexOf('\t') + 1)));
    const r = records[0]!;
    expect(r.budgetItems!.map((b) => [b.year, b.item.slice(0, 8), b.amount])).toEqual([
      [2022, '計', null], [2023, '計', null], [2022, '通信事業者や放送', null], [2023, '通信事業者や放送', null],
    ]);
    expect(r.warnings!.filter((w) => w.section === 'budgetItems').map((w) => w.message)).toEqual([
      '26行目: 予算内訳の「計」の行(25行目)の後の行「通信事業者や放送事業者をはじめとする産業界の多様な主体が、脆弱性情報等を迅速に共有し、更なる効果的な対処に繋げる仕組みの確立。」を内訳として読みました(次の節の見出しが欠けている可能性)',
    ]);
  });
});
