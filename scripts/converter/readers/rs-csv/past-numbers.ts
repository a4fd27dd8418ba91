/**
 * 旧事業番号 (1-2): the numbers of the project's earlier review sheets. The published form is
 * "2023-デジ-22-0001" (review year, ministry abbreviation, two digits, four digits), but real cells write
 * it many ways: full-width digits and dashes ("２０２３－デジ－２２－０００１"), the half-width "ｰ" or the
 * long-vowel "ー" as a dash, no dashes at all ("2023デジ220001"), spaces around or instead of dashes,
 * a label before it (「旧事業番号：」), an era year before it (「令和５年度」), several numbers in one cell
 * (separated by "、", "," or spaces), and numbers that carry no year at all ("0001-04").
 *
 * Every number that carries a year (its own Western year, else an era year written just before it) is a
 * past sheet {year, number in the published form "YYYY-略称-NN-NNNN" (its digits and abbreviation as
 * written, after NFKC), written: the text as the cell writes it when that differs}, so that it links to the
 * site's sheet of that number (src/lib/view/aggregate.ts) whatever dashes and spaces the cell used.
 * What is left (numbers without a year, or anything else) is returned as written, never given a year.
 */
import type { Era } from '../../normalize/era-year.ts';
import { westernYear } from '../../../../src/shared/era.ts';

export interface PastNumbers {
  /** Numbers with a year: the year, the number in the published form, and the cell's text when it differs. */
  sheets: { year: number; number: string; written: string | null }[];
  /** Parts of the cell that are not such a number, as written (trimmed). */
  unparsed: string[];
}

/** Dashes a number may be written with, after NFKC ("－" → "-", "ｰ" → "ー"). */
const DASHES = '-\u2010-\u2015\u2212\u30fc\u2500';
const DASH = `[${DASHES}]`;
/** The label some cells start with. */
const LABEL = /^\s*旧事業番号\s*[:：]?\s*/;
const ERA = '(?:(昭和|平成|令和)\\s*(元|\\d{1,2})\\s*年度?\\s*)';
/**
 * One number: optional era year, then either a Western year (19xx/20xx) and the rest, or (after an era
 * year only) the rest without a Western year. The rest is ministry abbreviation, two digits, four digits,
 * each optionally set off by a dash and/or spaces ("2023デジ220001" too).
 */
const NUMBER = new RegExp(
  `${ERA}?(?:((?:19|20)\\d{2})\\s*${DASH}?\\s*)?` +
    `([^${DASHES}\\s\\d、,;/・]+)\\s*${DASH}?\\s*(\\d{1,3})\\s*${DASH}?\\s*(\\d{4})(?!\\d)`,
  'gu',
);

export function readPastNumbers(cell: string): PastNumbers {
  const sheets: PastNumbers['sheets'] = [];
  const unparsed: string[] = [];
  // Offsets are kept between the original text and its NFKC form only when NFKC keeps the length;
  // otherwise the number is reported in its NFKC form (still what the cell says, character for character).
  const original = cell.replace(LABEL, '');
  const normal = original.normalize('NFKC');
  const source = normal.length === original.length ? original : normal;
  let last = 0;
  const rest = (from: number, to: number): void => {
    // Only the list separators split the rest: "新 22-0015" stays one piece.
    for (const piece of source.slice(from, to).split(/[、,，;；\n]+/u)) {
      const p = piece.trim();
      if (p !== '') unparsed.push(p);
    }
  };
  for (const m of normal.matchAll(NUMBER)) {
    const [whole, era, eraYear, western, abbreviation, middle, serial] = m;
    const year = western !== undefined ? Number(western) : era !== undefined ? westernYear(era as Era, eraYear === '元' ? 1 : Number(eraYear)) : null;
    if (year === null) continue; // no year: left to the unparsed rest
    const end = m.index! + whole.length;
    rest(last, m.index!);
    const written = source.slice(m.index!, end).trim();
    const number = `${year}-${abbreviation}-${middle}-${serial}`;
    sheets.push({ year, number, written: written === number ? null : written });
    last = end;
  }
  rest(last, source.length);
  return { sheets, unparsed };
}
