/**
 * The word-index chunk size grows with the square root of the index (scripts/search-index/chunk-size.ts),
 * which keeps the metadata's chunk table plus a term's chunks least as the site grows.
 */
import { describe, expect, it } from 'vitest';
import { chunkLocations, MIN_CHUNK_LOCATIONS } from '../../scripts/search-index/chunk-size.ts';

describe('chunkLocations', () => {
  it('keeps the smallest size for a small index (the sample site: ≈ 4.5 million locations)', () => {
    expect(chunkLocations(0)).toBe(MIN_CHUNK_LOCATIONS);
    expect(chunkLocations(4_500_000)).toBe(4000);
  });

  it('grows with the square root of the locations: ≈ 10,000 at a year, ≈ 31,000 at 52,000 sheets', () => {
    // √(8 × 64e6 / (1.6 × 3)) = 10,328; √(8 × 590e6 / 4.8) = 31,358 (rounded to thousands).
    expect(chunkLocations(64_000_000)).toBe(10_000);
    expect(chunkLocations(590_000_000)).toBe(31_000);
    expect(chunkLocations(4 * 64_000_000)).toBe(21_000);
  });
});
