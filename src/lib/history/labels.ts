/** How a sheet is tied to the other years of its project, as pages say it. */
import type { LinkKind } from './chains.ts';
import type { RankingId } from './rankings.ts';

export const LINK_LABELS: Record<LinkKind, string> = {
  judgit: 'JUDGIT の事業ID',
  past: '関連する過去のレビューシート・旧事業番号の記載',
  inferred: '推定（同じ府省庁・同じ事業名）',
  figures: '推定（両年度のシートが記載する同じ年度の予算額・執行額が一致）',
};

/** The rankings' names (src/lib/history/rankings.ts gives each list the same title). */
export const RANKING_TITLES: Record<RankingId, string> = {
  'budget-largest': '予算額の大きい事業',
  'rate-lowest': '執行率の低い事業',
  'rate-highest': '執行率の高い事業',
  'single-bidder': '一者応札・一者応募の契約',
  'high-winning-rate': '落札率95%以上の契約',
  'outcomes-not-met': '成果目標を達成していない事業',
  'payees-most': '支出額の大きい支出先',
  'budget-growth': '前年度より予算が増えた事業',
  'budget-shrink': '前年度より予算が減った事業',
};
