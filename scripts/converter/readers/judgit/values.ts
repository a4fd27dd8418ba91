/**
 * Typed reads of JUDGIT! JSON values. JUDGIT writes each field with one JSON type (the five shared years:
 * strings, numbers, arrays, `null`); a value of another type is never a reason to drop the record: it is
 * kept as written where the field can hold it (a number in a text field becomes its decimal string) and
 * always quoted in an "unparsed-value" warning, so it reaches the page.
 */
import type { SheetWarning } from '../../../../src/schema/sheet.ts';
import { millionYenOfNumber, parseMillionYen } from '../../normalize/amount.ts';
import { parseQuantity } from '../../normalize/quantity.ts';
import { formatYenExact } from '../../../../src/shared/format.ts';

export interface Ctx {
  warnings: SheetWarning[];
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** A value as written in the JSON, for messages. */
export function shown(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unparsed(ctx: Ctx, section: string, ref: string | null, what: string, v: unknown, outcome: string): void {
  ctx.warnings.push({ code: 'unparsed-value', section, ref, message: `${what}「${shown(v)}」: ${outcome}` });
}

/** Plain text; blank → null. A number or list is kept as its text, with a warning. */
export function textOf(ctx: Ctx, v: Json | undefined, section: string, ref: string | null, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    unparsed(ctx, section, ref, what, v, '文字列ではなく一覧で書かれています。改行でつないで記載しました');
    return v.length ? v.join('\n') : null;
  }
  unparsed(ctx, section, ref, what, v, '文字列ではありません。書かれたとおりに記載しました');
  return shown(v);
}

/** A list of strings (会計区分, 実施方法, 主要施策); `null` → []. A single string is a one-entry list. */
export function textListOf(ctx: Ctx, v: Json | undefined, section: string, what: string): string[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) {
    unparsed(ctx, section, null, what, v, '一覧ではありません。1件として記載しました');
    return [shown(v)];
  }
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string') {
      if (x.trim() !== '') out.push(x);
    } else if (x !== null) {
      unparsed(ctx, section, null, what, x, '文字列ではありません。書かれたとおりに記載しました');
      out.push(shown(x));
    }
  }
  return out;
}

/** A list of objects (予算, 支出先, アウトカム …); anything else → [] with a warning. */
export function objectListOf(ctx: Ctx, v: Json | undefined, section: string, what: string): JsonObject[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) {
    unparsed(ctx, section, null, what, v, '一覧ではないため読み取れません');
    return [];
  }
  const out: JsonObject[] = [];
  v.forEach((x, i) => {
    if (isObject(x)) out.push(x);
    else unparsed(ctx, section, String(i + 1), `${what}の${i + 1}件目`, x, '項目の組ではないため読み取れません');
  });
  return out;
}

/** A whole number (ID, 事業ID, 番号). A string of digits is read, with a warning; anything else → null. */
export function intOf(ctx: Ctx, v: Json | undefined, section: string, ref: string | null, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v)) {
    unparsed(ctx, section, ref, what, v, '数値ではなく文字列で書かれています。整数として読みました');
    return Number(v);
  }
  unparsed(ctx, section, ref, what, v, '整数ではないため値なしとして扱いました');
  return null;
}

/** A Western fiscal year (開始年度, 年度 …); out of 1900–2100 or not a whole number → null with a warning. */
export function yearOf(ctx: Ctx, v: Json | undefined, section: string, ref: string | null, what: string): number | null {
  const n = intOf(ctx, v, section, ref, what);
  if (n === null || (n >= 1900 && n <= 2100)) return n;
  unparsed(ctx, section, ref, what, v, '年度として読めないため値なしとして扱いました');
  return null;
}

/** Below this many 円 a rounded-away fraction is JUDGIT's float noise (29.300000000000004 百万円 → 4e-9 円). */
const NOISE_YEN = 0.001;

/** A 百万円 amount → integer 円 (see millionYenOfNumber). A numeric string is read with a warning. */
export function amountOf(ctx: Ctx, v: Json | undefined, section: string, ref: string | null, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    const r = millionYenOfNumber(v);
    if (!r.ok) {
      unparsed(ctx, section, ref, what, v, `${r.reason}(値なしとして扱いました)`);
      return null;
    }
    // A fraction of a 円 the source states (8.666666666666666 百万円) is rounded, and said so on the page.
    const rest = Math.abs(Number(`${r.rounded.digits}e-${r.rounded.scale}`));
    if (rest >= NOISE_YEN) {
      ctx.warnings.push({
        code: 'source', section, ref,
        message: `${what}「${String(v)}」百万円は1円未満の端数を含むため、${formatYenExact(r.value)}に四捨五入しました`,
      });
    }
    return r.value;
  }
  if (typeof v === 'string') {
    const p = parseMillionYen(v);
    if (p.ok && p.value !== null) {
      unparsed(ctx, section, ref, what, v, '数値ではなく文字列で書かれています。百万円の値として読みました');
      return p.value;
    }
    if (p.ok) return null; // "" or "-": no value, as in the other forms
    unparsed(ctx, section, ref, what, v, `${p.reason}(値なしとして扱いました)`);
    return null;
  }
  unparsed(ctx, section, ref, what, v, '数値ではないため値なしとして扱いました');
  return null;
}

/** A quantity in its row's own unit (活動実績, 成果実績, 目標値): kept as the JSON states it. */
export function quantityOf(ctx: Ctx, v: Json | undefined, section: string, ref: string | null, what: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const p = parseQuantity(v);
    if (p.ok && p.value !== null) {
      unparsed(ctx, section, ref, what, v, '数値ではなく文字列で書かれています。数値として読みました');
      return p.value;
    }
    if (p.ok) return null;
  }
  unparsed(ctx, section, ref, what, v, '数値として読めないため値なしとして扱いました');
  return null;
}
