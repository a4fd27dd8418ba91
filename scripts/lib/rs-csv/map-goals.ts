/**
 * Tables 3-1 (効果発現経路_目標・実績) and 3-2 (目標のつながり).
 *
 * 3-1 holds one row per (indicator, row type): the column 目標年度／目標値／実績値／達成率 says which of the
 * four the row is ("1.目標年度", "2.目標値", "3.実績値", "4.達成率"; the numbering is optional here), and
 * the values sit in the year columns 2007 … 2060. アクティビティ rows carry only their text. Rows are folded
 * into one indicator per (種別, 番号, アウトカムの期間, 目標, 指標).
 * - 目標年度 row: a year whose cell is filled (a mark, not 0/FALSE) is a target year;
 * - 目標値 / 実績値: numbers in the indicator's unit; a cell that is not a number (free text) is kept out
 *   of the values with an "unparsed-value" warning quoting it, not guessed;
 * - 達成率: a percent, stored as a fraction (177.3 → 1.773).
 * 3-2 gives the アクティビティ texts (派生元 rows of 種別 アクティビティ), used for `activityDescription`
 * when 3-1 lacks them.
 */
import { RowError, type GoalKind, type Indicator, type Mapper } from './parts.ts';
import type { Row } from './read-table.ts';
import { flag, percentToFraction, quantity, text, ValueError } from './values.ts';

export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2060;

const KINDS: readonly string[] = ['アクティビティ', 'アウトプット', 'アウトカム'];
type RowType = '目標年度' | '目標値' | '実績値' | '達成率' | null;
const ROW_TYPES: readonly string[] = ['目標年度', '目標値', '実績値', '達成率'];

/** Strips the export's sort prefix ("1.", "２．") from a label such as "3.実績値" or "1.短期". */
export function unnumbered(value: string | null): string | null {
  if (value === null) return null;
  const s = value.normalize('NFKC').replace(/^\d+\s*[.．]\s*/, '').trim();
  return s === '' ? null : s;
}

function kindOf(row: Row, column: string): GoalKind | null {
  const k = unnumbered(text(row.get(column)));
  if (k === null) return null;
  if (!KINDS.includes(k)) throw new RowError(column, `"${k}" is not アクティビティ, アウトプット or アウトカム`);
  return k as GoalKind;
}

function isMarked(value: string): boolean {
  const s = text(value);
  if (s === null) return false;
  try {
    return flag(s) !== false;
  } catch {
    return true; // a year or a word in the cell still marks the column
  }
}

export const goals: Mapper<'3-1'> = {
  init: () => ({ indicators: new Map() }),
  add(part, row, ctx) {
    const kind = kindOf(row, '種別（アクティビティ・アウトプット・アウトカム）');
    const rowTypeText = unnumbered(text(row.get('目標年度／目標値／実績値／達成率')));
    if (rowTypeText !== null && !ROW_TYPES.includes(rowTypeText)) {
      throw new RowError('目標年度／目標値／実績値／達成率', `"${rowTypeText}" is not 目標年度, 目標値, 実績値 or 達成率`);
    }
    const rowType = rowTypeText as RowType;
    const number = text(row.get('アクティビティ・アウトプット・アウトカムの番号'));
    const term = unnumbered(text(row.get('アウトカムの期間')));
    const goal = text(row.get('アクティビティ／活動目標／成果目標'));
    const indicatorName = text(row.get('活動指標／成果指標'));
    if (kind === null) {
      if (goal === null && indicatorName === null) return; // KPI 閣議決定 columns only
      throw new RowError('種別（アクティビティ・アウトプット・アウトカム）', '種別 is blank for a goal row');
    }
    const key = [kind, number, term, goal, indicatorName].join('\u0000');
    let ind = part.indicators.get(key);
    if (!ind) {
      ind = {
        kind,
        number,
        term,
        goal,
        indicator: indicatorName,
        unit: text(row.get('単位')),
        dataSource: text(row.get('成果実績及び目標値の根拠として用いた統計・データ名（出典）')),
        targetYears: new Set(),
        targets: new Map(),
        actuals: new Map(),
        achievements: new Map(),
      };
      part.indicators.set(key, ind);
    }
    ind.unit ??= text(row.get('単位'));
    ind.dataSource ??= text(row.get('成果実績及び目標値の根拠として用いた統計・データ名（出典）'));
    if (rowType === null) return;
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      const column = String(y);
      const raw = row.get(column);
      if (raw.trim() === '') continue;
      if (rowType === '目標年度') {
        if (isMarked(raw)) ind.targetYears.add(y);
        continue;
      }
      const target = rowType === '目標値' ? ind.targets : rowType === '実績値' ? ind.actuals : ind.achievements;
      try {
        target.set(y, rowType === '達成率' ? percentToFraction(raw) : quantity(raw));
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        target.set(y, null);
        ctx.warn({
          code: 'unparsed-value',
          section: kind === 'アウトカム' ? 'outcomes' : 'activities',
          ref: String(y),
          message: `表3-1の${row.line}行目（${indicatorName ?? goal ?? '指標'}、${y}年度の${rowType}）「${raw.trim()}」は数値でないため空欄として扱っています。`,
        });
      }
    }
  },
};

export const links: Mapper<'3-2'> = {
  init: () => ({ activities: new Map() }),
  add(part, row) {
    const kind = kindOf(row, '派生元ー種別（アクティビティ・アウトプット・アウトカム）');
    if (kind !== 'アクティビティ') return;
    const content = text(row.get('派生元ーアクティビティの内容/ 活動目標／成果目標'));
    if (content === null) return;
    const number = text(row.get('派生元ーアクティビティ・アウトプット・アウトカムの番号')) ?? `#${part.activities.size + 1}`;
    if (!part.activities.has(number)) part.activities.set(number, content);
  },
};
