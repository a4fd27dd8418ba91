/**
 * The flow of money as a Sankey diagram (chartjs-chart-sankey). Amounts show on hover and, always, in the
 * table next to the canvas.
 */
import { Chart, LinearScale, Tooltip } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import type { CanvasSpec } from '../../lib/charts.ts';
import { fontFamily, colors } from './theme.ts';
import { formatYenExact, formatYenShort } from '../../lib/format.ts';

Chart.register(SankeyController, Flow, LinearScale, Tooltip);
Chart.defaults.font.family = fontFamily;
Chart.defaults.animation = false;

const NODE_COLORS = ['#083f78', '#0b57a4', '#3d7cc9', '#6a9ad6', '#4b6b8a'];
/** Edges without a stated amount (their width is nominal, not money). */
const UNSTATED = '#9a9a9a';

export function renderSankey(canvas: HTMLCanvasElement, spec: CanvasSpec): void {
  if (spec.kind !== 'sankey') throw new Error(`not a sankey spec: ${spec.kind}`);
  const labels: Record<string, string> = {};
  const column: Record<string, number> = {};
  const colorOf: Record<string, string> = {};
  // Sheet order within each column (ministry, blocks A, B …, payees by block and rank) reads better than
  // the plugin's size-driven layout and keeps small blocks from piling up with overlapping labels.
  const priority: Record<string, number> = {};
  const narrow = canvas.parentElement ? canvas.parentElement.clientWidth < 560 : false;
  const maxLen = narrow ? 9 : 18;
  for (const n of spec.nodes) {
    labels[n.key] = n.label.length > maxLen ? `${n.label.slice(0, maxLen - 1)}…` : n.label;
    column[n.key] = n.column;
    colorOf[n.key] = NODE_COLORS[Math.min(n.column, NODE_COLORS.length - 1)]!;
    priority[n.key] = Object.keys(priority).length;
  }
  const full = new Map(spec.nodes.map((n) => [n.key, n.label]));
  new Chart(canvas, {
    type: 'sankey',
    data: {
      datasets: [
        {
          label: '資金の流れ',
          data: spec.flows.map((f) => ({ from: f.from, to: f.to, flow: f.flow })),
          labels,
          column,
          priority,
          nodePadding: 14,
          nodeMinSize: 3,
          // An edge whose amount the source does not state is drawn thin and grey (src/lib/charts.ts).
          colorFrom: (c) => (spec.flows[c.dataIndex]?.unstated ? UNSTATED : colorOf[(c.raw as { from: string }).from] ?? colors.plain),
          colorTo: (c) => (spec.flows[c.dataIndex]?.unstated ? UNSTATED : colorOf[(c.raw as { to: string }).to] ?? colors.plain),
          colorMode: 'gradient',
          alpha: 0.45,
          size: 'max',
          nodeWidth: 8,
          font: { size: narrow ? 10 : 12, family: fontFamily },
          parsing: { from: 'from', to: 'to', flow: 'flow' },
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (ctx) => {
              const f = spec.flows[ctx.dataIndex];
              if (!f) return '';
              const amount = f.amount === null ? '金額の記載なし' : `${formatYenShort(f.amount)}（${formatYenExact(f.amount)}）`;
              return `${full.get(f.from) ?? f.from} → ${full.get(f.to) ?? f.to}: ${amount}`;
            },
          },
        },
      },
    },
  });
}
