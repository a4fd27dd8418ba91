/**
 * The content/sheets folder as the converter's output: atomic writes, a manifest of which input produced
 * which entries, and removal of entries whose input is gone.
 *
 * Why a manifest: an input that fails to convert in this run keeps the entries it produced before (the last
 * good output stays), while an input that was removed takes its entries with it. The manifest
 * (`.manifest.json`, ignored by the site) maps each input path to the ids it produced.
 *
 * A run is one transaction, so a stopped run (Ctrl-C, SIGKILL, a full disk) never leaves new entries of an
 * input beside old ones under the old manifest: a run writes the entries that changed beside their place
 * (`<id>.md.next`, which the site does not read), then writes the new manifest naming them in `pending`
 * (the commit point: one rename), then renames each into place, removes stale entries and writes the
 * manifest again without `pending`. A run stopped before the commit point leaves the old entries and
 * manifest as they were (its `.next` files are removed by the next run); one stopped after it is finished
 * by the next run or content load (`finishCommit`), before anything reads the entries.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Manifest {
  inputs: Record<string, string[]>;
  /** Ids whose `<id>.md.next` is committed but not yet renamed into place (a run stopped while it did). */
  pending?: string[];
}

/** Where a run writes an entry that changed until it commits (entries-store.ts header). */
export function stagedFile(file: string): string {
  return `${file}.next`;
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

/** Writes `content` to the staged place of `file` (`<file>.next`) when it differs from what `file` holds.
 *  Returns false when `file` already holds exactly this content (nothing to commit). No temporary file:
 *  a staged file is read by no one until the run commits, which it does only after every write is done. */
export function writeStaged(file: string, content: string): boolean {
  try {
    if (readFileSync(file, 'utf8') === content) return false;
  } catch {
    // does not exist yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(stagedFile(file), content, 'utf8');
  return true;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  writeManifestSync(dir, manifest);
}

function writeManifestSync(dir: string, manifest: Manifest): void {
  const sorted: Manifest = { inputs: {} };
  for (const k of Object.keys(manifest.inputs).sort()) sorted.inputs[k] = [...manifest.inputs[k]].sort();
  if (manifest.pending) sorted.pending = [...manifest.pending].sort();
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(sorted, null, 1)}\n`);
}

export interface CommitResult {
  /** Ids renamed into place. */
  renamed: string[];
  /** Ids of entries removed because no input produced them. */
  removed: string[];
  /** Renames that failed: the entry keeps its previous content (or is absent) and stays pending. */
  failures: { id: string; message: string }[];
}

/**
 * Commits a run: `manifest` names every entry that must exist, `pending` the ids staged by writeStaged.
 * The manifest is written first (the commit point), then finishCommit renames and removes.
 */
export function commitEntries(dir: string, manifest: Manifest, pending: string[]): CommitResult {
  mkdirSync(dir, { recursive: true });
  writeManifestSync(dir, { ...manifest, pending });
  return finishCommit(dir);
}

function readManifestSync(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    return m && typeof m.inputs === 'object' ? m : null;
  } catch {
    return null;
  }
}

/**
 * Finishes a committed run (idempotent): renames each pending `<id>.md.next` into place, removes entries
 * the manifest does not name and leftover staged or temporary files, then drops `pending` from the
 * manifest. With no pending commit, only removes what a run stopped before its commit point left (its
 * staged files): the entries and the manifest are then the last committed ones.
 */
export function finishCommit(dir: string): CommitResult {
  const result: CommitResult = { renamed: [], removed: [], failures: [] };
  if (!existsSync(dir)) return result;
  const manifest = readManifestSync(dir);
  // `pending` present (even empty) = a committed run not yet finished.
  const committed = manifest?.pending !== undefined;
  const pending = new Set(manifest?.pending ?? []);
  for (const id of pending) {
    const file = path.join(dir, `${id}.md`);
    try {
      renameSync(stagedFile(file), file);
      result.renamed.push(id);
    } catch (err) {
      // Already renamed by a run that was stopped after it.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      result.failures.push({ id, message: (err as Error).message });
    }
  }
  const failed = new Set(result.failures.map((f) => f.id));
  const keep = manifest && committed ? new Set(Object.values(manifest.inputs).flat()) : null;
  for (const f of readdirSync(dir)) {
    // Any writeAtomic temporary of a killed run: an entry's, or the manifest's (`.manifest.json.tmp-<pid>`).
    if (/\.tmp-\d+$/.test(f) || (f.endsWith('.md.next') && !failed.has(f.slice(0, -8)))) {
      rmSync(path.join(dir, f), { force: true, recursive: true });
    } else if (keep && f.endsWith('.md') && !keep.has(f.slice(0, -3))) {
      rmSync(path.join(dir, f), { force: true });
      result.removed.push(f.slice(0, -3));
    }
  }
  if (manifest && committed) writeManifestSync(dir, { inputs: manifest.inputs, pending: failed.size ? [...failed] : undefined });
  return result;
}
