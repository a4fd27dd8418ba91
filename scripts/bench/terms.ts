/**
 * The five terms every cold-search measurement uses (docs/BENCHMARKS.md): a rare term, the two commonest,
 * a common one, and a 法人番号 (株式会社日立製作所's, named on sheets of every year).
 */
export const BENCH_TERMS: readonly string[] = ['脆弱性', '補助金', '独立行政法人', '地方公共団体', '7010001008844'];
