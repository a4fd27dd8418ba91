/**
 * Where the Sankey's node labels go (pure: no DOM, no chart.js), so they never overlap or leave the canvas:
 * the plugin's own labels are drawn beside every node whatever the space, and at 390 px — or with 20
 * payees in a column at 1280 px — they ran into each other and off the edge.
 *
 * - A label sits beside its node: to the right, except in the last column (to the left, inside the chart).
 * - Its width is what the space to the next column leaves (half of it where two columns' labels face each
 *   other); a longer name is cut with "…" — the full name is in the tooltip and in the chart's table.
 * - In each column the labels are stacked in node order, moved apart where they would overlap and kept
 *   inside the chart; when a column's labels cannot all fit, those of the smallest nodes are left out
 *   (their names are in the table).
 */

export interface NodeBox {
  key: string;
  label: string;
  column: number;
  /** Node rectangle in CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn size (amount or flow count), for choosing which labels to leave out. */
  size: number;
}

export interface LabelBox {
  key: string;
  /** Text as drawn (cut with "…" when the full label does not fit), lines joined with "\n". */
  text: string;
  /** The lines drawn, top to bottom (one or two). */
  lines: string[];
  /** Box in CSS pixels; text is drawn left-aligned at x (or right-aligned at x + width), middle at y + height / 2. */
  x: number;
  y: number;
  width: number;
  height: number;
  align: 'left' | 'right';
}

export interface LabelArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Gap between a node and its label, and between two labels. */
const PAD = 3;
const GAP = 1;

/** The longest start of `text` that fits `maxWidth` with "…" appended; the whole text when it fits. */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('')}…`;
}

/**
 * A label in at most `maxLines` lines of `maxWidth`: the longest start that fits on each line, the last
 * line cut with "…" when text is left over.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let rest = [...text];
  while (rest.length > 0 && lines.length < maxLines) {
    if (lines.length === maxLines - 1 || measure(rest.join('')) <= maxWidth) {
      const last = fitText(rest.join(''), maxWidth, measure);
      if (last !== '') lines.push(last);
      break;
    }
    let n = 0;
    while (n < rest.length && measure(rest.slice(0, n + 1).join('')) <= maxWidth) n += 1;
    if (n === 0) break;
    lines.push(rest.slice(0, n).join(''));
    rest = rest.slice(n);
  }
  return lines;
}

/** Places labels that do not intersect one another and stay inside `area` (see the module comment). */
export function layoutLabels(
  nodes: readonly NodeBox[],
  area: LabelArea,
  lineHeight: number,
  measure: (s: string) => number,
): LabelBox[] {
  const columns = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const last = columns[columns.length - 1];
  const xOf = new Map<number, { left: number; right: number }>();
  for (const c of columns) {
    const inCol = nodes.filter((n) => n.column === c);
    xOf.set(c, { left: Math.min(...inCol.map((n) => n.x)), right: Math.max(...inCol.map((n) => n.x + n.width)) });
  }
  const out: LabelBox[] = [];
  for (const [i, c] of columns.entries()) {
    const x = xOf.get(c)!;
    const right = c !== last;
    let maxWidth: number;
    if (right) {
      const next = columns[i + 1]!;
      const room = xOf.get(next)!.left - x.right - 2 * PAD;
      // The last column's labels face this column's across the same gap: each side gets half.
      maxWidth = next === last ? room / 2 - PAD : room;
    } else {
      const prev = columns[i - 1];
      maxWidth = prev === undefined ? x.left - area.left - PAD : (x.left - xOf.get(prev)!.right - 2 * PAD) / 2 - PAD;
    }
    if (maxWidth < lineHeight) continue;
    const inCol = nodes.filter((n) => n.column === c);
    // Two lines where the column has room for them (a narrow chart shows more of each name), else one;
    // then leave out the smallest nodes' labels until the rest fit the column's height.
    for (const maxLines of [2, 1]) {
      let kept = inCol.map((n) => ({ n, lines: wrapText(n.label, maxWidth, maxLines, measure) })).filter((l) => l.lines.length > 0);
      const all = kept.length;
      let placed: number[] | null = null;
      for (;;) {
        placed = stack(kept.map((l) => l.n.y + l.n.height / 2), kept.map((l) => l.lines.length * lineHeight), area);
        if (placed || kept.length === 0) break;
        if (maxLines === 2) break;
        const smallest = kept.reduce((a, b) => (b.n.size < a.n.size ? b : a));
        kept = kept.filter((l) => l !== smallest);
      }
      if (!placed || (maxLines === 2 && kept.length < all)) continue;
      kept.forEach((l, j) => {
        const width = Math.min(maxWidth, Math.max(...l.lines.map(measure)));
        out.push({
          key: l.n.key,
          text: l.lines.join('\n'),
          lines: l.lines,
          x: right ? x.right + PAD : x.left - PAD - width,
          y: placed[j]!,
          width,
          height: l.lines.length * lineHeight,
          align: right ? 'left' : 'right',
        });
      });
      break;
    }
  }
  return out;
}

/**
 * Tops for boxes of `heights` wanted at `centers` (in node order, top to bottom), moved apart by the
 * least and kept inside `area`; `null` when they cannot all fit.
 */
function stack(centers: readonly number[], heights: readonly number[], area: LabelArea): number[] | null {
  if (heights.reduce((a, h) => a + h + GAP, 0) - GAP > area.bottom - area.top) return null;
  const order = centers.map((c, i) => ({ c, i, h: heights[i]! })).sort((a, b) => a.c - b.c || a.i - b.i);
  const tops = order.map((o) => o.c - o.h / 2);
  // Down: each box starts below the one above it, and inside the top.
  for (let k = 0; k < tops.length; k += 1) {
    const min = k === 0 ? area.top : tops[k - 1]! + order[k - 1]!.h + GAP;
    if (tops[k]! < min) tops[k] = min;
  }
  // Up: each box ends above the one below it, and inside the bottom.
  for (let k = tops.length - 1; k >= 0; k -= 1) {
    const max = k === tops.length - 1 ? area.bottom - order[k]!.h : tops[k + 1]! - order[k]!.h - GAP;
    if (tops[k]! > max) tops[k] = max;
  }
  if (tops[0]! < area.top - 0.5) return null;
  const out: number[] = new Array(centers.length);
  order.forEach((o, k) => {
    out[o.i] = tops[k]!;
  });
  return out;
}
