/**
 * How many locations a word-index chunk holds (the merge, merge-bundles.ts, re-splits the merged index into chunks of
 * about this many; Pagefind's own is 20,000). Two costs of a cold search pull opposite ways:
 *
 * - each chunk is one entry of the chunk table in the metadata every search loads whole (≈ 8 bytes of
 *   gzip an entry): chunks of L locations make a table of T / L entries for an index of T locations;
 * - a term loads the whole chunk of each of its bigrams (≈ 1.6 bytes of gzip a location): k × L.
 *
 * 8T / L + 1.6kL is least at L = √(8T / 1.6k); for a term of k = 3 bigrams (a word of four characters)
 * that is ≈ 1.3 √T: ≈ 3,000 locations at the sample site (4.5 million), ≈ 10,000 at a year (≈ 64
 * million), ≈ 31,000 at 52,000 sheets. So the chunk size grows with the square root of the index, never
 * below MIN_CHUNK_LOCATIONS (tiny chunks gain a small site nothing and make many files).
 * Measured: docs/BENCHMARKS.md, "Search: a lighter cold search".
 */

/** Bytes of gzip a chunk-table entry costs in the metadata ([from, to, name]; the sample: 8,843 for 1,114). */
const TABLE_ENTRY_BYTES = 8;
/** Bytes of gzip a location costs in a chunk (the sample's real text: 7.8 MB for 609 chunks of 8,000). */
const LOCATION_BYTES = 1.6;
/** The term the size is chosen for: three bigrams (a four-character word). */
const TERM_BIGRAMS = 3;
/** Fewest locations a chunk is cut at. */
export const MIN_CHUNK_LOCATIONS = 4000;

/** SEARCH_CHUNK_LOCATIONS fixes the size (for measuring other sizes; 20000 is Pagefind's own split). */
const FIXED = Number(process.env.SEARCH_CHUNK_LOCATIONS) || null;

/** The chunk size for an index of `totalLocations` locations (Pagefind's measure: locations + 1 a page). */
export function chunkLocations(totalLocations: number): number {
  if (FIXED !== null) return FIXED;
  const best = Math.sqrt((TABLE_ENTRY_BYTES * totalLocations) / (LOCATION_BYTES * TERM_BIGRAMS));
  return Math.max(MIN_CHUNK_LOCATIONS, Math.round(best / 1000) * 1000);
}
