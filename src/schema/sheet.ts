/**
 * The one schema of a review sheet (行政事業レビューシート) record.
 *
 * Two consumers, one definition: the converter (scripts/convert.ts) validates every record before it
 * writes an entry; the site (src/content.config.ts, src/lib/data/collection.ts) validates only an entry that is
 * not byte for byte what the converter wrote in this build (src/schema/hand-over.ts), e.g. one edited by hand. The site also publishes each record, as validated, as a line of /data/records/<year>-<ministry>.jsonl.gz
 * (/data/sheets/<id>.json points to it) and the JSON Schema generated from this file at /data/sheet.schema.json.
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
  /** RS form 2-2 所管 / 組織・勘定 (the budget's owner and organisation), joined with " / "; `null` otherwise. */
  organisation: text.default(null),
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
  /** RS form 3-1 改善の上向き／下向き as stated (which way is better); `null` when blank or not RS. */
  direction: text.default(null),
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
  /**
   * 目標値 of the 目標最終年度 exactly as written (JUDGIT states it as text: "90", "696～890",
   * "前年度実績を上回る水準"); `null` when not stated or when the form has it only as a year column.
   */
  finalTarget: text.default(null),
  /** 根拠として用いた統計・データ名 (出典). */
  dataSource: text.default(null),
  /** RS form 3-1 成果目標の種類 as stated; `null` when blank or not RS. */
  goalType: text.default(null),
  /** RS form 3-1 改善の上向き／下向き as stated (which way is better); `null` when blank or not RS. */
  direction: text.default(null),
  /** RS form 3-1 定性的なアウトカム目標を設定している理由; `null` when blank or not RS. */
  qualitativeReason: text.default(null),
  /** RS form 3-1 定性的なアウトカムに関する成果実績; `null` when blank or not RS. */
  qualitativeResult: text.default(null),
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
  /**
   * Its 事業番号 as printed (e.g. "新31-0015", "2021 総務 20 0083"). Years with "-" are omitted. RS form:
   * the 旧事業番号 in its published form "2023-デジ-22-0001" (digits and abbreviation as the cell writes
   * them after NFKC; dashes and spaces unified), so that it links to the site's sheet of that number.
   */
  number: z.string(),
  /** RS form: the 旧事業番号 exactly as the cell writes it, when that differs from `number`; else `null`. */
  written: text.default(null),
  /** Its 府省庁 when the source names it (JUDGIT); `null` otherwise. */
  ministry: text.default(null),
});

/** RS form 3-2: one end of a link of the logic model (an アクティビティ, アウトプット or アウトカム). */
export const logicNode = z.object({
  /** 種別: アクティビティ / アウトプット / アウトカム (the export's "1." prefix removed; other words as written). */
  kind: text,
  /** アクティビティ・アウトプット・アウトカムの番号 as stated (numbers are per 種別). */
  number: text,
  /** アウトカムの期間: 短期 / 中期 / 長期 (prefix removed); `null` for activities and outputs. */
  term: text,
  /** アクティビティの内容 / 活動目標 / 成果目標 as stated. */
  text,
});

/** RS form 3-2 目標のつながり: one row, a link from one step of the logic model to the next. */
export const logicLink = z.object({
  /** 派生元: the step the link starts from. */
  from: logicNode,
  /** 派生先: the step it leads to. */
  to: logicNode,
  /** 後続アウトカムへのつながり: how the step leads to the later outcome, as stated. */
  connection: text,
  /** アウトカムを複数段階で設定できない理由, as stated. */
  singleStageReason: text,
});

/** RS form 3-1: a 閣議決定 (cabinet decision) etc. that sets a KPI for the project. */
export const kpiDecision = z.object({
  /** 事業に関連するKPIが定められている閣議決定等の名称. */
  name: text,
  /** …の該当箇所. */
  section: text,
  /** …のURL, as written (pages link only its http(s) URL). */
  url: text,
});

/** RS form 1-3 根拠法令: one law (or article) the project rests on. */
export const lawRef = z.object({
  /** 法令名 as stated. */
  name: text,
  /** 法令番号 (e.g. "令和三年法律第三十六号"); `null` when blank. */
  lawNumber: text,
  /** 法令ID of e-Gov 法令検索 (e.g. "503AC0000000036"); pages link https://laws.e-gov.go.jp/law/<法令ID>. */
  lawId: text,
  /** 条 as stated ("第四条"). */
  article: text,
  /** 項 as stated ("2"). */
  paragraph: text,
  /** 号・号の細分 as stated ("第17号"). */
  item: text,
});

/** RS form 1-3 政策・施策: one policy/measure pair with its page. */
export const policyRef = z.object({
  /** 政策所管府省庁 (政策所管府省庁_P) as stated. */
  ministry: text,
  /** 政策. */
  policy: text,
  /** 施策. */
  measure: text,
  /** 政策・施策URL as written (pages link only its http(s) URL). */
  url: text,
});

/** RS form 1-3 関係する計画・通知等: one plan or notice with its page. */
export const planRef = z.object({
  /** 計画通知名. */
  name: text,
  /** 計画通知等URL as written (pages link only its http(s) URL). */
  url: text,
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
  /** 補助率URL as written (pages link only its http(s) URL); `null` when blank. */
  url: text.default(null),
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
  /** RS 5-3 支出先名: the payee whose spending the line describes, as stated; `null` when not stated. */
  payee: text.default(null),
  /** RS 5-3 法人番号 of that payee, as stated (13 digits expected, not verified here); `null` when blank. */
  corporateNumber: text.default(null),
  /** RS 5-3 契約概要 of that payee's contract, as stated; `null` when blank. */
  contract: text.default(null),
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
  /** RS 5-2 資金の流れの補足情報 of this edge (e.g. "再委託", "予算の移替"), as stated; distinct texts one per line. */
  note: text.default(null),
  /**
   * RS 5-2 支出元の支出先ブロック名 of an edge from "ministry": the organisation as 5-2 names it (it may differ
   * from `ministry`, e.g. "総務省" for a 消防庁 sheet); `null` for other edges and other forms.
   */
  sourceName: text.default(null),
});

/**
 * RS 5-2 国自らが支出する間接経費: money the responsible organisation spends itself, outside the block graph
 * (no block, no payee). One entry per row.
 */
export const indirectCost = z.object({
  /** 国自らが支出する間接経費: the heading as stated ("間接経費", "事務費" …). */
  label: text,
  /** 国自らが支出する間接経費の項目, as stated. */
  item: text,
  /** 国自らが支出する間接経費の金額, 円. */
  amount: yen,
});

/**
 * How a contract was made: the columns RS tables 5-1 (a payee's contract rows) and 5-4 (contracts under
 * 国庫債務負担行為等) both state, written once. Spread into both objects after their own fields, so the
 * entries' key order is the tables' column order.
 */
const contractTerms = z.object({
  /** 契約方式等 as stated (一般競争契約（最低価格）, 随意契約（公募） …). */
  method: text,
  /** 具体的な契約方式等 as stated (e.g. "SBS", "FMS調達"). */
  specificMethod: text,
  /** 入札者数 (応募者数). */
  bidders: z.number().int().nullable(),
  /** 落札率, a fraction (the table states percent: 95.6 → 0.956). */
  winningBidRate: fraction,
  /**
   * 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策, as stated (5-1 states it for 支出額 of
   * 10億円 or more, 5-4 for 契約額 of 10億円 or more).
   */
  singleBidReason: text,
  /** その他の契約 (TRUE/t: a row bundling the payee's other, smaller contracts); `null` when blank. */
  other: z.boolean().nullable(),
});

/** One contract of an RS 5-1 payee: a contract row of 支出先_支出情報, every column kept. */
export const contract = z.object({
  /** 契約概要 as stated. */
  description: text,
  /** 金額 of this contract, 円 (part of the payee's 支出先の合計支出額). */
  amount: yen,
  ...contractTerms.shape,
});

export const payee = z.object({
  /** Block letter the payee belongs to. */
  block: z.string(),
  /** Fiscal year of the 支出額 when the source states it (JUDGIT 支出先.年度); `null` otherwise (the year before the review year). */
  year: year.nullable().default(null),
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
  /** RS 5-1 所在地 as stated; `null` when blank or not in the source. */
  location: text.default(null),
  /** RS 5-1 法人種別 as stated (the code the RS system uses, e.g. "301" 株式会社); `null` when blank. */
  corporateType: text.default(null),
  /** RS 5-1 その他支出先: `true` for a bundled 「その他」 payee (TRUE/t), `false` (FALSE/f); `null` when blank. */
  otherPayee: z.boolean().nullable().default(null),
  /**
   * RS 5-1: each contract row of the payee, in file order. The single-valued fields above (description,
   * contractMethod, bidders, winningBidRate, singleBidReason) fold these together; this keeps every row.
   * `[]` for text and JUDGIT sheets, which state one line per payee.
   */
  contracts: z.array(contract).default([]),
});

/**
 * RS 5-4 支出先_国庫債務負担行為等による契約: a contract made under 国庫債務負担行為等 (a commitment spanning
 * several fiscal years). Its 契約額 is the whole contract's amount, not one year's payment, so it is kept apart
 * from `payees` and never added to a year's spending. The table states no per-year amounts.
 */
export const multiYearContract = z.object({
  /** 支出先ブロック of the contract, as stated ("A", "B" …); `null` when blank. */
  block: text,
  /** 契約先名, as stated. */
  name: text,
  /** 契約先の法人番号, as stated. */
  corporateNumber: text,
  /** 契約先の所在地, as stated. */
  location: text,
  /** 契約先の法人種別, as stated (RS code, e.g. "301"). */
  corporateType: text,
  /** 契約概要（契約名）, as stated. */
  description: text,
  /** 契約額, 円: the whole contract over all its years. */
  amount: yen,
  /** 契約方式等 … その他の契約 (the table's first その他の契約 column, t/f): as in 5-1. */
  ...contractTerms.shape,
  /** その他の契約（国庫債務負担行為等による契約） (t/f); `null` when blank. */
  otherMultiYear: z.boolean().nullable(),
});

export const warningCodes = [
  'budget-total-mismatch',
  'execution-rate-mismatch',
  'unit-cost-formula-mismatch',
  'corporate-number-check-digit',
  'payees-exceed-block',
  'block-expenses-mismatch',
  /** A source row that repeats another row of the same table and project exactly (both are read). */
  'duplicate-row',
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
  /**
   * RS form 1-1 その他担当組織: each other responsible organisation as 府省庁 局・庁 部 課 室 班 係
   * (the stated ones, space-joined), in the sheet's order; `[]` when none or not RS.
   */
  otherOrganisations: z.array(z.string()).default([]),
  /** 事業番号 as printed; `null` when the sheet prints none. */
  projectNumber: text.default(null),
  /** RS form 予算事業ID (the RS system's own project number); `null` for the other forms. */
  rsProjectId: z.number().int().nullable().default(null),
  /** URL of the official published sheet (JUDGIT `url`: the ministry's own file), when the source gives one; `null` otherwise. */
  sourceUrl: text.default(null),
  /** 事業開始年度 as stated; `null` when not stated (RS 開始年度不明 says why: `startYearUnknown`). */
  startYear: year.nullable(),
  /** RS 開始年度不明 (the sheet says the start year is unknown); `false` when not set or not an RS sheet. */
  startYearUnknown: z.boolean().default(false),
  /** 事業終了(予定)年度 as stated; `null` when the sheet states none ("-", or RS 終了予定なし: `noPlannedEnd`). */
  endYear: year.nullable(),
  /**
   * RS 終了予定なし (no planned end); `false` when not set or not an RS sheet. Set beside a stated
   * 事業終了(予定)年度 in 27 of the 252 shipped projects: both are kept, as the sheet states them.
   */
  noPlannedEnd: z.boolean().default(false),
  /**
   * The parts JUDGIT splits the 事業番号 into (its 事業番号1–5), as stated, `null` where a part is blank:
   * ["新27", "0025", null, null, null] or ["2021", "総務", "20", "0083", null]; `[]` for other forms.
   */
  projectNumberParts: z.array(z.string().nullable()).default([]),
  /**
   * JUDGIT 事業ID: JUDGIT's own key of one project across review years (given up to 公開年度 2020), for
   * following a project from year to year; `null` when the source gives none.
   */
  judgitProjectId: z.number().int().nullable().default(null),
  /** JUDGIT `ID`: JUDGIT's key of this one sheet (given up to 公開年度 2020); `null` when the source gives none. */
  judgitId: z.number().int().nullable().default(null),
  /** 会計区分 (一般会計, 特別会計 …). */
  accountType: text,
  /** 根拠法令. */
  legalBasis: text.default(null),
  /** RS form 1-3 根拠法令, one entry per law with its 法令番号 and 法令ID; `[]` when none or not RS. */
  laws: z.array(lawRef).default([]),
  /** 関係する計画、通知等. */
  relatedPlans: text.default(null),
  /** RS form 1-3 関係する計画・通知等 with their URLs; `[]` when none or not RS. */
  plans: z.array(planRef).default([]),
  /** 主要政策・施策. */
  majorPolicy: text.default(null),
  /** 主要経費. */
  majorExpense: text.default(null),
  /** 政策評価: 政策 / 施策 as stated. */
  policy: text.default(null),
  measure: text.default(null),
  /** RS form 1-3 政策・施策 entries with their ministry and URL; `[]` when none or not RS. */
  policies: z.array(policyRef).default([]),
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
  /** RS form 1-2 事業概要URL as written (a note may follow the URL; pages link only the http(s) URL). */
  overviewUrl: text.default(null),
  /** 活動内容 (アクティビティ). */
  activityDescription: text.default(null),
  /** Budget columns by fiscal year, oldest first (the last ones may be 要求). */
  budgets: z.array(budgetYear).default([]),
  /** 予算内訳 / 歳出予算項目 lines. */
  budgetItems: z.array(budgetItem).default([]),
  activities: z.array(activity).default([]),
  unitCosts: z.array(unitCost).default([]),
  outcomes: z.array(outcome).default([]),
  /** RS form 3-1: the 閣議決定等 that set KPIs for the project; `[]` when none or not RS. */
  kpiDecisions: z.array(kpiDecision).default([]),
  /** RS form 3-2 目標のつながり: the logic model's links in the sheet's order; `[]` when none or not RS. */
  logicLinks: z.array(logicLink).default([]),
  /** 定量的な目標が設定できない理由 (why the sheet sets no quantitative outcome target), as stated. */
  noQuantitativeTargetReason: text.default(null),
  checks: z.array(check).default([]),
  findings,
  pastSheets: z.array(pastSheet).default([]),
  /**
   * RS form 旧事業番号 entries that carry no year (e.g. "0001-04"), as written; no year is invented for
   * them, so they are not in `pastSheets`. `[]` when none.
   */
  pastSheetsUnparsed: z.array(z.string()).default([]),
  relatedProjects: z.array(relatedProject).default([]),
  /** 補助率等 (RS form table 1-4); `[]` when the source states none or has no such table. */
  subsidyRates: z.array(subsidyRate).default([]),
  blocks: z.array(block).default([]),
  flows: z.array(flow).default([]),
  /** RS 5-2 国自らが支出する間接経費; `[]` when none is stated. */
  indirectCosts: z.array(indirectCost).default([]),
  payees: z.array(payee).default([]),
  /** RS 5-4 契約 under 国庫債務負担行為等; `[]` when none is stated or the form has no such table. */
  multiYearContracts: z.array(multiYearContract).default([]),
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
export type LogicNode = z.infer<typeof logicNode>;
export type LogicLink = z.infer<typeof logicLink>;
export type KpiDecision = z.infer<typeof kpiDecision>;
export type LawRef = z.infer<typeof lawRef>;
export type PolicyRef = z.infer<typeof policyRef>;
export type PlanRef = z.infer<typeof planRef>;
export type RelatedProject = z.infer<typeof relatedProject>;
export type SubsidyRate = z.infer<typeof subsidyRate>;
export type Block = z.infer<typeof block>;
export type Expense = z.infer<typeof expense>;
export type Flow = z.infer<typeof flow>;
export type Payee = z.infer<typeof payee>;
export type Contract = z.infer<typeof contract>;
export type IndirectCost = z.infer<typeof indirectCost>;
export type MultiYearContract = z.infer<typeof multiYearContract>;
export type SheetWarning = z.infer<typeof warning>;
/**
 * What the readers build, before the schema's defaults are applied: a field added to the schema later with a
 * default may be left out (the schema fills it in when the record is validated).
 */
export type ActivityInput = z.input<typeof activity>;
export type OutcomeInput = z.input<typeof outcome>;
export type PastSheetInput = z.input<typeof pastSheet>;
export type PayeeInput = z.input<typeof payee>;
export type WarningCode = (typeof warningCodes)[number];
