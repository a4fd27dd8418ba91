/**
 * 活動目標及び活動実績 (activities), 単位当たりコスト (unit costs) and 成果目標及び成果実績 (outcomes):
 * three tables of the same shape (see indicator-table.ts).
 */
import type { Activity, OutcomeInput, UnitCost } from '../../../../src/schema/sheet.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { readIndicatorTable, placeableColumns, type TableRow } from './indicator-table.ts';
import { percentCell, quantityCell, type Ctx } from './context.ts';
import { plain } from './basic-info.ts';
import type { Row } from './rows.ts';

function unitOf(r: TableRow | undefined): string | null {
  return r && !isNoValue(r.unit) ? r.unit.trim() : null;
}

export function readActivities(ctx: Ctx, rows: Row[], start: number, end: number): Activity[] {
  const table = readIndicatorTable(ctx, rows, start, end, {
    section: 'activities',
    textHeadings: { 活動目標: 'goal', 活動指標: 'indicator', アクティビティ: 'goal' },
    rowLabels: { 活動実績: 'actual', 当初見込み: 'planned', 当初見込: 'planned' },
    first: 'actual',
  });
  if (!table) return [];
  const names = { actual: '活動実績', planned: '当初見込み' };
  return table.entries.map((e) => ({
    goal: plain(e.texts.goal),
    indicator: plain(e.texts.indicator),
    unit: unitOf(e.rows.actual ?? e.rows.planned),
    direction: null,
    values: placeableColumns(ctx, 'activities', table, e, names).map(({ k, col }) => ({
      year: col.year,
      label: col.label,
      isPlan: col.isPlan,
      actual: e.rows.actual ? quantityCell(ctx, e.rows.actual.values[k], 'activities', e.rows.actual.row, String(col.year), `${col.label}の活動実績`) : null,
      planned: e.rows.planned ? quantityCell(ctx, e.rows.planned.values[k], 'activities', e.rows.planned.row, String(col.year), `${col.label}の当初見込み`) : null,
    })),
  }));
}

export function readUnitCosts(ctx: Ctx, rows: Row[], start: number, end: number): UnitCost[] {
  const table = readIndicatorTable(ctx, rows, start, end, {
    section: 'unitCosts',
    textHeadings: { 算出根拠: 'basis' },
    rowLabels: { 単位当たりコスト: 'value', 計算式: 'formula' },
    first: 'value',
  });
  if (!table) return [];
  const names = { value: '単位当たりコスト', formula: '計算式' };
  return table.entries.map((e) => ({
    basis: plain(e.texts.basis),
    unit: unitOf(e.rows.value),
    values: placeableColumns(ctx, 'unitCosts', table, e, names).map(({ k, col }) => ({
      year: col.year,
      label: col.label,
      isPlan: col.isPlan,
      value: e.rows.value ? quantityCell(ctx, e.rows.value.values[k], 'unitCosts', e.rows.value.row, String(col.year), `${col.label}の単位当たりコスト`) : null,
      formula: e.rows.formula ? plain(e.rows.formula.values[k]) : null,
    })),
  }));
}

export function readOutcomes(ctx: Ctx, rows: Row[], start: number, end: number, dataSource: string | null): OutcomeInput[] {
  const table = readIndicatorTable(ctx, rows, start, end, {
    section: 'outcomes',
    textHeadings: { 定量的な成果目標: 'goal', 成果目標: 'goal', 成果指標: 'indicator' },
    rowLabels: { 成果実績: 'actual', 目標値: 'target', 達成度: 'achievement' },
    first: 'actual',
  });
  if (!table) return [];
  const names = { actual: '成果実績', target: '目標値', achievement: '達成度' };
  const finalTarget = table.years.find((y) => y.isFinalTarget);
  return table.entries.map((e) => ({
    goal: plain(e.texts.goal),
    indicator: plain(e.texts.indicator),
    unit: unitOf(e.rows.actual ?? e.rows.target),
    term: null,
    goalType: null,
    direction: null,
    qualitativeReason: null,
    qualitativeResult: null,
    targetYear: finalTarget?.year ?? null,
    dataSource,
    values: placeableColumns(ctx, 'outcomes', table, e, names).map(({ k, col }) => ({
      year: col.year,
      label: col.label,
      isPlan: col.isPlan,
      actual: e.rows.actual ? quantityCell(ctx, e.rows.actual.values[k], 'outcomes', e.rows.actual.row, String(col.year), `${col.label}の成果実績`) : null,
      target: e.rows.target ? quantityCell(ctx, e.rows.target.values[k], 'outcomes', e.rows.target.row, String(col.year), `${col.label}の目標値`) : null,
      // 達成度 is stated in percent (its unit cell says "%"): 140 → 1.4.
      achievement: e.rows.achievement ? percentCell(ctx, e.rows.achievement.values[k], 'outcomes', e.rows.achievement.row, String(col.year), `${col.label}の達成度`) : null,
    })),
  }));
}
