/**
 * The title a `<data value>` gets on hover (src/client/stack-tables.ts): the exact value behind a shortened
 * figure, from the value the page states once. Pure, so the unit tests check it on the page's own values.
 */
import { formatPercent, formatPercentShort, formatYenExact } from '../shared/format.ts';

/**
 * `value` as the page states it in `<data value>`, `text` as shown: a rate (a fraction shown as a rounded
 * percentage) → every stated digit ("33.608%"); an amount (integer 円 shown in 百万円, 万円, 億円 or 兆円)
 * → the exact 円 ("33,328,000円"); a figure shown as stated (a count, 1,234, 12件) → `null`, no title.
 */
export function exactTitle(value: string, text: string): string | null {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) return null;
  // A rate is a fraction shown as a percentage (a quantity whose unit is % shows its own number).
  if (formatPercentShort(n) === text) return formatPercent(n);
  if (!Number.isInteger(n) || text.replace(/,/g, '') === value) return null;
  return /^-?[\d,]+(?:\.\d+)?(?:百万円|万円|億円|兆円)?$/.test(text) ? formatYenExact(n) : null;
}
