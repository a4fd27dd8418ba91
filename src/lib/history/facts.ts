/**
 * What the cross-sheet pages (project histories, payee profiles, rankings, payees.csv / projects.csv) need
 * of each sheet, kept in every sheet's listing (src/lib/data/collection.ts) so that no page has to read every
 * whole record again: at 52,000 sheets a whole record is ≈ 0.2 MB parsed, these facts a few hundred bytes
 * plus its payees. Only stated values are kept (blank stays `null`); nothing is recomputed here.
 */
import type { Sheet } from '../../schema/sheet.ts';
import { outcomeStatus } from '../view/summary.ts';

/** One stated budget column (not a 要求 column): year, 計, 執行額 (円) and 執行率 (fraction), `null` when blank. */
export interface BudgetFact {
  year: number;
  total: number | null;
  executed: number | null;
  rate: number | null;
}

/** One payee line of a sheet, as stated (amount 円, 落札率 a fraction). */
export interface PayeeFact {
  /** The fiscal year of the 支出額 when the source states it (JUDGIT 支出先.年度), else `null`. */
  year: number | null;
  block: string;
  rank: number;
  name: string;
  corporateNumber: string | null;
  amount: number | null;
  contractMethod: string | null;
  bidders: number | null;
  winningBidRate: number | null;
}

export interface HistoryFacts {
  judgitProjectId: number | null;
  /** 関連する過去のレビューシート / RS 旧事業番号: year + 事業番号 as printed. */
  pastSheets: { year: number; number: string }[];
  /** Stated budget columns, oldest first; columns with no figure at all are left out. */
  budgets: BudgetFact[];
  /** Outcomes with a stated 達成度 in their latest result year, and how many of them reached 100%. */
  outcomes: { judged: number; met: number };
  payees: PayeeFact[];
}

export function historyFacts(s: Sheet): HistoryFacts {
  const { judged, met } = outcomeStatus(s);
  return {
    judgitProjectId: s.judgitProjectId,
    pastSheets: s.pastSheets.map((p) => ({ year: p.year, number: p.number })),
    budgets: s.budgets
      .filter((b) => !b.isRequest && (b.total !== null || b.executed !== null || b.executionRate !== null))
      .sort((a, b) => a.year - b.year)
      .map((b) => ({ year: b.year, total: b.total, executed: b.executed, rate: b.executionRate })),
    outcomes: { judged, met },
    payees: s.payees.map((p) => ({
      year: p.year,
      block: p.block,
      rank: p.rank,
      name: p.name,
      corporateNumber: p.corporateNumber,
      amount: p.amount,
      contractMethod: p.contractMethod,
      bidders: p.bidders,
      winningBidRate: p.winningBidRate,
    })),
  };
}
