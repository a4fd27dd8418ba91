/**
 * Every non-empty cell of the spending tables 5-1 … 5-4 of the real subset (sheets/rs2024; 5-1 is the
 * reconstructed table) reaches the converted record, in the field that holds that column.
 *
 * The CSVs are parsed here with papaparse directly, not with the reader under test, and each row is matched
 * to its own record entity (block, payee, contract, flow, indirect cost, 5-4 contract) by block and name,
 * so a value found elsewhere in the record does not count. Cells that state no value ("", "-", "―" …:
 * scripts/converter/normalize/blank.ts) are skipped: the schema keeps those as null.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { isNoValue } from '../../scripts/converter/normalize/blank.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';
import { TABLES } from '../../scripts/converter/readers/rs-csv/tables.ts';

const DIR = resolve('sheets/rs2024');
/** The 13 organisation columns every table starts with (they carry no table data). */
const KEY_COLUMNS = 13;

function rows(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(resolve(DIR, file), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...body] = parsed.data;
  return { header: header!, rows: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))) };
}

// Independent readings of the cell forms (the reader has its own in scripts/converter/readers/rs-csv/values.ts).
const yen = (s: string) => Number(s.trim().replace(/\.0+$/, ''));
const flag = (s: string) => ['true', 't', '1'].includes(s.trim().toLowerCase());
const percent = (s: string) => Number(s.trim()) / 100;
const id = (s: string) => s.normalize('NFKC').trim();
const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-12 : a === b);

let records: Map<string, Sheet>;
beforeAll(async () => {
  const result = await readRsFolder(DIR, 'rs2024');
  expect(result.errors).toEqual([]);
  records = new Map(result.records.map((r) => [r.id.replace(/^.*-rs/, ''), sheet.parse(r)]));
});

/** Walks a table: for each non-empty data cell, `found(record, row, column)` must be true. */
function walk(file: string, found: (r: Sheet, row: Record<string, string>, column: string) => boolean): { cells: number; missing: string[] } {
  const t = rows(file);
  const missing: string[] = [];
  let cells = 0;
  t.rows.forEach((row, i) => {
    const r = records.get(row['予算事業ID']!.trim());
    for (const column of t.header.slice(KEY_COLUMNS)) {
      if (isNoValue(row[column])) continue;
      cells++;
      if (!r || !found(r, row, column)) missing.push(`${file} line ${i + 2} ${column}: ${row[column]!.slice(0, 40)}`);
    }
  });
  return { cells, missing };
}

describe('every non-empty cell of 5-1 … 5-4 is in the record', () => {
  it('5-1 支出先_支出情報 (reconstructed): blocks, payees and each contract row', () => {
    const { cells, missing } = walk('5-1_RS_2024_支出先_支出情報.csv', (r, row, column) => {
      const block = id(row['支出先ブロック番号']!);
      const v = row[column]!;
      const b = r.blocks.find((x) => x.id === block);
      const payees = r.payees.filter((p) => p.block === block && p.name === v.trim());
      const own = r.payees.filter((p) => p.block === block && p.name === row['支出先名']!.trim());
      const contracts = own.flatMap((p) => p.contracts);
      switch (column) {
        case '支出先ブロック番号': return b !== undefined;
        case '支出先ブロック名': return b?.name === v.trim();
        case '支出先の数': return b?.payeeCount === yen(v);
        case '事業を行う上での役割': return b?.role === v.trim();
        case 'ブロックの合計支出額': return b?.total === yen(v);
        case '支出先名': return payees.length > 0;
        case '法人番号': return own.some((p) => p.corporateNumber === id(v));
        case '所在地': return own.some((p) => p.location === v.trim());
        case '法人種別': return own.some((p) => p.corporateType === v.trim());
        case 'その他支出先': return own.some((p) => p.otherPayee === flag(v));
        case '支出先の合計支出額': return own.some((p) => p.amount === yen(v));
        case '契約概要': return contracts.some((c) => c.description === v.trim());
        case '金額': return contracts.some((c) => c.amount === yen(v));
        case '契約方式等': return contracts.some((c) => c.method === v.trim());
        case '具体的な契約方式等': return contracts.some((c) => c.specificMethod === v.trim());
        case '入札者数': return contracts.some((c) => c.bidders === yen(v));
        case '落札率': return contracts.some((c) => same(c.winningBidRate, percent(v)));
        case 'その他の契約': return contracts.some((c) => c.other === flag(v));
        default:
          if (column.startsWith('一者応札')) return contracts.some((c) => c.singleBidReason === v.trim());
          return false;
      }
    });
    expect(cells).toBe(52028); // filled cells of the reconstructed file (its README lists the blank columns)
    expect(missing).toEqual([]);
  });

  it('5-2 支出ブロックのつながり: edges (with 補足情報), block names and 国自らが支出する間接経費', () => {
    const { cells, missing } = walk('5-2_RS_2024_支出先_支出ブロックのつながり.csv', (r, row, column) => {
      const v = row[column]!;
      const direct = flag(row['担当組織からの支出']!);
      const to = id(row['支出先の支出先ブロック']!);
      const from = direct ? 'ministry' : id(row['支出元の支出先ブロック']!);
      const edge = r.flows.find((f) => f.from === from && f.to === to);
      const costs = r.indirectCosts;
      switch (column) {
        case '支出元の支出先ブロック': return r.flows.some((f) => f.from === id(v)) || (direct && edge !== undefined);
        // The ministry's own name for a direct payment; else the 支出元 block's name (or 5-1's name for it).
        case '支出元の支出先ブロック名':
          return direct ? edge !== undefined : r.blocks.some((b) => b.id === from) && edge !== undefined;
        case '担当組織からの支出': return edge !== undefined;
        case '支出先の支出先ブロック': return edge !== undefined;
        case '支出先の支出先ブロック名': return r.blocks.some((b) => b.id === to);
        case '資金の流れの補足情報': return (edge?.note ?? '').split('\n').includes(v.trim());
        case '国自らが支出する間接経費': return costs.some((c) => c.label === v.trim());
        case '国自らが支出する間接経費の項目': return costs.some((c) => c.item === v.trim());
        case '国自らが支出する間接経費の金額': return costs.some((c) => c.amount === yen(v));
        default: return false;
      }
    });
    expect(cells).toBe(5689);
    expect(missing).toEqual([]);
  });

  it('5-3 費目・使途: each line with its 支出先名, 法人番号 and 契約概要', () => {
    const { cells, missing } = walk('5-3_RS_2024_支出先_費目・使途.csv', (r, row, column) => {
      const v = row[column]!;
      const b = r.blocks.find((x) => x.id === id(row['支出先ブロック番号']!));
      // A payee may have several lines with the same 費目 and 使途 (amounts differ): any of them may hold the cell.
      const lines = (b?.expenses ?? []).filter(
        (e) => e.category === (row['費目']!.trim() || null) && e.purpose === (row['使途']!.trim() || null) && e.payee === (row['支出先名']!.trim() || null),
      );
      switch (column) {
        case '支出先ブロック番号': return b !== undefined;
        case '支出先名': return lines.some((e) => e.payee === v.trim());
        case '法人番号': return lines.some((e) => e.corporateNumber === id(v));
        case '契約概要': return lines.some((e) => e.contract === v.trim());
        case '費目': return lines.some((e) => e.category === v.trim());
        case '使途': return lines.some((e) => e.purpose === v.trim());
        case '金額': return lines.some((e) => e.amount === yen(v));
        default: return false;
      }
    });
    expect(cells).toBe(12836);
    expect(missing).toEqual([]);
  });

  it('5-4 国庫債務負担行為等による契約: every column of each contract', () => {
    const Q = '（国庫債務負担行為等による契約）';
    const { cells, missing } = walk('5-4_RS_2024_支出先_国庫債務負担行為等による契約.csv', (r, row, column) => {
      const v = row[column]!;
      // The same 契約先 may have several contracts of the same name (amounts differ): any of them may hold the cell.
      const candidates = r.multiYearContracts.filter(
        (x) => x.name === (row[`契約先名${Q}`]!.trim() || null) && x.description === (row[`契約概要（契約名）${Q}`]!.trim() || null) && x.block === (id(row[`支出先ブロック${Q}`]!) || null),
      );
      return candidates.some((c) => holds(c, column, v));
    });
    function holds(c: Sheet['multiYearContracts'][number], column: string, v: string): boolean {
      const field: Record<string, unknown> = {
        [`支出先ブロック${Q}`]: c.block === id(v),
        [`契約先名${Q}`]: c.name === v.trim(),
        [`契約先の法人番号${Q}`]: c.corporateNumber === id(v),
        [`契約先の所在地${Q}`]: c.location === v.trim(),
        [`契約先の法人種別${Q}`]: c.corporateType === v.trim(),
        [`契約概要（契約名）${Q}`]: c.description === v.trim(),
        'その他の契約': c.other === flag(v),
        [`契約額${Q}`]: c.amount === yen(v),
        [`契約方式等${Q}`]: c.method === v.trim(),
        [`具体的な契約方式等${Q}`]: c.specificMethod === v.trim(),
        [`入札者数（応募者数）${Q}`]: c.bidders === yen(v),
        [`落札率（％）${Q}`]: same(c.winningBidRate, percent(v)),
        [`一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（契約額10億円以上）${Q}`]: c.singleBidReason === v.trim(),
        [`その他の契約${Q}`]: c.otherMultiYear === flag(v),
      };
      return field[column] === true;
    }
    expect(cells).toBe(4501);
    expect(missing).toEqual([]);
  });
});

describe('real values of the subset', () => {
  it('5-4 of project 46: JAXA, 情報収集衛星の研究・開発, 44,893,639,000 円, 随意契約（その他） with its stated reason', () => {
    const c = records.get('46')!.multiYearContracts.find((x) => x.name === '国立研究開発法人宇宙航空研究開発機構')!;
    expect(c).toEqual({
      block: 'A',
      name: '国立研究開発法人宇宙航空研究開発機構',
      corporateNumber: '9012405001241',
      location: '東京都調布市深大寺東町７丁目４４番地１',
      corporateType: '399',
      description: '情報収集衛星の研究・開発',
      amount: 44893639000,
      method: '随意契約（その他）',
      specificMethod: null,
      bidders: 1,
      winningBidRate: null,
      singleBidReason: '会計法第29条の3第5項、予算決算及び会計令第99条第1号',
      other: false,
      otherMultiYear: false,
    });
  });

  it('5-3 of project 7: the line names its payee 富士ソフトサービスビューロ株式会社 and 法人番号', () => {
    const line = records.get('7')!.blocks.find((b) => b.id === 'A')!.expenses[0]!;
    expect(line).toEqual({
      category: '役務費',
      purpose: 'コールセンターの運営（富士ソフトサービスビューロ株式会社）',
      amount: 200362000,
      subcontractor: null,
      payee: '富士ソフトサービスビューロ株式会社',
      corporateNumber: '1010601027646',
      contract: 'マイナンバーコールセンターの設置運営業務',
    });
  });

  it('5-2 of project 222: 国自らが支出する間接経費 旅費 3,537,000 円 and 諸謝金 1,428,000 円', () => {
    expect(records.get('222')!.indirectCosts).toEqual([
      { label: '間接経費', item: '旅費', amount: 3537000 },
      { label: '間接経費', item: '諸謝金', amount: 1428000 },
    ]);
  });

  it('5-1 of project 12: block B 富士電機株式会社ほか, 187,230,000 円, with its payees and 法人番号', () => {
    const r = records.get('12')!;
    expect(r.blocks.find((b) => b.id === 'B')).toMatchObject({ name: '富士電機株式会社ほか', role: 'システム運用・保守', total: 187230000 });
    expect(r.payees.filter((p) => p.block === 'B').map((p) => [p.rank, p.name, p.corporateNumber, p.amount, p.location])).toEqual([
      [1, '富士電機株式会社', '9020001071492', 187108000, '神奈川県川崎市川崎区田辺新田１番１号'],
      [2, '富士通株式会社', '1020001071491', 122000, null],
    ]);
  });
});

describe('columns the reconstructed 5-1 leaves blank, filled with values the reader cannot interpret', () => {
  it('keeps the record, the value as written in an unparsed-value warning, and the field null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rs-spending-'));
    const org = 'レビューシート,2024,900009,試験事業（架空）,1,内閣官房,内閣官房,内閣人事局,,,,,';
    const csv = (id: '5-1' | '5-4', lines: string[]) =>
      writeFileSync(join(dir, `${id}_RS_2024_${TABLES[id].name}.csv`), `\uFEFF${[TABLES[id].columns.join(','), ...lines.map((l) => `${org},${l}`)].join('\r\n')}\r\n`);
    // 5-1: a block with 支出先の数 "数者", a payee, its contract with 入札者数 "不明" and 落札率 "約95".
    csv('5-1', [
      'A,株式会社試験ほか,数者,運営,1000000,,,,,,,,,,,,,,',
      'A,,,,,株式会社試験,,,301,FALSE,1000000,,,,,,,,',
      'A,,,,,株式会社試験,,,,,,運営業務,1000000,一般競争契約（最低価格）,,不明,約95,,f',
    ]);
    // 5-4: 契約額 "未定", 入札者数 "3", 落札率 "95.6".
    csv('5-4', ['A,株式会社試験,,,,保守業務,f,未定,一般競争契約（最低価格）,,3,95.6,,f']);
    const result = await readRsFolder(dir, 'fixture');
    expect(result.errors).toEqual([]);
    const r = sheet.parse(result.records[0]);
    expect(r.blocks[0]).toMatchObject({ id: 'A', payeeCount: null, total: 1000000 });
    expect(r.payees[0]!.contracts[0]).toMatchObject({ description: '運営業務', amount: 1000000, bidders: null, winningBidRate: null, other: false });
    expect(r.multiYearContracts[0]).toMatchObject({ description: '保守業務', amount: null, bidders: 3, winningBidRate: 0.956 });
    expect(r.warnings.map((w) => [w.code, w.section, w.message])).toEqual([
      ['unparsed-value', 'blocks', '表5-1の2行目「支出先の数」の「数者」は読み取れないため、空欄として扱っています。'],
      ['unparsed-value', 'payees', '表5-1の4行目「入札者数」の「不明」は読み取れないため、空欄として扱っています。'],
      ['unparsed-value', 'payees', '表5-1の4行目「落札率」の「約95」は読み取れないため、空欄として扱っています。'],
      ['unparsed-value', 'multiYearContracts', '表5-4の2行目「契約額（国庫債務負担行為等による契約）」の「未定」は読み取れないため、空欄として扱っています。'],
    ]);
  });
});
