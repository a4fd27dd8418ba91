/**
 * Draws each chart figure's canvas when it scrolls into view. Chart.js and the Sankey plugin load only
 * then (dynamic import), so a page costs no chart code until a chart is visible. A figure's state is in
 * data-chart-state: "pending" → "drawn" (or "failed"; the table above it still has all the data).
 */
import type { CanvasSpec } from '../lib/view/chart-spec.ts';
import { unpackCanvas, type PackedCanvas } from '../lib/view/chart-pack.ts';
import { onPageContent } from './page-content.ts';

type Renderer = (canvas: HTMLCanvasElement, spec: CanvasSpec) => void;

async function rendererFor(kind: CanvasSpec['kind']): Promise<Renderer> {
  if (kind === 'sankey') return (await import('./charts/sankey.ts')).renderSankey;
  return (await import('./charts/cartesian.ts')).renderCartesian;
}

async function draw(figure: HTMLElement): Promise<void> {
  const data = figure.querySelector<HTMLScriptElement>('script[data-chart-data]');
  const box = figure.querySelector<HTMLElement>('[data-chart-canvas]');
  const canvas = box?.querySelector('canvas');
  if (!data || !box || !canvas) return;
  try {
    const spec = unpackCanvas(JSON.parse(data.textContent ?? 'null') as PackedCanvas);
    box.hidden = false;
    const render = await rendererFor(spec.kind);
    render(canvas, spec);
    figure.dataset.chartState = 'drawn';
  } catch (err) {
    box.hidden = true;
    figure.dataset.chartState = 'failed';
    console.error('chart failed', figure.id, err);
  }
}

function init(root: Document | Element): void {
  const figures = [...root.querySelectorAll<HTMLElement>('figure[data-chart]')];
  if (figures.length === 0) return;
  for (const f of figures) f.dataset.chartState = 'pending';
  if (!('IntersectionObserver' in window)) {
    for (const f of figures) void draw(f);
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        io.unobserve(e.target);
        void draw(e.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const f of figures) io.observe(f);
}

onPageContent(init);
