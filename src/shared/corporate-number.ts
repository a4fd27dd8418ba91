/**
 * 法人番号 (corporate number) rules, shared by the converter's checks (scripts/converter/quality-warnings.ts) and the site
 * (payee profiles exist only for numbers that pass). Pure TypeScript, browser-safe.
 */

/**
 * 法人番号 check digit (国税庁 法人番号の指定等に関する省令): the first of the 13 digits is
 * 9 − (Σ_{i=1..12} P_i × Q_i mod 9), P_i the i-th of the other 12 digits counted from the right,
 * Q_i = 1 for odd i and 2 for even i.
 */
export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let i = 1; i <= 12; i++) sum += Number(base12[12 - i]) * (i % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** Is `value` 13 ASCII digits whose first digit is the check digit of the other twelve? */
export function isValidCorporateNumber(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{13}$/.test(value) && Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}

/** The 国税庁 法人番号公表サイト page of a (valid) 法人番号: its names, addresses and their history. */
export function houjinBangouUrl(corporateNumber: string): string {
  return `https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=${encodeURIComponent(corporateNumber)}`;
}
