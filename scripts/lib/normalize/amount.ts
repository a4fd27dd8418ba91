/**
 * 百万円 amounts → integer 円. Text sheets state amounts in 百万円 with up to several decimals
 * ("19.9", "0.4", "1,200", "▲3"); the record keeps integer 円, multiplied exactly (19.9 → 19900000).
 */
import { parseDecimal, scaleToInteger, type Parsed } from './decimal.ts';

/** "19.9" (百万円) → 19900000 (円); blank/"-" → null; not a number → `ok: false`. */
export function parseMillionYen(raw: string | null | undefined): Parsed<number> {
  // A trailing unit written into the cell ("12百万円") is the unit the table states anyway.
  const cleaned = raw == null ? raw : raw.normalize('NFKC').replace(/百万円$/, '');
  const d = parseDecimal(cleaned);
  if (!d.ok || d.value === null) return d.ok ? { ok: true, value: null } : { ok: false, reason: d.reason };
  const yen = scaleToInteger(d.value, 6);
  if (yen === null) return { ok: false, reason: `「${raw!.trim()}」百万円は1円未満の端数を含みます` };
  if (yen > BigInt(Number.MAX_SAFE_INTEGER) || yen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: `「${raw!.trim()}」百万円は大きすぎます` };
  }
  const n = Number(yen);
  return { ok: true, value: Object.is(n, -0) ? 0 : n };
}

// 円 → 百万円 for messages is src/lib/format.ts formatMillionYen: the site and the converter's warnings
// write amounts one way.
