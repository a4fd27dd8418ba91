/**
 * Japanese era names for Western fiscal years, for display next to the year: 2021（令和3）年度.
 *
 * A fiscal year starts in April. An era that began partway through a calendar year names the fiscal
 * year that starts in April of that year (令和 began 2019-05-01; FY2019 is 令和元年度; 平成 began
 * 1989-01-08, FY1989 is 平成元年度), so the first fiscal year of an era is the calendar year it began in,
 * except 昭和 (began 1926-12-25: FY1926 is still 大正15年度, FY1927 is 昭和2年度).
 *
 * The one era table of the project: the site's labels and the converter's reading of era years
 * (scripts/converter/normalize/era-year.ts) both take it from here; browser-safe (no Node imports).
 */

export type EraName = '令和' | '平成' | '昭和' | '大正' | '明治';

interface Era {
  name: EraName;
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

/** The Western year of year `n` of an era (令和 4 → 2022; 元年 is 1). */
export function westernYear(era: EraName, n: number): number {
  return ERAS.find((e) => e.name === era)!.epoch + n - 1;
}

/** The last year number of an era that has ended (平成 → 31, 昭和 → 64); `null` for the current era. */
export function lastEraYear(era: EraName): number | null {
  const i = ERAS.findIndex((e) => e.name === era);
  // The next era's year 1 is the ended era's last year too (平成31年 = 令和元年 = 2019).
  return i > 0 ? ERAS[i - 1]!.epoch - ERAS[i]!.epoch + 1 : null;
}

export interface EraYear {
  era: EraName;
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
  const initial: Record<EraName, string> = { 令和: 'R', 平成: 'H', 昭和: 'S', 大正: 'T', 明治: 'M' };
  return `${fiscalYear}（${initial[e.era]}${e.year}）`;
}
