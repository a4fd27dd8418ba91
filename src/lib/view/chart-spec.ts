/**
 * The shape of every chart on the site, built once per chart from the record and used three ways: the
 * server-rendered table (the chart's primary form: readers without JS and screen readers get it), the
 * canvas (the same rows as JSON for the client renderer, src/client/charts/) and the CSV download
 * (./chart-csv.ts). A table holds raw values (integer 円, fractions) and each column says how to show them,
 * so the three can't disagree. Which charts a page has: ./sheet-charts.ts (a sheet), ./site-charts.ts
 * (home and year pages), src/lib/history/charts.ts (project and payee pages).
 */

export type ColumnKind = 'text' | 'yen' | 'rate' | 'number' | 'year';

export interface Column {
  key: string;
  /** Header text, without the unit. */
  label: string;
  kind: ColumnKind;
  /** Unit for 'number' columns (件, 者 …), shown in the header. */
  unit?: string | null;
  /** This column heads each row (<th scope="row">). */
  rowHeader?: boolean;
}

export type Cell = string | number | null;

export interface ChartTable {
  columns: Column[];
  rows: Cell[][];
}

/** What the client renderer draws; deliberately small, not a chart.js config. */
export type CanvasSpec =
  | {
      kind: 'budget';
      labels: string[];
      /** 円 per label; null = no value (drawn as a gap, never 0). */
      budget: (number | null)[];
      executed: (number | null)[];
      /** Fractions. */
      rate: (number | null)[];
    }
  | {
      kind: 'indicator';
      labels: string[];
      unit: string | null;
      /** Bars: planned/target; line: actual. */
      series: { label: string; values: (number | null)[]; type: 'bar' | 'line' }[];
      /** Stated 達成度 per label (fractions), for tooltips. */
      achievement?: (number | null)[];
    }
  | {
      kind: 'sankey';
      nodes: { key: string; label: string; column: number }[];
      /**
       * `flow` is the drawn width in 円. `unstated`: the source states no amount for this edge; it is drawn as
       * a thin grey line (a nominal width, not money) so that it cannot be read as an amount.
       */
      flows: { from: string; to: string; flow: number; amount: number | null; unstated: boolean }[];
      /** Always `true` when there is a canvas: widths are money except on `unstated` edges. */
      weighted: boolean;
    }
  | {
      kind: 'hbar';
      labels: string[];
      /** 円. */
      values: number[];
      /** Per bar: text marks shown next to the label (一者応札, 落札率95%以上). */
      marks: string[][];
      seriesLabel: string;
    }
  | {
      kind: 'totals';
      labels: string[];
      budget: (number | null)[];
      executed: (number | null)[];
    };

export interface ChartData {
  /** Stable per page; the CSV file name (budget, activity-1, outcome-1, flow, payees …). */
  id: string;
  title: string;
  /** Table caption, with units. */
  caption: string;
  /** One-sentence text summary: the canvas's aria-label (unless a table on the page is its twin: canvasLabel). */
  summary: string;
  table: ChartTable;
  /**
   * The table the page shows beside the canvas when it is not `table` (the CSV's): the flow chart's twin
   * lists the block edges and one row per block for its payees (their count and sum), since every payee's
   * name and amount are in that block's 支出先 table already (issue 18: each datum on the page once);
   * `undefined`: the page shows `table`.
   */
  pageTable?: ChartTable;
  canvas: CanvasSpec | null;
  /** Notes shown under the chart (how it was drawn, what is estimated). */
  notes: string[];
}

/**
 * The canvas's aria-label. A chart whose every figure is in a table on the page (`twinCaption`, e.g. the
 * budget chart under the 予算額・執行額 table) is named and pointed to that table rather than read out
 * value by value again (issue 18: each datum on the page once); any other chart's label is its summary.
 */
export function canvasLabel(chart: Pick<ChartData, 'title' | 'summary'>, twinCaption?: string): string {
  return twinCaption ? `${chart.title}のグラフ。数値はすべて表「${twinCaption}」にあります。` : chart.summary;
}

/** Header with its unit, as tables and CSV show it. */
export function columnHeader(c: Column, opts: { csv?: boolean } = {}): string {
  if (c.kind === 'yen') return `${c.label}（${opts.csv ? '円' : '百万円'}）`;
  if (c.kind === 'rate') return `${c.label}（%）`;
  if (c.kind === 'number' && c.unit) return `${c.label}（${c.unit}）`;
  return c.label;
}
