/**
 * The converter's hand-over to the content loader, `content/sheets/.index.json`: for every entry it wrote
 * and validated, the hash of the entry file's bytes and the entry's listing (src/lib/data/sheet-listing.ts).
 * The converter does not know what a listing is: the CLI that runs it (scripts/convert.ts) passes the
 * site's `listing` function in, so the converter imports nothing of the site and this format module
 * nothing of either (the listing is opaque here).
 *
 * Why: the converter has each validated record in hand when it writes the entry; the loader would
 * otherwise parse and validate every entry again (≈ 3 s of CPU at a year of sheets, 5,664 entries) and
 * the pages would validate each record a third time. With the hand-over an entry is validated once.
 *
 * Freshness, as in a build cache keyed by content (Observable Framework's loader cache): an entry is
 * taken as handed over only when
 * - its bytes hash to what the converter wrote (an entry edited by hand since does not), and
 * - the hand-over was made by the converter run of this same build (`run`, the CONVERT_RUN_ID that
 *   scripts/build.ts gives both steps): the same checkout, so the same schema and listing code. Outside
 *   `npm run build` (astro dev, astro build) nothing is trusted and every entry is validated.
 * No import graph is walked and no file date compared.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONVERT_RUN_ENV } from './convert-report.ts';

export const INDEX_CACHE_FILE = '.index.json';

/** One entry as handed over: the hash of the entry file's bytes and its listing. */
export interface CachedEntry<L = unknown> {
  hash: string;
  listing: L;
}

interface CacheFile {
  /** CONVERT_RUN_ID of the converter run that wrote it; `null` outside `npm run build`. */
  run: string | null;
  /** Keyed by the entry's file name (`<id>.md`). */
  entries: Record<string, CachedEntry<unknown>>;
}

/** The hash the hand-over and the loader compare (sha1 of the file's bytes, base64). */
export function entryHash(content: string | Uint8Array): string {
  return hash('sha1', content, 'base64');
}

/** The JSON text of a hand-over for `entries` (file name → entry), made by the run `env` names. */
export function indexCacheText(entries: Map<string, CachedEntry>, env: NodeJS.ProcessEnv = process.env): string {
  const file: CacheFile = { run: env[CONVERT_RUN_ENV] ?? null, entries: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1))) };
  return `${JSON.stringify(file)}\n`;
}

/**
 * The hand-over in `dir`, keyed by file name, when it was made by this build's converter run; null
 * otherwise (no run id, another run, no file, unreadable): every entry is then validated.
 */
export function readIndexCache<L>(dir: string, env: NodeJS.ProcessEnv = process.env): Map<string, CachedEntry<L>> | null {
  const run = env[CONVERT_RUN_ENV];
  if (!run) return null;
  let parsed: CacheFile;
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, INDEX_CACHE_FILE), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (parsed?.run !== run || typeof parsed.entries !== 'object' || parsed.entries === null) return null;
  return new Map(Object.entries(parsed.entries) as [string, CachedEntry<L>][]);
}
