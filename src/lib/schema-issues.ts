/**
 * A schema problem in words: the field (`budgets[2].initial`), the value found there and what the schema
 * expected, e.g. `budgets[2].initial = "33億": Invalid input: expected number, received string`.
 */
import type { z } from 'zod';

/** "budgets[2].initial" from a zod issue path. */
export function issuePath(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The value at a zod issue path in `input`. */
export function valueAt(input: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let v = input;
  for (const k of p) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A value as JSON, cut at 80 characters; `nothing` when absent. */
export function shownValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** One issue of `input` in words: field, value, what was expected. */
export function describeIssue(input: unknown, issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issuePath(issue.path) || '(record)';
  return { field, message: `${field} = ${shownValue(valueAt(input, issue.path))}: ${issue.message}` };
}
