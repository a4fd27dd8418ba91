/**
 * What every form reader (text sheet, RS CSV, JUDGIT JSON) returns to the converter.
 * A reader never throws for bad input: it returns an InputError naming the file, where in it, and what
 * is wrong, and returns the records it could read. The converter validates, checks and writes records.
 */
import type { SheetInput } from '../../../src/schema/sheet.ts';

export interface InputError {
  /** Input path relative to the inputs folder (e.g. "text/000_ef263abaeb28aada.txt"). */
  file: string;
  /** Line ("line 42"), section ("section 予算額・執行額") or table/row/column; `null` for the whole file. */
  where: string | null;
  /** What is wrong, in plain words. */
  message: string;
  /**
   * Set when the error costs one record only (a row or record that could not be read): the id, or the RS
   * key `<年度>:<予算事業ID>`, of the record. The input's other records are written, and that record keeps
   * its last good entry. Absent when the error concerns the input as a whole (a table or file that could
   * not be read): then none of the input's records is written and all its last good entries stay
   * (scripts/converter/run.ts).
   */
  record?: string;
}

export interface ReadResult {
  /** Records without data-quality `warnings` from scripts/converter/quality-warnings.ts (the converter adds those);
   *  readers may already put their own parse warnings (code "layout", "unparsed-value", …) in. */
  records: SheetInput[];
  errors: InputError[];
  /** Non-fatal notices about the input as a whole (e.g. an unknown extra RS column). */
  notices?: InputError[];
}

export function formatInputError(e: InputError): string {
  return `${e.file}${e.where ? ` (${e.where})` : ''}: ${e.message}`;
}
