/**
 * Payee profiles: one per 法人番号 with a valid check digit that is named in two projects or more
 * (`hasProfile`), over every sheet that lists it. A line of a profile points at its sheet and payee fact (no
 * copies), so the whole index costs two references per payee line of the site.
 */
import type { PayeeFact } from './facts.ts';
import type { HistorySheet } from './project.ts';
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';
import { payeeHref, sheetHref } from '../markup/url.ts';
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

/**
 * The project a sheet belongs to, by its id: its chain's key (src/lib/history/chains.ts), or the sheet's
 * own id for a sheet followed in no other year.
 */
export type ProjectOf = (sheetId: string) => string;

/**
 * The one rule of which payees get a profile page: named (by one valid 法人番号) in two projects or more,
 * which is what a profile adds: the payee across projects. A payee named in one project only has that
 * project as its record: its sheets name it year by year, and the project's page (src/pages/projects/)
 * totals its payees across the years. Half the profiles of 52,000 sheets were of payees of one project
 * (≈ 58 MB of pages, bodies and index; docs/BENCHMARKS.md "Under 10⁹ bytes"). Routes and every
 * link decide by this one function.
 */
export function hasProfile(lines: readonly PayeeLine[], projectOf: ProjectOf): boolean {
  const first = projectOf(lines[0]!.sheet.id);
  return lines.some((l) => projectOf(l.sheet.id) !== first);
}

/** Where the site shows a payee named by a valid 法人番号 (`payeeIndex`). */
export interface PayeeIndex {
  /** Profiles by 法人番号, of the payees that have one (`hasProfile`), in 法人番号 order. */
  profiles: Map<string, PayeeProfile>;
  /** The id of the newest sheet naming each other payee with a valid 法人番号 (the latest year, then the last id). */
  newestSheet: Map<string, string>;
}

/** Profiles and newest sheets by 法人番号 (numbers with a wrong check digit get neither: they name no one for sure). */
export function payeeIndex(sheets: readonly HistorySheet[], projectOf: ProjectOf): PayeeIndex {
  const lines = new Map<string, PayeeLine[]>();
  for (const sheet of sheets) {
    for (const payee of sheet.history.payees) {
      if (!isValidCorporateNumber(payee.corporateNumber)) continue;
      const list = lines.get(payee.corporateNumber);
      if (list) list.push({ sheet, payee });
      else lines.set(payee.corporateNumber, [{ sheet, payee }]);
    }
  }
  const profiles = new Map<string, PayeeProfile>();
  const newestSheet = new Map<string, string>();
  for (const [corporateNumber, ls] of [...lines].sort((a, b) => compareIds(a[0], b[0]))) {
    if (hasProfile(ls, projectOf)) profiles.set(corporateNumber, profileOf(corporateNumber, ls));
    else {
      let newest = ls[0]!.sheet;
      for (const { sheet } of ls) if (sheet.fiscalYear > newest.fiscalYear || (sheet.fiscalYear === newest.fiscalYear && compareIds(sheet.id, newest.id) > 0)) newest = sheet;
      newestSheet.set(corporateNumber, newest.id);
    }
  }
  return { profiles, newestSheet };
}

/** A payee's profile page, or null when it has none (named in one project only, or no valid 法人番号). */
export function profileHref(index: PayeeIndex, corporateNumber: string | null): string | null {
  return corporateNumber !== null && index.profiles.has(corporateNumber) ? payeeHref(corporateNumber) : null;
}

/**
 * Where to read about a payee from another page (rankings, project pages): its profile, else the payees of
 * the newest sheet naming it; null when no sheet of the site names that 法人番号 (or it is not a valid one).
 */
export function payeePageHref(index: PayeeIndex, corporateNumber: string | null): string | null {
  const newest = corporateNumber === null ? undefined : index.newestSheet.get(corporateNumber);
  return newest === undefined ? profileHref(index, corporateNumber) : `${sheetHref(newest)}#payees`;
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
