/**
 * Chart data, built once per chart from the record and used three ways: the server-rendered table (the
 * chart's primary form: readers without JS and screen readers get it), the canvas (the same rows as JSON
 * for the client renderer) and the CSV download. A table holds raw values (integer 円, fractions) and
 * each column says how to show them, so the three can't disagree.
 */
import type { Activity, Flow, Outcome, Payee, Sheet } from '../../schema/sheet.ts';
import { fiscalYearLabel, fiscalYearShortLabel } from '../../shared/era.ts';
import { formatNumber, formatPercentShort, formatYenShort } from '../../shared/format.ts';
import { executionReported, isHighWinningBidRate, isSingleBidder, payeesByAmount } from './summary.ts';
import { toCsv, type CsvCell } from '../../shared/csv.ts';
import type { Totals } from './aggregate.ts';

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
  /** One-sentence text summary: the canvas's aria-label. */
  summary: string;
  table: ChartTable;
  /**
   * The table the page shows beside the canvas when it is not `table` (the CSV's): the flow chart's twin
   * lists the edges as drawn (each drawn payee, and one "その他の支出先" row per block), since every payee's
   * line is in the page's payee tables already; `undefined`: the page shows `table`.
   */
  pageTable?: ChartTable;
  canvas: CanvasSpec | null;
  /** Notes shown under the chart (how it was drawn, what is estimated). */
  notes: string[];
}

/** Header with its unit, as tables and CSV show it. */
export function columnHeader(c: Column, opts: { csv?: boolean } = {}): string {
  if (c.kind === 'yen') return `${c.label}（${opts.csv ? '円' : '百万円'}）`;
  if (c.kind === 'rate') return `${c.label}（%）`;
  if (c.kind === 'number' && c.unit) return `${c.label}（${c.unit}）`;
  return c.label;
}

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

/**
 * Row labels for year values: the Western year with its era, plus the sheet's own column heading for
 * plan columns (見込, 目標最終年度 …) and wherever two columns share a year, so no two rows look alike.
 */
function valueLabels(values: { year: number; label: string | null; isPlan: boolean }[]): string[] {
  const labels = values.map((v) => (v.isPlan && v.label ? `${fiscalYearLabel(v.year)} ${v.label}` : fiscalYearLabel(v.year)));
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  return labels.map((l, i) => {
    const v = values[i]!;
    return (count.get(l) ?? 0) > 1 && v.label && !l.endsWith(v.label) ? `${l} ${v.label}` : l;
  });
}

/** Short axis labels: "2021（R3）", with 見込 / 目標 for plan columns. */
function shortLabels(values: { year: number; label: string | null; isPlan: boolean }[]): string[] {
  return values.map((v) => {
    const base = fiscalYearShortLabel(v.year);
    if (!v.isPlan) return base;
    return `${base}${/目標/.test(v.label ?? '') ? '目標' : '見込'}`;
  });
}

/** The columns of every budget chart's table: year, 予算額（計）, 執行額, 執行率 (a project's adds its source). */
export const BUDGET_TABLE_COLUMNS: Column[] = [
  { key: 'year', label: '年度', kind: 'text', rowHeader: true },
  { key: 'total', label: '予算額（計）', kind: 'yen' },
  { key: 'executed', label: '執行額', kind: 'yen' },
  { key: 'rate', label: '執行率', kind: 'rate' },
];

/** A budget chart's summary for screen readers: each year that states an amount, in words. */
export function budgetSummary(years: readonly { year: number; total: number | null; executed: number | null; rate: number | null }[]): string {
  const described = years
    .filter((y) => y.total !== null || y.executed !== null)
    .map((y) => `${fiscalYearLabel(y.year)} 予算${formatYenShort(y.total)}・執行${formatYenShort(y.executed)}（執行率${formatPercentShort(y.rate)}）`);
  return `予算額と執行額の棒グラフと執行率の折れ線グラフ。${described.join('、') || '金額の記載なし'}。`;
}

/**
 * A budget chart's canvas (a sheet's and a project's): a year whose execution is not reported — blank, or
 * RS's 0 with a blank 執行率 (executionReported) — is a gap, not a bar of 0. The table keeps the value as written.
 */
export function budgetCanvas(cols: readonly { label: string; total: number | null; executed: number | null; executionRate: number | null }[]): CanvasSpec {
  return {
    kind: 'budget',
    labels: cols.map((c) => c.label),
    budget: cols.map((c) => c.total),
    executed: cols.map((c) => (executionReported(c) ? c.executed : null)),
    rate: cols.map((c) => c.executionRate),
  };
}

export function budgetChart(sheet: Sheet): ChartData | null {
  if (sheet.budgets.length === 0) return null;
  const cols = [...sheet.budgets].sort((a, b) => a.year - b.year || Number(a.isRequest) - Number(b.isRequest));
  const label = (b: (typeof cols)[number]) => `${fiscalYearLabel(b.year)}${b.isRequest ? '要求' : ''}`;
  const rows: Cell[][] = cols.map((b) => [label(b), b.total, b.executed, b.executionRate]);
  return {
    id: 'budget',
    title: '予算額と執行額の推移',
    caption: '年度別の予算額（計）・執行額（百万円）と執行率（%）',
    summary: budgetSummary(cols.filter((b) => !b.isRequest).map((b) => ({ year: b.year, total: b.total, executed: b.executed, rate: b.executionRate }))),
    table: { columns: BUDGET_TABLE_COLUMNS, rows },
    canvas: budgetCanvas(cols.map((b) => ({ ...b, label: `${fiscalYearShortLabel(b.year)}${b.isRequest ? '要求' : ''}` }))),
    notes: [],
  };
}

function indicatorName(text: string | null, fallback: string): string {
  return text && text.trim() ? text : fallback;
}

export function activityChart(a: Activity, index: number): ChartData | null {
  if (a.values.length === 0) return null;
  const rowLabels = valueLabels(a.values);
  const name = indicatorName(a.indicator, indicatorName(a.goal, `活動指標${index + 1}`));
  const results = a.values.filter((v) => !v.isPlan && v.actual !== null);
  const latest = results[results.length - 1];
  return {
    id: `activity-${index + 1}`,
    title: `活動実績と当初見込み: ${name}`,
    caption: `${name}：年度別の当初見込みと活動実績（${a.unit ?? '単位の記載なし'}）`,
    summary: `${name}の当初見込み（棒）と活動実績（折れ線）のグラフ。${
      latest ? `${fiscalYearLabel(latest.year)}の実績は${formatNumber(latest.actual)}${a.unit ?? ''}（当初見込み${formatNumber(latest.planned)}）。` : '実績の記載なし。'
    }`,
    table: {
      columns: [
        { key: 'year', label: '年度', kind: 'text', rowHeader: true },
        { key: 'planned', label: '当初見込み', kind: 'number', unit: a.unit },
        { key: 'actual', label: '活動実績', kind: 'number', unit: a.unit },
      ],
      rows: a.values.map((v, i) => [rowLabels[i]!, v.planned, v.actual]),
    },
    canvas: {
      kind: 'indicator',
      labels: shortLabels(a.values),
      unit: a.unit,
      series: [
        { label: '当初見込み', values: a.values.map((v) => v.planned), type: 'bar' },
        { label: '活動実績', values: a.values.map((v) => v.actual), type: 'line' },
      ],
    },
    notes: [],
  };
}

export function outcomeChart(o: Outcome, index: number): ChartData | null {
  if (o.values.length === 0) return null;
  const rowLabels = valueLabels(o.values);
  const name = indicatorName(o.indicator, indicatorName(o.goal, `成果指標${index + 1}`));
  const judged = o.values.filter((v) => !v.isPlan && v.achievement !== null);
  const latest = judged[judged.length - 1];
  return {
    id: `outcome-${index + 1}`,
    title: `成果実績と目標値: ${name}`,
    caption: `${name}：年度別の目標値・成果実績（${o.unit ?? '単位の記載なし'}）と達成度（%）`,
    summary: `${name}の目標値（棒）と成果実績（折れ線）のグラフ。${
      latest
        ? `${fiscalYearLabel(latest.year)}は目標${formatNumber(latest.target)}${o.unit ?? ''}に対し実績${formatNumber(latest.actual)}${o.unit ?? ''}、達成度${formatPercentShort(latest.achievement)}${latest.achievement !== null && latest.achievement >= 1 ? '（目標達成）' : '（目標未達）'}。`
        : '達成度の記載なし。'
    }`,
    table: {
      columns: [
        { key: 'year', label: '年度', kind: 'text', rowHeader: true },
        { key: 'target', label: '目標値', kind: 'number', unit: o.unit },
        { key: 'actual', label: '成果実績', kind: 'number', unit: o.unit },
        { key: 'achievement', label: '達成度', kind: 'rate' },
      ],
      rows: o.values.map((v, i) => [rowLabels[i]!, v.target, v.actual, v.achievement]),
    },
    canvas: {
      kind: 'indicator',
      labels: shortLabels(o.values),
      unit: o.unit,
      series: [
        { label: '目標値', values: o.values.map((v) => v.target), type: 'bar' },
        { label: '成果実績', values: o.values.map((v) => v.actual), type: 'line' },
      ],
      achievement: o.values.map((v) => v.achievement),
    },
    notes: [],
  };
}

/** Payee marks, as text (never colour alone). */
export function payeeMarks(p: Pick<Payee, 'bidders' | 'winningBidRate'>): string[] {
  const marks: string[] = [];
  if (isSingleBidder(p)) marks.push('一者応札');
  if (isHighWinningBidRate(p)) marks.push('落札率95%以上');
  return marks;
}

/** How many payees the top-payees chart shows. */
export const TOP_PAYEES = 10;

export function topPayeesChart(sheet: Sheet): ChartData | null {
  const ranked = payeesByAmount(sheet.payees).filter((p) => p.amount !== null);
  if (ranked.length === 0) return null;
  const top = ranked.slice(0, TOP_PAYEES);
  const marked = top.filter((p) => payeeMarks(p).length > 0).length;
  return {
    id: 'payees',
    title: `支出額の大きい支出先（上位${top.length}者）`,
    caption: `支出額の大きい支出先 上位${top.length}者：支出額（百万円）、契約方式、入札者数、落札率（%）`,
    summary: `支出先の支出額の横棒グラフ。最大は${top[0]!.name}の${formatYenShort(top[0]!.amount)}。${
      marked > 0 ? `一者応札または落札率95%以上の契約が${marked}者。` : ''
    }`,
    table: {
      columns: [
        { key: 'rank', label: '順位', kind: 'number' },
        { key: 'name', label: '支出先', kind: 'text', rowHeader: true },
        { key: 'block', label: 'ブロック', kind: 'text' },
        { key: 'amount', label: '支出額', kind: 'yen' },
        { key: 'method', label: '契約方式等', kind: 'text' },
        { key: 'bidders', label: '入札者数', kind: 'number' },
        { key: 'rate', label: '落札率', kind: 'rate' },
        { key: 'marks', label: '注意', kind: 'text' },
      ],
      rows: top.map((p, i) => [
        i + 1,
        p.name,
        p.block,
        p.amount,
        p.contractMethod,
        p.bidders,
        p.winningBidRate,
        payeeMarks(p).join('・') || null,
      ]),
    },
    canvas: {
      kind: 'hbar',
      labels: top.map((p) => p.name),
      values: top.map((p) => p.amount ?? 0),
      marks: top.map(payeeMarks),
      seriesLabel: '支出額',
    },
    notes: ranked.length > top.length ? [`ほか${ranked.length - top.length}者は下の「支出先」の表にあります。`] : [],
  };
}

/** Payee nodes drawn in the flow chart; the rest are gathered into one "その他" node. */
export const SANKEY_MAX_PAYEES = 20;

/**
 * The flow of money: ministry → blocks (→ blocks) → payees. Edge amounts: the flow's own amount, else the
 * target block's total (schema: "otherwise the target block's total applies") when that block has only
 * this one incoming edge — a block paid by several sources does not say how its total splits, so those
 * edges have no amount; payee edges use the payee's amount.
 *
 * Widths are money, never a placeholder that reads as money: an edge whose amount the source does not
 * state is drawn as a thin grey line of nominal width (`unstated`), named in a note, with "金額の記載なし" in
 * the table and tooltip. When no edge at all has an amount (e.g. an RS download without table 5-1, which
 * holds the block totals), no Sankey is drawn: equal bands would read as equal money, and the table
 * twin already lists every connection.
 */
export function flowChart(sheet: Sheet): ChartData | null {
  const blockIds = new Set(sheet.blocks.map((b) => b.id));
  for (const p of sheet.payees) blockIds.add(p.block);
  for (const f of sheet.flows) {
    if (f.from !== 'ministry') blockIds.add(f.from);
    blockIds.add(f.to);
  }
  if (blockIds.size === 0) return null;
  const blockById = new Map(sheet.blocks.map((b) => [b.id, b]));
  const blockLabel = (id: string) => {
    const name = blockById.get(id)?.name;
    return name ? `${id}. ${name}` : `ブロック${id}`;
  };

  // Blocks no flow reaches are paid by the ministry (schema: "blocks named nowhere are taken to be paid by the ministry").
  const edges = [...sheet.flows];
  const reached = new Set(edges.map((f) => f.to));
  for (const id of blockIds) if (!reached.has(id)) edges.push({ from: 'ministry', to: id, amount: null, inferred: sheet.flows.length > 0, note: null, sourceName: null });

  // Columns: ministry 0, blocks by depth, payees last.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string> = new Set()): number => {
    if (id === 'ministry') return 0;
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 1;
    seen.add(id);
    const parents = edges.filter((e) => e.to === id).map((e) => depthOf(e.from, seen));
    const d = (parents.length ? Math.max(...parents) : 0) + 1;
    depth.set(id, d);
    return d;
  };
  for (const id of blockIds) depthOf(id);
  const maxDepth = Math.max(1, ...depth.values());

  // A block that 5-2 says pays itself (C → C: a payee passing money on within its block) is not another
  // source of the block's money; the Sankey cannot draw a loop, so that edge is only in the table.
  const selfLoop = (e: Flow) => e.from === e.to;
  const incoming = (id: string) => edges.filter((x) => x.to === id && !selfLoop(x)).length;
  const blockEdges = edges.map((e) => {
    const total = blockById.get(e.to)?.total ?? null;
    const fromTotal = e.amount === null && total !== null && incoming(e.to) === 1 && !selfLoop(e);
    const amount = e.amount ?? (fromTotal ? total : null);
    return {
      from: e.from === 'ministry' ? 'ministry' : `block:${e.from}`,
      to: `block:${e.to}`,
      amount,
      inferred: e.inferred,
      note: [fromTotal ? 'ブロックの計' : amount === null ? '金額の記載なし' : '', selfLoop(e) ? '同じブロック内の流れ（図には描いていません）' : '', e.note ?? '']
        .filter(Boolean)
        .join('・'),
      loop: selfLoop(e),
    };
  });

  const ranked = payeesByAmount(sheet.payees);
  const drawn = new Set(ranked.slice(0, SANKEY_MAX_PAYEES));
  const payeeKey = (p: Payee) => `payee:${p.block}-${p.rank}`;
  const payeeEdges = sheet.payees.map((p) => ({
    from: `block:${p.block}`,
    to: drawn.has(p) ? payeeKey(p) : 'payee:others',
    amount: p.amount,
    payee: p,
  }));
  const othersCount = sheet.payees.length - drawn.size;

  // The paying organisation as 5-2 names it when it names one (総務省 for a 消防庁 sheet), else the ministry.
  const sourceNames = [...new Set(sheet.flows.map((f) => f.sourceName).filter((n): n is string => n !== null))];
  const ministryLabel = sourceNames.length > 0 ? sourceNames.join('・') : sheet.ministry;
  const nodes: { key: string; label: string; column: number }[] = [{ key: 'ministry', label: ministryLabel, column: 0 }];
  for (const id of blockIds) nodes.push({ key: `block:${id}`, label: blockLabel(id), column: depth.get(id) ?? 1 });
  for (const p of sheet.payees) if (drawn.has(p)) nodes.push({ key: payeeKey(p), label: p.name, column: maxDepth + 1 });
  if (othersCount > 0) nodes.push({ key: 'payee:others', label: `その他の支出先（${othersCount}者）`, column: maxDepth + 1 });

  const stated = [...blockEdges, ...payeeEdges].map((e) => e.amount).filter((a): a is number => a !== null && a > 0);
  const weighted = stated.length > 0;
  // A nominal width for unstated edges: thinner than the smallest stated amount and a sliver of the largest.
  const hairline = weighted ? Math.max(1, Math.min(Math.min(...stated) / 4, Math.max(...stated) / 200)) : 1;
  type CanvasFlow = { from: string; to: string; flow: number; amount: number | null; unstated: boolean };
  const canvasFlows: CanvasFlow[] = [];
  for (const e of blockEdges) {
    if (e.loop) continue;
    if (e.amount !== null && e.amount <= 0) continue; // a stated 0 has no width to draw; the table keeps it
    canvasFlows.push({ from: e.from, to: e.to, flow: e.amount ?? hairline, amount: e.amount, unstated: e.amount === null });
  }
  // Payees folded into "その他": the stated part is money; if none is stated the edge is unstated.
  const merged = new Map<string, CanvasFlow & { known: number; missing: boolean }>();
  for (const e of payeeEdges) {
    if (e.amount !== null && e.amount <= 0) continue;
    const k = `${e.from}→${e.to}`;
    const m = merged.get(k) ?? { from: e.from, to: e.to, flow: 0, amount: null, unstated: true, known: 0, missing: false };
    if (e.amount === null) m.missing = true;
    else m.known += e.amount;
    merged.set(k, m);
  }
  for (const m of merged.values()) {
    const unstated = m.known === 0;
    canvasFlows.push({ from: m.from, to: m.to, flow: unstated ? hairline : m.known, amount: m.missing ? null : m.known, unstated });
  }
  const usedKeys = new Set(canvasFlows.flatMap((f) => [f.from, f.to]));
  const unstatedCount = canvasFlows.filter((f) => f.unstated).length;

  const nameOf = (key: string) => nodes.find((n) => n.key === key)?.label ?? key;
  const rows: Cell[][] = [
    ...blockEdges.map((e) => [nameOf(e.from), nameOf(e.to), e.amount, [e.inferred ? '推定' : '', e.note].filter(Boolean).join('・') || null]),
    ...payeeEdges.map((e) => [nameOf(e.from), e.payee.name, e.amount, e.amount === null ? '支出先・金額の記載なし' : '支出先']),
  ];
  // The page's twin: the payee edges as drawn (the page lists every payee in its own tables; the CSV keeps them all here).
  const others = new Map<string, { count: number; known: number; missing: boolean }>();
  for (const e of payeeEdges) {
    if (e.to !== 'payee:others') continue;
    const o = others.get(e.from) ?? { count: 0, known: 0, missing: false };
    o.count += 1;
    if (e.amount === null) o.missing = true;
    else o.known += e.amount;
    others.set(e.from, o);
  }
  const pageRows: Cell[][] = [
    ...rows.slice(0, blockEdges.length),
    ...payeeEdges.filter((e) => e.to !== 'payee:others').map((e) => [nameOf(e.from), e.payee.name, e.amount, e.amount === null ? '支出先・金額の記載なし' : '支出先']),
    ...[...others].map(([from, o]): Cell[] => [
      nameOf(from),
      `その他の支出先（${o.count}者）`,
      o.missing ? null : o.known,
      `${o.missing ? `${o.count}者（金額の記載のない支出先を含む）` : `${o.count}者の計`}。各支出先は「支出先」の表`,
    ]),
  ];
  const flowColumns: Column[] = [
    { key: 'from', label: '支出元', kind: 'text' },
    { key: 'to', label: '支出先', kind: 'text', rowHeader: true },
    { key: 'amount', label: '金額', kind: 'yen' },
    { key: 'note', label: '備考', kind: 'text' },
  ];
  const notes: string[] = [];
  if (!weighted) {
    const zeros = [...blockEdges, ...payeeEdges].some((e) => e.amount === 0);
    notes.push(
      zeros
        ? '記載された金額がすべて0円か記載なしのため、図は描かず、つながりを表に示しています。'
        : '資金の流れの金額の記載がないため、図は描かず、つながりを表に示しています（同じ太さの線は同じ金額と読めてしまうため）。',
    );
  }
  else if (unstatedCount > 0) {
    notes.push(`灰色の細い線（${unstatedCount}本）は金額の記載がない流れです。その線の太さは金額を表しません。金額は表の「備考」欄をご覧ください。`);
  }
  if (blockEdges.some((e) => e.inferred)) notes.push('「推定」の流れは、シートの資金の流れの図が画像のため、費目・使途の外部委託先の名前などから推定したものです。');
  if (othersCount > 0) notes.push(`図と表には支出額の大きい${drawn.size}者を表示し、残り${othersCount}者は「その他の支出先」にまとめています。全員の支出額は下の「支出先」の表と、この図のCSVにあります。`);
  const topBlocks = blockEdges.filter((e) => e.from === 'ministry');
  return {
    id: 'flow',
    title: '資金の流れ',
    caption: '資金の流れ：支出元から支出先への金額（百万円）',
    summary: `${sheet.ministry}から${topBlocks.length}のブロックへ、さらに${sheet.payees.length}者の支出先への資金の流れ${weighted ? 'の図（サンキー図）' : ''}。${
      !weighted ? '金額の記載がないため、図はなく表だけです。' : unstatedCount > 0 ? '線の太さは金額を表します（灰色の細い線は金額の記載なし）。' : '線の太さは金額を表します。'
    }`,
    table: {
      columns: flowColumns,
      rows,
    },
    pageTable: othersCount > 0 ? { columns: flowColumns, rows: pageRows } : undefined,
    canvas:
      weighted && canvasFlows.length
        ? { kind: 'sankey', nodes: nodes.filter((n) => usedKeys.has(n.key)), flows: canvasFlows, weighted }
        : null,
    notes,
  };
}

export function sheetCharts(sheet: Sheet): {
  budget: ChartData | null;
  activities: (ChartData | null)[];
  outcomes: (ChartData | null)[];
  flow: ChartData | null;
  payees: ChartData | null;
} {
  return {
    budget: budgetChart(sheet),
    activities: sheet.activities.map(activityChart),
    outcomes: sheet.outcomes.map(outcomeChart),
    flow: flowChart(sheet),
    payees: topPayeesChart(sheet),
  };
}

/** All of a sheet's charts that have data, in page order (one CSV each). */
export function listSheetCharts(sheet: Sheet): ChartData[] {
  const c = sheetCharts(sheet);
  return [c.budget, ...c.activities, ...c.outcomes, c.flow, c.payees].filter((x): x is ChartData => x !== null);
}

/** Totals by review year (home page, /years/). Amounts are each sheet's settled-year figures. */
export function totalsByYearChart(groups: { year: number; totals: Totals }[]): ChartData {
  const sorted = [...groups].sort((a, b) => a.year - b.year);
  return {
    id: 'totals-by-year',
    title: 'レビュー年度別の予算額・執行額の合計',
    caption: 'レビュー年度別のシート数と予算額・執行額の合計（百万円）、執行率（%）',
    summary: `レビュー年度別の予算額と執行額の合計の棒グラフ。${sorted
      .map((g) => `${fiscalYearLabel(g.year)} ${g.totals.sheets}件・予算${formatYenShort(Number(g.totals.budget))}`)
      .join('、')}。`,
    table: {
      columns: [
        { key: 'year', label: 'レビュー年度', kind: 'text', rowHeader: true },
        { key: 'sheets', label: 'シート数', kind: 'number', unit: '件' },
        { key: 'budget', label: '予算額（計）の合計', kind: 'yen' },
        { key: 'executed', label: '執行額の合計', kind: 'yen' },
        { key: 'rate', label: '執行率', kind: 'rate' },
      ],
      rows: sorted.map((g) => [fiscalYearLabel(g.year), g.totals.sheets, Number(g.totals.budget), Number(g.totals.executed), g.totals.rate]),
    },
    canvas: {
      kind: 'totals',
      labels: sorted.map((g) => fiscalYearShortLabel(g.year)),
      budget: sorted.map((g) => Number(g.totals.budget)),
      executed: sorted.map((g) => Number(g.totals.executed)),
    },
    notes: [
      '各シートの「執行額が記載された最新の年度」の予算額（計）と執行額を合計しています（同じ事業の複数年度のシートを足し合わせないよう、年度ごとに分けています）。',
      '執行率は、予算額と執行額の両方が記載されたシートだけで計算しています。',
    ],
  };
}

/** Totals by ministry for one review year (home page, /years/<year>/). */
export function totalsByMinistryChart(
  year: number,
  groups: { ministry: string; totals: Totals }[],
): ChartData {
  const sorted = [...groups].sort((a, b) => (b.totals.budget > a.totals.budget ? 1 : b.totals.budget < a.totals.budget ? -1 : a.ministry.localeCompare(b.ministry, 'ja')));
  return {
    id: `totals-by-ministry-${year}`,
    title: `府省庁別の予算額・執行額の合計（${fiscalYearLabel(year)}レビュー）`,
    caption: `${fiscalYearLabel(year)}レビューの府省庁別シート数と予算額・執行額の合計（百万円）、執行率（%）`,
    summary: `府省庁別の予算額と執行額の合計の横棒グラフ。最大は${sorted[0]?.ministry ?? '—'}の${formatYenShort(Number(sorted[0]?.totals.budget ?? 0))}。`,
    table: {
      columns: [
        { key: 'ministry', label: '府省庁', kind: 'text', rowHeader: true },
        { key: 'sheets', label: 'シート数', kind: 'number', unit: '件' },
        { key: 'budget', label: '予算額（計）の合計', kind: 'yen' },
        { key: 'executed', label: '執行額の合計', kind: 'yen' },
        { key: 'rate', label: '執行率', kind: 'rate' },
      ],
      rows: sorted.map((g) => [g.ministry, g.totals.sheets, Number(g.totals.budget), Number(g.totals.executed), g.totals.rate]),
    },
    canvas: {
      kind: 'totals',
      labels: sorted.map((g) => g.ministry),
      budget: sorted.map((g) => Number(g.totals.budget)),
      executed: sorted.map((g) => Number(g.totals.executed)),
    },
    notes: ['各シートの「執行額が記載された最新の年度」の予算額（計）と執行額の合計です。'],
  };
}
