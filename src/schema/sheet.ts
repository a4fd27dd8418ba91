/**
 * The one schema of a review sheet (行政事業レビューシート) record.
 *
 * Two consumers, one definition: the converter (scripts/convert.ts) validates every record before it
 * writes an entry, and the Astro content collection (src/content.config.ts) validates it again at build
 * time (unless the entry is byte for byte what the converter wrote: src/lib/index-cache.ts), as does each
 * sheet page for the record it renders. The site also publishes each record, as validated, at /data/sheets/<id>.json and the JSON Schema
 * generated from this file at /data/sheet.schema.json.
 *
 * Conventions that hold for every field below:
 * - Amounts are integer 円 (yen). Sheets in the text and JUDGIT forms state 百万円 with decimals; the
 *   converter multiplies exactly (decimal string arithmetic, never floating point), so 1.5 百万円 is
 *   1500000. Negative amounts (▲/△ in the sheet) are negative integers.
 * - Rates (執行率, 落札率, 達成度) are fractions: 92% is 0.92, 98.3% is 0.983, 140 (%) is 1.4.
 * - `null` means the sheet leaves the cell blank or writes "-", "‐", "―", "－" (no value). It is never
 *   turned into 0, and 0 is only ever a 0 the sheet wrote.
 * - Years are Western fiscal years (令和4年度 is 2022, 平成27年度 is 2015).
 * - Text is plain text exactly as the sheet states it, with export markup (`<p>`, `<input>`) removed,
 *   paragraphs separated by a blank line. It is untrusted: pages render it as text, never as HTML.
 */
import { z } from 'zod';

/** Integer 円; `null` when the cell is blank or "-" (never 0). */
const yen = z.number().int().nullable();
/** A fraction (0.92 for 92%); `null` when blank or "-". */
const fraction = z.number().nullable();
/** A number as stated in the sheet in the row's own unit; `null` when blank or "-". */
const quantity = z.number().nullable();
/** Plain text; `null` when the sheet leaves it blank or writes "-". */
const text = z.string().nullable();
/** A Western fiscal year (1989–2100). */
const year = z.number().int().min(1900).max(2100);

export const sourceForms = ['text', 'rs-csv', 'judgit'] as const;

export const source = z.object({
  /** Which published form the record was read from. */
  form: z.enum(sourceForms),
  /** Input path relative to the inputs folder (a sheet file, or the RS folder/zip set). */
  file: z.string(),
  /** Line (text form) or table and row (RS form) where the sheet starts; `null` for whole files. */
  location: z.string().nullable().default(null),
  /**
   * Parts of a full sheet that this source did not include (for example RS table "3-1" when its file was
   * not in the download). Pages say so instead of showing an empty section as if the sheet had none.
   */
  missingParts: z.array(z.string()).default([]),
});

export const budgetYear = z.object({
  /** Fiscal year the column is about. */
  year,
  /** `true` for the next year's 要求 (budget request) column rather than a budget. */
  isRequest: z.boolean().default(false),
  /** 当初予算, 円. */
  initial: yen,
  /** 補正予算, 円. */
  supplementary: yen,
  /** 前年度から繰越し, 円. */
  carriedFromPrev: yen,
  /** 翌年度へ繰越し, 円 (as stated; sheets write it as a positive amount or with ▲). */
  carriedToNext: yen,
  /** 予備費等, 円. */
  reserve: yen,
  /** 計 (歳出予算現額), 円, as the sheet states it (not recomputed). */
  total: yen,
  /** 執行額, 円. */
  executed: yen,
  /** 執行率 as stated, a fraction (92% → 0.92). */
  executionRate: fraction,
  /** 当初予算+補正予算に対する執行額の割合 as stated, a fraction; `null` when the sheet has no such row. */
  initialPlusSupplementaryRate: fraction.default(null),
  /** 翌年度要求額 (RS form), 円; `null` when not stated. */
  nextYearRequest: yen.default(null),
});

export const budgetItem = z.object({
  /** Fiscal year of the amount (e.g. the review year's 当初予算). */
  year,
  /** What the amount is: 当初予算, 要求, 予算額 … as the sheet labels the column. */
  kind: z.string(),
  /** 会計区分 / 会計 / 勘定 path when stated (RS form), joined with " / "; `null` otherwise. */
  account: text.default(null),
  /** 歳出予算目 or 項 / 目: the line item; "計" rows are kept with item "計". */
  item: z.string(),
  /** 円. */
  amount: yen,
  /** 主な増減理由 or 備考, as stated. */
  note: text.default(null),
});

export const yearValue = z.object({
  year,
  /** The column heading as the sheet writes it (e.g. "4年度活動見込", "目標最終年度 3 年度"). */
  label: z.string().nullable().default(null),
  /** `true` when the column is a plan or forecast (見込, 要求, 目標年度), not a result. */
  isPlan: z.boolean().default(false),
});

export const activity = z.object({
  /** 活動目標 / アクティビティ text; `null` when the sheet states none. */
  goal: text,
  /** 活動指標. */
  indicator: text,
  /** Unit of the values (件, 者, 回 …) as stated; `null` when blank. */
  unit: text,
  values: z.array(
    yearValue.extend({
      /** 活動実績, in `unit`. */
      actual: quantity,
      /** 当初見込み, in `unit`. */
      planned: quantity,
    }),
  ),
});

export const unitCost = z.object({
  /** 算出根拠 (what is divided by what), as stated. */
  basis: text,
  /** Unit of `value` as stated (e.g. 百万円/件, 円/人). Values keep this unit; they are not converted. */
  unit: text,
  values: z.array(
    yearValue.extend({
      /** 単位当たりコスト in `unit`, as stated. */
      value: quantity,
      /** 計算式 as stated (e.g. "179/1000"). */
      formula: text,
    }),
  ),
});

export const outcome = z.object({
  /** 成果目標 (定量的な成果目標) text. */
  goal: text,
  /** 成果指標. */
  indicator: text,
  /** Unit of actual and target values as stated. */
  unit: text,
  /** 短期 / 中期 / 長期 (RS form: アウトカムの期間); `null` when not stated. */
  term: text.default(null),
  /** 目標最終年度; `null` when not stated. */
  targetYear: year.nullable(),
  /** 根拠として用いた統計・データ名 (出典). */
  dataSource: text.default(null),
  values: z.array(
    yearValue.extend({
      /** 成果実績, in `unit`. */
      actual: quantity,
      /** 目標値, in `unit`. */
      target: quantity,
      /** 達成度 as stated, a fraction (140% → 1.4); `null` when the sheet states none. */
      achievement: fraction,
    }),
  ),
});

export const checkMarks = ['○', '△', '×', '有', '無', '-'] as const;

export const check = z.object({
  /** Group heading: 国費投入の必要性, 事業の効率性, 事業の有効性, 関連事業 …; `null` when not shown. */
  group: text,
  /** The question (項目) as stated. */
  item: z.string(),
  /** 評価 mark; "-" where the sheet writes "-"; `null` when the cell is blank. */
  mark: z.enum(checkMarks).nullable(),
  /** 評価に関する説明. */
  note: text,
});

export const findings = z.object({
  /** 点検結果 (事業所管部局による点検). */
  inspection: text,
  /** 改善の方向性. */
  direction: text,
  /** 外部有識者の所見 (or why the project was not inspected, e.g. 点検対象外). */
  externalExperts: text,
  /** 行政事業レビュー推進チームの所見: the verdict word(s) (e.g. 終了予定, 現状通り). */
  reviewTeamVerdict: text,
  /** 行政事業レビュー推進チームの所見: the text. */
  reviewTeam: text,
  /** 所見を踏まえた改善点/概算要求における反映状況: the verdict word(s) (e.g. 予定通り終了). */
  improvementsVerdict: text,
  /** 所見を踏まえた改善点/概算要求における反映状況: the text. */
  improvements: text,
  /** 備考. */
  remarks: text,
});

export const pastSheet = z.object({
  /** The fiscal year of the earlier review sheet. */
  year,
  /** Its 事業番号 as printed (e.g. "新31-0015", "2021 総務 20 0083"). Years with "-" are omitted. */
  number: z.string(),
});

export const relatedProject = z.object({
  /** 所管府省・部局名 as stated. */
  owner: text,
  /** 事業番号 or RS 予算事業ID as stated. */
  number: text,
  /** 事業名. */
  title: text,
  /** 関連性 (RS form). */
  relation: text.default(null),
});

/** RS form 1-4 補助率等: one entry per 補助対象. Text fields because sheets write rates as words and ranges. */
export const subsidyRate = z.object({
  /** 補助対象 as stated. */
  target: text,
  /** 補助率 as stated ("10/10", "定額", "1/2以内" …); the export's leading apostrophe removed. */
  rate: text,
  /** 補助上限等 as stated. */
  cap: text,
});

export const expense = z.object({
  /** 費目 (業務費, 外部委託費, 人件費等 …). */
  category: text,
  /** 用途; for a subcontract line the subcontractor's name as stated. */
  purpose: text,
  /** 円. */
  amount: yen,
  /** The subcontractor's name when the line passes money to another party (外部委託費, 再委託費 …). */
  subcontractor: text.default(null),
});

export const block = z.object({
  /** Block letter(s) as the sheet writes them: "A", "B", … (RS: "A", "AA" …). */
  id: z.string().min(1),
  /** The block's payee or group name as stated (e.g. "(株)日立製作所", "株式会社ブルーコンシャスほか"). */
  name: text,
  /** 事業を行う上での役割 (RS form) or `null`. */
  role: text.default(null),
  /** Number of payees in the block (RS form 支出先の数); `null` when not stated. */
  payeeCount: z.number().int().nullable().default(null),
  /** The block's total (the 費目・用途 table's 計 or RS ブロックの合計支出額), 円. */
  total: yen,
  /** 費目・用途 lines of the block's largest payee. */
  expenses: z.array(expense).default([]),
});

export const flow = z.object({
  /** "ministry" for the responsible organisation's own payments, else a block id. */
  from: z.string(),
  /** A block id. */
  to: z.string(),
  /** 円 when the source states the amount of this edge; otherwise `null` (the target block's total applies). */
  amount: yen.default(null),
  /**
   * `true` when the edge was inferred rather than stated: text sheets show the money-flow diagram only as
   * an image, so an edge is inferred from a block's subcontract lines naming another block's payee, and
   * blocks named nowhere are taken to be paid by the ministry.
   */
  inferred: z.boolean().default(false),
});

export const payee = z.object({
  /** Block letter the payee belongs to. */
  block: z.string(),
  /** Rank within the block's top-10 list (1 = largest). */
  rank: z.number().int().min(1),
  /** 支出先 name as stated. */
  name: z.string(),
  /** 法人番号: 13 digits as stated; `null` when blank or "-". The check digit is verified into `warnings`. */
  corporateNumber: z.string().nullable(),
  /** 業務概要 / 契約概要. */
  description: text,
  /** 支出額, 円. */
  amount: yen,
  /** 契約方式等 as stated (e.g. "一般競争契約 (総合評価)", "随意契約 (少額)", "その他"). */
  contractMethod: text,
  /** 入札者数 (応募者数); `null` when "-" or blank. */
  bidders: z.number().int().nullable(),
  /** 落札率, a fraction (98.3% → 0.983); `null` when "-", "--" or blank. */
  winningBidRate: fraction,
  /** 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策, as stated. */
  singleBidReason: text.default(null),
});

export const warningCodes = [
  'budget-total-mismatch',
  'execution-rate-mismatch',
  'unit-cost-formula-mismatch',
  'corporate-number-check-digit',
  'payees-exceed-block',
  'block-expenses-mismatch',
  'layout',
  'unparsed-value',
  'missing-part',
  'source',
] as const;

export const warning = z.object({
  /** Machine-readable kind of the problem. */
  code: z.enum(warningCodes),
  /** Which record section it concerns (budgets, unitCosts, payees, blocks …). */
  section: z.string(),
  /** The year, block or row it concerns, when there is one (e.g. "2021", "A", "A-1"). */
  ref: z.string().nullable().default(null),
  /** What is wrong, in Japanese for readers, with the sheet's own figures. */
  message: z.string(),
});

export const sheet = z.object({
  /**
   * Permanent ASCII id, stable across rebuilds (docs/IDS.md): `<fiscalYear>-<ministry>-<number>` where
   * `<ministry>` is a romanised slug (総務省 → soumu) and `<number>` the sheet's own identifier: its 事業番号
   * in ASCII, `rs<予算事業ID>` for RS records, or `t<hash>` of the 事業名 when the sheet prints no number.
   */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The review year the sheet belongs to (令和4年度行政事業レビューシート → 2022). */
  fiscalYear: year,
  source,
  /** 事業名. */
  title: z.string().min(1),
  /** 府省庁 (from the title line, or RS 府省庁), full-width spaces removed. */
  ministry: z.string().min(1),
  /** 担当部局庁. */
  bureau: text,
  /** 担当課室. */
  division: text,
  /** 作成責任者. */
  manager: text,
  /** 事業番号 as printed; `null` when the sheet prints none. */
  projectNumber: text.default(null),
  /** URL of the official published sheet (JUDGIT `url`: the ministry's own file), when the source gives one; `null` otherwise. */
  sourceUrl: text.default(null),
  /** 事業開始年度; `null` when unknown (RS 開始年度不明) or not stated. */
  startYear: year.nullable(),
  /** 事業終了(予定)年度; `null` when the sheet states none (RS 終了予定なし, or "-"). */
  endYear: year.nullable(),
  /** 会計区分 (一般会計, 特別会計 …). */
  accountType: text,
  /** 根拠法令. */
  legalBasis: text.default(null),
  /** 関係する計画、通知等. */
  relatedPlans: text.default(null),
  /** 主要政策・施策. */
  majorPolicy: text.default(null),
  /** 主要経費. */
  majorExpense: text.default(null),
  /** 政策評価: 政策 / 施策 as stated. */
  policy: text.default(null),
  measure: text.default(null),
  /** 事業区分 (RS form). */
  category: text.default(null),
  /** 実施方法 (委託・請負, 補助, 直接実施 …), one entry per method. */
  implementation: z.array(z.string()).default([]),
  /** 事業の目的. */
  purpose: text,
  /** 現状・課題 (RS form). */
  issues: text.default(null),
  /** 事業概要. */
  overview: text,
  /** 活動内容 (アクティビティ). */
  activityDescription: text.default(null),
  /** Budget columns by fiscal year, oldest first (the last ones may be 要求). */
  budgets: z.array(budgetYear).default([]),
  /** 予算内訳 / 歳出予算項目 lines. */
  budgetItems: z.array(budgetItem).default([]),
  activities: z.array(activity).default([]),
  unitCosts: z.array(unitCost).default([]),
  outcomes: z.array(outcome).default([]),
  checks: z.array(check).default([]),
  findings,
  pastSheets: z.array(pastSheet).default([]),
  relatedProjects: z.array(relatedProject).default([]),
  /** 補助率等 (RS form table 1-4); `[]` when the source states none or has no such table. */
  subsidyRates: z.array(subsidyRate).default([]),
  blocks: z.array(block).default([]),
  flows: z.array(flow).default([]),
  payees: z.array(payee).default([]),
  /** Data-quality findings about the sheet's own figures. Never fatal; shown on the page. */
  warnings: z.array(warning).default([]),
});

export type Sheet = z.infer<typeof sheet>;
/** What a reader constructs before defaults are applied (e.g. in a parser). */
export type SheetInput = z.input<typeof sheet>;
export type BudgetYear = z.infer<typeof budgetYear>;
export type BudgetItem = z.infer<typeof budgetItem>;
export type Activity = z.infer<typeof activity>;
export type UnitCost = z.infer<typeof unitCost>;
export type Outcome = z.infer<typeof outcome>;
export type Check = z.infer<typeof check>;
export type Findings = z.infer<typeof findings>;
export type PastSheet = z.infer<typeof pastSheet>;
export type RelatedProject = z.infer<typeof relatedProject>;
export type SubsidyRate = z.infer<typeof subsidyRate>;
export type Block = z.infer<typeof block>;
export type Expense = z.infer<typeof expense>;
export type Flow = z.infer<typeof flow>;
export type Payee = z.infer<typeof payee>;
export type SheetWarning = z.infer<typeof warning>;
export type WarningCode = (typeof warningCodes)[number];
