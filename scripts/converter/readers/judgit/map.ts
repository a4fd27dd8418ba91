/**
 * One JUDGIT! sheet (a JSON object, see read.ts) → a record. Every field JUDGIT carries maps to a record
 * field; a field it does not know is quoted in a warning, so nothing the file states is lost.
 *
 * - Amounts (予算, 支出額) are 百万円 → integer 円 (values.ts amountOf).
 * - 予算: one budget column per 年度; the entry holding 要求額 (the year after the review year) is a column
 *   with isRequest, its amount as the 当初予算 of that column, as text sheets print the 要求 column.
 * - 支出先: payees, their グループ as the block letter. No blocks are made: JUDGIT states no block totals
 *   or names, and a block total is only what a source states.
 * - アウトプット / アウトカム: an empty list is "not in this source" (source.missingParts), since JUDGIT
 *   stopped carrying them (every 2021 アウトプット list, every 2023 list is empty), unless the sheet says
 *   why it has no quantitative target (定量的な目標が設定できない理由).
 */
import type { ActivityInput, BudgetYear, OutcomeInput, PastSheetInput, PayeeInput, SheetInput } from '../../../../src/schema/sheet.ts';
import { sheetId } from '../../../../src/shared/ids.ts';
import {
  amountOf, intOf, isObject, objectListOf, quantityOf, shown, textListOf, textOf, yearOf,
  type Ctx, type Json, type JsonObject,
} from './values.ts';

/** Parts of a full review sheet that JUDGIT's JSON never carries (named in every record's missingParts). */
export const PARTS_NOT_IN_JUDGIT = ['予算内訳', '単位当たりコスト', '点検・評価', '資金の流れ', '費目・使途'] as const;
/** missingParts names for an empty アウトプット / アウトカム list. */
export const OUTPUTS_PART = 'アウトプット';
export const OUTCOMES_PART = 'アウトカム';

const TOP_KEYS = new Set([
  'ID', '事業ID', 'url', '公開年度', '事業名', '開始年度', '終了年度', '府省庁', '事業番号',
  '事業番号1', '事業番号2', '事業番号3', '事業番号4', '事業番号5', '担当部局庁', '担当課室', '作成責任者',
  '会計区分', '事業目的', '事業概要', '実施方法', '主要施策', '予算', '支出先', 'アウトカム', 'アウトプット',
  '関連する過去のレビューシート', '定量的な目標が設定できない理由',
]);
const BUDGET_FIELDS = {
  当初予算: 'initial',
  補正予算: 'supplementary',
  前年度から繰越し: 'carriedFromPrev',
  翌年度へ繰越し: 'carriedToNext',
  予備費等: 'reserve',
  予算計: 'total',
  執行額: 'executed',
} as const;
const PAYEE_KEYS = new Set(['年度', 'グループ', '番号', '支出先名', '法人番号', '業務概要', '支出額']);
const OUTCOME_KEYS = new Set(['成果目標', '成果指標', '単位', '目標値', '目標最終年度', '成果実績']);
const OUTCOME_VALUE_KEYS = new Set(['年度', '成果実績', '目標値']);
const OUTPUT_KEYS = new Set(['活動指標', '単位', '活動実績']);
const OUTPUT_VALUE_KEYS = new Set(['年度', '活動実績', '当初見込み']);
const PAST_KEYS = new Set(['年度', '府省庁', '事業番号1', '事業番号2', '事業番号3']);

/** Keys of `o` this reader does not map: quoted in a warning with their values. */
function unknownKeys(ctx: Ctx, o: JsonObject, known: Set<string>, section: string, ref: string | null, where: string): void {
  for (const [k, v] of Object.entries(o)) {
    if (known.has(k) || v === null) continue;
    ctx.warnings.push({ code: 'unparsed-value', section, ref, message: `${where}の項目「${k}」はこの変換が知らない項目です(値: ${shown(v)})` });
  }
}

function budgets(ctx: Ctx, list: JsonObject[]): BudgetYear[] {
  const out: BudgetYear[] = [];
  list.forEach((b, i) => {
    const year = yearOf(ctx, b['年度'], 'budgets', String(i + 1), `予算の${i + 1}件目の年度`);
    if (year === null) {
      ctx.warnings.push({ code: 'unparsed-value', section: 'budgets', ref: String(i + 1), message: `予算の${i + 1}件目は年度がないため表に置けません(${shown(b)})` });
      return;
    }
    const ref = String(year);
    const col: BudgetYear = {
      year, isRequest: false, initial: null, supplementary: null, carriedFromPrev: null, carriedToNext: null,
      reserve: null, total: null, executed: null, executionRate: null, initialPlusSupplementaryRate: null, nextYearRequest: null,
    };
    for (const [ja, field] of Object.entries(BUDGET_FIELDS)) col[field] = amountOf(ctx, b[ja], 'budgets', ref, `${year}年度の${ja}`);
    const hasBudget = Object.keys(BUDGET_FIELDS).some((k) => k in b);
    if ('要求額' in b) {
      const request = amountOf(ctx, b['要求額'], 'budgets', ref, `${year}年度の要求額`);
      if (hasBudget) out.push(col); // never seen in the five years: both kinds in one entry keep both columns
      out.push({ ...col, isRequest: true, initial: request, supplementary: null, carriedFromPrev: null, carriedToNext: null, reserve: null, total: null, executed: null });
    } else {
      out.push(col);
    }
    unknownKeys(ctx, b, new Set(['年度', '要求額', ...Object.keys(BUDGET_FIELDS)]), 'budgets', ref, `${year}年度の予算`);
  });
  return out.sort((a, b) => a.year - b.year || Number(a.isRequest) - Number(b.isRequest));
}

function payees(ctx: Ctx, list: JsonObject[]): PayeeInput[] {
  const nextRank = new Map<string, number>();
  const out: PayeeInput[] = [];
  list.forEach((p, i) => {
    const block = textOf(ctx, p['グループ'], 'payees', String(i + 1), `支出先${i + 1}件目のグループ`) ?? '-';
    let rank = intOf(ctx, p['番号'], 'payees', `${block}-?`, `ブロック${block}の支出先の番号`);
    const fallback = (nextRank.get(block) ?? 0) + 1;
    if (rank === null || rank < 1) {
      ctx.warnings.push({ code: 'unparsed-value', section: 'payees', ref: `${block}-${fallback}`, message: `ブロック${block}の支出先${i + 1}件目の番号「${shown(p['番号'] ?? null)}」が1以上の整数ではないため、並び順の${fallback}番としました` });
      rank = fallback;
    }
    nextRank.set(block, Math.max(rank, fallback));
    const ref = `${block}-${rank}`;
    const what = `ブロック${block}の支出先${rank}番`;
    const name = textOf(ctx, p['支出先名'], 'payees', ref, `${what}の支出先名`);
    out.push({
      block,
      rank,
      year: yearOf(ctx, p['年度'], 'payees', ref, `${what}の年度`),
      // The schema needs a name; a payee row without one still carries its amount.
      name: name ?? '(支出先名の記載なし)',
      corporateNumber: textOf(ctx, p['法人番号'], 'payees', ref, `${what}の法人番号`),
      description: textOf(ctx, p['業務概要'], 'payees', ref, `${what}の業務概要`),
      amount: amountOf(ctx, p['支出額'], 'payees', ref, `${what}の支出額`),
      contractMethod: null,
      bidders: null,
      winningBidRate: null,
    });
    unknownKeys(ctx, p, PAYEE_KEYS, 'payees', ref, what);
  });
  return out;
}

function activities(ctx: Ctx, list: JsonObject[]): ActivityInput[] {
  return list.map((a, i) => {
    const ref = String(i + 1);
    unknownKeys(ctx, a, OUTPUT_KEYS, 'activities', ref, `活動指標${i + 1}`);
    return {
      goal: null,
      indicator: textOf(ctx, a['活動指標'], 'activities', ref, `活動指標${i + 1}`),
      unit: textOf(ctx, a['単位'], 'activities', ref, `活動指標${i + 1}の単位`),
      values: objectListOf(ctx, a['活動実績'], 'activities', `活動指標${i + 1}の活動実績`).flatMap((v) => {
        const year = yearOf(ctx, v['年度'], 'activities', ref, `活動指標${i + 1}の年度`);
        if (year === null) return [];
        unknownKeys(ctx, v, OUTPUT_VALUE_KEYS, 'activities', ref, `活動指標${i + 1}の${year}年度`);
        return [{
          year, label: null, isPlan: false,
          actual: quantityOf(ctx, v['活動実績'], 'activities', ref, `活動指標${i + 1}の${year}年度の活動実績`),
          planned: quantityOf(ctx, v['当初見込み'], 'activities', ref, `活動指標${i + 1}の${year}年度の当初見込み`),
        }];
      }),
    };
  });
}

function outcomes(ctx: Ctx, list: JsonObject[]): OutcomeInput[] {
  return list.map((o, i) => {
    const ref = String(i + 1);
    const what = `成果指標${i + 1}`;
    unknownKeys(ctx, o, OUTCOME_KEYS, 'outcomes', ref, what);
    const targetYear = yearOf(ctx, o['目標最終年度'], 'outcomes', ref, `${what}の目標最終年度`);
    // 目標値 is text in JUDGIT ("90", "696～890"): kept as written; when it is a plain number and its year
    // is not a column already, it also becomes the 目標最終年度 column, as the text form reads it.
    const finalTarget = typeof o['目標値'] === 'number' ? String(o['目標値']) : textOf(ctx, o['目標値'], 'outcomes', ref, `${what}の目標値`);
    const values: OutcomeInput['values'] = objectListOf(ctx, o['成果実績'], 'outcomes', `${what}の成果実績`).flatMap((v) => {
      const year = yearOf(ctx, v['年度'], 'outcomes', ref, `${what}の年度`);
      if (year === null) return [];
      unknownKeys(ctx, v, OUTCOME_VALUE_KEYS, 'outcomes', ref, `${what}の${year}年度`);
      return [{
        year, label: null, isPlan: false,
        actual: quantityOf(ctx, v['成果実績'], 'outcomes', ref, `${what}の${year}年度の成果実績`),
        target: quantityOf(ctx, v['目標値'], 'outcomes', ref, `${what}の${year}年度の目標値`),
        achievement: null,
      }];
    });
    const finalNumber = finalTarget !== null && /^-?\d+(\.\d+)?$/.test(finalTarget.trim()) ? Number(finalTarget.trim()) : null;
    if (targetYear !== null && finalNumber !== null && !values.some((v) => v.year === targetYear)) {
      values.push({ year: targetYear, label: '目標最終年度', isPlan: true, actual: null, target: finalNumber, achievement: null });
    }
    return {
      goal: textOf(ctx, o['成果目標'], 'outcomes', ref, `${what}の成果目標`),
      indicator: textOf(ctx, o['成果指標'], 'outcomes', ref, `${what}の成果指標`),
      unit: textOf(ctx, o['単位'], 'outcomes', ref, `${what}の単位`),
      term: null,
      targetYear,
      finalTarget,
      dataSource: null,
      values,
    };
  });
}

/** "新30" + "0001" + "1" → "新30-0001-1": the number as the earlier sheet printed it. */
export function joinNumber(parts: readonly (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p !== '').join('-');
}

function pastSheets(ctx: Ctx, list: JsonObject[]): PastSheetInput[] {
  return list.flatMap((p, i) => {
    const ref = String(i + 1);
    unknownKeys(ctx, p, PAST_KEYS, 'pastSheets', ref, `関連する過去のレビューシート${i + 1}件目`);
    const year = yearOf(ctx, p['年度'], 'pastSheets', ref, `関連する過去のレビューシート${i + 1}件目の年度`);
    const parts = (['事業番号1', '事業番号2', '事業番号3'] as const).map((k) => textOf(ctx, p[k], 'pastSheets', ref, `関連する過去のレビューシート${i + 1}件目の${k}`));
    const number = joinNumber(parts);
    if (year === null || number === '') {
      ctx.warnings.push({ code: 'unparsed-value', section: 'pastSheets', ref, message: `関連する過去のレビューシート${i + 1}件目は年度か事業番号がないため載せられません(${shown(p)})` });
      return [];
    }
    return [{ year, number, ministry: textOf(ctx, p['府省庁'], 'pastSheets', ref, `関連する過去のレビューシート${i + 1}件目の府省庁`) }];
  });
}

/** The fields read.ts has checked: present, of the right type. */
export interface Identity {
  fiscalYear: number;
  title: string;
  ministry: string;
}

export function mapSheet(j: JsonObject, id: Identity, file: string): SheetInput {
  const ctx: Ctx = { warnings: [] };
  const t = (k: string, section = 'basics') => textOf(ctx, j[k], section, null, k);
  const projectNumber = t('事業番号');
  const parts = (['事業番号1', '事業番号2', '事業番号3', '事業番号4', '事業番号5'] as const).map((k) => t(k));
  const outputList = objectListOf(ctx, j['アウトプット'], 'activities', 'アウトプット');
  const outcomeList = objectListOf(ctx, j['アウトカム'], 'outcomes', 'アウトカム');
  const noTargetReason = t('定量的な目標が設定できない理由', 'outcomes');
  const missingParts: string[] = [...PARTS_NOT_IN_JUDGIT];
  if (outputList.length === 0) missingParts.push(OUTPUTS_PART);
  if (outcomeList.length === 0 && noTargetReason === null) missingParts.push(OUTCOMES_PART);
  const accounts = textListOf(ctx, j['会計区分'], 'basics', '会計区分');
  const policies = textListOf(ctx, j['主要施策'], 'basics', '主要施策');
  const record: SheetInput = {
    id: sheetId({ fiscalYear: id.fiscalYear, ministry: id.ministry, projectNumber, title: id.title }),
    fiscalYear: id.fiscalYear,
    source: { form: 'judgit', file, location: null, missingParts },
    title: id.title,
    ministry: id.ministry,
    bureau: t('担当部局庁'),
    division: t('担当課室'),
    manager: t('作成責任者'),
    projectNumber,
    sourceUrl: t('url', 'source'),
    startYear: yearOf(ctx, j['開始年度'], 'basics', null, '開始年度'),
    endYear: yearOf(ctx, j['終了年度'], 'basics', null, '終了年度'),
    projectNumberParts: parts.some((p) => p !== null) ? parts : [],
    judgitProjectId: intOf(ctx, j['事業ID'], 'source', null, '事業ID'),
    judgitId: intOf(ctx, j['ID'], 'source', null, 'ID'),
    accountType: accounts.length ? accounts.join('、') : null,
    majorPolicy: policies.length ? policies.join('、') : null,
    implementation: textListOf(ctx, j['実施方法'], 'basics', '実施方法'),
    purpose: t('事業目的', 'purpose'),
    overview: t('事業概要', 'purpose'),
    budgets: budgets(ctx, objectListOf(ctx, j['予算'], 'budgets', '予算')),
    activities: activities(ctx, outputList),
    outcomes: outcomes(ctx, outcomeList),
    noQuantitativeTargetReason: noTargetReason,
    findings: {
      inspection: null, direction: null, externalExperts: null, reviewTeamVerdict: null, reviewTeam: null,
      improvementsVerdict: null, improvements: null, remarks: null,
    },
    pastSheets: pastSheets(ctx, objectListOf(ctx, j['関連する過去のレビューシート'], 'pastSheets', '関連する過去のレビューシート')),
    payees: payees(ctx, objectListOf(ctx, j['支出先'], 'payees', '支出先')),
    warnings: ctx.warnings,
  };
  unknownKeys(ctx, j, TOP_KEYS, 'source', null, 'シート');
  return record;
}

