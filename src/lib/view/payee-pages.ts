/**
 * Where a sheet's payees are listed: a sheet page shows its first `PAYEES_ON_PAGE` payees (in the sheet's
 * order) and the rest are on continuation pages `/sheets/<id>/payees/<n>/` of `PAYEES_PER_PART` each, so
 * no page passes 200 KB of HTML (issue 18): a JUDGIT sheet lists up to ≈ 1,000 payees (≈ 300 bytes of
 * markup each), an RS sheet's payee with its contracts takes up to ≈ 1 KB, and the top-payees chart
 * already shows the largest 20 of any block. 8 % of the sample's sheets list more than 60. Decided from
 * the count alone, so the sheet page (from its record) and the routes (from the
 * listing's payee facts) always agree.
 *
 * Likewise a sheet whose payees fall in more than `BLOCKS_ON_PAGE` blocks (RS sheets with dozens of
 * re-contracting blocks, each with its 費目・使途 table) has its blocks' tables on `/sheets/<id>/blocks/`;
 * the sheet page lists the blocks with their totals, linked there.
 */
import { href } from '../markup/url.ts';

/** Payees on the sheet page itself. */
export const PAYEES_ON_PAGE = 60;
/** Payees on each continuation page. */
export const PAYEES_PER_PART = 240;

export interface PayeePart {
  /** 2, 3 …: the sheet page is part 1. */
  n: number;
  /** Index of the first payee of this part and one past its last, in the sheet's order. */
  from: number;
  to: number;
}

/** The continuation pages of a sheet with `count` payees (none when they all fit on the sheet page). */
export function payeeParts(count: number): PayeePart[] {
  const parts: PayeePart[] = [];
  for (let from = PAYEES_ON_PAGE, n = 2; from < count; from += PAYEES_PER_PART, n += 1) {
    parts.push({ n, from, to: Math.min(count, from + PAYEES_PER_PART) });
  }
  return parts;
}

/** The URL of continuation page `n` of sheet `id`. */
export function payeePartHref(id: string, n: number): string {
  return href(`sheets/${encodeURIComponent(id)}/payees/${n}/`);
}

/** Blocks (counted among the payees' blocks) whose 費目・使途 tables a sheet page still shows itself. */
export const BLOCKS_ON_PAGE = 20;

/**
 * Whether a sheet's 費目・使途 tables are on their own page, from its source form and its payees' blocks
 * (JUDGIT never carries 費目・使途: its blocks are only the payees' grouping).
 */
export function blocksOnOwnPage(form: string, payeeBlocks: readonly string[]): boolean {
  return form !== 'judgit' && new Set(payeeBlocks).size > BLOCKS_ON_PAGE;
}

/** The URL of sheet `id`'s 費目・使途 page (only sheets for which `blocksOnOwnPage`). */
export function blocksPageHref(id: string): string {
  return href(`sheets/${encodeURIComponent(id)}/blocks/`);
}
