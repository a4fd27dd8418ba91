/**
 * CSV for the open-data downloads: RFC 4180 quoting, CRLF line ends and a UTF-8 BOM so Excel (the tool
 * most readers open it with) detects the encoding. Numbers are written raw (integer 円, fractions), never
 * formatted; `null` is an empty cell (no value), which stays distinct from 0.
 */
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (starts with = + - @ or a tab/CR) gets a leading "'"
 * (OWASP CSV injection advice). Sheet text is untrusted; numbers and plain negative numbers are unaffected.
 */
function neutralizeFormula(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d[\d,]*(\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
