/**
 * Joins the parts' Pagefind bundles (each built alone in its folder under the temporary index folder,
 * index-builder.ts) into one bundle in that folder itself (mergeBundles, pagefind-internals.ts): a cold
 * search then fetches one metadata file and one chunk per word, not one of each per part. The fragments
 * move into one folder under their pages' new names, the first part's code files to the top.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRIMARY_ONLY, type PartResult, type PartTask } from './build-part.ts';
import { chunkLocations as chunkSize } from './chunk-size.ts';
import { mergeBundles, type BundleFile } from './pagefind-internals.ts';

/** The files of a part's bundle that mergeBundles reads (all but its fragments and code). */
async function readBundle(dir: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel === 'pagefind-entry.json' || rel.endsWith('.pf_meta') || rel.startsWith('index/') || rel.startsWith('filter/')) {
      files.push({ path: rel, content: await readFile(path.join(dir, rel)) });
    }
  }
  return files;
}

/**
 * Merges the parts into `tmp` and removes their folders; returns each page's new name (its result id) and
 * the chunk size the word index was cut at (chunk-size.ts).
 */
export async function mergeParts(
  tasks: PartTask[],
  results: PartResult[],
  tmp: string,
): Promise<{ pageNames: Map<string, string>; chunkLocations: number }> {
  const bundles = [];
  for (const t of tasks) bundles.push(await readBundle(t.dir));
  const profiles = new Set(results.flatMap((r) => r.profiles));
  const { files, pageNames, chunkLocations } = mergeBundles(bundles, chunkSize, (page) => profiles.has(page), {
    // The search page ranks by match position, not by Pagefind's score (pagefind-internals.ts, 7).
    uniformWordCounts: true,
  });
  for (const sub of ['index', 'filter', 'fragment']) await mkdir(path.join(tmp, sub), { recursive: true });
  for (const f of files) await writeFile(path.join(tmp, ...f.path.split('/')), f.content);
  for (const t of tasks) {
    const fragments = path.join(t.dir, 'fragment');
    for (const file of existsSync(fragments) ? await readdir(fragments) : []) {
      const name = pageNames.get(file.replace(/\.pf_fragment$/, ''));
      if (name === undefined) throw new Error(`search part ${t.part + 1}: fragment ${file} is not a page of its index`);
      await rename(path.join(fragments, file), path.join(tmp, 'fragment', `${name}.pf_fragment`));
    }
    for (const name of await readdir(t.dir)) {
      if (PRIMARY_ONLY.test(name)) await rename(path.join(t.dir, name), path.join(tmp, name));
    }
    await rm(t.dir, { recursive: true, force: true });
  }
  return { pageNames, chunkLocations };
}
