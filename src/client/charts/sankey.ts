/**
 * The flow of money as a Sankey diagram (chartjs-chart-sankey). Amounts show on hover and, always, in the
 * table next to the canvas. Node labels are laid out here (./sankey-labels.ts) instead of by the plugin,
 * so they never overlap or leave the canvas at any width; the boxes drawn are left on the canvas as
 * `data-label-boxes` (JSON, CSS pixels) for tests to check.
 */
import { Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import type { CanvasSpec } from '../../lib/view/chart-spec.ts';
import { fontFamily, colors } from './theme.ts';
import { formatYenExact, formatYenShort } from '../../shared/format.ts';
import { layoutLabels, type NodeBox } from './sankey-labels.ts';

Chart.register(SankeyController, Flow, LinearScale, Tooltip);
Chart.defaults.font.family = fontFamily;
Chart.defaults.animation = false;

const NODE_COLORS = ['#083f78', '#0b57a4', '#3d7cc9', '#6a9ad6', '#4b6b8a'];
/** Edges without a stated amount (their width is nominal, not money). */
const UNSTATED = '#9a9a9a';
/** Node thickness in CSS pixels (the plugin's `nodeWidth`; label placement needs it too). */
const NODE_WIDTH = 8;

export function renderSankey(canvas: HTMLCanvasElement, spec: CanvasSpec): void {
  if (spec.kind !== 'sankey') throw new Error(`not a sankey spec: ${spec.kind}`);
  const labels: Record<string, string> = {};
  const column: Record<string, number> = {};
  const colorOf: Record<string, string> = {};
  // Sheet order within each column (ministry, blocks A, B …, payees by block and rank) reads better than
  // the plugin's size-driven layout and keeps small blocks from piling up with overlapping labels.
  const priority: Record<string, number> = {};
  const narrow = canvas.parentElement ? canvas.parentElement.clientWidth < 560 : false;
  for (const n of spec.nodes) {
    labels[n.key] = n.label;
    column[n.key] = n.column;
    colorOf[n.key] = NODE_COLORS[Math.min(n.column, NODE_COLORS.length - 1)]!;
    priority[n.key] = Object.keys(priority).length;
  }
  const full = new Map(spec.nodes.map((n) => [n.key, n.label]));
  const fontSize = narrow ? 10 : 12;
  const nodeLabels: Plugin<'sankey'> = {
    id: 'nodeLabels',
    afterDatasetsDraw(chart) {
      const boxes = nodeBoxes(chart, spec.nodes);
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `${fontSize}px ${fontFamily}`;
      const { left, top, right, bottom } = chart.chartArea;
      const placed = layoutLabels(boxes, { left, top, right, bottom }, labelLineHeight(fontSize), (s) => ctx.measureText(s).width);
      ctx.fillStyle = colors.text;
      ctx.textBaseline = 'middle';
      const line = labelLineHeight(fontSize);
      for (const b of placed) {
        ctx.textAlign = b.align;
        b.lines.forEach((text, i) => ctx.fillText(text, b.align === 'left' ? b.x : b.x + b.width, b.y + line * (i + 0.5)));
      }
      ctx.restore();
      const round = (v: number) => Math.round(v * 10) / 10;
      canvas.dataset.labelBoxes = JSON.stringify(
        placed.map((b) => ({ key: b.key, text: b.text, x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) })),
      );
      canvas.dataset.labelsHidden = String(boxes.length - placed.length);
    },
  };
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
          // An edge whose amount the source does not state is drawn thin and grey (src/lib/view/chart-flow.ts).
          colorFrom: (c) => (spec.flows[c.dataIndex]?.unstated ? UNSTATED : colorOf[(c.raw as { from: string }).from] ?? colors.plain),
          colorTo: (c) => (spec.flows[c.dataIndex]?.unstated ? UNSTATED : colorOf[(c.raw as { to: string }).to] ?? colors.plain),
          colorMode: 'gradient',
          alpha: 0.45,
          size: 'max',
          nodeWidth: NODE_WIDTH,
          // Labels are drawn by the nodeLabels plugin above.
          nodeLabels: { display: false },
          parsing: { from: 'from', to: 'to', flow: 'flow' },
        },
      ],
    },
    plugins: [nodeLabels],
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

/** Flow element properties (chartjs-chart-sankey Flow): pixel ends of a flow and its nodes. */
interface FlowProps {
  x: number;
  y: number;
  x2: number;
  y2: number;
  height: number;
  flow: number;
  from: { key: string };
  to: { key: string };
}

/** Each drawn node's rectangle, from the flows that leave and enter it (the plugin keeps nodes private). */
function nodeBoxes(chart: Chart<'sankey'>, nodes: readonly { key: string; label: string; column: number }[]): NodeBox[] {
  const nodeWidth = NODE_WIDTH;
  const span = new Map<string, { x: number; top: number; bottom: number; out: number; in: number }>();
  const add = (key: string, x: number, top: number, bottom: number, outFlow: number, inFlow: number) => {
    const s = span.get(key);
    if (!s) span.set(key, { x, top, bottom, out: outFlow, in: inFlow });
    else {
      s.top = Math.min(s.top, top);
      s.bottom = Math.max(s.bottom, bottom);
      s.out += outFlow;
      s.in += inFlow;
    }
  };
  for (const el of chart.getDatasetMeta(0).data) {
    const f = el as unknown as FlowProps;
    add(f.from.key, f.x - nodeWidth, f.y, f.y + f.height, f.flow, 0);
    add(f.to.key, f.x2, f.y2, f.y2 + f.height, 0, f.flow);
  }
  const out: NodeBox[] = [];
  for (const n of nodes) {
    const s = span.get(n.key);
    if (!s) continue;
    out.push({ key: n.key, label: n.label, column: n.column, x: s.x, y: s.top, width: nodeWidth, height: Math.max(1, s.bottom - s.top), size: Math.max(s.in, s.out) });
  }
  return out;
}

/** Line height of a label line in CSS pixels. */
function labelLineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.3);
}
