/**
 * Data-quality checks on a validated record, whatever form it came from. Each finding is a warning
 * in Japanese quoting the sheet's own figures; values are never changed or blanked because of one.
 *
 * What the checks take the sheets' figures to mean:
 * - 計 of a budget year. Text sheets (and JUDGIT, their open-data copy): 計 = 当初予算 + 補正予算 +
 *   前年度から繰越し + 予備費等 − 翌年度へ繰越し. Sheets write 翌年度へ繰越し with ▲ (negative), so it
 *   is subtracted whatever its sign. Verified on JUDGIT data: all 87 budget years with a non-zero
 *   翌年度へ繰越し match this (86 exactly, one by a float artefact); adding it instead matches none.
 *   RS CSV: 計 is 歳出予算現額 = 当初 + 補正 + 前年度から繰越し + 予備費等, and 翌年度への繰越し is not
 *   subtracted (all 853 total rows of the RS 2-1 sample match this). 計 is compared exactly: it is the
 *   sum of the figures in the same table, in the same unit.
 * - Rates are compared at the precision they are stated in: "91%" agrees with any 執行額/計 that
 *   rounds or truncates to 91%, with 執行額 and 計 themselves taken at their stated precision (text
 *   sheets state 百万円, so 325 means 324.5–325.5 百万円).
 * - 費目・用途 計 of a text-sheet block is the total of the block's largest payee (the form says the table
 *   describes "ブロックごとに最大の金額が支出されている者"), so payees are checked against it one by one:
 *   no payee may exceed it. RS blocks state the whole block's total, so there the payees' sum may not
 *   exceed it — except in a block that 5-2 says pays itself (C → C: 予算事業ID 6433 block C, where the
 *   支出委任 payee 厚生労働省 passes its 25.52百万円 on to 第二東京弁護士会 in the same block), whose payees
 *   count the same money twice.
 * - 費目・用途 lines against the block's 計. Text sheets: the lines and 計 are one table, so they must sum
 *   exactly. RS: 5-3 lists the 費目・使途 of only some of a block's payees (the sheet asks for the main
 *   ones), while 5-1's ブロックの合計支出額 is the whole block, so lines summing to less is normal (478 of
 *   the 924 blocks of the 252-project subset that have both; 417 are equal) and only lines summing to
 *   MORE than the block's total contradict the source (29 blocks, e.g. 予算事業ID 7339 block A: lines of
 *   10百万円 in a block whose total is 0). Amounts are exact 円 on both sides, so no tolerance.
 */
import type { Sheet, SheetWarning } from '../../src/schema/sheet.ts';
import { formatAmountExact, formatPercent, formatPercentShort } from '../../src/shared/format.ts';
import { eraName } from '../../src/shared/era.ts';
import { corporateNumberCheckDigit } from '../../src/shared/corporate-number.ts';

type Form = Sheet['source']['form'];

function yearLabel(year: number, form: Form): string {
  return form === 'rs-csv' ? `${year}年度` : `${eraName(year)}年度`;
}

/** Decimal places of a number as written in its shortest form (0.983 → 3, 29.5 → 1, 7 → 0). */
export function decimalsOf(x: number): number {
  const s = Math.abs(x).toString();
  const e = /e-(\d+)$/.exec(s);
  if (e) {
    const mant = s.slice(0, s.indexOf('e'));
    return Number(e[1]) + (mant.split('.')[1]?.length ?? 0);
  }
  return s.split('.')[1]?.length ?? 0;
}

/** Half-width of the interval a stated amount stands for, in 円. */
function amountHalfUnit(yen: number, form: Form): number {
  if (form === 'rs-csv') return 0; // RS amounts are exact 円
  // Text and JUDGIT amounts are 百万円 with as many decimals as needed: 339000000 was "339" (±0.5百万円),
  // 19900000 was "19.9" (±0.05百万円).
  let unit = 1000000;
  while (unit > 1 && yen % unit !== 0) unit /= 10;
  return unit / 2;
}

/** The stated value agrees with a computed interval when rounding or truncating it could give the value. */
function agrees(stated: number, unit: number, lo: number, hi: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(stated));
  return hi >= stated - unit / 2 - eps && lo < stated + unit + eps;
}

function budgetTotals(r: Sheet, out: SheetWarning[]): void {
  const form = r.source.form;
  for (const b of r.budgets) {
    if (b.total === null) continue;
    const parts = [b.initial, b.supplementary, b.carriedFromPrev, b.reserve];
    if (parts.every((p) => p === null) && b.carriedToNext === null && b.total === 0) continue;
    const next = b.carriedToNext ?? 0;
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0) - (form === 'rs-csv' ? 0 : Math.abs(next));
    if (sum === b.total) continue;
    const terms = [
      ['当初予算', b.initial], ['補正予算', b.supplementary], ['前年度から繰越し', b.carriedFromPrev], ['予備費等', b.reserve],
    ].filter(([, v]) => v !== null).map(([k, v]) => `${k} ${formatAmountExact(v as number)}`);
    if (form !== 'rs-csv' && b.carriedToNext !== null) terms.push(`翌年度へ繰越し ${formatAmountExact(-Math.abs(next))}`);
    out.push({
      code: 'budget-total-mismatch',
      section: 'budgets',
      ref: String(b.year),
      message: `${yearLabel(b.year, form)}${b.isRequest ? '要求' : ''}の計 ${formatAmountExact(b.total)} が内訳の合計 ${formatAmountExact(sum)} と一致しません(${terms.join(' + ') || '内訳なし'})`,
    });
  }
}

function executionRates(r: Sheet, out: SheetWarning[]): void {
  const form = r.source.form;
  for (const b of r.budgets) {
    if (b.executed === null) continue;
    const checks: [string, number | null, number | null, string][] = [
      ['執行率', b.executionRate, b.total, '計'],
      [
        '当初予算+補正予算に対する執行額の割合', b.initialPlusSupplementaryRate,
        b.initial === null && b.supplementary === null ? null : (b.initial ?? 0) + (b.supplementary ?? 0), '当初予算+補正予算',
      ],
    ];
    for (const [name, rate, base, baseName] of checks) {
      if (rate === null || base === null || base <= 0) continue;
      const he = amountHalfUnit(b.executed, form);
      const hb = form === 'rs-csv' ? 0 : Math.max(amountHalfUnit(b.initial ?? 0, form), amountHalfUnit(b.supplementary ?? 0, form), amountHalfUnit(base, form));
      if (base - hb <= 0) continue;
      const lo = (b.executed - he) / (base + hb);
      const hi = (b.executed + he) / (base - hb);
      // Percent-stated rates are at least 1% precise (100% is 1, stated to whole percent).
      const unit = 10 ** -Math.max(2, decimalsOf(rate));
      if (agrees(rate, unit, lo, hi)) continue;
      out.push({
        code: 'execution-rate-mismatch',
        section: 'budgets',
        ref: String(b.year),
        message: `${yearLabel(b.year, form)}の${name} ${formatPercent(rate)} が 執行額 ${formatAmountExact(b.executed)} / ${baseName} ${formatAmountExact(base)} = ${formatPercentShort(b.executed / base)} と一致しません`,
      });
    }
  }
}

/** "118/4" → [118, 4]; anything else → null. */
export function parseFormula(formula: string): [number, number] | null {
  const m = /^([\d.]+)\/([\d.]+)$/.exec(formula.normalize('NFKC').replace(/[\s,]/g, ''));
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? [a, b] : null;
}

function unitCosts(r: Sheet, out: SheetWarning[]): void {
  const form = r.source.form;
  for (const [i, u] of r.unitCosts.entries()) {
    const perUnit = u.unit?.split('/')[1]?.trim() ?? null;
    const sameUnit = perUnit ? r.activities.filter((a) => a.unit && a.unit.replace(/\s+/g, '') === perUnit.replace(/\s+/g, '')) : [];
    const activities = sameUnit.length ? sameUnit : r.activities;
    for (const v of u.values) {
      if (!v.formula) continue;
      const f = parseFormula(v.formula);
      if (!f) continue;
      const [a, b] = f;
      const where = `${yearLabel(v.year, form)}の単位当たりコスト${r.unitCosts.length > 1 ? `(${i + 1}件目)` : ''}`;
      if (v.value !== null) {
        const unit = 10 ** -decimalsOf(v.value);
        // The formula may be in another unit than the value (百万円 over 円/件 …): any power-of-1000 scale.
        const ok = [1, 1e3, 1e6, 1e-3, 1e-6].some((scale) => {
          const c = (a / b) * scale;
          return agrees(v.value!, unit, c, c);
        });
        if (!ok) {
          out.push({
            code: 'unit-cost-formula-mismatch',
            section: 'unitCosts',
            ref: String(v.year),
            message: `${where} ${v.value}${u.unit ?? ''} が計算式 ${v.formula} = ${Number((a / b).toPrecision(6))} と一致しません`,
          });
        }
      }
      const counts = activities
        .map((act) => ({ act, val: act.values.find((x) => x.year === v.year && x.label === v.label) ?? act.values.find((x) => x.year === v.year && x.isPlan === v.isPlan) }))
        .filter((x) => x.val && x.val.actual !== null);
      if (!counts.length || counts.some((x) => x.val!.actual === b)) continue;
      out.push({
        code: 'unit-cost-formula-mismatch',
        section: 'unitCosts',
        ref: String(v.year),
        message: `${where}の計算式 ${v.formula} の分母 ${b} が活動実績 ${counts.map((x) => `${x.val!.actual}${x.act.unit ?? ''}`).join('、')} と一致しません`,
      });
    }
  }
}

/** The 法人番号 check digit rule lives with the site's, so it is written once. */
export { corporateNumberCheckDigit };

function corporateNumbers(r: Sheet, out: SheetWarning[]): void {
  for (const p of r.payees) {
    if (p.corporateNumber === null) continue;
    const ref = `${p.block}-${p.rank}`;
    const who = `ブロック${p.block}の支出先 ${p.name}(${p.rank}位)`;
    if (!/^\d{13}$/.test(p.corporateNumber)) {
      out.push({ code: 'corporate-number-check-digit', section: 'payees', ref, message: `${who}の法人番号「${p.corporateNumber}」は13桁の数字ではありません` });
      continue;
    }
    const expected = corporateNumberCheckDigit(p.corporateNumber.slice(1));
    if (Number(p.corporateNumber[0]) !== expected) {
      out.push({
        code: 'corporate-number-check-digit',
        section: 'payees',
        ref,
        message: `${who}の法人番号 ${p.corporateNumber} の検査用数字(先頭の ${p.corporateNumber[0]})が正しくありません(残り12桁からは ${expected})`,
      });
    }
  }
}

function payeesVsBlocks(r: Sheet, out: SheetWarning[]): void {
  const form = r.source.form;
  for (const b of r.blocks) {
    if (b.total === null) continue;
    const payees = r.payees.filter((p) => p.block === b.id && p.amount !== null);
    if (!payees.length) continue;
    const hiTotal = b.total + amountHalfUnit(b.total, form);
    if (form === 'rs-csv') {
      if (r.flows.some((f) => f.from === b.id && f.to === b.id)) continue;
      const sum = payees.reduce((s, p) => s + p.amount!, 0);
      if (sum > b.total) {
        out.push({ code: 'payees-exceed-block', section: 'payees', ref: b.id, message: `ブロック${b.id}の支出先の支出額の合計 ${formatAmountExact(sum)} がブロックの合計支出額 ${formatAmountExact(b.total)} を超えています` });
      }
      continue;
    }
    for (const p of payees) {
      // Stated amounts stand for half-open intervals ("16" is 15.5 up to 16.5), so touching intervals
      // already mean the payee got more than the block's total.
      if (p.amount! - amountHalfUnit(p.amount!, form) < hiTotal || p.amount! <= b.total) continue;
      out.push({
        code: 'payees-exceed-block',
        section: 'payees',
        ref: `${b.id}-${p.rank}`,
        message: `ブロック${b.id}の支出先 ${p.name}(${p.rank}位)の支出額 ${formatAmountExact(p.amount!)} が費目・用途の計 ${formatAmountExact(b.total)} を超えています`,
      });
    }
  }
}

function blockExpenses(r: Sheet, out: SheetWarning[]): void {
  const partial = r.source.form === 'rs-csv';
  for (const b of r.blocks) {
    const amounts = b.expenses.map((e) => e.amount).filter((a): a is number => a !== null);
    if (b.total === null || !amounts.length) continue;
    const sum = amounts.reduce((s, a) => s + a, 0);
    if (partial ? sum <= b.total : sum === b.total) continue;
    if (partial) {
      out.push({
        code: 'block-expenses-mismatch',
        section: 'blocks',
        ref: b.id,
        message: `ブロック${b.id}(${b.name ?? '名称なし'})の費目・使途の金額の合計 ${formatAmountExact(sum)} がブロックの合計支出額 ${formatAmountExact(b.total)} を超えています`,
      });
      continue;
    }
    out.push({
      code: 'block-expenses-mismatch',
      section: 'blocks',
      ref: b.id,
      message: `ブロック${b.id}(${b.name ?? '名称なし'})の費目・用途の金額の合計 ${formatAmountExact(sum)} が計 ${formatAmountExact(b.total)} と一致しません`,
    });
  }
}

export function checkSheet(record: Sheet): SheetWarning[] {
  const out: SheetWarning[] = [];
  budgetTotals(record, out);
  executionRates(record, out);
  unitCosts(record, out);
  corporateNumbers(record, out);
  payeesVsBlocks(record, out);
  blockExpenses(record, out);
  return out;
}
