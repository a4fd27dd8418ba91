/**
 * Every non-empty cell of the shipped RS tables 1-1 … 4-1 and 6-1 (sheets/rs2024/, beyond the 13 key
 * columns) is in the converted record of its project; 3-1, not shipped, is walked on its fixture
 * (tests/fixtures/rs/goals-payees). The rules say where each column lands (tests/support/rs-cell-walk.ts).
 * The spending tables (5-1 … 5-4) are walked by their own specs once their columns are mapped.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { unnumbered } from '../../scripts/converter/readers/rs-csv/map-goals.ts';
import { readPastNumbers } from '../../scripts/converter/readers/rs-csv/past-numbers.ts';
import { flag, fraction, percentToFraction, quantity, stripTextMarker, year, yen } from '../../scripts/converter/readers/rs-csv/values.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';
import { oneOf, recordsByKey, structural, walkTable, within, type Row, type TableSpec } from '../support/rs-cell-walk.ts';

const DIR = 'sheets/rs2024';
const file = (name: string) => resolve(DIR, name);
let records: Map<string, Sheet>;

beforeAll(async () => {
  const result = await readRsFolder(resolve(DIR), 'rs2024');
  expect(result.errors).toEqual([]);
  records = recordsByKey(result.records.map((r) => sheet.parse(r)));
});

const rowYear = (row: Row) => Number(row['予算年度']);
const itemsOf = (s: Sheet, row: Row) => s.budgetItems.filter((i) => i.year === rowYear(row));
const budgetOf = (s: Sheet, row: Row) => s.budgets.filter((b) => b.year === rowYear(row));
const method = (name: string) => ({ find: (s: Sheet, v: string) => flag(v) !== true || s.implementation.includes(name) });
const amountIn = (kind: string) => oneOf((s, row) => itemsOf(s, row).filter((i) => i.kind === kind).map((i) => i.amount), yen);

export const SPECS: Record<string, { file: string; spec: TableSpec }> = {
  '1-1': {
    file: '1-1_RS_2024_基本情報_組織情報.csv',
    spec: {
      'その他担当組織_作成責任者_no': structural('row number'),
      ...Object.fromEntries(
        ['府省庁', '局・庁', '部', '課', '室', '班', '係'].map((c) => [`${c}（その他担当組織）`, within((s) => s.otherOrganisations)]),
      ),
      作成責任者: within((s) => [s.manager]),
    },
  },
  '1-2': {
    file: '1-2_RS_2024_基本情報_事業概要等.csv',
    spec: {
      事業の目的: oneOf((s) => [s.purpose]),
      '現状・課題': oneOf((s) => [s.issues]),
      事業の概要: oneOf((s) => [s.overview]),
      事業概要URL: oneOf((s) => [s.overviewUrl]),
      事業区分: oneOf((s) => [s.category]),
      事業開始年度: { find: (s, v) => s.startYear === year(v) },
      開始年度不明: { find: (s, v) => s.startYearUnknown === flag(v) },
      '事業終了（予定）年度': { find: (s, v) => s.endYear === year(v) },
      終了予定なし: { find: (s, v) => s.noPlannedEnd === flag(v) },
      主要経費: within((s) => [s.majorExpense]),
      備考: within((s) => [s.findings.remarks]),
      '実施方法ー直接実施': method('直接実施'),
      '実施方法ー補助': method('補助'),
      '実施方法ー負担': method('負担'),
      '実施方法ー交付': method('交付'),
      '実施方法ー分担金・拠出金': method('分担金・拠出金'),
      '実施方法ーその他': method('その他'),
      旧事業番号: {
        find: (s, v) => {
          const { sheets, unparsed } = readPastNumbers(v);
          return (
            sheets.every((p) => s.pastSheets.some((q) => q.year === p.year && q.number === p.number && q.written === p.written)) &&
            unparsed.every((u) => s.pastSheetsUnparsed.includes(u))
          );
        },
      },
      整理表表示順: structural('sort order of the published list'),
    },
  },
  '1-3': {
    file: '1-3_RS_2024_基本情報_政策・施策、法令等.csv',
    spec: {
      '番号（政策・施策）': structural('entry number (order is kept)'),
      政策所管府省庁_P: oneOf((s) => s.policies.map((p) => p.ministry)),
      政策: oneOf((s) => s.policies.map((p) => p.policy)),
      施策: oneOf((s) => s.policies.map((p) => p.measure)),
      '政策・施策URL': oneOf((s) => s.policies.map((p) => p.url)),
      '番号（根拠法令）': structural('entry number (order is kept)'),
      法令名: oneOf((s) => s.laws.map((l) => l.name)),
      法令番号: oneOf((s) => s.laws.map((l) => l.lawNumber)),
      法令ID: oneOf((s) => s.laws.map((l) => l.lawId)),
      条: oneOf((s) => s.laws.map((l) => l.article)),
      項: oneOf((s) => s.laws.map((l) => l.paragraph)),
      '号・号の細分': oneOf((s) => s.laws.map((l) => l.item)),
      '番号（関係する計画・通知等）': structural('entry number (order is kept)'),
      計画通知名: oneOf((s) => s.plans.map((p) => p.name)),
      計画通知等URL: oneOf((s) => s.plans.map((p) => p.url)),
    },
  },
  '1-4': {
    file: '1-4_RS_2024_基本情報_補助率等.csv',
    spec: {
      '番号（補助率等）': structural('entry number (order is kept)'),
      補助対象: oneOf((s) => s.subsidyRates.map((r) => r.target)),
      補助率: oneOf((s) => s.subsidyRates.map((r) => r.rate), stripTextMarker),
      補助上限等: oneOf((s) => s.subsidyRates.map((r) => r.cap), stripTextMarker),
      補助率URL: oneOf((s) => s.subsidyRates.map((r) => r.url)),
    },
  },
  '1-5': {
    file: '1-5_RS_2024_基本情報_関連事業.csv',
    spec: {
      '番号（関連事業）': structural('entry number (order is kept)'),
      関連事業の事業ID: oneOf((s) => s.relatedProjects.map((p) => p.number)),
      関連事業の事業名: oneOf((s) => s.relatedProjects.map((p) => p.title)),
      関連性: oneOf((s) => s.relatedProjects.map((p) => p.relation)),
    },
  },
  '2-1': {
    file: '2-1_RS_2024_予算・執行_サマリ.csv',
    spec: {
      予算年度: oneOf((s) => [...s.budgets.map((b) => b.year), ...s.budgetItems.map((i) => i.year)], Number),
      '当初予算（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.initial), yen),
      '補正予算（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.supplementary), yen),
      '前年度からの繰越し（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.carriedFromPrev), yen),
      '予備費等（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.reserve), yen),
      '計（歳出予算現額合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.total), yen),
      '執行額（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.executed), yen),
      執行率: oneOf((s, row) => budgetOf(s, row).map((b) => b.executionRate), fraction),
      '翌年度への繰越し(合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.carriedToNext), yen),
      '翌年度要求額（合計）': oneOf((s, row) => budgetOf(s, row).map((b) => b.nextYearRequest), yen),
      主な増減理由: within((s, row) => itemsOf(s, row).map((i) => i.note)),
      その他特記事項: within((s, row) => itemsOf(s, row).map((i) => i.note)),
      会計区分: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      会計: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      勘定: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      ...Object.fromEntries(
        ['当初予算', '第1次補正予算', '第2次補正予算', '第3次補正予算', '第4次補正予算', '第5次補正予算', '前年度から繰越し', '予備費等1', '予備費等2', '予備費等3', '予備費等4', '歳出予算現額', '執行額', '翌年度要求額', '要望額'].map(
          (c) => [c, amountIn(c)],
        ),
      ),
      備考: within((s, row) => itemsOf(s, row).map((i) => i.note)),
    },
  },
  '2-2': {
    file: '2-2_RS_2024_予算・執行_予算種別・歳出予算項目.csv',
    spec: {
      予算年度: oneOf((s) => s.budgetItems.map((i) => i.year), Number),
      会計区分: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      会計: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      勘定: within((s, row) => itemsOf(s, row).map((i) => i.account)),
      予算種別: within((s, row) => itemsOf(s, row).map((i) => i.kind)),
      所管: within((s, row) => itemsOf(s, row).map((i) => i.organisation)),
      '組織・勘定': within((s, row) => itemsOf(s, row).map((i) => i.organisation)),
      項: within((s, row) => itemsOf(s, row).map((i) => i.item)),
      目: within((s, row) => itemsOf(s, row).map((i) => i.item)),
      歳出予算項目の補足情報: within((s, row) => itemsOf(s, row).flatMap((i) => [i.item, i.note])),
      '予算額（歳出予算項目ごと）': oneOf((s, row) => itemsOf(s, row).filter((i) => i.kind.startsWith('予算額')).map((i) => i.amount), yen),
      '翌年度要求額（歳出予算項目ごと）': amountIn('翌年度要求額'),
      '備考（歳出予算項目ごと）': within((s, row) => itemsOf(s, row).map((i) => i.note)),
    },
  },
  '3-2': {
    file: '3-2_RS_2024_効果発現経路_目標のつながり.csv',
    spec: {
      '派生元ーアクティビティ・アウトプット・アウトカムの番号': oneOf((s) => s.logicLinks.map((l) => l.from.number)),
      '派生元ー種別（アクティビティ・アウトプット・アウトカム）': oneOf((s) => s.logicLinks.map((l) => l.from.kind), unnumbered),
      '派生元ーアウトカムの期間': oneOf((s) => s.logicLinks.map((l) => l.from.term), unnumbered),
      '派生元ーアクティビティの内容/ 活動目標／成果目標': oneOf((s) => s.logicLinks.map((l) => l.from.text)),
      '派生先ーアクティビティ・アウトプット・アウトカムの番号': oneOf((s) => s.logicLinks.map((l) => l.to.number)),
      '派生先ー種別（アクティビティ・アウトプット・アウトカム）': oneOf((s) => s.logicLinks.map((l) => l.to.kind), unnumbered),
      '派生先ーアウトカムの期間': oneOf((s) => s.logicLinks.map((l) => l.to.term), unnumbered),
      '派生先ー 活動目標／成果目標': oneOf((s) => s.logicLinks.map((l) => l.to.text)),
      後続アウトカムへのつながり: oneOf((s) => s.logicLinks.map((l) => l.connection)),
      アウトカムを複数段階で設定できない理由: oneOf((s) => s.logicLinks.map((l) => l.singleStageReason)),
    },
  },
  '4-1': {
    file: '4-1_RS_2024_点検・評価.csv',
    spec: {
      '事業所管部局による点検・改善ー点検結果': within((s) => [s.findings.inspection]),
      '事業所管部局による点検・改善ー改善の方向性': within((s) => [s.findings.direction]),
      '事業所管部局による点検・改善－目標年度における効果測定に関する評価': within((s) => [s.findings.inspection]),
      '外部有識者による点検ー最終実施年度': { find: (s, v) => !!s.findings.externalExperts?.includes(`最終実施年度：${year(v)}年度`) },
      '外部有識者による点検ー点検対象': within((s) => [s.findings.externalExperts]),
      '外部有識者による点検ー対象の理由': within((s) => [s.findings.externalExperts]),
      '外部有識者による点検ー所見': within((s) => [s.findings.externalExperts]),
      公開プロセス結果概要: within((s) => [s.findings.externalExperts]),
      行政事業レビュー推進チームの所見: oneOf((s) => [s.findings.reviewTeamVerdict]),
      行政事業レビュー推進チームの所見の詳細: oneOf((s) => [s.findings.reviewTeam]),
      '所見を踏まえた改善点／概算要求における反映状況': oneOf((s) => [s.findings.improvementsVerdict]),
      '所見を踏まえた改善点／概算要求における反映状況の詳細': within((s) => [s.findings.improvements]),
      '反映額（一般会計）': { find: (s, v) => !!s.findings.improvements?.includes(`${yen(v)!.toLocaleString('en-US')}円`) },
      '反映額（特別会計）－会計': within((s) => [s.findings.improvements]),
      '反映額（特別会計）－勘定': within((s) => [s.findings.improvements]),
      '反映額（特別会計）－反映額': { find: (s, v) => !!s.findings.improvements?.includes(`${yen(v)!.toLocaleString('en-US')}円`) },
      '過去に受けた指摘事項－区分': within((s) => [s.findings.remarks]),
      '過去に受けた指摘事項－取りまとめ年度': { find: (s, v) => !!s.findings.remarks?.includes(`${year(v)}年度`) },
      '過去に受けた指摘事項－取りまとめ内容': within((s) => [s.findings.remarks]),
      '過去に受けた指摘事項－対応状況': within((s) => [s.findings.remarks]),
      'その他の指摘事項－調査等の名称': within((s) => [s.findings.remarks]),
      'その他の指摘事項－指摘年度': { find: (s, v) => !!s.findings.remarks?.includes(`${year(v)}年度`) },
      'その他の指摘事項－指摘内容': within((s) => [s.findings.remarks]),
      'その他の指摘事項－対応状況': within((s) => [s.findings.remarks]),
    },
  },
  '6-1': {
    file: '6-1_RS_2024_その他備考.csv',
    spec: { 備考: within((s) => [s.findings.remarks]) },
  },
};

describe('every non-empty cell of the shipped RS tables reaches the record', () => {
  it.each(Object.entries(SPECS))('table %s', (_id, { file: name, spec }) => {
    expect(walkTable(file(name), spec, records)).toEqual([]);
  });

  it('the walk finds a dropped cell (a project whose record lacks its その他担当組織)', () => {
    const copy = new Map(records);
    const r = copy.get('2024:4')!;
    copy.set('2024:4', { ...r, otherOrganisations: [] });
    expect(walkTable(file(SPECS['1-1']!.file), SPECS['1-1']!.spec, copy)).toEqual([
      { line: 3, project: '4', column: '府省庁（その他担当組織）', value: 'デジタル庁' },
      { line: 3, project: '4', column: '局・庁（その他担当組織）', value: '戦略・組織' },
      { line: 3, project: '4', column: '課（その他担当組織）', value: '会計担当' },
    ]);
  });
});

describe('3-1 (not shipped): every non-empty cell of its fixture reaches the record', () => {
  it('tests/fixtures/rs/goals-payees', async () => {
    const result = await readRsFolder(resolve('tests/fixtures/rs/goals-payees'), 'fixtures');
    const byKey = recordsByKey(result.records.map((r) => sheet.parse(r)));
    const indicators = (s: Sheet) => [...s.activities, ...s.outcomes];
    const outcomesText = (pick: (o: Sheet['outcomes'][number]) => string | null) => oneOf((s) => s.outcomes.map(pick));
    const yearColumns = Object.fromEntries(
      Array.from({ length: 2060 - 2007 + 1 }, (_, i) => String(2007 + i)).map((y) => [
        y,
        {
          find: (s: Sheet, v: string, row: Row) => {
            const type = unnumbered(row['目標年度／目標値／実績値／達成率'] ?? '');
            const values = indicators(s).flatMap((ind) => ind.values.filter((x) => x.year === Number(y)));
            if (type === '目標年度') return values.some((x) => x.label === '目標年度') || s.outcomes.some((o) => o.targetYear === Number(y));
            if (type === '達成率') return s.outcomes.some((o) => o.values.some((x) => x.year === Number(y) && x.achievement === percentToFraction(v)));
            // A value that is not a number is kept, as written, in a warning.
            let n: number | null;
            try {
              n = quantity(v);
            } catch {
              return s.warnings.some((w) => w.code === 'unparsed-value' && w.message.includes(`「${v}」`));
            }
            return values.some((x) => ('actual' in x && x.actual === n) || ('planned' in x && x.planned === n) || ('target' in x && x.target === n));
          },
        },
      ]),
    );
    const spec: TableSpec = {
      事業に関連するKPIが定められている閣議決定等の名称: oneOf((s) => s.kpiDecisions.map((k) => k.name)),
      事業に関連するKPIが定められている閣議決定等の該当箇所: oneOf((s) => s.kpiDecisions.map((k) => k.section)),
      事業に関連するKPIが定められている閣議決定等のURL: oneOf((s) => s.kpiDecisions.map((k) => k.url)),
      'アクティビティ・アウトプット・アウトカムの番号': structural('entry number (order is kept)'),
      '種別（アクティビティ・アウトプット・アウトカム）': structural('which list the row goes to (activities / outcomes)'),
      アウトカムの期間: outcomesText((o) => o.term),
      成果目標の種類: outcomesText((o) => o.goalType),
      'アクティビティ／活動目標／成果目標': oneOf((s) => [...indicators(s).map((i) => i.goal), s.activityDescription]),
      '活動指標／成果指標': oneOf((s) => indicators(s).map((i) => i.indicator)),
      単位: oneOf((s) => indicators(s).map((i) => i.unit)),
      '改善の上向き／下向き': oneOf((s) => indicators(s).map((i) => i.direction)),
      '成果実績及び目標値の根拠として用いた統計・データ名（出典）': outcomesText((o) => o.dataSource),
      定性的なアウトカム目標を設定している理由: outcomesText((o) => o.qualitativeReason),
      定性的なアウトカムに関する成果実績: outcomesText((o) => o.qualitativeResult),
      '目標年度／目標値／実績値／達成率': structural('which value of the year columns the row holds'),
      ...yearColumns,
    };
    expect(walkTable(resolve('tests/fixtures/rs/goals-payees/3-1_RS_2024_効果発現経路_目標・実績.csv'), spec, byKey)).toEqual([]);
  });
});
