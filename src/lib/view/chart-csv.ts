/**
 * A chart's CSV: the same rows as its table (./chart-spec.ts), raw values — integer 円, rates in % with
 * every stated digit. Browser-safe: the sheet charts' CSVs are made in the browser
 * (src/client/chart-csv-download.ts), the site charts' at build time (src/pages/data/[chart].csv.ts).
 */
import { toCsv, type CsvCell } from '../../shared/csv.ts';
import { columnHeader, type ChartData, type Cell, type Column } from './chart-spec.ts';

/** CSV cells: raw values; rates as percentages with every stated digit (0.983 → 98.3). */
export function csvRow(columns: Column[], row: Cell[]): CsvCell[] {
  return row.map((v, i) => {
    const c = columns[i];
    if (v === null) return null;
    if (c?.kind === 'rate' && typeof v === 'number') return Number((v * 100).toPrecision(12));
    return v;
  });
}

export function csvHeader(columns: Column[]): string[] {
  return columns.map((c) => columnHeader(c, { csv: true }));
}

/** A chart's CSV download: the same rows as its table, raw values (integer 円, rates in %). */
export function chartCsv(chart: ChartData): string {
  const { columns, rows } = chart.table;
  return toCsv(csvHeader(columns), rows.map((r) => csvRow(columns, r)));
}
