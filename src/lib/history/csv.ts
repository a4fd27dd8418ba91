/**
 * The cross-sheet open data: each ranking as CSV, /data/payees.csv (one row per payee per sheet) and
 * /data/projects.csv (one row per project chain and year). Raw values as the other downloads write them
 * (integer 円, rates in %, blank for no value: src/shared/csv.ts, src/lib/view/chart-csv.ts).
 */
import { csvHeader, csvRow } from '../view/chart-csv.ts';
import type { Column } from '../view/chart-spec.ts';
import { toCsv, type CsvCell } from '../../shared/csv.ts';
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';
import type { Chain } from './chains.ts';
import { projectYears, type HistorySheet } from './project.ts';
import type { Ranking } from './rankings.ts';

/** A ranking's rows, with the id of the sheet each comes from (none for payee totals). */
export function rankingCsv(r: Ranking): string {
  return toCsv([...csvHeader(r.columns), 'シートID'], r.rows.map((row) => [...csvRow(r.columns, row.cells), row.sheetId]));
}

const PAYEE_COLUMNS: Column[] = [
  { key: 'sheetId', label: 'シートID', kind: 'text' },
  { key: 'year', label: 'レビュー年度', kind: 'number' },
  { key: 'payeeYear', label: '支出の年度', kind: 'number' },
  { key: 'block', label: 'ブロック', kind: 'text' },
  { key: 'rank', label: '順位', kind: 'number' },
  { key: 'name', label: '支出先', kind: 'text' },
  { key: 'corporateNumber', label: '法人番号', kind: 'text' },
  { key: 'valid', label: '法人番号の検査用数字が正しい', kind: 'text' },
  { key: 'amount', label: '支出額', kind: 'yen' },
  { key: 'method', label: '契約方式等', kind: 'text' },
  { key: 'bidders', label: '入札者数', kind: 'number' },
  { key: 'rate', label: '落札率', kind: 'rate' },
];

/**
 * One row per payee line of every sheet. The sheet's 府省庁 and 事業名 are not repeated on each row (join on
 * シートID with /data/sheets.csv): at 52,000 sheets they would be about half of the file's bytes.
 */
export function payeesCsv(sheets: readonly HistorySheet[]): string {
  const rows: CsvCell[][] = [];
  for (const s of sheets) {
    for (const p of s.history.payees) {
      const cells = [s.id, s.fiscalYear, p.year, p.block, p.rank, p.name, p.corporateNumber, p.corporateNumber === null ? null : String(isValidCorporateNumber(p.corporateNumber)), p.amount, p.contractMethod, p.bidders, p.winningBidRate];
      rows.push(csvRow(PAYEE_COLUMNS, cells));
    }
  }
  return toCsv(csvHeader(PAYEE_COLUMNS), rows);
}

const PROJECT_COLUMNS: Column[] = [
  { key: 'key', label: '事業キー', kind: 'text' },
  { key: 'year', label: '年度', kind: 'number' },
  { key: 'total', label: '予算額（計）', kind: 'yen' },
  { key: 'executed', label: '執行額', kind: 'yen' },
  { key: 'rate', label: '執行率', kind: 'rate' },
  { key: 'from', label: '出典シートID', kind: 'text' },
  { key: 'sheet', label: 'この年度のシートID', kind: 'text' },
  { key: 'title', label: 'この年度のシートの事業名', kind: 'text' },
  { key: 'link', label: 'つながりの根拠', kind: 'text' },
];

/** One row per chain and year its sheets state (or that has a sheet of its own), oldest first. */
export function projectsCsv(chains: readonly Chain<HistorySheet>[]): string {
  const rows: CsvCell[][] = [];
  for (const c of chains) {
    const figures = new Map(projectYears(c).map((y) => [y.year, y]));
    const bySheetYear = new Map(c.members.map((m) => [m.sheet.fiscalYear, m]));
    const years = [...new Set([...figures.keys(), ...bySheetYear.keys()])].sort((a, b) => a - b);
    for (const year of years) {
      const f = figures.get(year);
      const m = bySheetYear.get(year);
      rows.push(csvRow(PROJECT_COLUMNS, [c.key, year, f?.total ?? null, f?.executed ?? null, f?.rate ?? null, f?.fromId ?? null, m?.sheet.id ?? null, m?.sheet.title ?? null, m?.link ?? null]));
    }
  }
  return toCsv(csvHeader(PROJECT_COLUMNS), rows);
}
