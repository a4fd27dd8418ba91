/** Colours and number formats shared by the chart renderers (contrast ≥ 3:1 against white). */
import { formatNumber, formatPercentShort as formatPercent } from '../../shared/format.ts';

export const colors = {
  budget: '#9cb8d9',
  budgetBorder: '#3d6fa8',
  executed: '#0b57a4',
  rate: '#c2410c',
  planned: '#a9b4c2',
  actual: '#0b57a4',
  single: '#b42318',
  high: '#c2410c',
  plain: '#0b57a4',
  grid: '#e3e6ea',
  text: '#1a1a1a',
};

export const fontFamily =
  "system-ui, -apple-system, 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Noto Sans CJK JP', Meiryo, sans-serif";

/** The display unit for a set of 円 amounts: 兆円 from 10兆円, 億円 from 100億円, else 百万円. */
export function yenScale(values: (number | null)[]): { divisor: number; unit: string } {
  const max = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  if (max >= 1e13) return { divisor: 1e12, unit: '兆円' };
  return max >= 1e10 ? { divisor: 1e8, unit: '億円' } : { divisor: 1e6, unit: '百万円' };
}

export function scaled(v: number | null, divisor: number): number | null {
  return v === null ? null : v / divisor;
}

/** Axis/tooltip number in a scaled unit: up to 3 decimals, grouped. */
export function formatScaled(v: number): string {
  return formatNumber(Number(v.toFixed(3)));
}

// Rates in tooltips use the site's one rate precision (formatPercentShort).
export { formatNumber, formatPercent };
