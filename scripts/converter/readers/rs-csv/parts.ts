/**
 * What each table contributes to one project, as mapped (never raw rows), and the mapper contract.
 * A table's parts are collected per project while the table streams and committed to the projects only
 * when the whole table was read, so a table that breaks half-way leaves no half of itself behind.
 */
import type {
  BudgetItem,
  BudgetYear,
  Expense,
  Flow,
  IndirectCost,
  KpiDecision,
  LawRef,
  LogicLink,
  MultiYearContract,
  PastSheetInput,
  PlanRef,
  PolicyRef,
  RelatedProject,
  SheetWarning,
  SubsidyRate,
} from '../../../../src/schema/sheet.ts';
import type { Row } from './read-table.ts';
import type { TableId } from './tables.ts';
import { ValueError } from './values.ts';

export interface OrgPart {
  bureau: string | null;
  division: string | null;
  managers: string[];
  /** その他担当組織, space-joined per row, in first-seen order. */
  others: string[];
}

export interface OverviewPart {
  purpose: string | null;
  issues: string | null;
  overview: string | null;
  category: string | null;
  startYear: number | null;
  /** 開始年度不明 set. */
  startYearUnknown: boolean;
  endYear: number | null;
  /** 終了予定なし set. */
  noPlannedEnd: boolean;
  majorExpenses: string[];
  implementation: string[];
  remarks: string | null;
  overviewUrl: string | null;
  pastSheets: PastSheetInput[];
  /** 旧事業番号 entries without a year, as written. */
  pastUnparsed: string[];
  seen: boolean;
}

export interface PoliciesPart {
  policies: PolicyRef[];
  laws: string[];
  lawRefs: LawRef[];
  plans: string[];
  planRefs: PlanRef[];
}

export interface SubsidiesPart {
  rates: SubsidyRate[];
}

export interface RelatedPart {
  projects: RelatedProject[];
}

export interface BudgetPart {
  years: BudgetYear[];
  items: BudgetItem[];
  accountTypes: string[];
}

export type GoalKind = 'アクティビティ' | 'アウトプット' | 'アウトカム';

/** One 3-1 indicator: its four row types folded together, values by year. */
export interface Indicator {
  kind: GoalKind;
  number: string | null;
  term: string | null;
  goal: string | null;
  indicator: string | null;
  unit: string | null;
  dataSource: string | null;
  goalType: string | null;
  direction: string | null;
  qualitativeReason: string | null;
  qualitativeResult: string | null;
  targetYears: Set<number>;
  targets: Map<number, number | null>;
  actuals: Map<number, number | null>;
  achievements: Map<number, number | null>;
}

export interface GoalsPart {
  indicators: Map<string, Indicator>;
  kpiDecisions: KpiDecision[];
}

export interface LinksPart {
  /** アクティビティ texts by their number, in first-seen order. */
  activities: Map<string, string>;
  links: LogicLink[];
}

export interface Remark {
  heading: string;
  content: string | null;
  status: string | null;
}

export interface FindingsPart {
  seen: boolean;
  inspection: string | null;
  effectAssessment: string | null;
  direction: string | null;
  expertsYear: number | null;
  expertsTarget: string | null;
  expertsReason: string | null;
  experts: string | null;
  publicProcess: string | null;
  reviewTeamVerdict: string | null;
  reviewTeam: string | null;
  improvementsVerdict: string | null;
  improvements: string | null;
  reflections: string[];
  remarks: Remark[];
}

export interface BlockInfo {
  name: string | null;
  role: string | null;
  payeeCount: number | null;
  total: number | null;
}

export interface Contract {
  description: string | null;
  amount: number | null;
  method: string | null;
  specificMethod: string | null;
  bidders: number | null;
  winningBidRate: number | null;
  singleBidReason: string | null;
  other: boolean | null;
}

export interface PayeeAcc {
  block: string;
  name: string;
  corporateNumber: string | null;
  /** 支出先の合計支出額. */
  amount: number | null;
  /** 所在地, 法人種別, その他支出先 as stated (first filled value). */
  location: string | null;
  corporateType: string | null;
  otherPayee: boolean | null;
  /** The payee's own row was seen (not only contract rows). */
  hasPayeeRow: boolean;
  contracts: Contract[];
}

export interface PayeesPart {
  blocks: Map<string, BlockInfo>;
  payees: PayeeAcc[];
}

export interface FlowsPart {
  flows: Flow[];
  blockNames: Map<string, string>;
  indirectCosts: IndirectCost[];
}

export interface ExpensesPart {
  blocks: Map<string, { payee: string | null; expenses: Expense[] }>;
}

export interface ContractsPart {
  contracts: MultiYearContract[];
}

export interface RemarksPart {
  notes: string[];
}

export interface Parts {
  '1-1': OrgPart;
  '1-2': OverviewPart;
  '1-3': PoliciesPart;
  '1-4': SubsidiesPart;
  '1-5': RelatedPart;
  '2-1': BudgetPart;
  '2-2': BudgetPart;
  '3-1': GoalsPart;
  '3-2': LinksPart;
  '4-1': FindingsPart;
  '5-1': PayeesPart;
  '5-2': FlowsPart;
  '5-3': ExpensesPart;
  '5-4': ContractsPart;
  '6-1': RemarksPart;
}

export interface RowContext {
  /** The table being read ("2-1"), for messages. */
  table: TableId;
  /** The project's fiscal year (事業年度). */
  fiscalYear: number;
  /** A non-fatal problem of this project's data, kept in the record's `warnings`. */
  warn(w: { code: 'layout' | 'unparsed-value' | 'duplicate-row'; section: string; ref?: string | null; message: string }): void;
}

export interface Mapper<K extends TableId> {
  init(): Parts[K];
  /** Adds one row with data (rows whose data columns are all blank never reach a mapper). */
  add(part: Parts[K], row: Row, ctx: RowContext): void;
}

/** A cell that does not parse: the column it is in and what is wrong. Fails the row's project. */
export class RowError extends Error {
  column: string;
  constructor(column: string, message: string) {
    super(message);
    this.column = column;
  }
}

/**
 * Reads a column through a parser. With a row context, a value the parser cannot interpret never fails
 * the record: it reads as `null` and is kept as written in an `unparsed-value` warning (table, line,
 * column) in the record's `section`. Without one (callers not yet converted), it throws a RowError
 * naming the column.
 */
export function cell<T>(row: Row, column: string, parse: (s: string) => T): T;
export function cell<T>(row: Row, column: string, parse: (s: string) => T, ctx: RowContext, section: string): T | null;
export function cell<T>(row: Row, column: string, parse: (s: string) => T, ctx?: RowContext, section?: string): T | null {
  try {
    return parse(row.get(column));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    if (ctx === undefined) throw new RowError(column, e.message);
    unparsed(ctx, row, column, section ?? 'source');
    return null;
  }
}

/**
 * The warning for a cell the reader cannot interpret, quoting it as written; `rowSkipped` when the cell
 * decides what the whole row means (a 種別), so the row is not used.
 */
export function unparsed(ctx: RowContext, row: Row, column: string, section: string, rowSkipped = false): void {
  ctx.warn({
    code: 'unparsed-value',
    section,
    ref: null,
    message: `表${ctx.table}の${row.line}行目「${column}」の「${row.get(column).trim()}」は読み取れないため、${rowSkipped ? 'この行を使っていません' : '空欄として扱っています'}。`,
  });
}

export function pushUnique(list: string[], value: string | null): void {
  if (value !== null && !list.includes(value)) list.push(value);
}
