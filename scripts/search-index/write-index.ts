/**
 * The last step of an index build: merges the built parts (merge-parts.ts), writes the sort table and the
 * manifest (src/shared/search/manifest.ts) next to the bundle, and swaps the temporary folder into place,
 * so a failed run leaves the previous index untouched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  PROFILES_PATH,
  SORTS_FILE,
  type SearchManifest,
  type SearchPart,
  type SortTable,
} from '../../src/shared/search/manifest.ts';
import type { PageProblem, PartResult, PartTask } from './build-part.ts';
import { mergeParts } from './merge-parts.ts';
import { embedManifest } from './embed-manifest.ts';
import type { RecordAt } from '../../src/shared/search/record-place.ts';

export interface BuildIndexResult {
  manifest: SearchManifest;
  /** Pages of each part the index was built in (merged into one index when there are several). */
  builtParts: number[];
  /** Pages that were indexed with a problem (a sort value that is not a number …) or not at all. */
  problems: PageProblem[];
  /** Total bytes written under outDir. */
  bytes: number;
}

/** Synchronous: ≈ 90,000 files at 52,000 sheets, and nothing else runs at this point of the build. */
function sumBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** The version Pagefind wrote into the bundle's entry file. */
async function pagefindVersion(bundleDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { version?: string };
  return entry.version ?? 'unknown';
}

/**
 * Merges the parts, writes the sort table and the manifest into `tmp`, then swaps `tmp` into `outDir`.
 * `recordAt`: where a sheet's record is (merge-parts.ts); `manifestPage`: the built search page, which
 * gets the manifest too (embed-manifest.ts).
 */
export async function writeIndex(
  results: PartResult[],
  tasks: PartTask[],
  tmp: string,
  outDir: string,
  recordAt: ((id: string) => RecordAt) | null,
  manifestPage: string | null = null,
): Promise<BuildIndexResult> {
  const problems = results.flatMap((r) => r.problems);
  const keys = [...new Set(results.flatMap((r) => r.sortKeys))].sort();
  const version = await pagefindVersion(tasks[0]!.dir);
  const { pageNames, chunkLocations, profilePages } = await mergeParts(tasks, results, tmp, recordAt);
  const pages = results.reduce((n, r) => n + r.pages, 0);
  const parts: SearchPart[] = [{ path: '', pages: pages - profilePages }];
  if (profilePages > 0) parts.push({ path: PROFILES_PATH, pages: profilePages, deferred: true });
  // Each bundle's sort table beside it. A page without any sort value (a payee profile, a continuation
  // page) has no row: the search page takes a missing row as no value (search-engine.ts).
  const tables = new Map(parts.map((p): [string, SortTable] => [p.path, { keys, pages: {} }]));
  const profiles = new Set(results.flatMap((r) => r.profiles));
  for (const r of results) {
    for (const [hash, sort] of r.sorts) {
      if (!keys.some((k) => sort[k] !== undefined)) continue;
      tables.get(profiles.has(hash) ? PROFILES_PATH : '')!.pages[pageNames.get(hash)!] = keys.map((k) => sort[k] ?? null);
    }
  }
  for (const [sub, table] of tables) await writeFile(path.join(tmp, sub, SORTS_FILE), JSON.stringify(table));
  const manifest: SearchManifest = {
    format: MANIFEST_FORMAT,
    words: tasks[0]!.words,
    pagefind: version,
    pages: parts.reduce((n, p) => n + p.pages, 0),
    parts,
    sortKeys: keys,
    filters: [...new Set(results.flatMap((r) => r.filterNames))].sort(),
    chunkLocations,
  };
  await writeFile(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = sumBytes(tmp);
  // Swap into place: the old index stays until the new one is complete.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(tmp, outDir);
  await rm(old, { recursive: true, force: true });
  if (manifestPage) await embedManifest(manifestPage, manifest);
  return { manifest, builtParts: results.map((r) => r.pages), problems, bytes };
}
