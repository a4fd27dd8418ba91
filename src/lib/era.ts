/**
 * Japanese era names for Western fiscal years, for display next to the year: 2021（令和3）年度.
 *
 * A fiscal year starts in April. An era that began partway through a calendar year names the fiscal
 * year that starts in April of that year (令和 began 2019-05-01; FY2019 is 令和元年度; 平成 began
 * 1989-01-08, FY1989 is 平成元年度), so the first fiscal year of an era is the calendar year it began in,
 * except 昭和 (began 1926-12-25: FY1926 is still 大正15年度, FY1927 is 昭和2年度).
 */

interface Era {
  name: string;
  /** First fiscal year counted in this era. */
  firstFiscalYear: number;
  /** The Western year that is year 1 (元年) of the era: era year = fiscal year - epoch + 1. */
  epoch: number;
}

// Newest first; a fiscal year belongs to the first era whose firstFiscalYear it reaches.
const ERAS: readonly Era[] = [
  { name: '令和', firstFiscalYear: 2019, epoch: 2019 },
  { name: '平成', firstFiscalYear: 1989, epoch: 1989 },
  { name: '昭和', firstFiscalYear: 1927, epoch: 1926 },
  { name: '大正', firstFiscalYear: 1912, epoch: 1912 },
  { name: '明治', firstFiscalYear: 1868, epoch: 1868 },
];

export interface EraYear {
  era: string;
  /** 1 for 元年. */
  year: number;
}

/** The era and era year of a Western fiscal year; `null` before 明治. */
export function eraOf(fiscalYear: number): EraYear | null {
  if (!Number.isInteger(fiscalYear)) return null;
  const era = ERAS.find((e) => fiscalYear >= e.firstFiscalYear);
  return era ? { era: era.name, year: fiscalYear - era.epoch + 1 } : null;
}

/** "令和3", "令和元", "平成30"; `''` when the year has no era. */
export function eraName(fiscalYear: number): string {
  const e = eraOf(fiscalYear);
  if (!e) return '';
  return `${e.era}${e.year === 1 ? '元' : e.year}`;
}

/** "2021（令和3）年度": the form used everywhere a fiscal year is shown. */
export function fiscalYearLabel(fiscalYear: number): string {
  const era = eraName(fiscalYear);
  return era ? `${fiscalYear}（${era}）年度` : `${fiscalYear}年度`;
}

/** "2021（令和3）年": for calendar-year contexts. */
export function yearLabel(year: number): string {
  const era = eraName(year);
  return era ? `${year}（${era}）年` : `${year}年`;
}

/** Short label for chart axes where space is tight: "2021（R3）". */
export function fiscalYearShortLabel(fiscalYear: number): string {
  const e = eraOf(fiscalYear);
  if (!e) return String(fiscalYear);
  const initial: Record<string, string> = { 令和: 'R', 平成: 'H', 昭和: 'S', 大正: 'T', 明治: 'M' };
  return `${fiscalYear}（${initial[e.era] ?? e.era}${e.year}）`;
}
