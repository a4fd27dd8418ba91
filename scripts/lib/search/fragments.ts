/**
 * Pagefind 1.6 fragment files (`fragment/<page hash>.pf_fragment`): gzip of the signature "pagefind_dcd"
 * followed by the page's JSON ({url, content, word_count, filters, meta, anchors}). pagefind.js fetches one
 * per displayed result. The indexer replaces each Pagefind makes before writing it (see build-part.ts).
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: unknown[];
  [extra: string]: unknown;
}

/** Parses an inflated fragment. */
export function parseFragment(raw: Buffer, file: string): Fragment {
  const text = raw.toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`${file}: Pagefind fragment without the "${FRAGMENT_SIGNATURE}" signature`);
  }
  const data = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
  if (typeof data.url !== 'string' || typeof data.content !== 'string') {
    throw new Error(`${file}: Pagefind fragment without url/content (Pagefind's format changed?)`);
  }
  return data;
}

/** Reads a fragment file's bytes. */
export function decodeFragment(bytes: Uint8Array, file: string): Fragment {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (err) {
    throw new Error(`${file}: not a gzip Pagefind fragment`, { cause: err });
  }
  return parseFragment(raw, file);
}

/** A fragment's bytes before compression (the file is their gzip). */
export function fragmentBytes(fragment: Fragment): Buffer {
  return Buffer.from(FRAGMENT_SIGNATURE + JSON.stringify(fragment), 'utf8');
}

/**
 * A fragment file's bytes. gzip level 1, not the default 6: a year of sheets has ≈ 5,700 fragments of
 * ≈ 12 kB, and level 1 takes ≈ 0.15 ms less each for ≈ 7 % more bytes (4.7 instead of 4.4 kB), which
 * the search page fetches only for the results it shows.
 */
export function encodeFragment(fragment: Fragment): Buffer {
  return gzipSync(fragmentBytes(fragment), { level: 1 });
}
