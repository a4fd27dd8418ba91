/**
 * Record ids: permanent, ASCII, stable across rebuilds, derived from the sheet's own identifiers.
 *
 *   <fiscalYear>-<ministry>-<number>
 *
 * - <ministry>: romanised slug of the 府省庁 (MINISTRY_SLUGS); an unlisted name gets "m" + 6 hex digits of
 *   its SHA-1, so it is still stable.
 * - <number>: the sheet's own identifier, lower-case ASCII:
 *   - RS form: "rs" + 予算事業ID (2024-naikakukanbo-rs1);
 *   - a printed 事業番号: its ASCII form, a ministry abbreviation → its slug (NUMBER_ABBREVIATION_SLUGS),
 *     新 → "shin", other non-ASCII dropped, runs of separators → "-"
 *     ("新31-0015" → "shin31-0015", "2021-総務-20-0083" → "2021-soumu-20-0083");
 *   - no number printed: "t" + 8 hex digits of the SHA-1 of the 事業名 (NFKC), so renaming the input file
 *     does not change the id.
 */
import { createHash } from 'node:crypto';
import { numberSlug, NUMBER_ABBREVIATION_SLUGS } from './project-number.ts';
import { ministrySlug, MINISTRY_SLUGS } from './ministry.ts';

function sha1hex(s: string, len: number): string {
  return createHash('sha1').update(s, 'utf8').digest('hex').slice(0, len);
}

/** The 事業番号 rule is shared with the site's past-sheet and project-chain links (browser-safe there). */
export { numberSlug, NUMBER_ABBREVIATION_SLUGS };
/** The 府省庁 slugs are the site's too (/ministries/<slug>/): written once, in src/shared/ministry.ts. */
export { ministrySlug, MINISTRY_SLUGS };

export interface IdParts {
  fiscalYear: number;
  ministry: string;
  /** RS 予算事業ID, when the record comes from the RS form. */
  rsBudgetProjectId?: string | number | null;
  projectNumber?: string | null;
  title: string;
}

export function sheetId(p: IdParts): string {
  const prefix = `${p.fiscalYear}-${ministrySlug(p.ministry)}`;
  if (p.rsBudgetProjectId !== undefined && p.rsBudgetProjectId !== null && `${p.rsBudgetProjectId}` !== '') {
    return `${prefix}-rs${String(p.rsBudgetProjectId).replace(/[^0-9a-zA-Z]/g, '').toLowerCase()}`;
  }
  const num = p.projectNumber ? numberSlug(p.projectNumber) : null;
  if (num) return `${prefix}-${num}`;
  return `${prefix}-t${sha1hex(p.title.normalize('NFKC'), 8)}`;
}
