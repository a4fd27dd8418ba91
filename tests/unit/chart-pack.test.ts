/**
 * The Sankey data a sheet page embeds is packed (src/lib/view/chart-pack.ts, issue 18) and unpacked in the
 * browser: on every RS and JUDGIT sample sheet with a drawn flow chart, the round trip through the page's
 * JSON gives back the exact spec the renderer took before, and the packed JSON is much smaller.
 */
import { describe, expect, it } from 'vitest';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { packCanvas, unpackCanvas, type PackedCanvas } from '../../src/lib/view/chart-pack.ts';
import { judgitSamples, rsSample, rsSamples } from '../support/sample-records.ts';

describe('packed chart data', () => {
  it('round-trips every sample flow chart exactly, in far fewer bytes', async () => {
    const sheets = [...(await rsSamples()), ...(await judgitSamples())];
    let flows = 0;
    let plain = 0;
    let packed = 0;
    for (const s of sheets) {
      for (const chart of listSheetCharts(s)) {
        if (chart.canvas === null) continue;
        const json = JSON.stringify(packCanvas(chart.canvas));
        expect(unpackCanvas(JSON.parse(json) as PackedCanvas)).toEqual(chart.canvas);
        if (chart.canvas.kind !== 'sankey') {
          expect(json).toBe(JSON.stringify(chart.canvas));
          continue;
        }
        flows += 1;
        plain += Buffer.byteLength(JSON.stringify(chart.canvas));
        packed += Buffer.byteLength(json);
      }
    }
    expect(flows).toBeGreaterThan(200);
    expect(packed / plain).toBeLessThan(0.6);
  });

  it('keeps each amount as stated and a flow without an amount as null (RS 166: 5,414,539,000 円 to block A)', async () => {
    const chart = listSheetCharts(await rsSample(166)).find((c) => c.id === 'flow')!;
    const packed = JSON.parse(JSON.stringify(packCanvas(chart.canvas!))) as { n: [string, string, number][]; f: unknown[][] };
    expect(packed.n[0]).toEqual(['ministry', '内閣府', 0]);
    expect(packed.n[1]).toEqual(['block:A', 'A. 文部科学省', 1]);
    expect(packed.f[0]).toEqual([0, 1, 5414539000, 5414539000, 0]);
  });
});
