/**
 * A project page's figures from its chain: budget, execution and 執行率 of every year the chain's sheets
 * state (each sheet states about three earlier years), the name / 府省庁 / 事業番号 changes, and the
 * largest payees across the years. Figures are taken as stated, never recomputed; each year's figures come
 * from one sheet (the latest that states the year), named with them.
 */
import type { Chain, ChainSheet } from './chains.ts';
import type { BudgetFact, HistoryFacts } from './facts.ts';
import { ministryKey, titleKey } from './chains.ts';
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';
import { compareIds, compareJa } from './collate.ts';

export interface HistorySheet extends ChainSheet {
  history: HistoryFacts;
}

export interface ProjectYear extends BudgetFact {
  /** The sheet whose statement of the year is shown, and its review year. */
  fromId: string;
  fromYear: number;
}

/** Every year any member states, oldest first; a year's figures from the newest sheet stating it. */
export function projectYears(chain: Chain<HistorySheet>): ProjectYear[] {
  const byYear = new Map<number, ProjectYear>();
  for (const { sheet } of [...chain.members].reverse()) {
    for (const b of sheet.history.budgets) {
      if (!byYear.has(b.year)) byYear.set(b.year, { ...b, fromId: sheet.id, fromYear: sheet.fiscalYear });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export interface ProjectChange {
  /** The review year from which the new value applies. */
  year: number;
  field: '事業名' | '府省庁' | '事業番号';
  from: string | null;
  to: string | null;
}

/** Changes between consecutive sheets of the chain (事業番号 only when both sheets print one). */
export function projectChanges(chain: Chain<ChainSheet>): ProjectChange[] {
  const out: ProjectChange[] = [];
  for (let i = 1; i < chain.members.length; i++) {
    const a = chain.members[i - 1]!.sheet;
    const b = chain.members[i]!.sheet;
    if (titleKey(a.title) !== titleKey(b.title)) out.push({ year: b.fiscalYear, field: '事業名', from: a.title, to: b.title });
    if (ministryKey(a.ministry) !== ministryKey(b.ministry)) out.push({ year: b.fiscalYear, field: '府省庁', from: a.ministry, to: b.ministry });
    if (a.projectNumber && b.projectNumber && a.projectNumber !== b.projectNumber) {
      out.push({ year: b.fiscalYear, field: '事業番号', from: a.projectNumber, to: b.projectNumber });
    }
  }
  return out;
}

export interface PayeeTotal {
  /** A valid 法人番号, or `null` when the payee is grouped by its name. */
  corporateNumber: string | null;
  /** The one sheet a payee grouped by name comes from, when names are grouped per sheet; else `null`. */
  sheetId: string | null;
  /** The name of its largest line. */
  name: string;
  /** Sum of the stated amounts, 円 (sums of stated integers; far below 2^53 even for all years together). */
  amount: number;
  /** Lines counted, and lines without an amount (not counted as 0). */
  lines: number;
  missing: number;
  years: number[];
}

/** The key payees are grouped by: a valid 法人番号, else the NFKC name without spaces. */
export function payeeKey(p: { corporateNumber: string | null; name: string }): string {
  return isValidCorporateNumber(p.corporateNumber) ? p.corporateNumber : `name:${titleKey(p.name)}`;
}

/**
 * Payees of `sheets` summed by payeeKey, largest first (then by name). `namesPerSheet`: payees without a
 * valid 法人番号 are grouped by name within each sheet only — across unrelated sheets one name (「その他」,
 * 「その他事業者」, 「年金受給者」) is not one payee, and pooling them would rank a bundle of many as one.
 */
export function payeeTotals(sheets: readonly HistorySheet[], opts: { namesPerSheet?: boolean } = {}): PayeeTotal[] {
  const byKey = new Map<string, PayeeTotal & { top: number }>();
  for (const s of sheets) {
    for (const p of s.history.payees) {
      const byName = !isValidCorporateNumber(p.corporateNumber);
      const key = byName && opts.namesPerSheet ? `${s.id}:${payeeKey(p)}` : payeeKey(p);
      let t = byKey.get(key);
      if (!t) {
        t = {
          corporateNumber: byName ? null : p.corporateNumber,
          sheetId: byName && opts.namesPerSheet ? s.id : null,
          name: p.name, amount: 0, lines: 0, missing: 0, years: [], top: -Infinity,
        };
        byKey.set(key, t);
      }
      t.lines++;
      if (p.amount === null) t.missing++;
      else t.amount += p.amount;
      if ((p.amount ?? -Infinity) > t.top) {
        t.top = p.amount ?? -Infinity;
        t.name = p.name;
      }
      if (!t.years.includes(s.fiscalYear)) t.years.push(s.fiscalYear);
    }
  }
  return [...byKey.values()]
    .map(({ top: _top, ...t }) => ({ ...t, years: t.years.sort((a, b) => a - b) }))
    .sort((a, b) => b.amount - a.amount || compareJa(a.name, b.name));
}
