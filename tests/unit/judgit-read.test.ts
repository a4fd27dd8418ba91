/**
 * The JUDGIT! reader on the real sample shipped in sheets/judgit (files copied unchanged from judgit/data)
 * and on bad-input fixtures (tests/fixtures/judgit). Expected values were read from the JSON by hand; the
 * 円 figures are the 百万円 numbers × 1,000,000.
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path, { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';
import { readJudgitFile } from '../../scripts/converter/readers/judgit/index.ts';
import { convertAll } from '../../scripts/converter/run.ts';

function read(rel: string): Sheet {
  const r = readJudgitFile(resolve('sheets/judgit', rel), `judgit/${rel}`);
  expect(r.errors).toEqual([]);
  expect(r.records).toHaveLength(1);
  return sheet.parse(r.records[0]);
}

function fixture(name: string) {
  return readJudgitFile(resolve('tests/fixtures/judgit', name), `judgit/${name}`);
}

describe('a real 2019 sheet (個人情報保護委員会 0001)', () => {
  const s = read('2019/個人情報保護委員会/0001.json');

  it('maps the basics, JUDGIT keys and the official url', () => {
    expect(s.id).toBe('2019-ppc-0001');
    expect(s.fiscalYear).toBe(2019);
    expect(s.title).toBe('特定個人情報の監視・監督に必要な経費');
    expect(s.ministry).toBe('個人情報保護委員会');
    expect(s.bureau).toBe('個人情報保護委員会事務局');
    expect(s.projectNumber).toBe('0001');
    expect(s.projectNumberParts).toEqual([null, '0001', null, null, null]);
    expect(s.judgitProjectId).toBe(1);
    expect(s.judgitId).toBe(20897);
    expect(s.sourceUrl).toBe('https://www.ppc.go.jp/files/pdf/3109_review_kanshikantoku.pdf');
    expect(s.startYear).toBe(2013);
    expect(s.endYear).toBeNull();
    expect(s.accountType).toBe('一般会計');
    expect(s.majorPolicy).toBe('その他');
    expect(s.implementation).toEqual(['直接実施']);
    expect(s.source.form).toBe('judgit');
    expect(s.source.file).toBe('judgit/2019/個人情報保護委員会/0001.json');
  });

  it('converts budget rows with decimals, float noise and a negative 予備費等 exactly', () => {
    // {"年度": 2016, "当初予算": 263.6, "前年度から繰越し": 75.0, "予備費等": -0.623613, "予算計": 337.97638700000005, "執行額": 301.198747}
    expect(s.budgets[0]).toMatchObject({
      year: 2016, isRequest: false, initial: 263600000, supplementary: 0, carriedFromPrev: 75000000,
      carriedToNext: 0, reserve: -623613, total: 337976387, executed: 301198747, executionRate: null,
    });
    // "予算計": 1342.5210000000002
    expect(s.budgets[1]).toMatchObject({ year: 2017, initial: 1330621000, reserve: 11900000, total: 1342521000, executed: 1164300000 });
    // The review year has no 執行額 key yet: null, not 0.
    expect(s.budgets[3]).toMatchObject({ year: 2019, initial: 1171400000, total: 1171400000, executed: null });
    // The next year's {"年度": 2020, "要求額": 1777.6} is a 要求 column.
    expect(s.budgets[4]).toMatchObject({ year: 2020, isRequest: true, initial: 1777600000, total: null, executed: null });
    expect(s.budgets).toHaveLength(5);
  });

  it('keeps payees with their 法人番号, year and group', () => {
    expect(s.payees[0]).toMatchObject({
      block: 'A', rank: 1, year: 2018, name: 'エヌ・ティ・ティ・コミュニケーションズ株式会社',
      corporateNumber: '7010001064648', description: '監視・監督システムに係る機器等の借入・保守等', amount: 585000000,
    });
    expect(s.payees[1]).toMatchObject({ rank: 2, name: '株式会社日立製作所', corporateNumber: '7010001008844', amount: 178800000 });
    // No block totals are invented: JUDGIT states none.
    expect(s.blocks).toEqual([]);
  });

  it('keeps activities, the reason for no quantitative target, and past sheets', () => {
    expect(s.activities[0]).toMatchObject({ indicator: '特定個人情報の取扱いに関する説明会等の対応件数', unit: '件' });
    expect(s.activities[0]!.values[0]).toMatchObject({ year: 2016, actual: 80, planned: null });
    expect(s.outcomes).toEqual([]);
    expect(s.noQuantitativeTargetReason).toMatch(/^本事業の成果は特定個人情報の適正な取扱いを確保することであり/);
    // The sheet says why it has no outcome table, so an empty アウトカム list is not "missing from the source".
    expect(s.source.missingParts).not.toContain('アウトカム');
    expect(s.source.missingParts).not.toContain('アウトプット');
    expect(s.pastSheets).toEqual([{ year: 2018, number: '新30-0001', ministry: '個人情報保護委員会', written: null }]);
    expect(s.warnings).toEqual([]);
  });
});

describe('other real shapes', () => {
  it('a negative 翌年度へ繰越し and float noise in 予算計 (2017 個人情報保護委員会 0001, 2015)', () => {
    const s = read('2017/個人情報保護委員会/0001.json');
    // {"年度": 2015, "当初予算": 63.7, "補正予算": 75.0, "翌年度へ繰越し": -75.0, "予備費等": 51.0, "予算計": 114.69999999999999, "執行額": 72.292}
    expect(s.budgets.find((b) => b.year === 2015)).toMatchObject({
      initial: 63700000, supplementary: 75000000, carriedToNext: -75000000, reserve: 51000000, total: 114700000, executed: 72292000,
    });
  });

  it('an outcome with targets and actuals by year and a final target (2015 復興庁 0154)', () => {
    const s = read('2015/復興庁/0154.json');
    const o = s.outcomes[0]!;
    expect(o.goal).toBe('被災した全漁港において、陸揚げ機能の回復を図る。');
    expect(o.unit).toBe('％');
    expect(o.targetYear).toBe(2015);
    expect(o.finalTarget).toBe('100');
    expect(o.values.map((v) => [v.year, v.actual, v.target, v.isPlan])).toEqual([
      [2012, 83, 85, false],
      [2013, 91, 90, false],
      [2014, 96, 95, false],
      [2015, null, 100, true],
    ]);
    expect(o.values[3]!.label).toBe('目標最終年度');
  });

  it('a branch number "0803-1" and an outcome in 百万円 kept in its own unit (2019 厚生労働省 0803-1)', () => {
    const s = read('2019/厚生労働省/0803-1.json');
    expect(s.id).toBe('2019-mhlw-0803-1');
    expect(s.projectNumberParts).toEqual([null, '0803', '1', null, null]);
    expect(s.division).toBe('介護保険計画課\n振興課');
    expect(s.outcomes[0]).toMatchObject({ unit: '百万円', targetYear: 2019, finalTarget: null });
    expect(s.outcomes[0]!.values[0]).toMatchObject({ year: 2016, actual: 1422, target: 945 });
    expect(s.payees.find((p) => p.name === '神戸市')).toMatchObject({ corporateNumber: '9000020281000', amount: 25000000 });
  });

  it('2021 and 2023 numbers, no url or JUDGIT keys, empty lists as parts missing from the source', () => {
    const s21 = read('2021/カジノ管理委員会/2021-カジノ-20-0001.json');
    expect(s21.id).toBe('2021-jcrc-2021-jcrc-20-0001');
    expect(s21.projectNumberParts).toEqual(['2021', 'カジノ', '20', '0001', null]);
    expect(s21.sourceUrl).toBeNull();
    expect(s21.judgitId).toBeNull();
    expect(s21.judgitProjectId).toBeNull();
    expect(s21.source.missingParts).toEqual(['予算内訳', '単位当たりコスト', '点検・評価', '資金の流れ', '費目・使途', 'アウトプット', 'アウトカム']);
    const s23 = read('2023/こども家庭庁/2023-こども-新24-0002.json');
    expect(s23.id).toBe('2023-cfa-2023-cfa-shin24-0002');
    expect(s23.majorPolicy).toBeNull(); // 主要施策: null in 2023
    expect(s23.source.missingParts).toContain('アウトカム');
  });
});

describe('bad input', () => {
  it('a file that is not JSON is an error naming the file', () => {
    const r = fixture('bad-json.json');
    expect(r.records).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.file).toBe('judgit/bad-json.json');
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('a missing or unusable identity field is an error naming the field', () => {
    expect(fixture('no-ministry.json').errors).toEqual([{ file: 'judgit/no-ministry.json', where: 'field 府省庁', message: '府省庁 がありません' }]);
    expect(fixture('bad-year.json').errors).toEqual([
      { file: 'judgit/bad-year.json', where: 'field 公開年度', message: '公開年度が西暦の年度ではありません(令和元年)' },
    ]);
  });

  it('JSON that is not a sheet is reported as such', () => {
    expect(fixture('not-a-sheet.json').errors[0]!.message).toBe('not a JUDGIT! review sheet: expected a JSON object with 事業名, 府省庁, 公開年度');
  });

  it('values of the wrong type are kept as written with warnings; the record still converts', () => {
    const r = fixture('wrong-types.json');
    expect(r.errors).toEqual([]);
    const s = sheet.parse(r.records[0]);
    const msgs = s.warnings.map((w) => `${w.code} ${w.section} ${w.ref}: ${w.message}`);
    expect(s.judgitId).toBe(123);
    expect(s.judgitProjectId).toBeNull();
    expect(s.startYear).toBeNull();
    expect(s.bureau).toBe('42');
    // Kept as written; the page links it only when it is http(s).
    expect(s.sourceUrl).toBe('javascript:alert(1)');
    expect(s.accountType).toBe('一般会計');
    expect(s.implementation).toEqual(['直接実施', '7']);
    expect(s.budgets[0]).toMatchObject({
      year: 2018, initial: 12500000, supplementary: null, carriedToNext: -1250000, reserve: null, total: 11250000, executed: 8666667,
    });
    expect(s.budgets[1]).toMatchObject({ year: 2020, isRequest: true, initial: 30100000 });
    expect(s.payees.map((p) => [p.block, p.rank, p.name, p.amount])).toEqual([
      ['A', 1, '株式会社テスト', 5000000],
      ['A', 2, '(支出先名の記載なし)', 0],
    ]);
    expect(s.outcomes[0]!.finalTarget).toBe('前年度実績を上回る水準');
    expect(s.outcomes[0]!.values).toEqual([{ year: 2018, label: null, isPlan: false, actual: null, target: 10, achievement: null }]);
    expect(s.activities).toEqual([]);
    expect(msgs).toEqual([
      'unparsed-value activities null: アウトプット「{"活動指標":"一覧ではない"}」: 一覧ではないため読み取れません',
      'unparsed-value basics null: 会計区分「一般会計」: 一覧ではありません。1件として記載しました',
      'unparsed-value basics null: 担当部局庁「42」: 文字列ではありません。書かれたとおりに記載しました',
      'unparsed-value basics null: 開始年度「平成25年度」: 整数ではないため値なしとして扱いました',
      'unparsed-value source null: 事業ID「abc」: 整数ではないため値なしとして扱いました',
      'unparsed-value source null: ID「123」: 数値ではなく文字列で書かれています。整数として読みました',
      'unparsed-value basics null: 実施方法「7」: 文字列ではありません。書かれたとおりに記載しました',
      'unparsed-value budgets 2018: 2018年度の当初予算「12.5」: 数値ではなく文字列で書かれています。百万円の値として読みました',
      'unparsed-value budgets 2018: 2018年度の補正予算「abc」: 「abc」は数値ではありません(値なしとして扱いました)',
      'unparsed-value budgets 2018: 2018年度の予備費等「true」: 数値ではないため値なしとして扱いました',
      'source budgets 2018: 2018年度の執行額「8.666666666666666」百万円は1円未満の端数を含むため、8,666,667円に四捨五入しました',
      'unparsed-value outcomes 1: 成果指標1の2018年度の成果実績「十件」: 数値として読めないため値なしとして扱いました',
      'unparsed-value payees A-1: ブロックAの支出先1件目の番号「0」が1以上の整数ではないため、並び順の1番としました',
      'unparsed-value payees A-1: ブロックAの支出先1番の支出額「5」: 数値ではなく文字列で書かれています。百万円の値として読みました',
      'source payees A-2: ブロックAの支出先2番の支出額「1e-7」百万円は1円未満の端数を含むため、0円に四捨五入しました',
      'unparsed-value source null: シートの項目「新しい項目」はこの変換が知らない項目です(値: JUDGITが後で足した値)',
    ]);
  });
});

describe('JUDGIT files through the converter, among other inputs', () => {
  it('are recognised by content wherever they lie; a bad file costs only itself', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'judgit-convert-'));
    try {
      const sheetsDir = path.join(tmp, 'sheets');
      await mkdir(path.join(sheetsDir, 'any', 'folder'), { recursive: true });
      await cp(resolve('sheets/text'), path.join(sheetsDir, 'text'), { recursive: true });
      await cp(resolve('sheets/judgit/2019/個人情報保護委員会/0001.json'), path.join(sheetsDir, 'any', 'folder', 'renamed.json'));
      await cp(resolve('tests/fixtures/judgit/bad-json.json'), path.join(sheetsDir, 'any', 'bad.json'));
      const s = await convertAll({ sheetsDir, contentDir: path.join(tmp, 'content') });
      expect(s.converted).toBe(3); // two text sheets and the JUDGIT one
      expect(s.failedInputs).toEqual(['any/bad.json']);
      expect(s.errors.map((e) => [e.file, e.message.slice(0, 16)])).toEqual([['any/bad.json', 'not valid JSON: ']]);
      expect((await readdir(path.join(tmp, 'content', 'sheets'))).filter((f) => f.endsWith('.md'))).toContain('2019-ppc-0001.md');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
