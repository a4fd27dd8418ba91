/**
 * Runs the search page's own engine (src/client/search/search-engine.ts, with Pagefind's pagefind.js
 * and wasm) in Node against a built index on disk (for tests, or to check an index from a script).
 * pagefind.js fetches its files by URL; here `fetch` of `file:` URLs is answered from disk (query strings ignored),
 * every other URL goes to the real fetch. Pagefind runs on the main thread (Node has no DOM Worker).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SearchEngine } from '../../src/client/search/search-engine.ts';

let installed = false;

export function installFileFetch(): void {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url.replace(/[?#].*$/, ''))));
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  }) as typeof fetch;
}

/** Opens the index in `bundleDir` (a built site's pagefind/ folder). */
export async function openIndex(bundleDir: string): Promise<SearchEngine> {
  installFileFetch();
  return SearchEngine.open(pathToFileURL(path.resolve(bundleDir)).href + '/');
}

/**
 * The site path (relative to the base, leading "/") of a result URL from an index opened with openIndex:
 * pagefind.js prefixes the page's path with the bundle's parent URL.
 */
export function resultPath(url: string, bundleDir: string): string {
  const site = path.resolve(bundleDir, '..');
  const i = url.indexOf(site);
  return i >= 0 ? url.slice(i + site.length) || '/' : url;
}
