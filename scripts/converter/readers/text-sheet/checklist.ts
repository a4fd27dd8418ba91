/**
 * 事業所管部局による点検・改善: the check list (group, item, mark, note) and, inside its 関連事業 part,
 * the table of related projects (所管府省・部局名 | 事業番号 | 事業名).
 *
 * Group cells span several rows in the sheet, so the export writes the group on one row only, or drops
 * it (the R4 sample has no 事業の効率性 cell at all), and rows shift left when the group cell is missing.
 * A row's item is its first non-empty cell that is not a group name; then a mark cell (○ △ × 有 無 -) and
 * the note. The group is, in order: the group written on the row; else the group the review-sheet form
 * puts the item under (the standard 点検項目, below); else the group of the row before.
 */
import type { Check, RelatedProject } from '../../../../src/schema/sheet.ts';
import { labelKey, normalizeLabel } from '../../normalize/label.ts';
import { parseMark } from '../../normalize/mark.ts';
import { warn, type Ctx } from './context.ts';
import { filled, isBlankRow, type Row } from './rows.ts';
import { plain } from './basic-info.ts';

const GROUPS = ['国費投入の必要性', '事業の効率性', '事業の有効性', '関連事業'];

/** Opening words of the standard 点検項目 of the review-sheet form (2013–2022 editions) → group. */
const STANDARD_ITEMS: [string, string][] = [
  ['事業の目的は国民や社会のニーズ', '国費投入の必要性'],
  ['地方自治体、民間等に委ねることができない', '国費投入の必要性'],
  ['政策目的の達成手段として必要かつ適切', '国費投入の必要性'],
  ['競争性が確保されているなど支出先の選定は妥当か', '事業の効率性'],
  ['一般競争契約、指名競争契約又は随意契約', '事業の効率性'],
  ['一般競争入札、総合評価入札又は随意契約', '事業の効率性'],
  ['競争性のない随意契約となったものはないか', '事業の効率性'],
  ['受益者との負担関係は妥当であるか', '事業の効率性'],
  ['単位当たりコスト等の水準は妥当か', '事業の効率性'],
  ['資金の流れの中間段階での支出は合理的', '事業の効率性'],
  ['費目・使途が事業目的に即し真に必要なもの', '事業の効率性'],
  ['不用率が大きい場合', '事業の効率性'],
  ['繰越額が大きい場合', '事業の効率性'],
  ['その他コスト削減や効率化に向けた工夫', '事業の効率性'],
  ['成果実績は成果目標に見合ったもの', '事業の有効性'],
  ['事業実施に当たって他の手段・方法等が考えられる場合', '事業の有効性'],
  ['活動実績は見込みに見合ったもの', '事業の有効性'],
  ['整備された施設や成果物は十分に活用されているか', '事業の有効性'],
  ['関連する事業がある場合', '関連事業'],
];

function standardGroup(item: string): string | null {
  const key = normalizeLabel(item);
  return STANDARD_ITEMS.find(([start]) => key.startsWith(start))?.[1] ?? null;
}

function isGroup(cell: string): boolean {
  return GROUPS.includes(labelKey(cell));
}

export function readChecklist(ctx: Ctx, rows: Row[], start: number, end: number): { checks: Check[]; relatedProjects: RelatedProject[] } {
  const checks: Check[] = [];
  const related: RelatedProject[] = [];
  let group: string | null = null;
  let inRelated = false;
  for (let i = start + 1; i < end; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    let cells = filled(row);
    if (cells.some((c) => labelKey(c.text) === '所管府省・部局名')) {
      inRelated = true;
      continue;
    }
    if (inRelated) {
      // Cells in order: owner, number, title (the rows are not aligned with their heading).
      const [owner, number, title] = cells.map((c) => plain(c.text));
      related.push({ owner: owner ?? null, number: number ?? null, title: title ?? null, relation: null });
      continue;
    }
    let stated: string | null = null;
    if (cells[0] && isGroup(cells[0].text)) {
      stated = labelKey(cells[0].text);
      cells = cells.slice(1);
    }
    // Heading row: 項目 | 評価 | 評価に関する説明.
    if (cells[0] && labelKey(cells[0].text) === '項目') {
      if (stated) group = stated;
      continue;
    }
    const [item, ...rest] = cells;
    if (!item) {
      if (stated) group = stated;
      continue;
    }
    group = stated ?? standardGroup(item.text) ?? group;
    let mark: Check['mark'] = null;
    let noteCells = rest;
    if (rest[0]) {
      const m = parseMark(rest[0].text);
      if (m.ok) {
        mark = m.value;
        noteCells = rest.slice(1);
      } else if (rest[0].text.length <= 2) {
        warn(ctx, 'unparsed-value', 'checks', null, `${row.line}行目の評価: ${m.reason}`);
        noteCells = rest.slice(1);
      }
    }
    const note = noteCells.map((c) => plain(c.text)).filter((t): t is string => t !== null).join('\n');
    checks.push({ group, item: item.text, mark, note: note === '' ? null : note });
  }
  return { checks, relatedProjects: related };
}
