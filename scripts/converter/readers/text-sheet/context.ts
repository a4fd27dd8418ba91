/**
 * State shared by the section readers of one sheet: where the sheet is, its era, and the parse warnings
 * collected along the way. Cell readers here never guess: a cell that is not a number becomes `null` and
 * an "unparsed-value" warning that quotes it.
 */
import type { SheetWarning, WarningCode } from '../../../../src/schema/sheet.ts';
import type { Era } from '../../normalize/era-year.ts';
import { parseMillionYen } from '../../normalize/amount.ts';
import { parsePercent } from '../../normalize/rate.ts';
import { parseCount, parseQuantity } from '../../normalize/quantity.ts';
import type { Parsed } from '../../normalize/decimal.ts';
import type { Row } from './rows.ts';

export interface Ctx {
  file: string;
  /** The review year of the sheet (title line). */
  fiscalYear: number;
  era: Era;
  warnings: SheetWarning[];
}

export function warn(ctx: Ctx, code: WarningCode, section: string, ref: string | null, message: string): void {
  ctx.warnings.push({ code, section, ref, message });
}

function read<T>(ctx: Ctx, parsed: Parsed<T>, section: string, row: Row, ref: string | null, what: string): T | null {
  if (parsed.ok) return parsed.value;
  warn(ctx, 'unparsed-value', section, ref, `${row.line}行目の${what}: ${parsed.reason}(値なしとして扱いました)`);
  return null;
}

/** 百万円 cell → 円. */
export function amountCell(ctx: Ctx, raw: string | undefined, section: string, row: Row, ref: string | null, what: string): number | null {
  return read(ctx, parseMillionYen(raw), section, row, ref, what);
}

/** Percent cell → fraction. */
export function percentCell(ctx: Ctx, raw: string | undefined, section: string, row: Row, ref: string | null, what: string): number | null {
  return read(ctx, parsePercent(raw), section, row, ref, what);
}

export function quantityCell(ctx: Ctx, raw: string | undefined, section: string, row: Row, ref: string | null, what: string): number | null {
  return read(ctx, parseQuantity(raw), section, row, ref, what);
}

export function countCell(ctx: Ctx, raw: string | undefined, section: string, row: Row, ref: string | null, what: string): number | null {
  return read(ctx, parseCount(raw), section, row, ref, what);
}
