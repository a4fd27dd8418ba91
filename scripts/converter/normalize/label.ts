/**
 * Label normalisation for matching row and column labels of a sheet. Exports wrap labels across lines and
 * insert stray spaces ("予算 の 状 況", "単位当たり コスト") and mix full- and half-width forms, so labels
 * are compared after NFKC and with every whitespace character removed. Only for matching: values keep
 * the sheet's own text.
 */

/** NFKC with all whitespace (including U+3000) removed. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The label without its parenthesised annotations, for matching: "執行率(%)" → "執行率",
 * "根拠法令 (具体的な 条項も記載)" → "根拠法令", "事業終了 (予定)年度" → "事業終了年度".
 */
export function labelKey(s: string): string {
  let k = normalizeLabel(s);
  // Innermost first, so nested annotations ("(「資金の流れ」(…)…)") also go.
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(/\([^()]*\)/g, '');
  }
  return k;
}
