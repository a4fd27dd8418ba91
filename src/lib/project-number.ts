/**
 * A printed 事業番号 as ASCII: the id's number part (scripts/lib/ids.ts, docs/IDS.md) and the key by which
 * past-sheet references find their sheet (src/lib/aggregate.ts, src/lib/history/chains.ts). Pure,
 * browser-safe.
 */

/** ASCII form of a printed 事業番号, or `null` when nothing ASCII remains. */
export function numberSlug(projectNumber: string): string | null {
  const s = projectNumber
    .normalize('NFKC')
    .replace(/新/g, '-shin')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? null : s;
}
