/** Sankey label layout (src/client/charts/sankey-labels.ts): labels never overlap or leave the chart. */
import { describe, expect, it } from 'vitest';
import { fitText, layoutLabels, wrapText, type LabelBox, type NodeBox } from '../../src/client/charts/sankey-labels.ts';

/** A fixed-width font: 10 px a character. */
const measure = (s: string) => [...s].length * 10;
const overlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('fitText', () => {
  it('cuts with … to the width, keeps what fits', () => {
    expect(fitText('経済産業省', 50, measure)).toBe('経済産業省');
    expect(fitText('デロイトトーマツファイナンシャルアドバイザリー合同会社', 80, measure)).toBe('デロイトトーマ…');
    expect(fitText('株式会社', 5, measure)).toBe('');
  });

  it('wraps a name onto two lines where there is room, cutting only what is left over', () => {
    expect(wrapText('A. 株式会社博報堂', 70, 2, measure)).toEqual(['A. 株式会社', '博報堂']);
    expect(wrapText('I. デロイトトーマツファイナンシャル', 70, 2, measure)).toEqual(['I. デロイト', 'トーマツファ…']);
    expect(wrapText('経済産業省', 70, 2, measure)).toEqual(['経済産業省']);
    expect(wrapText('経済産業省', 70, 1, measure)).toEqual(['経済産業省']);
  });
});

describe('layoutLabels', () => {
  // Three columns at 390 px: the ministry, 6 blocks, 20 payees crowded into 300 px of height.
  const nodes: NodeBox[] = [
    { key: 'ministry', label: '経済産業省', column: 0, x: 0, y: 0, width: 8, height: 300, size: 100 },
    ...Array.from({ length: 6 }, (_, i) => ({ key: `b${i}`, label: `${'ABCDEF'[i]}. 株式会社博報堂プロダクツほか`, column: 1, x: 180, y: i * 50, width: 8, height: 40, size: 10 + i })),
    ...Array.from({ length: 20 }, (_, i) => ({ key: `p${i}`, label: `支出先${i}株式会社`, column: 2, x: 352, y: i * 15, width: 8, height: 4 + (i % 3), size: 20 - i })),
  ];
  const area = { left: 0, top: 0, right: 360, bottom: 300 };
  const boxes = layoutLabels(nodes, area, 13, measure);

  it('no two labels intersect and every label is inside the chart', () => {
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${a.text} × ${b.text}`).toBe(false);
      expect(a.x).toBeGreaterThanOrEqual(area.left);
      expect(a.x + a.width).toBeLessThanOrEqual(area.right);
      expect(a.y).toBeGreaterThanOrEqual(area.top);
      expect(a.y + a.height).toBeLessThanOrEqual(area.bottom);
    }
  });

  it('keeps the labels that fit, leaving out the smallest payees, and cuts long names', () => {
    const payees = boxes.filter((b) => b.key.startsWith('p'));
    // 300 px of height holds 21 rows of 13 + 1 px: all 20 fit.
    expect(payees).toHaveLength(20);
    expect(boxes.filter((b) => b.key.startsWith('b'))).toHaveLength(6);
    // The last column's labels sit left of their nodes, in half the gap to the blocks.
    expect(payees.every((b) => b.align === 'right' && b.x + b.width <= 352)).toBe(true);
    // Six blocks have room for two lines each; the rest of a long name is cut.
    expect(boxes.find((b) => b.key === 'b0')!.lines).toEqual(['A. 株式会社', '博報堂プロダ…']);
    const tight = layoutLabels(nodes, { ...area, bottom: 150 }, 13, measure).filter((b) => b.key.startsWith('p'));
    expect(tight.length).toBeLessThan(20);
    // The largest payees keep their labels.
    expect(tight.map((b) => b.key)).toContain('p0');
    expect(tight.map((b) => b.key)).not.toContain('p19');
  });
});
