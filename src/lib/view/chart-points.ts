/**
 * Whether a chart has enough to draw. A chart of one point (one year's budget, one activity value) or
 * none shows nothing a sentence could not say better: such charts get the sentence and their table, no
 * canvas. Browser-safe (no Node modules), like ./chart-spec.ts.
 */
import type { CanvasSpec } from './chart-spec.ts';

const present = (v: number | null | undefined) => v !== null && v !== undefined;

/** How many points (bars, years, flows) a chart would show. */
export function chartPoints(canvas: CanvasSpec | null): number {
  if (canvas === null) return 0;
  switch (canvas.kind) {
    case 'budget':
      return canvas.labels.filter((_, i) => present(canvas.budget[i]) || present(canvas.executed[i])).length;
    case 'indicator':
      return canvas.labels.filter((_, i) => canvas.series.some((s) => present(s.values[i]))).length;
    case 'totals':
      return canvas.labels.filter((_, i) => present(canvas.budget[i]) || present(canvas.executed[i])).length;
    case 'hbar':
      return canvas.values.length;
    case 'sankey':
      return canvas.flows.length;
  }
}

/** A chart is drawn when it has two points or more. */
export function worthDrawing(canvas: CanvasSpec | null): boolean {
  return chartPoints(canvas) >= 2;
}
