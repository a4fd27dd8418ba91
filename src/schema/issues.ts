/**
 * How a schema problem is named, wherever a record is validated (the converter's check of what a reader
 * made, the site's check of an entry): the field as a path in the record's own notation,
 * `budgets[2].initial`, so the same field reads the same in `npm run convert`'s report and a build error.
 */
import type { z } from 'zod';

/** "budgets[2].initial" from a zod issue path; `''` for the record itself. */
export function issuePath(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/**
 * "budgets[2].initial: expected number, received string"; "(record): …" for a problem with the whole
 * record. `detail` goes between the field and the message (the converter says where the field is read
 * from and what the reader made of it: "budgets[2].initial (section 予算額・執行額) = \"12,000\": …").
 */
export function formatIssue(issue: Pick<z.core.$ZodIssue, 'path' | 'message'>, detail = ''): string {
  return `${issuePath(issue.path) || '(record)'}${detail}: ${issue.message}`;
}
