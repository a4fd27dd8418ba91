/**
 * The canvas data a chart figure embeds as JSON (src/components/charts/ChartFigure.astro), packed for the
 * page and unpacked by src/client/chart-loader.ts into the CanvasSpec the renderers take. Only the Sankey
 * diagram is packed: its nodes and flows as arrays rather than objects that repeat "key", "label",
 * "column", "from", "to", "flow", "amount", "unstated" on every item, and a flow's ends as node indexes
 * rather than node keys again (≈ 2 KB of a sheet page with a flow chart, issue 18). Every value is kept
 * exactly: the amounts in 円 as stated, null for no amount.
 */
import type { CanvasSpec } from './chart-spec.ts';

type Sankey = Extract<CanvasSpec, { kind: 'sankey' }>;

/** A packed Sankey: `n` nodes [key, label, column]; `f` flows [from, to, flow, amount, unstated (1/0)], ends as node indexes. */
export interface PackedSankey {
  kind: 'sankey';
  n: [string, string, number][];
  f: [number, number, number, number | null, 0 | 1][];
  weighted: boolean;
}

export type PackedCanvas = CanvasSpec | PackedSankey;

export function packCanvas(spec: CanvasSpec): Exclude<CanvasSpec, Sankey> | PackedSankey {
  if (spec.kind !== 'sankey') return spec;
  const index = new Map(spec.nodes.map((n, i) => [n.key, i]));
  const at = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`sankey flow names an unknown node: ${key}`);
    return i;
  };
  return {
    kind: 'sankey',
    n: spec.nodes.map((n) => [n.key, n.label, n.column]),
    f: spec.flows.map((f) => [at(f.from), at(f.to), f.flow, f.amount, f.unstated ? 1 : 0]),
    weighted: spec.weighted,
  };
}

export function unpackCanvas(packed: PackedCanvas): CanvasSpec {
  if (!('n' in packed)) return packed;
  const nodes = packed.n.map(([key, label, column]) => ({ key, label, column }));
  return {
    kind: 'sankey',
    nodes,
    flows: packed.f.map(([from, to, flow, amount, unstated]) => ({ from: nodes[from]!.key, to: nodes[to]!.key, flow, amount, unstated: unstated === 1 })),
    weighted: packed.weighted,
  };
}
