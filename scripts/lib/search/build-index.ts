/**
 * Builds the search index of a built site (dist/**.html) into `<outDir>` (normally dist/pagefind/):
 *
 * 1. Finds the pages that have `data-pagefind-body` and orders them by URL.
 * 2. Splits them into parts of at most `partSize` pages (one part, written to `<outDir>/` itself, when they
 *    fit). Pagefind holds every page of an index in memory until it writes it, and needs most while writing
 *    (see DEFAULT_PART_SIZE), so each part is its own Pagefind index, written and freed before the next;
 *    the search page merges them in the browser (mergeIndex).
 * 3. For each page gives Pagefind the bigram words of its text (index-content.ts) with its filters, as a
 *    custom record in language "und".
 * 4. Rewrites each fragment Pagefind wrote: `content` becomes the page's readable text (the search page
 *    builds excerpts from it; the bigram words would only bloat the download) and `meta` the page's
 *    metadata (kept out of the index, so metadata words can never match a query) and `sort` its raw sort
 *    values.
 * 5. Writes each part's sort table and the manifest (src/components/search/manifest.ts).
 * 6. Writes everything to a temporary folder and swaps it into place, so a failed run leaves the previous
 *    index untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SORTS_FILE,
  type SearchManifest,
  type SearchPart,
  type SortTable,
} from '../../../src/components/search/manifest.ts';
import { extractPage } from './extract-page.ts';
import { decodeFragment, encodeFragment } from './fragments.ts';
import { indexContent } from './index-content.ts';

/**
 * Most pages in one Pagefind index. Measured on sheet pages of ≈9,000 characters: Pagefind peaks at
 * ≈2.3 GB per 1,000 pages while writing an index (≈4.7 GB for 2,000 pages, process tree), so 2,000 keeps a
 * build within a 7 GB CI runner; 20,000 sheets become 10 parts.
 */
export const DEFAULT_PART_SIZE = 2000;
/** Files of Pagefind's bundle the search page does not use (Pagefind's own UIs). */
const UNUSED_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
/** Files only the first part needs: merged parts are read by the first part's pagefind.js and wasm. */
const PRIMARY_ONLY = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;
/** How many pages are handed to the Pagefind service at once. */
const IN_FLIGHT = 8;

export interface BuildIndexOptions {
  /** The built site. */
  dist: string;
  /** Where the index goes; default `<dist>/pagefind`. */
  outDir?: string;
  /** Most pages in one Pagefind index. */
  partSize?: number;
  log?: (line: string) => void;
}

export interface PageProblem {
  file: string;
  message: string;
}

export interface BuildIndexResult {
  manifest: SearchManifest;
  /** Pages that were indexed with a problem (a sort value that is not a number …) or not at all. */
  problems: PageProblem[];
  /** Total bytes written under outDir. */
  bytes: number;
}

/** All .html files under `dir`, except in `skip`. */
async function listHtml(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (path.resolve(p) !== path.resolve(skip)) await walk(p);
      } else if (entry.name.endsWith('.html')) {
        out.push(p);
      }
    }
  };
  await walk(dir);
  return out;
}

/** The URL path (relative to the site base, with a leading "/") a built file is served at. */
export function urlOfFile(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Splits `n` items into `parts` contiguous runs whose sizes differ by at most one. */
export function partSizes(n: number, partSize: number): number[] {
  if (!Number.isInteger(partSize) || partSize < 1) throw new Error(`part size must be a positive integer, not ${partSize}`);
  const parts = Math.max(1, Math.ceil(n / partSize));
  const sizes: number[] = [];
  for (let i = 0; i < parts; i += 1) sizes.push(Math.floor(n / parts) + (i < n % parts ? 1 : 0));
  return sizes;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

interface PageInfo {
  file: string;
  text: string;
  meta: Record<string, string>;
  sort: Record<string, number>;
}

async function sumBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await readFile(path.join(entry.parentPath, entry.name))).length;
  }
  return total;
}

async function pagefindCall<T extends { errors: string[] }>(what: string, call: Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call;
  } catch (err) {
    throw new Error(`Pagefind ${what} failed: ${(err as Error).message}`, { cause: err });
  }
  if (result.errors.length > 0) throw new Error(`Pagefind ${what} failed: ${result.errors.join('; ')}`);
  return result;
}

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexResult> {
  const dist = path.resolve(options.dist);
  const outDir = path.resolve(options.outDir ?? path.join(dist, 'pagefind'));
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  const log = options.log ?? (() => {});
  if (!existsSync(dist)) throw new Error(`${dist}: no built site (run the Astro build first)`);

  const problems: PageProblem[] = [];
  const candidates: { file: string; url: string }[] = [];
  for (const file of await listHtml(dist, outDir)) {
    // A cheap pre-scan, so the parts can be sized before any page is parsed; extractPage decides.
    if ((await readFile(file, 'utf8')).includes('data-pagefind-body')) {
      candidates.push({ file, url: urlOfFile(dist, file) });
    }
  }
  candidates.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const sizes = partSizes(candidates.length, partSize);
  const single = sizes.length === 1;
  log(`search: ${candidates.length} pages with data-pagefind-body, ${sizes.length} index part(s)`);

  const tmp = `${outDir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const parts: SearchPart[] = [];
  const sortKeys = new Set<string>();
  const filterNames = new Set<string>();
  const partTables: { dir: string; pages: Map<string, Record<string, number>> }[] = [];

  try {
    let offset = 0;
    for (let p = 0; p < sizes.length; p += 1) {
      const chunk = candidates.slice(offset, offset + sizes[p]!);
      offset += sizes[p]!;
      const partPath = single ? '' : `p${p + 1}/`;
      const partDir = path.join(tmp, partPath);
      // "und": Pagefind applies no stemming or segmentation. Each part gets its own tag because Pagefind
      // names pages "<language>_<short hash>", and result ids must stay unique across merged parts.
      const language = single ? 'und' : `und-p${p + 1}`;
      const pages = new Map<string, PageInfo>();

      const { index } = await pagefindCall(
        'createIndex',
        // One fragment file per page: the search page fetches only the results it shows.
        pagefind.createIndex({ maxFragments: 1_000_000_000 }) as Promise<{ errors: string[]; index?: PagefindIndex }>,
      );
      if (!index) throw new Error('Pagefind createIndex returned no index');
      const pending = new Set<Promise<void>>();
      for (const { file, url } of chunk) {
        const html = await readFile(file, 'utf8');
        let extracted;
        try {
          extracted = extractPage(html);
        } catch (err) {
          problems.push({ file, message: `could not read the page: ${(err as Error).message}` });
          continue;
        }
        if (extracted === null) continue;
        const sort: Record<string, number> = {};
        for (const [key, raw] of Object.entries(extracted.sort)) {
          if (NUMBER.test(raw) && Number.isFinite(Number(raw))) {
            sort[key] = Number(raw);
            sortKeys.add(key);
          } else {
            problems.push({ file, message: `data-pagefind-sort="${key}" is "${raw}", not a number: left out of that sort` });
          }
        }
        for (const name of Object.keys(extracted.filters)) filterNames.add(name);
        const { content } = indexContent(extracted.indexText);
        pages.set(url, { file, text: extracted.text, meta: extracted.meta, sort });
        const job = index
          .addCustomRecord({ url, content, language, filters: extracted.filters })
          .then((res) => {
            if (res.errors.length > 0) {
              problems.push({ file, message: `Pagefind: ${res.errors.join('; ')}` });
              pages.delete(url);
            }
          })
          .catch((err: unknown) => {
            problems.push({ file, message: `Pagefind: ${(err as Error).message}` });
            pages.delete(url);
          })
          .finally(() => pending.delete(job));
        pending.add(job);
        if (pending.size >= IN_FLIGHT) await Promise.race(pending);
      }
      await Promise.all(pending);
      await pagefindCall('writeFiles', index.writeFiles({ outputPath: partDir }));
      await index.deleteIndex();

      const table = new Map<string, Record<string, number>>();
      let written = 0;
      // Pagefind writes no fragment folder for an index without pages.
      const fragmentNames = existsSync(path.join(partDir, 'fragment')) ? await readdir(path.join(partDir, 'fragment')) : [];
      for (const name of fragmentNames) {
        const fragmentFile = path.join(partDir, 'fragment', name);
        const fragment = decodeFragment(await readFile(fragmentFile), fragmentFile);
        const page = pages.get(fragment.url);
        if (!page) throw new Error(`${fragmentFile}: Pagefind wrote a fragment for ${fragment.url}, which was not indexed`);
        const hash = name.replace(/\.pf_fragment$/, '');
        const rewritten = { ...fragment, content: page.text, meta: page.meta, anchors: [], sort: page.sort };
        await writeFile(fragmentFile, encodeFragment(rewritten));
        table.set(hash, page.sort);
        written += 1;
      }
      if (written !== pages.size) {
        throw new Error(`Pagefind wrote ${written} fragments for ${pages.size} pages in part ${p + 1}`);
      }
      for (const name of await readdir(partDir)) {
        if (UNUSED_FILES.test(name) || (p > 0 && PRIMARY_ONLY.test(name))) await rm(path.join(partDir, name));
      }
      partTables.push({ dir: partDir, pages: table });
      parts.push({ path: partPath, pages: pages.size });
      log(`search: part ${p + 1}/${sizes.length}: ${pages.size} pages`);
    }

    const keys = [...sortKeys].sort();
    for (const { dir, pages } of partTables) {
      const table: SortTable = { keys, pages: {} };
      for (const [hash, sort] of pages) table.pages[hash] = keys.map((k) => sort[k] ?? null);
      await writeFile(path.join(dir, SORTS_FILE), JSON.stringify(table));
    }
    const manifest: SearchManifest = {
      format: MANIFEST_FORMAT,
      pagefind: await pagefindVersion(path.join(tmp, parts[0]?.path ?? '')),
      pages: parts.reduce((n, p) => n + p.pages, 0),
      parts,
      sortKeys: keys,
      filters: [...filterNames].sort(),
    };
    await writeFile(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const bytes = await sumBytes(tmp);

    // Swap into place: the old index stays until the new one is complete.
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) await rename(outDir, old);
    await rename(tmp, outDir);
    await rm(old, { recursive: true, force: true });
    return { manifest, problems, bytes };
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await pagefind.close();
  }
}

/** The version Pagefind wrote into the bundle's entry file. */
async function pagefindVersion(bundleDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { version?: string };
  return entry.version ?? 'unknown';
}
