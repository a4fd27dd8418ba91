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
} from 'chart.js';
import type { CanvasSpec } from '../../lib/view/chart-spec.ts';
import { colors, fontFamily, formatNumber, formatPercent, formatScaled, scaled, yenScale } from './theme.ts';
import { formatYenExact } from '../../shared/format.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = fontFamily;
Chart.defaults.color = colors.text;
Chart.defaults.animation = false;

type Cartesian = Exclude<CanvasSpec, { kind: 'sankey' }>;

function budgetConfig(spec: Extract<CanvasSpec, { kind: 'budget' }>): ChartConfiguration {
  const { divisor, unit } = yenScale([...spec.budget, ...spec.executed]);
  const raw = { budget: spec.budget, executed: spec.executed };
  const datasets: ChartDataset[] = [
    { type: 'bar', label: `予算額（${unit}）`, data: spec.budget.map((v) => scaled(v, divisor)), backgroundColor: colors.budget, borderColor: colors.budgetBorder, borderWidth: 1, yAxisID: 'y' },
    { type: 'bar', label: `執行額（${unit}）`, data: spec.executed.map((v) => scaled(v, divisor)), backgroundColor: colors.executed, yAxisID: 'y' },
    { type: 'line', label: '執行率（%）', data: spec.rate.map((v) => (v === null ? null : v * 100)), borderColor: colors.rate, backgroundColor: colors.rate, pointStyle: 'rectRot', pointRadius: 5, spanGaps: false, yAxisID: 'rate' },
  ];
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: unit }, ticks: { callback: (v) => formatScaled(Number(v)) } },
        rate: { position: 'right', beginAtZero: true, suggestedMax: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '執行率（%）' } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (ctx) => {
              if (ctx.dataset.yAxisID === 'rate') return `執行率: ${formatPercent(spec.rate[ctx.dataIndex] ?? null)}`;
              const src = ctx.datasetIndex === 0 ? raw.budget : raw.executed;
              const yen = src[ctx.dataIndex] ?? null;
              return `${ctx.datasetIndex === 0 ? '予算額' : '執行額'}: ${yen === null ? '—' : `${formatScaled(yen / divisor)}${unit}（${formatYenExact(yen)}）`}`;
            },
          },
        },
      },
    },
  };
}

function indicatorConfig(spec: Extract<CanvasSpec, { kind: 'indicator' }>): ChartConfiguration {
  const palette = [colors.planned, colors.actual];
  const datasets: ChartDataset[] = spec.series.map((s, i) =>
    s.type === 'bar'
      ? { type: 'bar', label: s.label, data: s.values, backgroundColor: palette[i % 2], borderColor: '#5b6675', borderWidth: 1 }
      : { type: 'line', label: s.label, data: s.values, borderColor: palette[i % 2], backgroundColor: palette[i % 2], pointRadius: 5, pointStyle: 'circle', spanGaps: false },
  );
  const unit = spec.unit ?? '';
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
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
    },
  };
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
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, title: { display: true, text: unit }, ticks: { callback: (v) => formatScaled(Number(v)) } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (ctx) => {
              const yen = spec.values[ctx.dataIndex] ?? 0;
              const marks = spec.marks[ctx.dataIndex] ?? [];
              return `${spec.seriesLabel}: ${formatScaled(yen / divisor)}${unit}（${formatYenExact(yen)}）${marks.length ? ` ${marks.join('・')}` : ''}`;
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
      datasets: [
        { label: `予算額（${unit}）`, data: spec.budget.map((v) => scaled(v, divisor)), backgroundColor: colors.budget, borderColor: colors.budgetBorder, borderWidth: 1 },
        { label: `執行額（${unit}）`, data: spec.executed.map((v) => scaled(v, divisor)), backgroundColor: colors.executed },
      ],
    },
    options: {
      indexAxis: spec.labels.length > 6 ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        [spec.labels.length > 6 ? 'x' : 'y']: { beginAtZero: true, title: { display: true, text: unit }, ticks: { callback: (v: string | number) => formatScaled(Number(v)) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (ctx) => {
              const yen = (ctx.datasetIndex === 0 ? spec.budget : spec.executed)[ctx.dataIndex] ?? null;
              return `${ctx.datasetIndex === 0 ? '予算額' : '執行額'}: ${yen === null ? '—' : `${formatScaled(yen / divisor)}${unit}（${formatYenExact(yen)}）`}`;
            },
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
