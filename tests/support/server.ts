/**
 * A static file server for a built site, mounted under its base path the way GitHub Pages serves it.
 *
 *   const server = await serveDist('.test-sites/base/dist', { base: '/review-sheet-site/' });
 *   await page.goto(server.url('sheets/'));   // http://127.0.0.1:<port>/review-sheet-site/sheets/
 *   await server.close();
 *
 * Rules (the ones GitHub Pages follows that matter to the site):
 * - `<base>path/` serves `path/index.html`; `<base>path` (a folder, no slash) redirects 301 to `<base>path/`;
 *   `<base>page` serves `page.html` when that file exists.
 * - Anything else, and everything outside the base, is 404 with the body of `<dist>/404.html` (if built).
 * - Content types for the files the site ships, including Pagefind's index files (binary) and wasm.
 * - A single byte range (`Range: bytes=a-b`) of a file is answered 206, as GitHub Pages does: a sheet
 *   chart's CSV fetches its record's block from a bulk file that way (src/client/chart-csv-download.ts).
 * Only GET and HEAD; no caching headers, no compression (tests read the bytes as built).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  /** The base path the site is mounted under, with leading and trailing slash (`/` or `/review-sheet-site/`). */
  base: string;
  /** Absolute URL of a site path given relative to the base (`url('sheets/')`); a leading `/` is ignored. */
  url(sitePath?: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Base path the site was built with (Astro `base`). Default `/`. */
  base?: string;
  /** Port to listen on; default 0 (any free port). */
  port?: number;
  /** Host to bind; default 127.0.0.1. */
  host?: string;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's index: gzip-compressed binary chunks that its JS fetches and decompresses itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `''` → `/`, `review-sheet-site` → `/review-sheet-site/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export type Resolution =
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

/**
 * Maps a request path (already without query/hash, still percent-encoded) to a file in `dist`.
 * Exported so the link checker resolves links with exactly the rules the server uses.
 */
export async function resolveRequest(dist: string, base: string, urlPath: string): Promise<Resolution> {
  const root = path.resolve(dist);
  if (!urlPath.startsWith(base) && `${urlPath}/` !== base) return { kind: 'missing' };
  if (`${urlPath}/` === base) return { kind: 'redirect', location: base };
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return { kind: 'missing' };
  }
  if (rel.includes('\0')) return { kind: 'missing' };
  const target = path.resolve(root, rel);
  // Never serve outside dist (`..` segments, encoded or not).
  if (target !== root && !target.startsWith(root + path.sep)) return { kind: 'missing' };
  if (rel === '' || rel.endsWith('/')) {
    const index = path.join(target, 'index.html');
    return (await isFile(index)) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  if (await isFile(target)) return { kind: 'file', file: target };
  if (await isDir(target)) return { kind: 'redirect', location: `${urlPath}/` };
  if (await isFile(`${target}.html`)) return { kind: 'file', file: `${target}.html` };
  return { kind: 'missing' };
}

export async function serveDist(dist: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = normalizeBase(options.base);
  const root = path.resolve(dist);
  if (!(await isDir(root))) throw new Error(`serveDist: ${root} is not a directory (was the site built?)`);
  const notFoundPage = path.join(root, '404.html');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const found = await resolveRequest(root, base, urlPath);
    if (found.kind === 'redirect') {
      res.writeHead(301, { Location: found.location }).end();
      return;
    }
    let status = 200;
    let file: string | null = found.kind === 'file' ? found.file : null;
    if (file === null) {
      status = 404;
      file = (await isFile(notFoundPage)) ? notFoundPage : null;
    }
    let body = file ? await readFile(file) : Buffer.from('404 Not Found\n');
    const headers: Record<string, string | number> = {};
    const range = status === 200 ? /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '') : null;
    if (range && Number(range[1]) <= Number(range[2]) && Number(range[1]) < body.length) {
      const [from, to] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
      headers['Content-Range'] = `bytes ${from}-${to}/${body.length}`;
      body = body.subarray(from, to + 1);
      status = 206;
    }
    res.writeHead(status, {
      'Content-Type': file ? contentTypeOf(file) : 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`500 ${(err as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  return {
    origin,
    base,
    url: (sitePath = '') => `${origin}${base}${sitePath.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
