/**
 * How a schema problem is named, wherever a record is validated (the converter's check of what a reader
 * made, the site's check of an entry): the field as a path in the record's own notation,
 * `budgets[2].initial`, the value found there and what the schema expected, so the same field reads the
 * same in `npm run convert`'s report and a build error:
 * `budgets[2].initial = "33億": Invalid input: expected number, received string`.
 */
import type { z } from 'zod';

/** "budgets[2].initial" from a zod issue path; `''` for the record itself. */
export function issuePath(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The value at a zod issue path in `input` (what the reader made of the source, or the entry states). */
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

/**
 * "budgets[2].initial: expected number, received string"; "(record): …" for a problem with the whole
 * record. `detail` goes between the field and the message (the converter says where the field is read
 * from and what the reader made of it: "budgets[2].initial (section 予算額・執行額) = \"12,000\": …").
 */
export function formatIssue(issue: Pick<z.core.$ZodIssue, 'path' | 'message'>, detail = ''): string {
  return `${issuePath(issue.path) || '(record)'}${detail}: ${issue.message}`;
}

/** One issue of `input` in words: its field, and the field with the value found and what was expected. */
export function describeIssue(input: unknown, issue: Pick<z.core.$ZodIssue, 'path' | 'message'>): { field: string; message: string } {
  return { field: issuePath(issue.path) || '(record)', message: formatIssue(issue, ` = ${shownValue(valueAt(input, issue.path))}`) };
}
