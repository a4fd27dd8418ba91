/**
 * Year header rows: the row of a table that names its year columns ("令和元年度 | 令和2年度 | … |
 * 令和5年度要求", "25年度 | 26年度 | 27年度 | 中間目標年度 | 目標最終年度"). Era-less years take the era
 * that continues the sequence (see normalize/era-year.ts).
 */
import { labelKey } from '../../normalize/label.ts';
import { parseEraYear } from '../../normalize/era-year.ts';
import type { Row } from './rows.ts';

export interface YearColumn {
  /** Column index of the heading cell. */
  col: number;
  /** Western year; `null` for target columns that state none ("中間目標 - 年度", "目標最終年度"). */
  year: number | null;
  /** The heading as written (trimmed). */
  label: string;
  /** A plan, forecast, request or target column rather than a result. */
  isPlan: boolean;
  /** The next year's 要求 column. */
  isRequest: boolean;
  /** "目標最終年度 …" column. */
  isFinalTarget: boolean;
}

/** Year-less headings that still are year columns (targets and baselines). */
const YEARLESS = /^(?:中間目標|目標最終年度|目標年度|計画開始時)/;

export function yearHeading(cell: string, expected: number): Omit<YearColumn, 'col' | 'label'> | null {
  const key = labelKey(cell);
  if (!key.includes('年度') || key.length > 20) return null;
  const parsed = parseEraYear(cell, expected);
  if (!parsed) return null;
  if (parsed.year === null && !YEARLESS.test(key)) return null;
  const isRequest = /要求/.test(key);
  const isTarget = /目標/.test(key);
  return {
    year: parsed.year,
    isRequest,
    isPlan: isRequest || isTarget || /見込|予定|計画(?!開始)/.test(key),
    isFinalTarget: /^目標最終年度/.test(key),
  };
}

/** Year columns of a row, or `null` when the row has fewer than two (so it is not a header row). */
export function readYearColumns(row: Row, sheetYear: number): YearColumn[] | null {
  const cols: YearColumn[] = [];
  let prev: number | null = null;
  row.cells.forEach((cell, col) => {
    if (cell === '') return;
    const h = yearHeading(cell, prev === null ? sheetYear : prev + 1);
    if (!h) return;
    cols.push({ col, label: cell.replace(/\s+/g, ' ').trim(), ...h });
    if (h.year !== null) prev = h.year;
  });
  return cols.filter((c) => c.year !== null).length >= 1 && cols.length >= 2 ? cols : null;
}

/** The first row of `rows[start, end)` with year columns (a table's header row), and its columns; `null` when none has. */
export function findYearHeader(rows: Row[], start: number, end: number, sheetYear: number): { index: number; years: YearColumn[] } | null {
  for (let i = start; i < end; i++) {
    const years = readYearColumns(rows[i]!, sheetYear);
    if (years) return { index: i, years };
  }
  return null;
}
