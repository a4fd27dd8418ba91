/**
 * The ten-second summary of a sheet: the latest settled year's budget and execution, whether outcome
 * targets were met, the largest payee and how it was contracted, and how many data-quality warnings the
 * sheet has. The sheet page opens with it, and its sentence form is the page's meta description.
 */
import type { BudgetYear, Payee, Sheet } from '../../schema/sheet.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { formatPercentShort, formatYenShort } from '../../shared/format.ts';

/** 落札率 at or above this counts as high (a common audit threshold). Fraction. */
export const HIGH_WINNING_BID_RATE = 0.95;

/**
 * Whether a budget column reports its execution. The current year's column has a budget but no
 * execution yet: text sheets write "-" (null), RS writes 執行額 0 with a blank 執行率 — that 0 is
 * "not reported yet", and showing it as 執行額0百万円 would say the money was not spent.
 */
export function executionReported(b: Pick<BudgetYear, 'executed' | 'executionRate'>): boolean {
  return b.executed !== null && !(b.executed === 0 && b.executionRate === null);
}

/**
 * How a summary says an execution that is not reported (executionReported false), never as 執行額 0: a
 * blank is 記載なし; a 0 with a blank 執行率 (RS's current year; JUDGIT's years stated 0/0, JUDGIT having no
 * 執行率) is 未報告, naming the 0 the sheet writes, which the table beside shows.
 */
export function unreportedExecution(b: Pick<BudgetYear, 'executed'>): string {
  return b.executed === null ? '執行額の記載なし' : '執行額は未報告（0と記載）';
}

function nonRequestColumns(sheet: Pick<Sheet, 'budgets'>): BudgetYear[] {
  return sheet.budgets.filter((b) => !b.isRequest).sort((a, b) => b.year - a.year);
}

/**
 * The budget column the summary, lists and sort keys use: the latest year that is not a 要求 (request)
 * column and has both a 計 and a reported execution with a stated 執行率; failing that, the latest with
 * both; failing that, the latest non-request column with a 計 (its execution then is not known yet).
 */
export function settledBudgetYear(sheet: Pick<Sheet, 'budgets'>): BudgetYear | null {
  const cols = nonRequestColumns(sheet);
  return (
    cols.find((b) => b.total !== null && executionReported(b) && b.executionRate !== null) ??
    cols.find((b) => b.total !== null && executionReported(b)) ??
    cols.find((b) => b.total !== null) ??
    null
  );
}

/**
 * The latest budget column whose execution is not reported yet, when it is the settled column itself or
 * later than it (the current year of an RS sheet): the summary says its execution is not yet known.
 */
export function pendingExecutionYear(sheet: Pick<Sheet, 'budgets'>): BudgetYear | null {
  const settled = settledBudgetYear(sheet);
  const latest = nonRequestColumns(sheet).find((b) => b.total !== null);
  // A year without budget (計 0: the project ended or has not started) has nothing left to report.
  if (!latest || latest.total === 0 || executionReported(latest)) return null;
  return settled === null || latest.year >= settled.year ? latest : null;
}

/** Payees ordered by amount, largest first; payees without an amount last, in sheet order. */
export function payeesByAmount(payees: readonly Payee[]): Payee[] {
  return payees
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.amount ?? -Infinity) - (a.p.amount ?? -Infinity) || a.i - b.i)
    .map((x) => x.p);
}

export function isSingleBidder(p: Pick<Payee, 'bidders'>): boolean {
  return p.bidders === 1;
}

export function isHighWinningBidRate(p: Pick<Payee, 'winningBidRate'>): boolean {
  return p.winningBidRate !== null && p.winningBidRate >= HIGH_WINNING_BID_RATE;
}

/** Does the sheet report any single-bidder contract (a payee with 入札者数 1, or the checklist's 一者応札 item marked 有)? */
export function hasSingleBidder(sheet: Pick<Sheet, 'payees' | 'checks'>): boolean {
  if (sheet.payees.some(isSingleBidder)) return true;
  return sheet.checks.some((c) => /一者応札|一者応募/.test(c.item) && c.mark === '有');
}

export interface OutcomeStatus {
  /** Outcomes with a stated 達成度 in their latest result year. */
  judged: number;
  /** Of those, how many reached 100%. */
  met: number;
  /** Outcomes in the sheet. */
  total: number;
}

/**
 * Whether outcome targets were met, from the 達成度 the sheet states for each outcome's latest result
 * (non-plan) year. Outcomes without a stated 達成度 are not judged here: whether more is better depends
 * on the indicator, which the record does not say.
 */
export function outcomeStatus(sheet: Pick<Sheet, 'outcomes'>): OutcomeStatus {
  let judged = 0;
  let met = 0;
  for (const o of sheet.outcomes) {
    const latest = [...o.values]
      .filter((v) => !v.isPlan && v.achievement !== null)
      .sort((a, b) => b.year - a.year)[0];
    if (!latest || latest.achievement === null) continue;
    judged++;
    if (latest.achievement >= 1) met++;
  }
  return { judged, met, total: sheet.outcomes.length };
}

export interface SheetSummary {
  budgetYear: BudgetYear | null;
  /** The latest column with a budget but no reported execution yet (see pendingExecutionYear). */
  pendingYear: BudgetYear | null;
  outcomes: OutcomeStatus;
  largestPayee: Payee | null;
  warningCount: number;
  singleBidder: boolean;
  /** The summary as one sentence: the meta description. */
  sentence: string;
}

function payeePhrase(p: Payee): string {
  const parts: string[] = [];
  if (p.contractMethod) parts.push(p.contractMethod);
  if (p.bidders !== null) parts.push(`入札者数${p.bidders}${isSingleBidder(p) ? '（一者応札）' : ''}`);
  if (p.winningBidRate !== null) parts.push(`落札率${formatPercentShort(p.winningBidRate)}`);
  return `${p.name} ${formatYenShort(p.amount)}${parts.length ? `（${parts.join('、')}）` : ''}`;
}

export function summarize(sheet: Sheet): SheetSummary {
  const budgetYear = settledBudgetYear(sheet);
  const pendingYear = pendingExecutionYear(sheet);
  const outcomes = outcomeStatus(sheet);
  const largestPayee = payeesByAmount(sheet.payees).find((p) => p.amount !== null) ?? null;
  const warningCount = sheet.warnings.length;
  const bits: string[] = [];
  if (budgetYear && budgetYear !== pendingYear) {
    let s = `${fiscalYearLabel(budgetYear.year)}の予算${formatYenShort(budgetYear.total)}`;
    s += `、${executionReported(budgetYear) ? `執行額${formatYenShort(budgetYear.executed)}` : unreportedExecution(budgetYear)}`;
    if (budgetYear.executionRate !== null) s += `（執行率${formatPercentShort(budgetYear.executionRate)}）`;
    bits.push(s);
  }
  if (pendingYear) {
    bits.push(`${fiscalYearLabel(pendingYear.year)}の予算${formatYenShort(pendingYear.total)}（執行額はまだ公表されていません）`);
  } else if (!budgetYear) {
    bits.push('予算・執行額の記載なし');
  }
  if (outcomes.judged > 0) bits.push(`成果目標${outcomes.judged}件中${outcomes.met}件達成`);
  else if (outcomes.total > 0) bits.push(`成果目標${outcomes.total}件（達成度の記載なし）`);
  if (largestPayee) bits.push(`最大の支出先は${payeePhrase(largestPayee)}`);
  if (warningCount > 0) bits.push(`データの注意点${warningCount}件`);
  const sentence = `${sheet.ministry}「${sheet.title}」（${fiscalYearLabel(sheet.fiscalYear)}レビューシート）。${bits.join('。')}。`;
  return { budgetYear, pendingYear, outcomes, largestPayee, warningCount, singleBidder: hasSingleBidder(sheet), sentence };
}
