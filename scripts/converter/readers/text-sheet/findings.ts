/**
 * 点検・改善結果 (点検結果, 改善の方向性), the free-text parts that follow it (外部有識者の所見,
 * 行政事業レビュー推進チームの所見, 所見を踏まえた改善点, 備考) and 関連する過去のレビューシートの事業番号.
 *
 * The free-text parts are headings on a line of their own followed by paragraphs. The two 所見 parts
 * open with a verdict (判定) paragraph of one or a few words, which exports split over lines
 * ("終了\n予定" → "終了予定"); lines are joined without separator. When the lines are a reordering of a
 * verdict of the form (R4 sample: "予定\n終了\n通り"), the form's wording is used and a warning says so.
 */
import type { Findings, PastSheetInput } from '../../../../src/schema/sheet.ts';
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { parseEraYear } from '../../normalize/era-year.ts';
import { stripMarkup } from '../../normalize/markup.ts';
import { warn, type Ctx } from './context.ts';
import { filled, isBlankRow, rowText, type Row } from './rows.ts';
import { plain } from './basic-info.ts';

/** Verdicts of the review-sheet form (推進チームの所見 and 所見を踏まえた改善点). */
const VERDICTS = [
  '廃止', '縮減', '執行等改善', '年度内に改善を検討', '予定通り終了', '終了予定', '現状通り',
  '事業全体の抜本的な改善', '事業内容の一部改善', '事業全体の抜本的改善', '新規事業として実施',
];

/** 点検・改善結果: 点検結果 and 改善の方向性, each the cell after its label. */
export function readResults(rows: Row[], start: number, end: number): { inspection: string | null; direction: string | null } {
  let inspection: string | null = null;
  let direction: string | null = null;
  for (let i = start; i < end; i++) {
    const cells = filled(rows[i]!);
    cells.forEach((c, k) => {
      const key = labelKey(c.text);
      const next = cells[k + 1];
      if (!next) return;
      if (key === '点検結果' && inspection === null) inspection = plain(next.text);
      if (key === '改善の方向性' && direction === null) direction = plain(next.text);
    });
  }
  return { inspection, direction };
}

/** Paragraphs (lists of lines) of a free-text part, after its heading row. */
function paragraphs(rows: Row[], start: number, end: number): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = start + 1; i < end; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(rowText(row));
  }
  if (cur.length) out.push(cur);
  return out;
}

function paragraphText(paras: string[][]): string | null {
  const s = stripMarkup(paras.map((p) => p.join('\n')).join('\n\n'));
  return s === '' || isNoValue(s) ? null : s;
}

export function readFreeText(rows: Row[], start: number, end: number): string | null {
  return paragraphText(paragraphs(rows, start, end));
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** A verdict paragraph: short lines, joined without separator. */
function verdictOf(ctx: Ctx, lines: string[], what: string, line: number): string | null {
  const parts = lines.map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '');
  const joined = parts.join('');
  if (joined === '' || VERDICTS.includes(joined)) return joined || null;
  if (parts.length <= 6) {
    const reordered = permutations(parts).map((p) => p.join('')).find((s) => VERDICTS.includes(s));
    if (reordered) {
      warn(ctx, 'layout', 'findings', null,
        `${line}行目: ${what}の判定が「${parts.join('/')}」と行の順序が崩れて出力されているため、様式の判定語「${reordered}」と読みました`);
      return reordered;
    }
  }
  return joined;
}

/** A free-text part that opens with a verdict: { verdict, text }. */
export function readVerdictText(ctx: Ctx, rows: Row[], start: number, end: number, what: string): { verdict: string | null; text: string | null } {
  const paras = paragraphs(rows, start, end);
  const first = paras[0];
  // A verdict paragraph is one or a few words: short lines without sentence punctuation.
  if (first && first.every((l) => l.length <= 12 && !/[。、]/.test(l)) && first.join('').length <= 20) {
    return { verdict: verdictOf(ctx, first, what, rows[start]!.line), text: paragraphText(paras.slice(1)) };
  }
  return { verdict: null, text: paragraphText(paras) };
}

export function emptyFindings(): Findings {
  return {
    inspection: null, direction: null, externalExperts: null, reviewTeamVerdict: null, reviewTeam: null,
    improvementsVerdict: null, improvements: null, remarks: null,
  };
}

/**
 * 関連する過去のレビューシートの事業番号: (年度, 事業番号) pairs, one or several per line (H28 writes three
 * pairs per line and ends a line with "/"). Years whose number is "-" are omitted.
 */
export function readPastSheets(ctx: Ctx, rows: Row[], start: number, end: number): PastSheetInput[] {
  const out: PastSheetInput[] = [];
  for (let i = start + 1; i < end; i++) {
    const cells = filled(rows[i]!);
    for (let k = 0; k < cells.length; k++) {
      const y = parseEraYear(cells[k]!.text, ctx.fiscalYear);
      if (!y || y.year === null || labelKey(cells[k]!.text).replace(/^(昭和|平成|令和)?(元|\d+)年度/, '') !== '') continue;
      const next = cells[k + 1];
      if (next && parseEraYear(next.text, ctx.fiscalYear) === null) {
        k++;
        if (!isNoValue(next.text) && next.text !== '/') out.push({ year: y.year, number: next.text, written: null });
      }
    }
  }
  return out;
}
