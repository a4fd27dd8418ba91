/**
 * Site-wide views over all records: one row per sheet for lists and open data, totals by review year and
 * by ministry, and the lookup that turns a past-sheet reference (year + 事業番号) into a link.
 * Pure functions over records, so they are unit-tested without a build.
 */
import type { PastSheetInput, Sheet } from '../../schema/sheet.ts';
import { numberSlug } from '../../shared/project-number.ts';
import { ministrySlug } from '../../shared/ministry.ts';
import { executionReported, hasSingleBidder, settledBudgetYear } from './summary.ts';

export interface SheetRow {
  id: string;
  fiscalYear: number;
  ministry: string;
  ministrySlug: string;
  title: string;
  /** The settled year the amounts are for (see settledBudgetYear); null when the sheet has none. */
  budgetYear: number | null;
  /** 計, 円. */
  budget: number | null;
  /** 執行額, 円. */
  executed: number | null;
  /** 執行率 as stated, fraction. */
  rate: number | null;
  singleBidder: boolean;
  warnings: number;
}

export function sheetRow(s: Sheet): SheetRow {
  const b = settledBudgetYear(s);
  return {
    id: s.id,
    fiscalYear: s.fiscalYear,
    ministry: s.ministry,
    ministrySlug: ministrySlug(s.ministry),
    title: s.title,
    budgetYear: b?.year ?? null,
    budget: b?.total ?? null,
    // RS's 0 for a year not yet spent is not an execution figure (executionReported).
    executed: b && executionReported(b) ? b.executed : null,
    rate: b?.executionRate ?? null,
    singleBidder: hasSingleBidder(s),
    warnings: s.warnings.length,
  };
}

/** Budget (largest first, unknown last), then title: the lists' server-side order. */
export function byBudgetDesc(a: SheetRow, b: SheetRow): number {
  return (b.budget ?? -Infinity) - (a.budget ?? -Infinity) || a.title.localeCompare(b.title, 'ja') || a.id.localeCompare(b.id);
}

export interface Totals {
  sheets: number;
  /** Sum of 計 over sheets that state one, 円 (bigint: sums of many large integers must stay exact). */
  budget: bigint;
  executed: bigint;
  /** Sheets without a 計 / 執行額 in their settled year (not counted as 0). */
  budgetMissing: number;
  executedMissing: number;
  /** Σ執行額 / Σ計 over sheets that state both, rounded to 0.001 (0.1%); null when there are none. */
  rate: number | null;
}

export function totalsOf(rows: readonly SheetRow[]): Totals {
  let budget = 0n;
  let executed = 0n;
  let pairBudget = 0n;
  let pairExecuted = 0n;
  let budgetMissing = 0;
  let executedMissing = 0;
  for (const r of rows) {
    if (r.budget === null) budgetMissing++;
    else budget += BigInt(r.budget);
    if (r.executed === null) executedMissing++;
    else executed += BigInt(r.executed);
    if (r.budget !== null && r.executed !== null) {
      pairBudget += BigInt(r.budget);
      pairExecuted += BigInt(r.executed);
    }
  }
  // A computed rate (not stated by any sheet), rounded half-up to 0.1% so it doesn't pretend to precision.
  const rate = pairBudget > 0n ? Number((pairExecuted * 2000n + pairBudget) / (2n * pairBudget)) / 1000 : null;
  return { sheets: rows.length, budget, executed, budgetMissing, executedMissing, rate };
}


/** Review years present, newest first. */
export function reviewYears(rows: readonly SheetRow[]): number[] {
  return [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => b - a);
}

/** The lookup key of a sheet number: year + its ASCII slug, so "2021 総務 20 0083" matches "2021-総務-20-0083". */
function pastKey(year: number, number: string): string | null {
  const slug = numberSlug(number);
  return slug ? `${year}|${slug}` : null;
}

/** Takes a past-sheet reference as a reader builds it or as the record holds it: only `year` and `number` count. */
export type PastSheetResolver = (ps: PastSheetInput) => string | null;

/** Resolves a past-sheet reference to the id of a sheet on the site with that review year and 事業番号. */
export function pastSheetResolver(sheets: readonly Pick<Sheet, 'id' | 'fiscalYear' | 'projectNumber'>[]): PastSheetResolver {
  const index = new Map<string, string>();
  for (const s of sheets) {
    if (!s.projectNumber) continue;
    const k = pastKey(s.fiscalYear, s.projectNumber);
    if (k && !index.has(k)) index.set(k, s.id);
  }
  return (ps) => {
    const k = pastKey(ps.year, ps.number);
    return k ? (index.get(k) ?? null) : null;
  };
}

export type RelatedProjectResolver = (fiscalYear: number, number: string | null) => string | null;

/**
 * Resolves an RS related project (1-5 関連事業の事業ID, a 予算事業ID of the same 事業年度) to the id of its sheet
 * on the site. RS ids end in `-rs<予算事業ID>` (docs/IDS.md); the ministry part is not needed to find it.
 */
export function relatedProjectResolver(
  sheets: readonly (Pick<Sheet, 'id' | 'fiscalYear'> & { source: Pick<Sheet['source'], 'form'> })[],
): RelatedProjectResolver {
  const index = new Map<string, string>();
  for (const s of sheets) {
    const m = s.source.form === 'rs-csv' ? /-rs([0-9a-z]+)$/.exec(s.id) : null;
    if (m) index.set(`${s.fiscalYear}|${m[1]}`, s.id);
  }
  return (fiscalYear, number) => {
    const n = number?.normalize('NFKC').trim();
    return n && /^\d+$/.test(n) ? (index.get(`${fiscalYear}|${n}`) ?? null) : null;
  };
}

