/**
 * The content/sheets folder as the converter's output: atomic writes, a manifest of which input produced
 * which entries, and removal of entries whose input is gone.
 *
 * Why a manifest: an input that fails to convert in this run keeps the entries it produced before (the last
 * good output stays), while an input that was removed takes its entries with it. The manifest
 * (`.manifest.json`, ignored by the site) maps each input path to the ids it produced.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export interface Manifest {
  inputs: Record<string, string[]>;
}

const MANIFEST = '.manifest.json';

export async function readManifest(dir: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    if (m && typeof m.inputs === 'object') return m;
  } catch {
    // No manifest yet (first run) or an unreadable one: start empty; stale entries are still removed below.
  }
  return { inputs: {} };
}

/** Writes `content` to `file` via a temporary file and a rename, so readers never see half a file.
 *  Returns false when the file already had exactly this content (nothing written: reruns are idempotent).
 *  Synchronous on purpose: an entry takes five file calls, and each asynchronous one is a round trip
 *  through libuv's thread pool; at 5,664 entries convert took 9.1–11.5 s instead of 12.4–14.1 s, with
 *  1.4–4.9 s of system time instead of ≈ 7.8 s (docs/BENCHMARKS.md). */
export function writeAtomic(file: string, content: string): boolean {
  try {
    if (readFileSync(file, 'utf8') === content) return false;
  } catch {
    // does not exist yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return true;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { inputs: {} };
  for (const k of Object.keys(manifest.inputs).sort()) sorted.inputs[k] = [...manifest.inputs[k]].sort();
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(sorted, null, 1)}\n`);
}

/** Removes every `<id>.md` in `dir` whose id is not in `keep`, and leftover temporary files.
 *  Returns the removed ids. */
export async function removeStale(dir: string, keep: Set<string>): Promise<string[]> {
  const removed: string[] = [];
  let files: string[] = [];
  try {
    files = await readdir(dir);
  } catch {
    return removed;
  }
  for (const f of files) {
    if (/\.md\.tmp-\d+$/.test(f)) {
      await rm(path.join(dir, f), { force: true });
    } else if (f.endsWith('.md') && !keep.has(f.slice(0, -3))) {
      await rm(path.join(dir, f), { force: true });
      removed.push(f.slice(0, -3));
    }
  }
  return removed;
}
