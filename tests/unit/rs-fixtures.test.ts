/**
 * Tables 3-1 and 5-1, whose real files are not available here, read from small fixtures written to their
 * recorded headers (tests/fixtures/rs/goals-payees, one fictional project 900001; see its README).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheet, type SheetInput } from '../../src/schema/sheet.ts';
import type { ReadResult } from '../../scripts/converter/readers/read-result.ts';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { checkSheet } from '../../scripts/converter/quality-warnings.ts';
import { pastSheetResolver } from '../../src/lib/view/aggregate.ts';

let result: ReadResult;
let record: SheetInput;

beforeAll(async () => {
  result = await readRsFolder(resolve('tests/fixtures/rs/goals-payees'), 'fixtures/goals-payees');
  record = result.records[0]!;
});

describe('fixture folder with 3-1, 5-1 and 5-2 only', () => {
  it('builds one valid record from the organisation columns every table repeats', () => {
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(1);
    expect(() => sheet.parse(record)).not.toThrow();
    expect(record).toMatchObject({
      id: '2024-cas-rs900001',
      title: '試験用事業（架空）',
      ministry: '内閣官房',
      bureau: '内閣人事局',
      division: '人事政策統括官付',
      manager: null,
    });
    expect(record.source.missingParts).toEqual([
      '1-1 基本情報_組織情報',
      '1-2 基本情報_事業概要等',
      '1-3 基本情報_政策・施策、法令等',
      '1-4 基本情報_補助率等',
      '1-5 基本情報_関連事業',
      '2-1 予算・執行_サマリ',
      '2-2 予算・執行_予算種別・歳出予算項目',
      '3-2 効果発現経路_目標のつながり',
      '4-1 点検・評価',
      '5-3 支出先_費目・使途',
      '5-4 支出先_国庫債務負担行為等による契約',
      '6-1 その他備考',
    ]);
  });
});

describe('3-1 targets and actuals', () => {
  it('アクティビティ text becomes the activity description', () => {
    expect(record.activityDescription).toBe('各府省の職員を対象に研修を実施する。');
  });

  it('アウトプット → activities: 目標値 as planned, 実績値 as actual, the 目標年度 as a plan', () => {
    expect(record.activities).toEqual([
      {
        goal: '研修の実施',
        indicator: '研修の実施回数',
        unit: '回',
        direction: '上向き',
        values: [
          { year: 2021, label: null, isPlan: false, actual: 9, planned: 10 },
          { year: 2022, label: null, isPlan: false, actual: 12, planned: 12 },
          { year: 2023, label: null, isPlan: false, actual: 1014, planned: 12 }, // written "1,014"
          { year: 2024, label: '目標年度', isPlan: true, actual: null, planned: 15 },
        ],
      },
    ]);
  });

  it('アウトカム → outcomes with term, target year, source and 達成率 as a fraction', () => {
    expect(record.outcomes![0]).toEqual({
      goal: '受講者の9割が有効と回答する',
      indicator: '研修が有効と回答した受講者の割合',
      unit: '%',
      term: '短期',
      targetYear: 2025,
      dataSource: '受講者アンケート（架空）',
      goalType: '定量的',
      direction: '上向き',
      qualitativeReason: null,
      qualitativeResult: null,
      values: [
        { year: 2022, label: null, isPlan: false, actual: 85.5, target: null, achievement: null },
        { year: 2023, label: null, isPlan: false, actual: 92.1, target: 90, achievement: 1.023 }, // 102.3 %
        { year: 2025, label: '目標年度', isPlan: true, actual: null, target: 90, achievement: null },
      ],
    });
    expect(record.outcomes![1]).toMatchObject({ term: '長期', targetYear: 2030, unit: '点' });
  });

  it('a value that is not a number is left blank with a warning quoting it', () => {
    expect(record.outcomes![1]!.values).toContainEqual({ year: 2023, label: null, isPlan: false, actual: null, target: null, achievement: null });
    expect(record.warnings).toEqual([
      {
        code: 'unparsed-value',
        section: 'outcomes',
        ref: '2023',
        message: '表3-1の13行目（能力評価の平均点、2023年度の実績値）「集計中」は数値でないため空欄として扱っています。',
      },
    ]);
  });
});

describe('5-1 blocks, payees and contracts (with 5-2)', () => {
  it('block rows give name, role, payee count and total (written "15000000.0")', () => {
    expect(record.blocks).toEqual([
      { id: 'A', name: '株式会社試験商事ほか', role: '研修の運営', payeeCount: 2, total: 15000000, expenses: [] },
      { id: 'B', name: '一般社団法人例示協会', role: '地方での研修の実施', payeeCount: 1, total: 20000000, expenses: [] },
      // only in 5-2: named there
      { id: 'C', name: '地方公共団体（架空）', role: null, payeeCount: null, total: null, expenses: [] },
    ]);
  });

  it('payees are ranked by amount within their block; contracts fold into the payee', () => {
    expect(record.payees).toEqual([
      {
        block: 'A',
        rank: 1,
        name: '株式会社試験商事',
        corporateNumber: '1010001000003',
        description: '研修の運営業務',
        amount: 10000000,
        contractMethod: '一般競争契約（最低価格）',
        bidders: 3,
        winningBidRate: 0.999, // 落札率 99.9 (%)
        singleBidReason: null,
        location: '東京都千代田区（架空）',
        corporateType: '301',
        otherPayee: false,
        contracts: [
          { description: '研修の運営業務', amount: 10000000, method: '一般競争契約（最低価格）', specificMethod: null, bidders: 3, winningBidRate: 0.999, singleBidReason: null, other: false },
        ],
      },
      {
        block: 'A',
        rank: 2, // listed first in the file, but smaller
        name: '合同会社見本',
        corporateNumber: '2010001000002',
        description: '研修教材の作成\n研修会場の設営',
        amount: 5000000,
        contractMethod: '随意契約（少額）',
        bidders: null,
        winningBidRate: null,
        singleBidReason: null,
        location: '東京都千代田区（架空）',
        corporateType: '301',
        otherPayee: false,
        contracts: [
          { description: '研修教材の作成', amount: 3000000, method: '随意契約（少額）', specificMethod: null, bidders: null, winningBidRate: null, singleBidReason: null, other: false },
          // その他の契約 t: the row bundles the payee's other contracts
          { description: '研修会場の設営', amount: 2000000, method: '随意契約（少額）', specificMethod: null, bidders: null, winningBidRate: null, singleBidReason: null, other: true },
        ],
      },
      {
        block: 'B',
        rank: 1,
        name: '一般社団法人例示協会',
        corporateNumber: null,
        description: '地方研修の実施に係る補助',
        amount: 20000000,
        contractMethod: 'その他（補助金交付決定）',
        bidders: 1,
        winningBidRate: null,
        singleBidReason: '地方で研修を実施できる唯一の団体であるため（架空）',
        location: '東京都千代田区（架空）',
        corporateType: '301',
        otherPayee: false,
        contracts: [
          {
            description: '地方研修の実施に係る補助',
            amount: 20000000,
            method: 'その他',
            specificMethod: '補助金交付決定', // 具体的な契約方式等, folded into contractMethod above
            bidders: 1,
            winningBidRate: null,
            singleBidReason: '地方で研修を実施できる唯一の団体であるため（架空）',
            other: false,
          },
        ],
      },
    ]);
  });

  it('flows: from the ministry when 担当組織からの支出 is TRUE, else from the 支出元 block', () => {
    expect(record.flows).toEqual([
      { from: 'ministry', to: 'A', amount: null, inferred: false, note: null, sourceName: '内閣官房' },
      { from: 'A', to: 'B', amount: null, inferred: false, note: '補助', sourceName: null }, // 資金の流れの補足情報
      { from: 'B', to: 'C', amount: null, inferred: false, note: null, sourceName: null },
    ]);
  });
});

describe('5-1 in the row shapes of the real 2025 file (tests/fixtures/rs/payees-row-shapes)', () => {
  let shaped: ReadResult;
  beforeAll(async () => {
    shaped = await readRsFolder(resolve('tests/fixtures/rs/payees-row-shapes'), 'fixtures/payees-row-shapes');
  });

  it('reads amounts, counts and 法人番号 written with a trailing space exactly, TRUE/FALSE flags and blank その他の契約', () => {
    expect(shaped.errors).toEqual([]);
    expect(shaped.records).toHaveLength(1);
    const r = sheet.parse(shaped.records[0]);
    expect(r.id).toBe('2025-cas-rs900003');
    expect(r.blocks).toEqual([
      { id: 'A', name: '株式会社試験運営ほか', role: '研修の運営支援', payeeCount: 1, total: 3025000, expenses: [] },
      { id: 'C', name: '株式会社例示管理ほか', role: '庁舎管理等', payeeCount: 21, total: 156000572, expenses: [] },
    ]);
    const blank = { description: null, contractMethod: null, bidders: null, winningBidRate: null, singleBidReason: null };
    expect(r.payees).toEqual([
      {
        block: 'A',
        year: null,
        rank: 1,
        name: '株式会社試験運営',
        corporateNumber: '6010001000001',
        amount: 3025000,
        // its contract row leaves その他の契約 blank: still its contract, not a second payee
        description: '研修運営支援業務（架空）',
        contractMethod: '一般競争契約（最低価格）',
        bidders: 3,
        winningBidRate: 0.955,
        singleBidReason: null,
        location: '東京都中央区（架空）',
        corporateType: '301',
        otherPayee: false, // FALSE
        contracts: [
          { description: '研修運営支援業務（架空）', amount: 3025000, method: '一般競争契約（最低価格）', specificMethod: null, bidders: 3, winningBidRate: 0.955, singleBidReason: null, other: null },
        ],
      },
      {
        block: 'C',
        year: null,
        rank: 1,
        name: '株式会社例示管理',
        corporateNumber: '3010001000004',
        amount: 154621471,
        description: '庁舎管理業務（架空）',
        contractMethod: '随意契約（企画競争）',
        bidders: 1,
        winningBidRate: null,
        singleBidReason: null,
        location: '東京都港区（架空）',
        corporateType: '301',
        otherPayee: false,
        contracts: [
          { description: '庁舎管理業務（架空）', amount: 154621471, method: '随意契約（企画競争）', specificMethod: null, bidders: 1, winningBidRate: null, singleBidReason: null, other: false },
        ],
      },
      // the payees block C does not list, bundled (その他支出先 TRUE): kept as the sheet names them
      { block: 'C', year: null, rank: 2, name: 'その他', corporateNumber: null, amount: 1379101, ...blank, location: null, corporateType: null, otherPayee: true, contracts: [] },
    ]);
    // the trimmed 法人番号 pass the check-digit test: no warning about them
    expect(checkSheet(r).filter((w) => w.code === 'corporate-number-check-digit')).toEqual([]);
  });
});

describe('旧事業番号 in the shapes real files write it (tests/fixtures/rs/past-numbers)', () => {
  let byId: (id: number) => ReturnType<typeof sheet.parse>;
  let folder: ReadResult;
  beforeAll(async () => {
    folder = await readRsFolder(resolve('tests/fixtures/rs/past-numbers'), 'fixtures/past-numbers');
    const records = folder.records.map((r) => sheet.parse(r));
    byId = (id) => records.find((r) => r.rsProjectId === id)!;
  });

  it('every project builds: no cell fails a record', () => {
    expect(folder.errors).toEqual([]);
    expect(folder.records).toHaveLength(12);
  });

  it.each([
    [900101, '2023-デジ-22-0001', [{ year: 2023, number: '2023-デジ-22-0001', written: null, ministry: null }]],
    [900102, 'full-width digits and dashes', [{ year: 2023, number: '2023-デジ-22-0002', written: '２０２３－デジ－２２－０００２', ministry: null }]],
    [900103, 'half-width ｰ as dashes', [{ year: 2023, number: '2023-農水-22-0253', written: '2023ｰ農水ｰ22ｰ0253', ministry: null }]],
    [900104, 'no dashes', [{ year: 2023, number: '2023-デジ-22-0004', written: '2023デジ220004', ministry: null }]],
    [900105, 'spaces around dashes', [{ year: 2023, number: '2023-国交-22-0315', written: '2023 - 国交 - 22 - 0315', ministry: null }]],
    [900106, 'an era year before it', [{ year: 2023, number: '2023-デジ-22-0006', written: '令和５年度 2023-デジ-22-0006', ministry: null }]],
    [900107, 'the label 旧事業番号 before it', [{ year: 2023, number: '2023-デジ-22-0007', written: null, ministry: null }]],
    [
      900108,
      'two numbers separated by 、',
      [
        { year: 2023, number: '2023-デジ-22-0008', written: null, ministry: null },
        { year: 2022, number: '2022-デジ-21-0009', written: null, ministry: null },
      ],
    ],
    [
      900109,
      'two numbers separated by a space',
      [
        { year: 2023, number: '2023-デジ-22-0010', written: null, ministry: null },
        { year: 2022, number: '2022-デジ-21-0011', written: null, ministry: null },
      ],
    ],
    [900111, 'only an era year (令和５年度デジ-22-0012)', [{ year: 2023, number: '2023-デジ-22-0012', written: '令和５年度デジ-22-0012', ministry: null }]],
  ])('%i (%s) → pastSheets', (id, _shape, want) => {
    expect(byId(id).pastSheets).toEqual(want);
    expect(byId(id).pastSheetsUnparsed).toEqual([]);
    expect(byId(id).warnings.filter((w) => w.section === 'pastSheets')).toEqual([]);
  });

  it('a number without a year ("0001-04") is kept as written, with no year invented, and a warning', () => {
    const r = byId(900110);
    expect(r.pastSheets).toEqual([]);
    expect(r.pastSheetsUnparsed).toEqual(['0001-04']);
    expect(r.warnings).toEqual([
      {
        code: 'unparsed-value',
        section: 'pastSheets',
        ref: null,
        message: '旧事業番号「0001-04」から年度を読み取れないため、記載のまま示し、過去のレビューシートへのリンクはしていません。',
      },
    ]);
  });

  it('a cell with one number with a year and one without keeps both', () => {
    const r = byId(900112);
    expect(r.pastSheets).toEqual([{ year: 2023, number: '2023-デジ-22-0013', written: null, ministry: null }]);
    expect(r.pastSheetsUnparsed).toEqual(['0001-04']);
  });

  it('numbers in any of these shapes link to the site sheet of that number', () => {
    const resolve = pastSheetResolver([{ id: '2023-digital-2023-22-0002', fiscalYear: 2023, projectNumber: '2023-デジ-22-0002' }]);
    expect(resolve(byId(900102).pastSheets[0]!)).toBe('2023-digital-2023-22-0002');
    expect(resolve(byId(900104).pastSheets[0]!)).toBeNull(); // 0004: another number
  });
});

describe('2-1 rows told by what they state (tests/fixtures/rs/past-numbers)', () => {
  let folder: ReadResult;
  beforeAll(async () => {
    folder = await readRsFolder(resolve('tests/fixtures/rs/past-numbers'), 'fixtures/past-numbers');
  });
  const record = (id: number) => sheet.parse(folder.records.find((r) => r.id.endsWith(`-rs${id}`)));

  it('a breakdown row whose 会計区分/会計/勘定 are blank is a breakdown row: its amounts kept, no warning', () => {
    const r = record(900101);
    expect(r.budgets).toEqual([
      expect.objectContaining({ year: 2023, initial: 10000000, total: 10000000, executed: 5095000, executionRate: 0.5095 }),
    ]);
    expect(r.budgetItems).toContainEqual({ year: 2023, kind: '執行額', account: null, organisation: null, item: '計', amount: 5095000, note: null });
    expect(r.warnings).toEqual([]);
  });

  it('a second total row for the same year, with other figures, is a contradiction: the layout warning', () => {
    const r = record(900102);
    expect(r.budgets).toEqual([expect.objectContaining({ year: 2023, initial: 20000000 })]);
    expect(r.warnings).toEqual([
      {
        code: 'layout',
        section: 'budgets',
        ref: '2023',
        message: '表2-1の6行目に2023年度の合計行が重ねて出ているため、最初の合計行を使っています。',
      },
    ]);
  });

  it('stays quiet on the real subset (sheets/rs2024): no layout or unparsed-value warning on any record', async () => {
    const real = await readRsFolder(resolve('sheets/rs2024'), 'rs2024');
    expect(real.errors).toEqual([]);
    expect(real.records.flatMap((r) => r.warnings ?? []).filter((w) => w.code === 'layout' || w.code === 'unparsed-value')).toEqual([]);
  });
});
