/**
 * Joins the parts' Pagefind bundles (each built alone in its folder under the temporary index folder,
 * index-builder.ts) into one bundle in that folder itself (mergeBundleSources, merge-bundles.ts): a cold
 * search then fetches one metadata file and one chunk per word, not one of each per part. The parts' files
 * are read from disk as the merge needs them and the merged files written as they are made, so the merge
 * holds about one word-index chunk of each part at a time. The pages' fragments are written in groups of
 * consecutive pages (pagefind-internals.ts, 11; a result list loads one or two files for its ten results),
 * the first part's code files move to the top. A page made from a sheet's record has its fragment handed
 * over by its part (build-part.ts), and gets the record's place in its meta here (`recordAt`,
 * record-places.ts: known only now). The payee profiles' bundles (build-part.ts) are merged the same way
 * into their own bundle in PROFILES_PATH.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PRIMARY_ONLY, type PartResult, type PartTask } from './build-part.ts';
import { chunkLocations as chunkSize } from './chunk-size.ts';
import { mergeBundleSources } from './merge-bundles.ts';
import { decodeFragment, encodeFragmentGroup, type Fragment } from './pagefind-internals.ts';
import { RECORD_META, recordMeta, type RecordAt } from '../../src/shared/search/record-place.ts';
import { PROFILES_PATH } from '../../src/shared/search/manifest.ts';

/** A part's bundle files by path (undefined for a file it does not have). */
function bundleReader(dir: string): (file: string) => Uint8Array | undefined {
  return (file) => {
    const full = path.join(dir, ...file.split('/'));
    return existsSync(full) ? readFileSync(full) : undefined;
  };
}

/**
 * Merges the parts into `tmp` and removes their folders; returns each page's new name (its result id) and
 * the chunk size the word index was cut at (chunk-size.ts). `recordAt` is where a sheet's record is; it is
 * needed when a part has pages made from a record.
 */
export async function mergeParts(
  tasks: PartTask[],
  results: PartResult[],
  tmp: string,
  recordAt: ((id: string) => RecordAt) | null,
): Promise<{ pageNames: Map<string, string>; chunkLocations: number; profilePages: number }> {
  const fromSheets = results.flatMap((r) => r.fromSheets);
  if (fromSheets.length > 0 && recordAt === null) throw new Error('search index: pages made from records, but no place to find the records');
  const profilePages = results.reduce((n, r) => n + r.profiles.length, 0);
  /**
   * Merges one bundle of every part (the part's folder + `sub`) into tmp + `sub`, and writes its pages'
   * fragments in their groups: those in the parts' folders, and `handed` (by the page's name in its part).
   */
  const merge = async (sub: string, isProfile: boolean, totalLocations: number, handed: Map<string, Fragment>) => {
    const into = path.join(tmp, sub);
    for (const dir of ['index', 'filter', 'fragment']) mkdirSync(path.join(into, dir), { recursive: true });
    // Synchronous reads and writes: the merge is the only work left at this point of the build.
    const merged = await mergeBundleSources(
      tasks.map((t) => bundleReader(path.join(t.dir, sub))),
      (file, content) => writeFileSync(path.join(into, ...file.split('/')), content),
      chunkSize,
      {
        isProfile: () => isProfile,
        // The search page ranks by match position, not by Pagefind's score (pagefind-internals.ts, 7).
        uniformWordCounts: true,
        // A result list's fragments in one or two files, not ten (pagefind-internals.ts, 11).
        fragmentGroups: true,
        totalLocations,
      },
    );
    const groups = new Map<string, Record<string, Fragment>>();
    const add = (from: string, fragment: Fragment, where: string) => {
      const name = merged.pageNames.get(from);
      if (name === undefined) throw new Error(`search index: ${where}: page ${from} (${fragment.url}) is not a page of its index`);
      const group = merged.groupOf.get(name)!;
      const fragments = groups.get(group) ?? {};
      groups.set(group, fragments);
      if (fragments[name] !== undefined) throw new Error(`search index: ${where}: two fragments of page ${from}`);
      fragments[name] = fragment;
    };
    for (const t of tasks) {
      const dir = path.join(t.dir, sub, 'fragment');
      // Synchronous reads, as the merge's: ≈ 15,000 payee profiles' fragments at 52,000 sheets, each
      // otherwise a round trip through libuv's thread pool.
      for (const file of existsSync(dir) ? readdirSync(dir) : []) {
        const where = `search part ${t.part + 1}, ${sub}fragment/${file}`;
        add(file.replace(/\.pf_fragment$/, ''), decodeFragment(readFileSync(path.join(dir, file)), where), where);
      }
    }
    for (const [from, fragment] of handed) add(from, fragment, 'a page made from a record');
    const written = [...groups.values()].reduce((n, g) => n + Object.keys(g).length, 0);
    if (written !== merged.pageNames.size) throw new Error(`search index: ${merged.pageNames.size - written} page(s) of ${sub || 'the sheets\' bundle'} without a fragment`);
    for (const [group, fragments] of groups) writeFileSync(path.join(into, 'fragment', `${group}.pf_fragment`), encodeFragmentGroup(fragments));
    return merged;
  };
  // A page made from a record gets the record's place in its fragment's meta, known only now.
  const handed = new Map(
    fromSheets.map(({ name, sheet, fragment }) => [name, { ...fragment, meta: { ...fragment.meta, [RECORD_META]: recordMeta(recordAt!(sheet)) } }]),
  );
  const sheets = await merge('', false, results.reduce((n, r) => n + r.locations, 0), handed);
  const pageNames = new Map(sheets.pageNames);
  if (profilePages > 0) {
    const profiles = await merge(PROFILES_PATH, true, results.reduce((n, r) => n + r.profileLocations, 0), new Map());
    for (const [from, to] of profiles.pageNames) pageNames.set(from, to);
  }
  for (const t of tasks) {
    for (const name of readdirSync(t.dir)) {
      if (PRIMARY_ONLY.test(name)) renameSync(path.join(t.dir, name), path.join(tmp, name));
    }
    await rm(t.dir, { recursive: true, force: true });
  }
  return { pageNames, chunkLocations: sheets.chunkLocations, profilePages };
}
