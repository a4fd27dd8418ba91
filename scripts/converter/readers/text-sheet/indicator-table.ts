/**
 * The shared shape of the 活動 (outputs), 単位当たりコスト and 成果 (outcomes) tables:
 *
 *   heading row:  <section> | <text headings…> | 単位 | <year columns…>
 *   value rows:   [texts…] | <row label> | <unit> | <one value per year column>
 *
 * An entry (one activity, unit cost or outcome) starts at its first row label (活動実績, 単位当たりコスト,
 * 成果実績) and takes the following labelled rows. Values are read after the row label (label → unit →
 * values), not by column position, because the heading row and the value rows of a table are often
 * offset by one column in the exports (H28: "単位" heading in column 3, unit values in column 4).
 */
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';
import { findYearHeader, type YearColumn } from './year-columns.ts';
import { warn, type Ctx } from './context.ts';
import { filled, isBlankRow, type Row } from './rows.ts';

export interface TableSpec<T extends string, F extends string> {
  /** Record section name, for warnings. */
  section: string;
  /** Heading label keys → text field. */
  textHeadings: Record<string, T>;
  /** Row label keys → value field. */
  rowLabels: Record<string, F>;
  /** The row label that starts a new entry. */
  first: F;
}

export interface TableRow {
  row: Row;
  unit: string;
  /** One raw cell per year column. */
  values: string[];
}

export interface TableEntry<T extends string, F extends string> {
  line: number;
  texts: Partial<Record<T, string>>;
  rows: Partial<Record<F, TableRow>>;
}

export interface Table<T extends string, F extends string> {
  years: YearColumn[];
  entries: TableEntry<T, F>[];
}

export function readIndicatorTable<T extends string, F extends string>(
  ctx: Ctx, rows: Row[], start: number, end: number, spec: TableSpec<T, F>,
): Table<T, F> | null {
  const header = findYearHeader(rows, start, end, ctx.fiscalYear);
  if (!header) {
    warn(ctx, 'layout', spec.section, null, `${rows[start]!.line}行目からの表に年度の見出し行がありません`);
    return null;
  }
  const { index: headerIdx, years } = header;
  const textCols: { col: number; field: T }[] = [];
  rows[headerIdx]!.cells.forEach((c, col) => {
    const f = c === '' ? undefined : spec.textHeadings[labelKey(c)];
    if (f) textCols.push({ col, field: f });
  });

  const entries: TableEntry<T, F>[] = [];
  let current: TableEntry<T, F> | null = null;
  for (let i = headerIdx + 1; i < end; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    const labelCol = row.cells.findIndex((c, col) => col > 0 && c !== '' && spec.rowLabels[labelKey(c)] !== undefined);
    if (labelCol < 0) continue;
    const field = spec.rowLabels[labelKey(row.cells[labelCol]!)]!;
    // Texts: by heading column first; if that finds nothing, the non-empty cells before the label in order.
    const texts: Partial<Record<T, string>> = {};
    for (const t of textCols) if (t.col < labelCol && row.cells[t.col]) texts[t.field] = row.cells[t.col]!;
    if (Object.keys(texts).length === 0) {
      const before = filled(row).filter((c) => c.col > 0 && c.col < labelCol);
      before.forEach((c, k) => {
        const f = textCols[k]?.field;
        if (f) texts[f] = c.text;
      });
    }
    if (!current || field === spec.first || current.rows[field]) {
      // An entry starts at its first row label; one that starts elsewhere means rows out of order (a
      // 当初見込み row above its 活動実績, a label twice): its values would be read as a second entry
      // over the same years, so the layout is named.
      if (field !== spec.first) {
        const firstLabel = Object.keys(spec.rowLabels).find((k) => spec.rowLabels[k] === spec.first) ?? spec.first;
        warn(ctx, 'layout', spec.section, null,
          `${row.line}行目: 「${row.cells[labelCol]}」の行の上に「${firstLabel}」の行がないため(行の欠落か順序の崩れの可能性)、別の項目として読みました`);
      }
      current = { line: row.line, texts: {}, rows: {} };
      entries.push(current);
    }
    Object.assign(current.texts, texts);
    current.rows[field] = {
      row,
      unit: row.cells[labelCol + 1] ?? '',
      values: years.map((_, k) => row.cells[labelCol + 2 + k] ?? ''),
    };
  }
  return { years, entries };
}

/**
 * Year columns that can hold values in the record (those with a year). Values under a column without a
 * year ("中間目標 - 年度", "目標最終年度" with no year) cannot be placed; when such a value is not blank, a
 * warning says it was left out.
 */
export function placeableColumns<T extends string, F extends string>(
  ctx: Ctx, section: string, table: Table<T, F>, entry: TableEntry<T, F>, names: Record<F, string>,
): { k: number; col: YearColumn & { year: number } }[] {
  const out: { k: number; col: YearColumn & { year: number } }[] = [];
  table.years.forEach((col, k) => {
    if (col.year !== null) {
      out.push({ k, col: col as YearColumn & { year: number } });
      return;
    }
    for (const [field, r] of Object.entries(entry.rows) as [F, TableRow][]) {
      const raw = r.values[k] ?? '';
      if (!isNoValue(raw)) {
        warn(ctx, 'unparsed-value', section, null,
          `${r.row.line}行目: 「${col.label}」の${names[field]}「${raw}」は年度が書かれていないため取り込んでいません`);
      }
    }
  });
  return out;
}
