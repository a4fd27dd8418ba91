/**
 * Text → rows of cells. A text export writes one table row per line with tab-separated cells, padded
 * with empty cells. A cell holding `<p>` paragraphs can span several lines; such lines are joined back
 * into one row (the break kept as "\n" inside the cell): while a `<p>` is open, and when the next line
 * starts with `<p>`.
 */

export interface Row {
  /** 1-based line number of the row's first line in the file. */
  line: number;
  /** Cells, each trimmed (also of U+3000); empty string for an empty cell. */
  cells: string[];
}

/** Longest cell continuation accepted when a `<p>` is not closed: beyond this the file is malformed. */
const MAX_JOIN = 50;

function openParagraphs(s: string): number {
  return (s.match(/<p\b[^>]*>/gi)?.length ?? 0) - (s.match(/<\/p\s*>/gi)?.length ?? 0);
}

export function toRows(text: string): Row[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!;
    const first = i;
    // A cell continues on the next line while a <p> is open, or when the next line starts with <p>
    // (a table row starts with a label or an empty cell, never with a paragraph tag).
    while (i + 1 < lines.length && i - first < MAX_JOIN && (openParagraphs(s) > 0 || /^\s*<p\b/i.test(lines[i + 1]!))) {
      s += `\n${lines[++i]}`;
    }
    rows.push({ line: first + 1, cells: s.split('\t').map((c) => c.trim()) });
  }
  return rows;
}

export function isBlankRow(r: Row): boolean {
  return r.cells.every((c) => c === '');
}

/** Non-empty cells with their column index. */
export function filled(r: Row): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  r.cells.forEach((text, col) => {
    if (text !== '') out.push({ col, text });
  });
  return out;
}

/** The row as one line of text: its non-empty cells joined by a space. */
export function rowText(r: Row): string {
  return filled(r).map((c) => c.text).join(' ');
}
