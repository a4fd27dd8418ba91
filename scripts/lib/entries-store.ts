/**
 * The content/sheets folder as the converter's output: atomic writes, a manifest of which input produced
 * which entries, and removal of entries whose input is gone.
 *
 * Why a manifest: an input that fails to convert in this run keeps the entries it produced before (the last
 * good output stays), while an input that was removed takes its entries with it. The manifest
 * (`.manifest.json`, ignored by the site) maps each input path to the ids it produced.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
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
 *  Returns false when the file already had exactly this content (nothing written: reruns are idempotent). */
export async function writeAtomic(file: string, content: string): Promise<boolean> {
  try {
    if ((await readFile(file, 'utf8')) === content) return false;
  } catch {
    // does not exist yet
  }
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return true;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { inputs: {} };
  for (const k of Object.keys(manifest.inputs).sort()) sorted.inputs[k] = [...manifest.inputs[k]].sort();
  await writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(sorted, null, 1)}\n`);
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
