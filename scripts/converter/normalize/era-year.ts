/**
 * Japanese era years → Western fiscal years. Sheets write "平成27年度", "令和元年度", and after the first
 * column often only "26年度" or "4年度活動見込", leaving the era to the reader; those inherit the era that
 * makes the column sequence consistent (the year nearest the one expected next).
 */
import { lastEraYear, westernYear } from '../../../src/shared/era.ts';

/** The eras review sheets write (the era table itself is src/shared/era.ts, shared with the site). */
export type Era = '昭和' | '平成' | '令和';
const ERAS: readonly Era[] = ['昭和', '平成', '令和'];

export interface EraYear {
  /** Western year, or `null` when the text has 年度 but no number ("中間目標 - 年度"). */
  year: number | null;
  /** The era as written, `null` when the text has none. */
  era: Era | null;
}

/**
 * Picks the era for an era-less year number n: among the eras where n is a valid year, the one whose
 * Western year is nearest `expected` (the previous column's year + 1, or the sheet's own fiscal year).
 * "元" (n = 1) is 令和元年 or 平成元年 by the same rule.
 */
export function resolveEraless(n: number, expected: number): number {
  let best: number | null = null;
  for (const era of ERAS) {
    const last = lastEraYear(era);
    if (last !== null && n > last) continue;
    const y = westernYear(era, n);
    if (best === null || Math.abs(y - expected) < Math.abs(best - expected) || (Math.abs(y - expected) === Math.abs(best - expected) && y > best)) best = y;
  }
  return best ?? n;
}

const YEAR_RE = /(昭和|平成|令和)?(元|\d{1,4})年度/;

/**
 * Reads the year in a text such as "令和元年度", "平成27年度", "26年度", "4年度 活動見込",
 * "令和5年度要求", "目標最終年度 3 年度", "2021年度". Returns `null` when the text has no 年度 at all.
 * `expected` resolves era-less numbers (see resolveEraless).
 */
export function parseEraYear(raw: string, expected: number): EraYear | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const m = YEAR_RE.exec(s);
  if (!m) return s.includes('年度') ? { year: null, era: null } : null;
  const era = (m[1] as Era | undefined) ?? null;
  const n = m[2] === '元' ? 1 : Number(m[2]);
  if (n >= 1000) return { year: n, era: null }; // Western year written out
  if (era) return { year: westernYear(era, n), era };
  return { year: resolveEraless(n, expected), era: null };
}

/** The era of a sheet title such as "令和4年度行政事業レビューシート": its fiscal year. */
export function parseTitleYear(raw: string): { year: number; era: Era } | null {
  const m = /(昭和|平成|令和)(元|\d{1,2})年度/.exec(raw.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return null;
  const era = m[1] as Era;
  return { year: westernYear(era, m[2] === '元' ? 1 : Number(m[2])), era };
}
