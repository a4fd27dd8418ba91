/**
 * Bar/line charts (budget vs execution with execution rate; indicator target vs actual; horizontal bars
 * for payees and totals). Registers only the chart.js parts these need (no 'chart.js/auto').
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
} from 'chart.js';
import type { CanvasSpec } from '../../lib/view/chart-spec.ts';
import { colors, fontFamily, formatNumber, formatPercent, formatScaled, scaled, yenScale } from './theme.ts';
import { formatYenExact } from '../../shared/format.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = fontFamily;
Chart.defaults.color = colors.text;
Chart.defaults.animation = false;

type Cartesian = Exclude<CanvasSpec, { kind: 'sankey' }>;

/** Every cartesian chart fills the box its figure gives it (the page sets the height). */
const FILL = { responsive: true, maintainAspectRatio: false } as const;

/** An axis of 円 amounts in the chart's scaled unit (百万円, 億円 or 兆円, from yenScale). */
function yenAxis(unit: string) {
  return { beginAtZero: true, title: { display: true, text: unit }, ticks: { callback: (v: string | number) => formatScaled(Number(v)) } };
}

/** A tooltip's amount: in the scaled unit, and exact. */
function yenText(yen: number, divisor: number, unit: string): string {
  return `${formatScaled(yen / divisor)}${unit}（${formatYenExact(yen)}）`;
}

type BudgetBars = { budget: (number | null)[]; executed: (number | null)[] };

/**
 * The 予算額 and 執行額 bars of a budget or totals chart, datasets 0 and 1 (a null is a gap, never 0).
 * `axis`: the bars' value axis in a chart that also draws a line on its own axis (the budget chart's 執行率).
 */
function budgetBars(spec: BudgetBars, divisor: number, unit: string, axis?: string): ChartDataset[] {
  const onAxis = axis === undefined ? {} : { type: 'bar' as const, yAxisID: axis };
  return [
    { ...onAxis, label: `予算額（${unit}）`, data: spec.budget.map((v) => scaled(v, divisor)), backgroundColor: colors.budget, borderColor: colors.budgetBorder, borderWidth: 1 },
    { ...onAxis, label: `執行額（${unit}）`, data: spec.executed.map((v) => scaled(v, divisor)), backgroundColor: colors.executed },
  ];
}

/** The tooltip line of one of budgetBars' bars. */
function budgetBarText(spec: BudgetBars, datasetIndex: number, dataIndex: number, divisor: number, unit: string): string {
  const yen = (datasetIndex === 0 ? spec.budget : spec.executed)[dataIndex] ?? null;
  return `${datasetIndex === 0 ? '予算額' : '執行額'}: ${yen === null ? '—' : yenText(yen, divisor, unit)}`;
}

/** A chart by year (budget, indicator): bars and a line per year label, the tooltip showing every series of the year. */
function byYearConfig(labels: string[], datasets: ChartDataset[], options: ChartOptions): ChartConfiguration {
  return { type: 'bar', data: { labels, datasets }, options: { ...FILL, interaction: { mode: 'index', intersect: false }, ...options } };
}

function budgetConfig(spec: Extract<CanvasSpec, { kind: 'budget' }>): ChartConfiguration {
  const { divisor, unit } = yenScale([...spec.budget, ...spec.executed]);
  const datasets: ChartDataset[] = [
    ...budgetBars(spec, divisor, unit, 'y'),
    { type: 'line', label: '執行率（%）', data: spec.rate.map((v) => (v === null ? null : v * 100)), borderColor: colors.rate, backgroundColor: colors.rate, pointStyle: 'rectRot', pointRadius: 5, spanGaps: false, yAxisID: 'rate' },
  ];
  return byYearConfig(spec.labels, datasets, {
    scales: {
      y: yenAxis(unit),
      rate: { position: 'right', beginAtZero: true, suggestedMax: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '執行率（%）' } },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) =>
            ctx.dataset.yAxisID === 'rate'
              ? `執行率: ${formatPercent(spec.rate[ctx.dataIndex] ?? null)}`
              : budgetBarText(spec, ctx.datasetIndex, ctx.dataIndex, divisor, unit),
        },
      },
    },
  });
}

function indicatorConfig(spec: Extract<CanvasSpec, { kind: 'indicator' }>): ChartConfiguration {
  const palette = [colors.planned, colors.actual];
  const datasets: ChartDataset[] = spec.series.map((s, i) =>
    s.type === 'bar'
      ? { type: 'bar', label: s.label, data: s.values, backgroundColor: palette[i % 2], borderColor: '#5b6675', borderWidth: 1 }
      : { type: 'line', label: s.label, data: s.values, borderColor: palette[i % 2], backgroundColor: palette[i % 2], pointRadius: 5, pointStyle: 'circle', spanGaps: false },
  );
  const unit = spec.unit ?? '';
  return byYearConfig(spec.labels, datasets, {
    scales: { y: { beginAtZero: true, title: { display: unit !== '', text: unit }, ticks: { callback: (v) => formatNumber(Number(v)) } } },
    plugins: {
      tooltip: {
        callbacks: {
          label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : `${formatNumber(ctx.parsed.y)}${unit}`}`,
          footer: (items) => {
            const a = spec.achievement?.[items[0]?.dataIndex ?? -1];
            return a === undefined || a === null ? '' : `達成度: ${formatPercent(a)}`;
          },
        },
      },
    },
  });
}

/** Horizontal bars with the marks in the label text (not colour alone). */
function hbarConfig(spec: Extract<CanvasSpec, { kind: 'hbar' }>, width: number): ChartConfiguration {
  const { divisor, unit } = yenScale(spec.values);
  // Phones get shorter names and marks so the axis labels fit beside the bars (the full text is in the
  // tooltip and the table).
  const narrow = width < 560;
  const markText = (m: string) => (narrow ? (m === '一者応札' ? '①一者' : m === '落札率95%以上' ? '▲95%以上' : m) : `【${m}】`);
  const label = (name: string, marks: string[]) => {
    const max = narrow ? 10 : 18;
    const short = name.length > max ? `${name.slice(0, max - 1)}…` : name;
    return marks.length ? [short, marks.map(markText).join(narrow ? ' ' : '')] : short;
  };
  return {
    type: 'bar',
    data: {
      labels: spec.labels.map((n, i) => label(n, spec.marks[i] ?? [])),
      datasets: [
        {
          label: `${spec.seriesLabel}（${unit}）`,
          data: spec.values.map((v) => v / divisor),
          backgroundColor: spec.marks.map((m) => (m.includes('一者応札') ? colors.single : m.length ? colors.high : colors.plain)),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      ...FILL,
      scales: { x: yenAxis(unit) },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (ctx) => {
              const yen = spec.values[ctx.dataIndex] ?? 0;
              const marks = spec.marks[ctx.dataIndex] ?? [];
              return `${spec.seriesLabel}: ${yenText(yen, divisor, unit)}${marks.length ? ` ${marks.join('・')}` : ''}`;
            },
          },
        },
      },
    },
  };
}

function totalsConfig(spec: Extract<CanvasSpec, { kind: 'totals' }>): ChartConfiguration {
  const { divisor, unit } = yenScale([...spec.budget, ...spec.executed]);
  return {
    type: 'bar',
    data: {
      labels: spec.labels.map((l) => (l.length > 14 ? `${l.slice(0, 13)}…` : l)),
      datasets: budgetBars(spec, divisor, unit),
    },
    options: {
      indexAxis: spec.labels.length > 6 ? 'y' : 'x',
      ...FILL,
      scales: { [spec.labels.length > 6 ? 'x' : 'y']: yenAxis(unit) },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (ctx) => budgetBarText(spec, ctx.datasetIndex, ctx.dataIndex, divisor, unit),
          },
        },
      },
    },
  };
}

export function renderCartesian(canvas: HTMLCanvasElement, spec: CanvasSpec): void {
  const s = spec as Cartesian;
  const config =
    s.kind === 'budget' ? budgetConfig(s) : s.kind === 'indicator' ? indicatorConfig(s) : s.kind === 'hbar' ? hbarConfig(s, canvas.parentElement?.clientWidth ?? 800) : totalsConfig(s);
  new Chart(canvas, config);
}
