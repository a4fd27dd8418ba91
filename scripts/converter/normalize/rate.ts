/**
 * Rates stated in percent → fractions. Sheets write "92%" in 執行率 rows, "98.3%" in 落札率 columns and
 * bare "140" in 達成度 rows whose unit cell says "%"; all are percent, so the record keeps 0.92, 0.983, 1.4.
 */
import { parseDecimal, toNumber, type Parsed } from './decimal.ts';

/** "92%" → 0.92, "140" → 1.4, "98.3%" → 0.983; blank/"-"/"--" → null; not a number → `ok: false`. */
export function parsePercent(raw: string | null | undefined): Parsed<number> {
  const cleaned = raw == null ? raw : raw.normalize('NFKC').trim().replace(/\s*%$/, '');
  // A lone "%" is the unit, not a value.
  if (raw != null && raw.trim() !== '' && cleaned === '') return { ok: false, reason: `「${raw.trim()}」は百分率ではありません` };
  const d = parseDecimal(cleaned);
  if (!d.ok) return { ok: false, reason: `「${raw!.trim()}」は百分率ではありません` };
  return { ok: true, value: d.value === null ? null : toNumber(d.value, 2) };
}
