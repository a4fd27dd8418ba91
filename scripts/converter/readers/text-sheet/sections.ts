/**
 * Finds the sections of a sheet by their headings. A heading is the first cell of a row (its label,
 * matched after normalisation; see normalize/label.ts). A section runs from its heading to the next
 * heading, whatever the order of sections in the sheet. Sections may repeat (the 費目・用途 table comes
 * twice when a sheet has more than eight blocks).
 */
import { labelKey } from '../../normalize/label.ts';
import type { Row } from './rows.ts';

export type SectionKind =
  /** Rows of the basic information block (事業名 … 実施方法), wherever an edition puts them. */
  | 'basic'
  | 'budget'
  | 'budgetItems'
  | 'activityDescription'
  | 'activities'
  | 'unitCosts'
  | 'outcomes'
  | 'dataSource'
  | 'policy'
  | 'checks'
  | 'results'
  | 'externalExperts'
  | 'reviewTeam'
  | 'improvements'
  | 'remarks'
  | 'pastSheets'
  | 'flowDiagram'
  | 'blocks'
  | 'payees'
  /** Headings of parts the record has no field for, and 別紙 pointers; they end the previous section. */
  | 'other';

/** Heading label keys → section. Order matters only where two patterns could match the same key. */
const HEADINGS: [SectionKind, RegExp][] = [
  ['basic', /^(?:事業名|事業番号|事業開始年度|事業終了年度|会計区分|根拠法令|主要政策・施策|事業の目的|事業概要|実施方法)$/],
  ['budget', /^予算額・執行額$/],
  ['budgetItems', /^(?:.*年度)?予算内訳$/],
  ['activityDescription', /^活動内容$/],
  ['activities', /^活動(?:目標|指標)及び活動実績$/],
  ['unitCosts', /^単位当たりコスト$/],
  ['outcomes', /^成果目標及び成果実績$/],
  ['dataSource', /^根拠として用いた統計・データ名$/],
  ['policy', /^政策評価[、,].*との関係$/],
  ['checks', /^事業所管部局による点検・改善$/],
  ['results', /^点検・改善結果$/],
  ['externalExperts', /^外部有識者の所見$/],
  ['reviewTeam', /^行政事業レビュー推進チームの所見$/],
  ['improvements', /^所見を踏まえた改善点/],
  ['remarks', /^備考$/],
  ['pastSheets', /^関連する過去のレビューシートの事業番号$/],
  ['flowDiagram', /^資金の流れ$/],
  ['blocks', /^費目・用途$/],
  ['payees', /^支出先上位10者リスト$/],
  ['other', /欄についてさらに記載が必要な場合/],
  ['other', /^※/],
  ['other', /^本事業の成果と/],
  ['other', /^改革項目$/],
  ['other', /^(?:新)?経済・財政再生(?:アクション・プログラム|計画)/],
];

export function headingOf(row: Row): SectionKind | null {
  const first = row.cells[0];
  if (!first) return null;
  const key = labelKey(first);
  for (const [kind, re] of HEADINGS) if (re.test(key)) return kind;
  return null;
}

export interface Section {
  kind: SectionKind;
  /** Index (into rows) of the heading row. */
  start: number;
  /** Index one past the section's last row. */
  end: number;
}

export function findSections(rows: Row[]): Section[] {
  const out: Section[] = [];
  rows.forEach((row, i) => {
    const kind = headingOf(row);
    if (!kind) return;
    const prev = out[out.length - 1];
    if (prev) prev.end = i;
    out.push({ kind, start: i, end: rows.length });
  });
  return out;
}

/** All sections of a kind, in order. */
export function sectionsOf(sections: Section[], kind: SectionKind): Section[] {
  return sections.filter((s) => s.kind === kind);
}
