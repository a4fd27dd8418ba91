/**
 * The converter's hand-over to the content loader: for every entry it wrote, the entry's hash and what
 * the loader takes from it (src/lib/index-entries.ts: the stored projection and the listing), in
 * `content/sheets/.index.json`.
 *
 * Why: the loader reads, parses and validates every entry at the start of each build, ≈ 1.7 s on two
 * threads at a year of sheets (5,664 entries), while the converter had each validated record in hand a
 * moment before. With the hand-over the loader only reads and hashes each entry (≈ 0.2 s) and takes the
 * converter's result when the hash matches; any entry that does not match (edited by hand, written by
 * something else, no hand-over at all) is read and validated as before. The pages still validate the
 * whole record they render (src/lib/load-sheets.ts loadSheet).
 *
 * The hand-over is used only when it was made by the same code: it names a fingerprint of the sources
 * that decide what an entry becomes (src/schema and src/lib, where the schema, the listing and the
 * entry format live). Any change there makes the loader read every entry again until the next convert.
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexedSheet } from './index-entries.ts';

export const INDEX_CACHE_FILE = '.index.json';

/** One entry as handed over: the hash of the entry file's bytes and its indexed form. */
export interface CachedEntry extends IndexedSheet {
  hash: string;
}

interface CacheFile {
  code: string;
  /** Keyed by the entry's file name (`<id>.md`). */
  entries: Record<string, CachedEntry>;
}

/** The hash the hand-over and the loader compare (sha1 of the file's UTF-8 bytes, base64). */
export function entryHash(content: string | Uint8Array): string {
  return hash('sha1', content, 'base64');
}

let fingerprint: string | null | undefined;

/**
 * sha1 over the names and contents of every source file in src/schema and src/lib, found beside this
 * module; null when they are not there (e.g. this module bundled elsewhere): no hand-over is then trusted.
 */
export function codeFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  try {
    const lib = path.dirname(fileURLToPath(import.meta.url));
    const parts: string[] = [];
    for (const dir of [path.join(lib, '..', 'schema'), lib]) {
      for (const name of readdirSync(dir).filter((n) => /\.(ts|mjs|js)$/.test(n)).sort()) {
        parts.push(`${path.basename(dir)}/${name}`, readFileSync(path.join(dir, name), 'utf8'));
      }
    }
    // This module's own source must be among them, or these are not the sources that made it.
    fingerprint = parts.includes('lib/index-cache.ts') ? hash('sha1', parts.join('\0'), 'base64') : null;
  } catch {
    fingerprint = null;
  }
  return fingerprint;
}

/** The JSON text of a hand-over for `entries` (file name → entry), or null when no fingerprint can be made. */
export function indexCacheText(entries: Map<string, CachedEntry>): string | null {
  const code = codeFingerprint();
  if (code === null) return null;
  const file: CacheFile = { code, entries: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1))) };
  return `${JSON.stringify(file)}\n`;
}

/**
 * The hand-over in `dir`, keyed by file name; null when there is none, it cannot be read, or it was made by
 * other code (every entry is then read and validated).
 */
export function readIndexCache(dir: string): Map<string, CachedEntry> | null {
  const code = codeFingerprint();
  if (code === null) return null;
  let parsed: CacheFile;
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, INDEX_CACHE_FILE), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (parsed?.code !== code || typeof parsed.entries !== 'object' || parsed.entries === null) return null;
  return new Map(Object.entries(parsed.entries));
}
