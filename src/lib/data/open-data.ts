/** The open-data list files (/data/sheets.json, /data/sheets.csv): one row per sheet. */
import type { SheetRow } from '../view/aggregate.ts';
import { toCsv } from '../../shared/csv.ts';

export interface OpenDataRow {
  id: string;
  fiscalYear: number;
  ministry: string;
  title: string;
  /** The settled year the amounts are for. */
  budgetYear: number | null;
  /** 計, integer 円. */
  budgetTotal: number | null;
  /** 執行額, integer 円. */
  executed: number | null;
  /** 執行率, fraction. */
  executionRate: number | null;
  singleBidder: boolean;
  warnings: number;
  /** The sheet page: absolute when the site's address (SITE) is known, else its path from the site root. */
  url: string;
}

export function openDataRows(rows: readonly SheetRow[], pageUrl: (id: string) => string): OpenDataRow[] {
  return [...rows]
    .sort((a, b) => b.fiscalYear - a.fiscalYear || a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      fiscalYear: r.fiscalYear,
      ministry: r.ministry,
      title: r.title,
      budgetYear: r.budgetYear,
      budgetTotal: r.budget,
      executed: r.executed,
      executionRate: r.rate,
      singleBidder: r.singleBidder,
      warnings: r.warnings,
      url: pageUrl(r.id),
    }));
}

export function openDataCsv(rows: readonly OpenDataRow[]): string {
  return toCsv(
    ['ID', 'レビュー年度', '府省庁', '事業名', '金額の年度', '予算額（計、円）', '執行額（円）', '執行率（%）', '一者応札', '注意点の件数', 'URL'],
    rows.map((r) => [
      r.id,
      r.fiscalYear,
      r.ministry,
      r.title,
      r.budgetYear,
      r.budgetTotal,
      r.executed,
      r.executionRate === null ? null : Number((r.executionRate * 100).toPrecision(12)),
      r.singleBidder ? 'あり' : 'なし',
      r.warnings,
      r.url,
    ]),
  );
}
