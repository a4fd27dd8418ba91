/**
 * The sheet's title line and basic information block (事業名, 担当部局庁 … 実施方法), read by label:
 * each label's value is the first non-empty cell after it on the same row. 作成責任者 is the exception
 * the exports share: its value sits on the next row, under the label.
 */
import { labelKey } from '../../normalize/label.ts';
import { parseTitleYear, parseEraYear, type Era } from '../../normalize/era-year.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { stripMarkup, isCheckedBox } from '../../normalize/markup.ts';
import { filled, rowText, type Row } from './rows.ts';
import { warn, type Ctx } from './context.ts';

export interface TitleLine {
  index: number;
  fiscalYear: number;
  era: Era;
  ministry: string;
}

const TITLE_RE = /((?:昭和|平成|令和)(?:元|\d{1,2})年度)行政事業レビューシート\(([^()]+)\)/;

const TITLE_ROW_RE = new RegExp(`^${TITLE_RE.source}$`);

/**
 * Lines of rows that are a title line and nothing else, anywhere in the file: a file holding more than one
 * is several sheets run together (read as one, they would make one sheet of all their blocks).
 */
export function titleRowLines(rows: Row[]): number[] {
  const lines: number[] = [];
  for (const row of rows) {
    const raw = rowText(row);
    // Cheap test first: every title line holds シート (or its half-width form, which NFKC turns into it).
    if (!raw.includes('シート') && !raw.includes('ｼｰﾄ')) continue;
    if (TITLE_ROW_RE.test(raw.normalize('NFKC').replace(/\s+/g, ''))) lines.push(row.line);
  }
  return lines;
}

/** The title line "令和4年度行政事業レビューシート (総務省)" among the first rows. */
export function findTitle(rows: Row[], maxRows = 30): TitleLine | null {
  for (let i = 0; i < Math.min(rows.length, maxRows); i++) {
    const s = rowText(rows[i]!).normalize('NFKC').replace(/\s+/g, '');
    const m = TITLE_RE.exec(s);
    if (!m) continue;
    const y = parseTitleYear(m[1]!);
    if (!y) continue;
    return { index: i, fiscalYear: y.year, era: y.era, ministry: m[2]! };
  }
  return null;
}

type Field =
  | 'title' | 'bureau' | 'division' | 'manager' | 'startYear' | 'endYear' | 'accountType' | 'legalBasis'
  | 'relatedPlans' | 'majorPolicy' | 'majorExpense' | 'purpose' | 'overview' | 'implementation' | 'projectNumber';

/** Label keys (labelKey of the cell) → field. */
const FIELDS: Record<string, Field> = {
  事業名: 'title',
  担当部局庁: 'bureau',
  担当部局: 'bureau',
  担当課室: 'division',
  作成責任者: 'manager',
  事業開始年度: 'startYear',
  事業開始: 'startYear',
  事業終了年度: 'endYear',
  事業終了予定年度: 'endYear',
  会計区分: 'accountType',
  根拠法令: 'legalBasis',
  '関係する計画、通知等': 'relatedPlans',
  '主要政策・施策': 'majorPolicy',
  主要経費: 'majorExpense',
  事業の目的: 'purpose',
  事業概要: 'overview',
  実施方法: 'implementation',
  事業番号: 'projectNumber',
};

function fieldOf(cell: string): Field | null {
  return cell === '' ? null : FIELDS[labelKey(cell)] ?? null;
}

export interface BasicInfo {
  title: string | null;
  bureau: string | null;
  division: string | null;
  manager: string | null;
  projectNumber: string | null;
  startYear: number | null;
  endYear: number | null;
  accountType: string | null;
  legalBasis: string | null;
  relatedPlans: string | null;
  majorPolicy: string | null;
  majorExpense: string | null;
  purpose: string | null;
  overview: string | null;
  implementation: string[];
  /** Line where 事業名 was found. */
  titleLine: number | null;
}

/** Cell text → plain text or null ("-", blank, or nothing left after markup). */
export function plain(raw: string | undefined | null): string | null {
  if (raw == null || isNoValue(raw)) return null;
  const s = stripMarkup(raw);
  return s === '' || isNoValue(s) ? null : s;
}

/** Columns of a row that hold a label's value (so they are not taken for another label's value). */
function claimedCells(row: Row): Set<number> {
  const claimed = new Set<number>();
  const cells = filled(row);
  cells.forEach((c, i) => {
    if (!fieldOf(c.text)) return;
    claimed.add(c.col);
    const next = cells[i + 1];
    if (next && !fieldOf(next.text)) claimed.add(next.col);
  });
  return claimed;
}

/** 実施方法: one entry per method; checkbox lists keep only the checked boxes. */
function implementationList(raw: string): string[] {
  if (/<input\b/i.test(raw)) {
    const out: string[] = [];
    const re = /(<input\b[^>]*>)\s*([^<]*)/gi;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      const label = m[2]!.trim();
      if (isCheckedBox(m[1]!) && label && !isNoValue(label)) out.push(label);
    }
    return out;
  }
  const s = plain(raw);
  if (!s) return [];
  return s.split(/[、,\n]+/).map((x) => x.trim()).filter((x) => x !== '' && !isNoValue(x));
}

/**
 * Reads the basic information from the given row ranges [from, to) (the rows before the first section
 * and the 'basic' sections), first occurrence of each label winning.
 */
export function readBasicInfo(ctx: Ctx, rows: Row[], ranges: [number, number][]): BasicInfo {
  const raw = new Map<Field, { text: string; row: Row }>();
  for (const i of ranges.flatMap(([from, to]) => Array.from({ length: to - from }, (_, k) => from + k))) {
    const row = rows[i]!;
    const cells = filled(row);
    cells.forEach((c, k) => {
      const field = fieldOf(c.text);
      if (!field || raw.has(field)) return;
      const next = cells[k + 1];
      if (next && !fieldOf(next.text)) {
        raw.set(field, { text: next.text, row });
        return;
      }
      if (field !== 'manager') return;
      // 作成責任者: the value is on the next row, in (or next to) the label's column, in a cell that is
      // not another label's value.
      const below = rows[i + 1];
      if (!below) return;
      const claimed = claimedCells(below);
      const candidates = filled(below).filter((b) => b.col >= c.col - 1 && !claimed.has(b.col) && !fieldOf(b.text));
      candidates.sort((a, b) => Math.abs(a.col - c.col) - Math.abs(b.col - c.col));
      if (candidates[0]) raw.set(field, { text: candidates[0].text, row: below });
    });
  }

  const text = (f: Field): string | null => plain(raw.get(f)?.text);
  const year = (f: Field): number | null => {
    const v = raw.get(f);
    if (!v || isNoValue(v.text)) return null;
    const y = parseEraYear(v.text, ctx.fiscalYear);
    if (y?.year != null) return y.year;
    // "終了予定なし" and similar state that there is no year; anything else is worth a warning.
    if (!/なし|未定/.test(v.text)) {
      warn(ctx, 'unparsed-value', 'basic', f, `${v.row.line}行目の${f === 'startYear' ? '事業開始年度' : '事業終了(予定)年度'}「${v.text}」を年度として読めません`);
    }
    return null;
  };
  const impl = raw.get('implementation');
  return {
    title: text('title'),
    bureau: text('bureau'),
    division: text('division'),
    manager: text('manager'),
    projectNumber: text('projectNumber'),
    startYear: year('startYear'),
    endYear: year('endYear'),
    accountType: text('accountType'),
    legalBasis: text('legalBasis'),
    relatedPlans: text('relatedPlans'),
    majorPolicy: text('majorPolicy'),
    majorExpense: text('majorExpense'),
    purpose: text('purpose'),
    overview: text('overview'),
    implementation: impl ? implementationList(impl.text) : [],
    titleLine: raw.get('title')?.row.line ?? null,
  };
}

/** A one-row section whose value follows its label (活動内容, 根拠として用いた統計・データ名). */
export function readLabelledText(rows: Row[], start: number, end: number): string | null {
  for (let i = start; i < end; i++) {
    const cells = filled(rows[i]!);
    const value = i === start ? cells.slice(1) : cells;
    const parts = value.map((c) => plain(c.text)).filter((t): t is string => t !== null);
    if (parts.length) return parts.join('\n');
  }
  return null;
}

/** 政策評価 …: the 政策 and 施策 rows. */
export function readPolicy(rows: Row[], start: number, end: number): { policy: string | null; measure: string | null } {
  let policy: string | null = null;
  let measure: string | null = null;
  for (let i = start; i < end; i++) {
    const cells = filled(rows[i]!);
    cells.forEach((c, k) => {
      const key = labelKey(c.text);
      const next = cells[k + 1];
      if (key === '政策' && policy === null && next) policy = plain(next.text);
      if (key === '施策' && measure === null && next) measure = plain(next.text);
    });
  }
  return { policy, measure };
}
