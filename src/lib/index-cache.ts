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
 * that decide what the loader makes of an entry (the loader's module and everything it imports: the
 * schema, the listing, the entry format). Any change there makes the loader read every entry again
 * until the next convert.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** A static import or re-export of a relative module (`… from './x.ts'`), `import type` included. */
const RELATIVE_IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm;

/**
 * sha1 over the source of the loader's module (index-entries.ts) and of every module it imports, directly
 * or not, through relative imports: the schema, the listing, the entry format, wherever they live. Null
 * when the sources are not there (e.g. this module bundled elsewhere): no hand-over is then trusted.
 */
export function codeFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  try {
    const seen = new Map<string, string>();
    const queue = [fileURLToPath(new URL('./index-entries.ts', import.meta.url))];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      const source = readFileSync(file, 'utf8');
      seen.set(file, source);
      for (const m of source.matchAll(RELATIVE_IMPORT)) queue.push(path.resolve(path.dirname(file), m[1]!));
    }
    // This module must be among them, or these are not the sources that made it.
    if (!seen.has(fileURLToPath(import.meta.url))) return (fingerprint = null);
    const root = path.dirname(fileURLToPath(import.meta.url));
    const parts = [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([file, source]) => [path.relative(root, file), source]);
    fingerprint = hash('sha1', parts.join('\0'), 'base64');
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
