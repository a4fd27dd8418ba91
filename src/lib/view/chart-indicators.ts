/**
 * Indicator charts: an activity's 当初見込み against its 活動実績, an outcome's 目標値 against its 成果実績
 * (with the stated 達成度), year by year. Both are one chart form — the plan as bars, the result as a
 * line — built by indicatorChart; each kind says only its words and its latest-year sentence.
 */
import type { Activity, Outcome } from '../../schema/sheet.ts';
import { fiscalYearLabel, fiscalYearShortLabel } from '../../shared/era.ts';
import { formatNumber, formatPercentShort } from '../../shared/format.ts';
import type { Cell, ChartData, Column } from './chart-spec.ts';

type YearValue = { year: number; label: string | null; isPlan: boolean };

/**
 * Row labels for year values: the Western year with its era, plus the sheet's own column heading for
 * plan columns (見込, 目標最終年度 …) and wherever two columns share a year, so no two rows look alike.
 */
function valueLabels(values: readonly YearValue[]): string[] {
  const labels = values.map((v) => (v.isPlan && v.label ? `${fiscalYearLabel(v.year)} ${v.label}` : fiscalYearLabel(v.year)));
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  return labels.map((l, i) => {
    const v = values[i]!;
    return (count.get(l) ?? 0) > 1 && v.label && !l.endsWith(v.label) ? `${l} ${v.label}` : l;
  });
}

/** Short axis labels: "2021（R3）", with 見込 / 目標 for plan columns. */
function shortLabels(values: readonly YearValue[]): string[] {
  return values.map((v) => {
    const base = fiscalYearShortLabel(v.year);
    if (!v.isPlan) return base;
    return `${base}${/目標/.test(v.label ?? '') ? '目標' : '見込'}`;
  });
}

/** The indicator's name: its 指標, else its 目標, else "活動指標1" (the sheet's numbering). */
function indicatorName(texts: readonly (string | null)[], fallback: string): string {
  return texts.find((t): t is string => t !== null && t.trim() !== '') ?? fallback;
}

/** One series of an indicator chart: its table column and how to read it from a year's value. */
interface Series<V> {
  key: string;
  label: string;
  value: (v: V) => number | null;
}

function indicatorChart<V extends YearValue>(c: {
  id: string;
  name: string;
  unit: string | null;
  values: readonly V[];
  /** The plan (bars) and the result (line). */
  plan: Series<V>;
  result: Series<V>;
  /** The stated 達成度 (fractions): a table column and the tooltips; outcomes only. */
  achievement?: (v: V) => number | null;
  /** The summary's last sentence: the latest year's figures, or what is missing. */
  latest: string;
}): ChartData {
  const { name, unit, values, plan, result, achievement } = c;
  const rowLabels = valueLabels(values);
  const columns: Column[] = [
    { key: 'year', label: '年度', kind: 'text', rowHeader: true },
    { key: plan.key, label: plan.label, kind: 'number', unit },
    { key: result.key, label: result.label, kind: 'number', unit },
    ...(achievement ? [{ key: 'achievement', label: '達成度', kind: 'rate' } as const] : []),
  ];
  return {
    id: c.id,
    title: `${result.label}と${plan.label}: ${name}`,
    caption: `${name}：年度別の${plan.label}${achievement ? '・' : 'と'}${result.label}（${unit ?? '単位の記載なし'}）${achievement ? 'と達成度（%）' : ''}`,
    summary: `${name}の${plan.label}（棒）と${result.label}（折れ線）のグラフ。${c.latest}`,
    table: {
      columns,
      rows: values.map((v, i): Cell[] => [rowLabels[i]!, plan.value(v), result.value(v), ...(achievement ? [achievement(v)] : [])]),
    },
    canvas: {
      kind: 'indicator',
      labels: shortLabels(values),
      unit,
      series: [
        { label: plan.label, values: values.map(plan.value), type: 'bar' },
        { label: result.label, values: values.map(result.value), type: 'line' },
      ],
      ...(achievement ? { achievement: values.map(achievement) } : {}),
    },
    notes: [],
  };
}

export function activityChart(a: Activity, index: number): ChartData | null {
  if (a.values.length === 0) return null;
  const name = indicatorName([a.indicator, a.goal], `活動指標${index + 1}`);
  const latest = a.values.filter((v) => !v.isPlan && v.actual !== null).at(-1);
  return indicatorChart({
    id: `activity-${index + 1}`,
    name,
    unit: a.unit,
    values: a.values,
    plan: { key: 'planned', label: '当初見込み', value: (v) => v.planned },
    result: { key: 'actual', label: '活動実績', value: (v) => v.actual },
    latest: latest
      ? `${fiscalYearLabel(latest.year)}の実績は${formatNumber(latest.actual)}${a.unit ?? ''}（当初見込み${formatNumber(latest.planned)}）。`
      : '実績の記載なし。',
  });
}

export function outcomeChart(o: Outcome, index: number): ChartData | null {
  if (o.values.length === 0) return null;
  const name = indicatorName([o.indicator, o.goal], `成果指標${index + 1}`);
  const latest = o.values.filter((v) => !v.isPlan && v.achievement !== null).at(-1);
  const unit = o.unit ?? '';
  return indicatorChart({
    id: `outcome-${index + 1}`,
    name,
    unit: o.unit,
    values: o.values,
    plan: { key: 'target', label: '目標値', value: (v) => v.target },
    result: { key: 'actual', label: '成果実績', value: (v) => v.actual },
    achievement: (v) => v.achievement,
    latest: latest
      ? `${fiscalYearLabel(latest.year)}は目標${formatNumber(latest.target)}${unit}に対し実績${formatNumber(latest.actual)}${unit}、達成度${formatPercentShort(latest.achievement)}${latest.achievement !== null && latest.achievement >= 1 ? '（目標達成）' : '（目標未達）'}。`
      : '達成度の記載なし。',
  });
}
