/**
 * Payee profiles: one per 法人番号 with a valid check digit, over every sheet that lists it. A line of a
 * profile points at its sheet and payee fact (no copies), so the whole index costs two references per
 * payee line of the site.
 */
import type { PayeeFact } from './facts.ts';
import type { HistorySheet } from './project.ts';
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';
import { isSingleBidder } from '../view/summary.ts';
import { compareIds, compareJa } from './collate.ts';

/** Sheet lines per profile page (/payees/<法人番号>/, /payees/<法人番号>/2/ …): keeps each page small. */
export const PAYEE_PAGE_SIZE = 100;

export interface PayeeLine {
  sheet: HistorySheet;
  payee: PayeeFact;
}

export interface PayeeYearTotal {
  /** Review year of the sheets. */
  year: number;
  /** Sum of the stated amounts, 円. */
  amount: number;
  lines: number;
  /** Lines without a stated amount (not counted as 0). */
  missing: number;
}

export interface PayeeProfile {
  corporateNumber: string;
  /** Every name it appears under, most lines first. */
  names: { name: string; lines: number }[];
  /** Newest review year first, then largest amount, then sheet and block order. */
  lines: PayeeLine[];
  byYear: PayeeYearTotal[];
  /** Contracts with a stated 入札者数, and how many of those had one bidder. */
  bidders: { stated: number; single: number };
}

/** Profiles by 法人番号 (numbers with a wrong check digit get none: they name no one for sure). */
export function payeeProfiles(sheets: readonly HistorySheet[]): Map<string, PayeeProfile> {
  const lines = new Map<string, PayeeLine[]>();
  for (const sheet of sheets) {
    for (const payee of sheet.history.payees) {
      if (!isValidCorporateNumber(payee.corporateNumber)) continue;
      const list = lines.get(payee.corporateNumber);
      if (list) list.push({ sheet, payee });
      else lines.set(payee.corporateNumber, [{ sheet, payee }]);
    }
  }
  const out = new Map<string, PayeeProfile>();
  for (const [corporateNumber, ls] of [...lines].sort((a, b) => compareIds(a[0], b[0]))) out.set(corporateNumber, profileOf(corporateNumber, ls));
  return out;
}

function profileOf(corporateNumber: string, lines: PayeeLine[]): PayeeProfile {
  lines.sort(
    (a, b) =>
      b.sheet.fiscalYear - a.sheet.fiscalYear ||
      (b.payee.amount ?? -Infinity) - (a.payee.amount ?? -Infinity) ||
      compareIds(a.sheet.id, b.sheet.id) ||
      compareIds(a.payee.block, b.payee.block) ||
      a.payee.rank - b.payee.rank,
  );
  const names = new Map<string, number>();
  const years = new Map<number, PayeeYearTotal>();
  let stated = 0;
  let single = 0;
  for (const { sheet, payee } of lines) {
    names.set(payee.name, (names.get(payee.name) ?? 0) + 1);
    let y = years.get(sheet.fiscalYear);
    if (!y) years.set(sheet.fiscalYear, (y = { year: sheet.fiscalYear, amount: 0, lines: 0, missing: 0 }));
    y.lines++;
    if (payee.amount === null) y.missing++;
    else y.amount += payee.amount;
    if (payee.bidders !== null) {
      stated++;
      if (isSingleBidder(payee)) single++;
    }
  }
  return {
    corporateNumber,
    names: [...names].map(([name, n]) => ({ name, lines: n })).sort((a, b) => b.lines - a.lines || compareJa(a.name, b.name)),
    lines,
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    bidders: { stated, single },
  };
}
