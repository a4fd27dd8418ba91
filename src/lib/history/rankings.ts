/**
 * Rankings over a set of sheets (the pages give one review year, optionally one 府省庁): the largest
 * budgets, the lowest and highest execution rates, single-bidder contracts and 落札率 ≥ 95 % by amount,
 * outcome targets not met, the payees receiving the most, and the budgets that grew or shrank most
 * against the year before. Every value is one a sheet states (or a sum or difference of stated integer 円);
 * rows without the value ranked on are left out, never ranked as 0. Each row names the sheet it comes from.
 */
import type { Cell, Column } from '../view/chart-spec.ts';
import type { SheetRow } from '../view/aggregate.ts';
import type { PayeeFact } from './facts.ts';
import { payeeTotals, type HistorySheet } from './project.ts';
import { HIGH_WINNING_BID_RATE, isHighWinningBidRate, isSingleBidder } from '../view/summary.ts';
import { isValidCorporateNumber } from '../../shared/corporate-number.ts';
import { RANKING_TITLES } from './labels.ts';
import { ratioDecimal } from '../../shared/format.ts';
import { compareIds, compareJa } from './collate.ts';

export interface RankingSheet extends HistorySheet {
  row: Pick<SheetRow, 'budget' | 'executed' | 'rate' | 'budgetYear'>;
}

export interface RankingRow {
  /** The sheet the row is about (its page is linked); `null` for payee totals over several sheets. */
  sheetId: string | null;
  /** A valid 法人番号 whose profile the row links; `null` otherwise. */
  payee: string | null;
  cells: Cell[];
}

export const RANKING_IDS = [
  'budget-largest',
  'rate-lowest',
  'rate-highest',
  'single-bidder',
  'high-winning-rate',
  'outcomes-not-met',
  'payees-most',
  'budget-growth',
  'budget-shrink',
] as const;
export type RankingId = (typeof RANKING_IDS)[number];

export interface Ranking {
  id: RankingId;
  title: string;
  /** What is ranked and what is left out, for the page. */
  note: string;
  columns: Column[];
  rows: RankingRow[];
}

const col = {
  title: { key: 'title', label: '事業名', kind: 'text', rowHeader: true },
  ministry: { key: 'ministry', label: '府省庁', kind: 'text' },
  budgetYear: { key: 'budgetYear', label: '予算年度', kind: 'year' },
  budget: { key: 'budget', label: '予算額（計）', kind: 'yen' },
  executed: { key: 'executed', label: '執行額', kind: 'yen' },
  rate: { key: 'rate', label: '執行率', kind: 'rate' },
  payee: { key: 'payee', label: '支出先', kind: 'text', rowHeader: true },
  corporateNumber: { key: 'corporateNumber', label: '法人番号', kind: 'text' },
  sheetTitle: { key: 'title', label: '事業名', kind: 'text' },
  amount: { key: 'amount', label: '支出額', kind: 'yen' },
  method: { key: 'method', label: '契約方式等', kind: 'text' },
  bidders: { key: 'bidders', label: '入札者数', kind: 'number' },
  winningBidRate: { key: 'winningBidRate', label: '落札率', kind: 'rate' },
} satisfies Record<string, Column>;

type Ordered<T> = (a: T, b: T) => number;
const byTitle: Ordered<HistorySheet> = (a, b) => compareJa(a.title, b.title) || compareIds(a.id, b.id);
/** null last, whatever the direction. */
const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

function budgetRows(sheets: RankingSheet[]): RankingRow[] {
  return sheets.map((s) => ({ sheetId: s.id, payee: null, cells: [s.title, s.ministry, s.row.budgetYear, s.row.budget, s.row.executed, s.row.rate] }));
}

function payeeLines(sheets: readonly RankingSheet[], keep: (p: PayeeFact) => boolean): RankingRow[] {
  const lines: { s: RankingSheet; p: PayeeFact }[] = [];
  for (const s of sheets) for (const p of s.history.payees) if (keep(p)) lines.push({ s, p });
  lines.sort((a, b) => desc(a.p.amount, b.p.amount) || byTitle(a.s, b.s) || compareIds(a.p.block, b.p.block) || a.p.rank - b.p.rank);
  return lines.map(({ s, p }) => ({
    sheetId: s.id,
    payee: isValidCorporateNumber(p.corporateNumber) ? p.corporateNumber : null,
    cells: [p.name, p.corporateNumber, s.title, s.ministry, p.amount, p.contractMethod, p.bidders, p.winningBidRate],
  }));
}

/** The latest stated 計 and the one of the year before, from the sheet's own budget table. */
export function budgetChange(s: HistorySheet): { year: number; previous: number; current: number; change: number } | null {
  const withTotal = s.history.budgets.filter((b) => b.total !== null);
  const cur = withTotal[withTotal.length - 1];
  const prev = cur && withTotal.find((b) => b.year === cur.year - 1);
  if (!cur || !prev) return null;
  return { year: cur.year, previous: prev.total!, current: cur.total!, change: cur.total! - prev.total! };
}

/** change / previous, rounded half away from zero to 0.1 % on integers (a computed ratio, not a stated one); null when previous ≤ 0. */
function changeRatio(change: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Number(ratioDecimal(change, previous, 3));
}

function changeRows(sheets: readonly RankingSheet[], grew: boolean): RankingRow[] {
  return sheets
    .map((s) => ({ s, c: budgetChange(s) }))
    .filter((x): x is { s: RankingSheet; c: NonNullable<ReturnType<typeof budgetChange>> } => x.c !== null && (grew ? x.c.change > 0 : x.c.change < 0))
    .sort((a, b) => (grew ? b.c.change - a.c.change : a.c.change - b.c.change) || byTitle(a.s, b.s))
    .map(({ s, c }) => ({ sheetId: s.id, payee: null, cells: [s.title, s.ministry, c.year, c.previous, c.current, c.change, changeRatio(c.change, c.previous)] }));
}

const CHANGE_COLUMNS: Column[] = [
  col.title,
  col.ministry,
  col.budgetYear,
  { key: 'previous', label: '前年度の予算額（計）', kind: 'yen' },
  col.budget,
  { key: 'change', label: '増減額', kind: 'yen' },
  { key: 'ratio', label: '増減率（計算値）', kind: 'rate' },
];

const BUDGET_COLUMNS: Column[] = [col.title, col.ministry, col.budgetYear, col.budget, col.executed, col.rate];
const PAYEE_COLUMNS: Column[] = [col.payee, col.corporateNumber, col.sheetTitle, col.ministry, col.amount, col.method, col.bidders, col.winningBidRate];

/** Every ranking over `sheets`, each cut to its first `limit` rows (pages show the top rows, the CSVs more). */
export function rankings(sheets: readonly RankingSheet[], limit = Infinity): Ranking[] {
  return allRankings(sheets).map((r) => (r.rows.length > limit ? { ...r, rows: r.rows.slice(0, limit) } : r));
}

function allRankings(sheets: readonly RankingSheet[]): Ranking[] {
  const withBudget = sheets.filter((s) => s.row.budget !== null).sort((a, b) => desc(a.row.budget, b.row.budget) || byTitle(a, b));
  const withRate = sheets.filter((s) => s.row.rate !== null);
  const notMet = sheets
    .filter((s) => s.history.outcomes.judged > s.history.outcomes.met)
    .sort((a, b) => b.history.outcomes.judged - b.history.outcomes.met - (a.history.outcomes.judged - a.history.outcomes.met) || desc(a.row.budget, b.row.budget) || byTitle(a, b));
  const totals = payeeTotals(sheets, { namesPerSheet: true }).filter((t) => t.lines > t.missing);
  return [
    { id: 'budget-largest', title: RANKING_TITLES['budget-largest'], note: '各シートの決算年度（執行額の記載がある最新の年度）の予算額（計）の順。', columns: BUDGET_COLUMNS, rows: budgetRows(withBudget) },
    {
      id: 'rate-lowest',
      title: RANKING_TITLES['rate-lowest'],
      note: 'シートに記載された執行率の低い順（執行率の記載がない事業は含みません）。',
      columns: BUDGET_COLUMNS,
      rows: budgetRows([...withRate].sort((a, b) => a.row.rate! - b.row.rate! || desc(a.row.budget, b.row.budget) || byTitle(a, b))),
    },
    {
      id: 'rate-highest',
      title: RANKING_TITLES['rate-highest'],
      note: 'シートに記載された執行率の高い順。',
      columns: BUDGET_COLUMNS,
      rows: budgetRows([...withRate].sort((a, b) => b.row.rate! - a.row.rate! || desc(a.row.budget, b.row.budget) || byTitle(a, b))),
    },
    { id: 'single-bidder', title: RANKING_TITLES['single-bidder'], note: '入札者数（応募者数）が1の契約を支出額の順に。', columns: PAYEE_COLUMNS, rows: payeeLines(sheets, isSingleBidder) },
    {
      id: 'high-winning-rate',
      title: RANKING_TITLES['high-winning-rate'],
      note: `落札率が${HIGH_WINNING_BID_RATE * 100}%以上の契約を支出額の順に。`,
      columns: PAYEE_COLUMNS,
      rows: payeeLines(sheets, isHighWinningBidRate),
    },
    {
      id: 'outcomes-not-met',
      title: RANKING_TITLES['outcomes-not-met'],
      note: '成果指標の最新の実績年度の達成度が100%未満の指標がある事業（達成度の記載がない指標は判定していません）。',
      columns: [
        col.title,
        col.ministry,
        { key: 'notMet', label: '未達成の成果指標', kind: 'number', unit: '件' },
        { key: 'judged', label: '達成度の記載がある成果指標', kind: 'number', unit: '件' },
        col.budget,
      ],
      rows: notMet.map((s) => ({
        sheetId: s.id,
        payee: null,
        cells: [s.title, s.ministry, s.history.outcomes.judged - s.history.outcomes.met, s.history.outcomes.judged, s.row.budget],
      })),
    },
    {
      id: 'payees-most',
      title: RANKING_TITLES['payees-most'],
      note: '支出先ごとの支出額の合計（法人番号が正しい支出先は法人番号ですべてのシートをまとめ、法人番号のない支出先はシートごとに名称でまとめています。「その他」など同じ名称の別々の支出先を合算しないためです。金額の記載がない行は合計に含みません）。',
      columns: [col.payee, col.corporateNumber, { key: 'amount', label: '支出額の合計', kind: 'yen' }, { key: 'lines', label: '記載された支出先の行', kind: 'number', unit: '件' }],
      rows: totals.map((t) => ({ sheetId: t.sheetId, payee: t.corporateNumber, cells: [t.name, t.corporateNumber, t.amount, t.lines] })),
    },
    { id: 'budget-growth', title: RANKING_TITLES['budget-growth'], note: 'シートに記載された最新の予算額（計）と、その前年度の予算額（計）の差の大きい順。', columns: CHANGE_COLUMNS, rows: changeRows(sheets, true) },
    { id: 'budget-shrink', title: RANKING_TITLES['budget-shrink'], note: 'シートに記載された最新の予算額（計）と、その前年度の予算額（計）の差の大きい順（減少額）。', columns: CHANGE_COLUMNS, rows: changeRows(sheets, false) },
  ];
}
