/**
 * Tables 4-1 (点検・評価) and 6-1 (その他備考).
 *
 * 4-1 has one row per project, repeated once per 過去に受けた指摘事項 / その他の指摘事項 / 反映額（特別会計）
 * entry: the single-valued columns are read from the first row, the lists are collected from all rows.
 */
import { cell, pushUnique, type Mapper } from './parts.ts';
import { text, year, yen } from './values.ts';
import { formatYenExact } from '../../../../src/shared/format.ts';

export const findings: Mapper<'4-1'> = {
  init: () => ({
    seen: false,
    inspection: null,
    effectAssessment: null,
    direction: null,
    expertsYear: null,
    expertsTarget: null,
    expertsReason: null,
    experts: null,
    publicProcess: null,
    reviewTeamVerdict: null,
    reviewTeam: null,
    improvementsVerdict: null,
    improvements: null,
    reflections: [],
    remarks: [],
  }),
  add(part, row, ctx) {
    const general = cell(row, '反映額（一般会計）', yen, ctx, 'findings');
    const special = cell(row, '反映額（特別会計）－反映額', yen, ctx, 'findings');
    if (general !== null) pushUnique(part.reflections, `反映額（一般会計）：${formatYenExact(general)}`);
    const acct = ['反映額（特別会計）－会計', '反映額（特別会計）－勘定'].map((c) => text(row.get(c))).filter((v) => v !== null);
    // An account named without its amount is still stated: kept, the amount shown as not stated.
    if (special !== null || acct.length > 0) {
      pushUnique(part.reflections, `反映額（特別会計${acct.length ? ` ${acct.join(' ')}` : ''}）：${special === null ? '記載なし' : formatYenExact(special)}`);
    }
    const pastYear = cell(row, '過去に受けた指摘事項－取りまとめ年度', year, ctx, 'findings');
    addRemark(part.remarks, '過去に受けた指摘事項', text(row.get('過去に受けた指摘事項－区分')), pastYear, '取りまとめ', {
      content: text(row.get('過去に受けた指摘事項－取りまとめ内容')),
      status: text(row.get('過去に受けた指摘事項－対応状況')),
    });
    const otherYear = cell(row, 'その他の指摘事項－指摘年度', year, ctx, 'findings');
    addRemark(part.remarks, 'その他の指摘事項', text(row.get('その他の指摘事項－調査等の名称')), otherYear, '指摘', {
      content: text(row.get('その他の指摘事項－指摘内容')),
      status: text(row.get('その他の指摘事項－対応状況')),
    });
    if (part.seen) return;
    part.seen = true;
    part.inspection = text(row.get('事業所管部局による点検・改善ー点検結果'));
    part.effectAssessment = text(row.get('事業所管部局による点検・改善－目標年度における効果測定に関する評価'));
    part.direction = text(row.get('事業所管部局による点検・改善ー改善の方向性'));
    part.expertsYear = cell(row, '外部有識者による点検ー最終実施年度', year, ctx, 'findings');
    part.expertsTarget = text(row.get('外部有識者による点検ー点検対象'));
    part.expertsReason = text(row.get('外部有識者による点検ー対象の理由'));
    part.experts = text(row.get('外部有識者による点検ー所見'));
    part.publicProcess = text(row.get('公開プロセス結果概要'));
    part.reviewTeamVerdict = text(row.get('行政事業レビュー推進チームの所見'));
    part.reviewTeam = text(row.get('行政事業レビュー推進チームの所見の詳細'));
    part.improvementsVerdict = text(row.get('所見を踏まえた改善点／概算要求における反映状況'));
    part.improvements = text(row.get('所見を踏まえた改善点／概算要求における反映状況の詳細'));
  },
};

function addRemark(
  list: { heading: string; content: string | null; status: string | null }[],
  label: string,
  name: string | null,
  y: number | null,
  yearWord: string,
  body: { content: string | null; status: string | null },
): void {
  if (name === null && y === null && body.content === null && body.status === null) return;
  const detail = [name, y === null ? null : `${y}年度${yearWord}`].filter((v) => v !== null).join('、');
  const heading = detail ? `${label}（${detail}）` : label;
  if (list.some((r) => r.heading === heading && r.content === body.content && r.status === body.status)) return;
  list.push({ heading, ...body });
}

export const remarks: Mapper<'6-1'> = {
  init: () => ({ notes: [] }),
  add(part, row) {
    pushUnique(part.notes, text(row.get('備考')));
  },
};
