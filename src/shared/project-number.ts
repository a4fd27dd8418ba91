/**
 * A printed 事業番号 as ASCII: the id's number part (src/shared/ids.ts, docs/IDS.md) and the key by which
 * past-sheet references find their sheet (src/lib/view/aggregate.ts, src/lib/history/chains.ts). Pure,
 * browser-safe.
 */

/**
 * The ministry abbreviations of the 事業番号 used from 2021 ("2021-総務-20-0083"), romanised. They are part
 * of the number, not a repeat of the 府省庁: a 厚生労働省 sheet can carry "2023-国交-22-0621" next to its own
 * "2023-厚労-22-0621" (a project numbered by another ministry), so dropping them would make two sheets one.
 * Every abbreviation of the JUDGIT years 2021 and 2023 is here; an unlisted one is dropped as other
 * non-ASCII text is.
 */
export const NUMBER_ABBREVIATION_SLUGS: Record<string, string> = {
  官房: 'cas',
  府: 'cao',
  復興: 'reconstruction',
  デジ: 'digital',
  こども: 'cfa',
  個情: 'ppc',
  カジノ: 'jcrc',
  公取: 'jftc',
  警察: 'npa',
  金融: 'fsa',
  消費: 'caa',
  総務: 'soumu',
  法務: 'moj',
  外務: 'mofa',
  財務: 'mof',
  文科: 'mext',
  厚労: 'mhlw',
  農水: 'maff',
  経産: 'meti',
  国交: 'mlit',
  環境: 'env',
  原規: 'nra',
  防衛: 'mod',
};

/** ASCII form of a printed 事業番号, or `null` when nothing ASCII remains. */
export function numberSlug(projectNumber: string): string | null {
  const s = projectNumber
    .normalize('NFKC')
    // A whole run of non-ASCII that is a known abbreviation ("総務" in "2021 総務 20 0083").
    .replace(/[^\x00-\x7f]+/g, (run) => (NUMBER_ABBREVIATION_SLUGS[run] ? `-${NUMBER_ABBREVIATION_SLUGS[run]}-` : run))
    .replace(/新/g, '-shin')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? null : s;
}
