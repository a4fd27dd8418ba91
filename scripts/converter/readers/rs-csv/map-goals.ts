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
 * - the KPI columns (事業に関連するKPIが定められている閣議決定等の名称／該当箇所／URL) → `kpiDecisions`;
 * - a 種別 or row type the reader does not know is not an error: the row is kept out with an
 *   "unparsed-value" warning quoting it.
 * 3-2 holds one row per link of the logic model (派生元 → 派生先, with 後続アウトカムへのつながり and
 * アウトカムを複数段階で設定できない理由) → `logicLinks`, in the file's order; its アクティビティ texts (派生元
 * rows of 種別 アクティビティ) also give `activityDescription` when 3-1 lacks them.
 */
import { unparsed, type GoalKind, type Indicator, type Mapper, type RowContext } from './parts.ts';
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

/** The 種別, `null` when blank; `undefined` (with a warning) when it is a word the reader does not know. */
function kindOf(row: Row, column: string, ctx: RowContext, section: string): GoalKind | null | undefined {
  const k = unnumbered(text(row.get(column)));
  if (k === null) return null;
  if (!KINDS.includes(k)) {
    unparsed(ctx, row, column, section, true);
    return undefined;
  }
  return k as GoalKind;
}

const KPI_COLUMNS = ['名称', '該当箇所', 'URL'].map((c) => `事業に関連するKPIが定められている閣議決定等の${c}`);

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
  init: () => ({ indicators: new Map(), kpiDecisions: [] }),
  add(part, row, ctx) {
    const [name, section, url] = KPI_COLUMNS.map((c) => text(row.get(c)));
    const kpi = { name: name ?? null, section: section ?? null, url: url ?? null };
    if ((kpi.name !== null || kpi.section !== null || kpi.url !== null) && !part.kpiDecisions.some((k) => k.name === kpi.name && k.section === kpi.section && k.url === kpi.url)) {
      part.kpiDecisions.push(kpi);
    }
    const kind = kindOf(row, '種別（アクティビティ・アウトプット・アウトカム）', ctx, 'outcomes');
    if (kind === undefined) return;
    const rowTypeText = unnumbered(text(row.get('目標年度／目標値／実績値／達成率')));
    if (rowTypeText !== null && !ROW_TYPES.includes(rowTypeText)) {
      unparsed(ctx, row, '目標年度／目標値／実績値／達成率', kind === 'アウトカム' ? 'outcomes' : 'activities', true);
      return;
    }
    const rowType = rowTypeText as RowType;
    const number = text(row.get('アクティビティ・アウトプット・アウトカムの番号'));
    const term = unnumbered(text(row.get('アウトカムの期間')));
    const goal = text(row.get('アクティビティ／活動目標／成果目標'));
    const indicatorName = text(row.get('活動指標／成果指標'));
    if (kind === null) {
      if (goal === null && indicatorName === null) return; // KPI 閣議決定 columns only
      unparsed(ctx, row, '種別（アクティビティ・アウトプット・アウトカム）', 'outcomes', true);
      return;
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
        goalType: null,
        direction: null,
        qualitativeReason: null,
        qualitativeResult: null,
        targetYears: new Set(),
        targets: new Map(),
        actuals: new Map(),
        achievements: new Map(),
      };
      part.indicators.set(key, ind);
    }
    ind.unit ??= text(row.get('単位'));
    ind.dataSource ??= text(row.get('成果実績及び目標値の根拠として用いた統計・データ名（出典）'));
    ind.goalType ??= text(row.get('成果目標の種類'));
    ind.direction ??= text(row.get('改善の上向き／下向き'));
    ind.qualitativeReason ??= text(row.get('定性的なアウトカム目標を設定している理由'));
    ind.qualitativeResult ??= text(row.get('定性的なアウトカムに関する成果実績'));
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

/** One end of a 3-2 link; the 種別 and 期間 without the export's "1." prefix, other words as written. */
function node(row: Row, side: '派生元' | '派生先', textColumn: string) {
  return {
    kind: unnumbered(text(row.get(`${side}ー種別（アクティビティ・アウトプット・アウトカム）`))),
    number: text(row.get(`${side}ーアクティビティ・アウトプット・アウトカムの番号`)),
    term: unnumbered(text(row.get(`${side}ーアウトカムの期間`))),
    text: text(row.get(textColumn)),
  };
}

export const links: Mapper<'3-2'> = {
  init: () => ({ activities: new Map(), links: [] }),
  add(part, row) {
    part.links.push({
      from: node(row, '派生元', '派生元ーアクティビティの内容/ 活動目標／成果目標'),
      to: node(row, '派生先', '派生先ー 活動目標／成果目標'),
      connection: text(row.get('後続アウトカムへのつながり')),
      singleStageReason: text(row.get('アウトカムを複数段階で設定できない理由')),
    });
    const kind = unnumbered(text(row.get('派生元ー種別（アクティビティ・アウトプット・アウトカム）')));
    if (kind !== 'アクティビティ') return;
    const content = text(row.get('派生元ーアクティビティの内容/ 活動目標／成果目標'));
    if (content === null) return;
    const number = text(row.get('派生元ーアクティビティ・アウトプット・アウトカムの番号')) ?? `#${part.activities.size + 1}`;
    if (!part.activities.has(number)) part.activities.set(number, content);
  },
};
