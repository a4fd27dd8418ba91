/**
 * Builds the search index of a built site into `<outDir>` (normally dist/pagefind/) from its files
 * (scripts/build-search.ts): finds the pages to index (find-pages.ts), reads them a few at a time, in URL
 * order, and hands them to the index builder (index-builder.ts: parts in worker threads, merged into one
 * index, written into place by write-index.ts). The Astro build feeds the same builder as it renders
 * (src/integrations/search-index.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchWords } from '../../src/shared/search/tokens.ts';
import { findIndexablePages } from './find-pages.ts';
import { createIndexBuilder } from './index-builder.ts';
import type { PageInput } from './page-queue.ts';
import { checkPositive, DEFAULT_CONCURRENCY } from './part-plan.ts';
import type { BuildIndexResult } from './write-index.ts';
import { pointerRecordAt } from './record-places.ts';

export type { PageProblem } from './build-part.ts';
export type { BuildIndexResult } from './write-index.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_PART_SIZE } from './part-plan.ts';

export interface BuildIndexOptions {
  /** The built site. */
  dist: string;
  /** Where the index goes; default `<dist>/pagefind`. */
  outDir?: string;
  /** Most pages in one Pagefind index. */
  partSize?: number;
  /** Parts built at once. */
  concurrency?: number;
  /** How the pages' text is cut into index words (default: INDEX_WORDS, index-content.ts). */
  words?: SearchWords;
  /** The entries' folder: pages' text is made from their records (page-source.ts); without it, read from the HTML. */
  contentDir?: string;
  log?: (line: string) => void;
}

/** Pages read from files at once ahead of their part (the rest wait: memory stays bounded). */
const READ_AHEAD = 16;

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const dist = path.resolve(options.dist);
  const outDir = path.resolve(options.outDir ?? path.join(dist, 'pagefind'));
  const log = options.log ?? (() => {});
  checkPositive(options.concurrency ?? DEFAULT_CONCURRENCY, 'concurrency');
  if (!existsSync(dist)) throw new Error(`${dist}: no built site (run the Astro build first)`);

  const started = performance.now();
  const candidates = await findIndexablePages(dist, outDir);
  const builder = createIndexBuilder({
    ...options,
    outDir,
    expectedPages: candidates.length,
    // The records' places are the built site's pointers.
    recordAt: (id) => pointerRecordAt(dist, id),
    // The site's search page names the index it reads: only when this is that index.
    manifestPage: outDir === path.join(dist, 'pagefind') ? path.join(dist, 'search', 'index.html') : undefined,
  });
  log(
    `search: ${candidates.length} pages with data-pagefind-body (found in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
      `${builder.parts} index part(s)`,
  );
  try {
    // Read a few files ahead, in order; add() holds a page back until its part's worker runs.
    const reads = new Map<number, Promise<PageInput>>();
    const read = (i: number) => {
      const c = candidates[i];
      if (c) reads.set(i, readFile(c.file).then((html) => ({ ...c, html })));
    };
    for (let j = 0; j < READ_AHEAD; j += 1) read(j);
    for (let i = 0; i < candidates.length; i += 1) {
      const page = await reads.get(i)!;
      reads.delete(i);
      read(i + READ_AHEAD);
      await builder.add(page);
    }
    return await builder.finish();
  } catch (err) {
    await builder.abort();
    throw err;
  }
}
