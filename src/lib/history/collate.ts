/**
 * The orders the cross-sheet lists use, as cached collators: the same order as String#localeCompare with
 * the same locale, which builds a collator on every call (at 52,000 sheets the rankings' and profiles'
 * sorts spent most of their time there).
 */
const ja = new Intl.Collator('ja');
const plain = new Intl.Collator();

/** Japanese text (事業名, 支出先名): localeCompare(…, 'ja'). */
export const compareJa = (a: string, b: string): number => ja.compare(a, b);
/** Ids, 法人番号, block letters: localeCompare(…) in the default locale. */
export const compareIds = (a: string, b: string): number => plain.compare(a, b);
