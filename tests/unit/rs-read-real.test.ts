/**
 * The RS reader over the real 252-project subset (sheets/rs2024, byte-identical to the published CSVs).
 * Expected values were read from the CSV lines by hand (grep '^レビューシート,2024,<ID>,').
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheet, type SheetInput } from '../../src/schema/sheet.ts';
import type { ReadResult } from '../../scripts/converter/readers/read-result.ts';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';

let result: ReadResult;
const byId = (rsId: number): SheetInput => {
  const r = result.records.find((x) => x.id.endsWith(`-rs${rsId}`));
  if (!r) throw new Error(`no record for 予算事業ID ${rsId}`);
  return r;
};

beforeAll(async () => {
  result = await readRsFolder(resolve('sheets/rs2024'), 'rs2024');
});

describe('the real subset', () => {
  it('reads with no error into 252 records that all pass the schema', () => {
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(252);
    for (const r of result.records) expect(() => sheet.parse(r)).not.toThrow();
    expect(new Set(result.records.map((r) => r.id)).size).toBe(252);
  });

  it('raises no data warnings but the rows the source repeats (5-2 rows of 国自らが支出する間接経費, e.g. ID 222, are not edges)', () => {
    const warnings = result.records.flatMap((r) => r.warnings ?? []);
    expect(warnings.filter((w) => w.code !== 'duplicate-row')).toEqual([]);
    // The subset repeats 57 rows cell for cell (30 in the reconstructed 5-1, 23 in 5-4, 3 in 5-2, 1 in 5-3);
    // each is named on its record.
    expect(warnings).toHaveLength(57);
    expect(warnings.filter((w) => w.section === 'table 5-1')).toHaveLength(30);
    expect(warnings.filter((w) => w.section === 'table 5-4')).toHaveLength(23);
    expect(warnings.filter((w) => w.section === 'table 5-2')).toHaveLength(3);
    expect(byId(2715).warnings).toContainEqual({
      code: 'duplicate-row',
      section: 'table 5-3',
      ref: 'line 1289',
      message: 'table 5-3 支出先_費目・使途, line 1289 repeats line 1288 cell for cell; both rows are kept as the source states them (an amount in them may be counted twice)',
    });
    expect(byId(222).flows!.every((f) => f.to !== '')).toBe(true);
  });

  it('lists the one table that is not in the download (3-1; 5-1 is shipped, reconstructed), in records and notices', () => {
    for (const r of result.records) {
      expect(r.source).toEqual({
        form: 'rs-csv',
        file: 'rs2024',
        location: null,
        missingParts: ['3-1 効果発現経路_目標・実績'],
      });
    }
    expect(result.notices?.map((n) => n.message)).toEqual([
      'table 3-1 効果発現経路_目標・実績 for 2024 is not in the folder; records list it in missingParts',
    ]);
  });
});

describe('予算事業ID 1 内閣人事局経費', () => {
  it('identity and organisation (1-1, 1-2)', () => {
    const r = byId(1);
    expect(r).toMatchObject({
      id: '2024-cas-rs1',
      fiscalYear: 2024,
      title: '内閣人事局経費',
      ministry: '内閣官房',
      bureau: '内閣人事局',
      division: null,
      manager: '山村和也',
      startYear: 2014,
      endYear: null, // 終了予定なし TRUE
      category: '前年度事業',
      majorExpense: 'その他の事項経費',
      implementation: ['直接実施'],
      accountType: '一般会計',
      legalBasis: '国家公務員法第70条の６第１項第２号',
      relatedPlans: '国家公務員の研修に関する基本方針（平成26年6月24日、内閣総理大臣決定）',
      policy: '内閣官房 いずれの政策・施策にも関連しないもの',
      measure: 'なし',
      activityDescription: '各階層別対象者に対し研修を実施する。',
      checks: [],
    });
    expect(r.purpose).toMatch(/^政府全体を通じた成果向上・人材育成を狙いとしており/);
  });

  it('2023 budget: 当初予算 33,328,000 円, 執行額 11,200,834 円, 執行率 0.33608 (2-1 total row)', () => {
    const b2023 = byId(1).budgets!.find((b) => b.year === 2023)!;
    expect(b2023).toEqual({
      year: 2023,
      isRequest: false,
      initial: 33328000,
      supplementary: 0,
      carriedFromPrev: 0,
      carriedToNext: 0,
      reserve: 0,
      total: 33328000,
      executed: 11200834,
      executionRate: 0.33608,
      initialPlusSupplementaryRate: null,
      nextYearRequest: 33498000, // written "33498000.0"
    });
    expect(byId(1).budgets!.map((b) => b.year)).toEqual([2021, 2022, 2023, 2024]);
    const b2024 = byId(1).budgets!.find((b) => b.year === 2024)!;
    expect(b2024.executionRate).toBeNull(); // blank, not 0
    expect(b2024.nextYearRequest).toBe(34482000); // written "34482000.0"
  });

  it('budget items: 2-1 account breakdown, 2-2 line items, and the 主な増減理由 note', () => {
    const items = byId(1).budgetItems!;
    expect(items).toContainEqual({ year: 2023, kind: '執行額', account: '一般会計 / 一般会計', organisation: null, item: '計', amount: 11200834, note: null });
    expect(items).toContainEqual({
      year: 2024,
      kind: '予算額（当初予算）',
      account: '一般会計 / 一般会計',
      organisation: '内閣 / 内閣官房',
      item: '内閣官房共通費 / 庁費',
      amount: 25407000,
      note: null,
    });
    expect(items).toContainEqual({ year: 2024, kind: '翌年度要求額', account: '一般会計 / 一般会計', organisation: '内閣 / 内閣官房', item: '内閣官房共通費 / 庁費', amount: 28381000, note: null });
    // 2022 lines name the item only in 歳出予算項目の補足情報
    expect(items).toContainEqual({ year: 2022, kind: '予算額（当初予算）', account: '一般会計 / 一般会計', organisation: null, item: '庁費', amount: 33273000, note: null });
    const noted = items.filter((i) => i.note?.startsWith('新たな成長推進枠'));
    expect(noted).toEqual([
      {
        year: 2021,
        kind: '翌年度要求額',
        account: null,
        organisation: null,
        item: '計',
        amount: 45013000,
        note: '新たな成長推進枠：17管理職のマネジメント能力向上に向けた取組として、マネジメント研修の充実を図るための環境整備に係る請負に関する経費を計上したため。',
      },
    ]);
  });

  it('blocks, flows and expenses (5-1 block rows, 5-2, 5-3 with its payee)', () => {
    const r = byId(1);
    expect(r.flows).toEqual([
      { from: 'ministry', to: 'A', amount: null, inferred: false, note: null, sourceName: '内閣官房' },
      { from: 'ministry', to: 'B', amount: null, inferred: false, note: null, sourceName: '内閣官房' },
    ]);
    expect(r.blocks).toEqual([
      {
        id: 'A',
        name: '株式会社ブルーコンシャスほか',
        role: '研修の企画、運営支援等',
        payeeCount: null, // 支出先の数 is blank in the reconstructed 5-1
        total: 10070000,
        expenses: [
          {
            category: '雑役務費',
            purpose: '研修実施請負業務',
            amount: 3295000,
            subcontractor: null,
            payee: '株式会社ブルーコンシャス',
            corporateNumber: '1020001120059',
            contract: 'ウェブ会議システムを利用した新任管理者研修の実施等請負業務',
          },
        ],
      },
      { id: 'B', name: '株式会社クオリアほか', role: '講師への謝金、旅費等', payeeCount: null, total: 1131000, expenses: [] },
    ]);
  });

  it('payees of block A with their 法人番号 and contracts (5-1)', () => {
    const a = byId(1).payees!.filter((p) => p.block === 'A');
    expect(a.slice(0, 3).map((p) => [p.rank, p.name, p.corporateNumber, p.amount])).toEqual([
      [1, '株式会社ブルーコンシャス', '1020001120059', 3295000],
      [2, '株式会社デジタル・ナレッジ', '3010501033008', 2608000],
      [3, '株式会社ステージ', '3013301015869', 1284000],
    ]);
    // 株式会社ステージ: two contract rows under one payee row, both kept.
    expect(a[2]!.contracts!.map((c) => [c.description, c.amount])).toEqual([
      ['国家公務員合同初任研修ライブ配信実施等請負業務', 910000],
      ['国家公務員合同初任研修講義動画制作業務', 374000],
    ]);
    expect(a[2]!.description).toBe('国家公務員合同初任研修ライブ配信実施等請負業務\n国家公務員合同初任研修講義動画制作業務');
  });

  it('findings (4-1)', () => {
    const f = byId(1).findings;
    expect(f.inspection).toMatch(/^政府全体を通じて求められる成果向上、人材育成を狙いとして実施するもので/);
    expect(f.direction).toMatch(/^これまでの新型コロナウイルス感染症による制約があった中での取組/);
    expect(f.externalExperts).toBe('点検対象：外部有識者による点検対象外／最終実施年度：2020年度');
    expect(f.reviewTeamVerdict).toBe('現状通り');
    expect(f.reviewTeam).toBe('引き続き、効果的・効率的な事業の実施に努めることとし、効率的に執行した実績を概算要求に反映させること。');
    expect(f.improvementsVerdict).toBe('現状通り');
    expect(f.improvements).toBe('引き続き、効果的・効率的な事業の実施に努めるとともに、効率的に執行した実績を概算要求に反映させることに努める。');
    expect(f.remarks).toBeNull();
  });
});

describe('other real projects', () => {
  it('4: three 作成責任者, a 旧事業番号 and several laws', () => {
    const r = byId(4);
    expect(r.manager).toBe('澁谷弘一、北間俊秀、杉本敬次');
    expect(r.bureau).toBe('戦略・組織');
    expect(r.division).toBe('政府ＤＸ担当');
    expect(r.pastSheets).toEqual([{ year: 2023, number: '2023-デジ-22-0001', written: null }]);
    expect(r.legalBasis).toBe('デジタル庁設置法 第四条 第2項 第17号\nデジタル庁設置法 第四条 第2項 第18号');
    // 5-2 lists A twice (once with 補足情報 予算の配分): one edge
    expect(r.flows).toEqual([
      { from: 'ministry', to: 'A', amount: null, inferred: false, note: '予算の配分', sourceName: 'デジタル庁' },
      { from: 'ministry', to: 'B', amount: null, inferred: false, note: '予算の移替', sourceName: 'デジタル庁' },
    ]);
  });

  it('12: flows between blocks (担当組織からの支出 FALSE) and a block per 5-3 line', () => {
    const r = byId(12);
    expect(r.flows).toEqual([
      { from: 'ministry', to: 'A', amount: null, inferred: false, note: null, sourceName: 'デジタル庁' },
      { from: 'ministry', to: 'B', amount: null, inferred: false, note: null, sourceName: 'デジタル庁' },
      { from: 'ministry', to: 'C', amount: null, inferred: false, note: null, sourceName: 'デジタル庁' },
      { from: 'ministry', to: 'D', amount: null, inferred: false, note: null, sourceName: 'デジタル庁' },
      { from: 'A', to: 'E', amount: null, inferred: false, note: '再委託', sourceName: null },
      { from: 'B', to: 'F', amount: null, inferred: false, note: '再委託', sourceName: null },
      { from: 'C', to: 'G', amount: null, inferred: false, note: '再委託', sourceName: null },
    ]);
    expect(r.blocks!.map((b) => b.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(r.blocks![4]).toEqual({
      id: 'E',
      name: '富士アイティ株式会社ほか',
      role: 'システム設計・開発',
      payeeCount: null,
      total: 46782225,
      expenses: [
        {
          category: 'システム設計・開発',
          purpose: '令和5年度電子決裁システム（EASY）のガイドライン改正等対応に係る設計・開発等業務の請負',
          amount: 33000000,
          subcontractor: null,
          payee: '富士アイティ株式会社',
          corporateNumber: '9012801004500',
          contract: '令和5年度電子決裁システム（EASY）のガイドライン改正等対応に係る設計・開発等業務の請負',
        },
      ],
    });
    expect(r.blocks![6]!.expenses![0]!.amount).toBe(5445670);
  });

  it('46: one 主要経費 per 1-2 row, joined', () => {
    expect(byId(46).majorExpense).toBe('その他の事項経費、科学技術振興費');
  });

  it('332: 開始年度不明 gives no start year', () => {
    expect(byId(332).startYear).toBeNull();
  });

  it('349: subsidy rates (1-4) without the export apostrophe', () => {
    const rates = byId(349).subsidyRates!;
    expect(rates).toHaveLength(3);
    expect(rates[0]).toEqual({ target: '警視庁警察官の超過勤務手当について補助', rate: '定額', cap: null, url: null });
    expect(rates[1]!.rate).toBe('10/10');
    expect(rates[2]!.rate).toBe('5/10');
  });

  it('1071: related projects (1-5)', () => {
    const related = byId(1071).relatedProjects!;
    expect(related).toHaveLength(5);
    expect(related[0]).toEqual({
      owner: null,
      number: '18746',
      title: '在外事業（独立行政法人国際交流基金運営費交付金）',
      relation: '運用交付先セグメントシート',
    });
  });

  it('2611: a special account with its 勘定', () => {
    const r = byId(2611);
    expect(r.accountType).toBe('特別会計');
    expect(r.budgetItems).toContainEqual({ year: 2023, kind: '要望額', account: '特別会計 / 労働保険 / 雇用勘定', organisation: null, item: '計', amount: 1323494000, note: null });
    expect(r.budgets!.find((b) => b.year === 2023)).toMatchObject({ total: 1297494000, executed: 1297313760, executionRate: 0.99986 });
  });

  it('4096: 府省庁 "国土交通省　気象庁" without the full-width space', () => {
    expect(byId(4096).ministry).toBe('国土交通省気象庁');
  });

  it('154: 反映額（一般会計） is kept with the improvements', () => {
    expect(byId(154).findings.improvements).toMatch(/反映額（一般会計）：-95,763,000円$/);
  });

  it('4843: the four その他の指摘事項 go to remarks in order', () => {
    const remarks = byId(4843).findings.remarks!;
    const headings = remarks.match(/【その他の指摘事項（[^】]*）】/g);
    expect(headings).toEqual([
      '【その他の指摘事項（令和元年度決算検査報告、2020年度指摘）】',
      '【その他の指摘事項（令和２年度決算検査報告、2021年度指摘）】',
      '【その他の指摘事項（令和３年度決算検査報告、2022年度指摘）】',
      '【その他の指摘事項（令和４年度決算検査報告、2023年度指摘）】',
    ]);
  });

  it('12: remarks are the 1-2 備考, then the 6-1 備考', () => {
    const remarks = byId(12).findings.remarks!.split('\n\n');
    expect(remarks).toHaveLength(2);
    expect(remarks[0]).toMatch(/^「開発・整備関連」／　執行額：2021年度804,166千円、/);
    expect(remarks[1]).toBe('支出先への支出額について、再委託の支出額には特別会計からの支出を一部含む。');
  });
});
