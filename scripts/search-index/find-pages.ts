/**
 * Finds the pages of a built site to index: every .html file with Pagefind's body marker, and the URL
 * each is served at. A cheap pre-scan, so the index parts can be sized before any page is parsed
 * (extract-page.ts decides what a page gives the index).
 */
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { indexRank, pageKind } from '../../src/shared/search/page-kind.ts';

/** What marks a page to index (Pagefind's attribute); the pre-scan and the Astro integration look for it. */
export const BODY_MARKER = 'data-pagefind-body';
/** Bytes of a page read first by the pre-scan. */
const HEAD_BYTES = 16 * 1024;
/** Files scanned at once. */
const SCANS = 16;

/** All .html files under `dir`, except in `skip` (folders read concurrently: a site has one per page). */
async function listHtml(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) {
          if (path.resolve(p) !== path.resolve(skip)) await walk(p);
        } else if (entry.name.endsWith('.html')) {
          out.push(p);
        }
      }),
    );
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

/**
 * The pages under `dist` (not under `skip`, the index's own folder) that carry the marker, in the index's
 * order (indexRank: sheet pages, continuation pages, the rest), each group in URL order.
 * The marker is looked for in the head of the file first (sheet pages have it in their first few KB), in
 * the whole file only when the head lacks it; several files at once.
 */
export async function findIndexablePages(dist: string, skip: string): Promise<{ file: string; url: string }[]> {
  const found: { file: string; url: string }[] = [];
  const files = await listHtml(dist, skip);
  let next = 0;
  const scan = async () => {
    const head = Buffer.alloc(HEAD_BYTES);
    while (next < files.length) {
      const file = files[next++]!;
      const handle = await open(file);
      let marked: boolean;
      try {
        const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
        marked = head.subarray(0, bytesRead).includes(BODY_MARKER);
        if (!marked && bytesRead === HEAD_BYTES) marked = (await readFile(file)).includes(BODY_MARKER);
      } finally {
        await handle.close();
      }
      if (marked) found.push({ file, url: urlOfFile(dist, file) });
    }
  };
  await Promise.all(Array.from({ length: SCANS }, scan));
  const rank = (url: string) => indexRank(pageKind(url)?.kind);
  return found.sort((a, b) => rank(a.url) - rank(b.url) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
