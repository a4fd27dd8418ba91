/**
 * Astro integration that builds the search index while Astro renders the pages, instead of reading the
 * built site back afterwards: Astro renders on one core, the index parts are built on the other
 * (scripts/search-index/index-builder.ts), and the pages' HTML is taken as rendered, not re-read from disk.
 *
 * It wraps Astro's prerenderer (the `setPrerenderer` hook of astro:build:start): every rendered HTML page
 * that has `data-pagefind-body` is handed to the index builder as rendered; a page with a body (a sheet
 * page, a payee profile) is then returned to Astro without it, the body going to a body file
 * (src/lib/data/page-body-files.ts); every page is published with its links relative to it, where that is
 * shorter (src/lib/markup/relative-links.ts: a site under a project path). Each sheet's pointer
 * (/data/sheets/<id>.json) is read as rendered for where the sheet's record is, which the index's fragments
 * name (scripts/search-index/record-places.ts). While
 * Astro renders, one part is built at a time (Astro needs the other core); when rendering is done the
 * rest are built `SEARCH_CONCURRENCY` at a time. The index is swapped into `<outDir>/pagefind/` when the
 * build is done. A page indexed with a problem (a sort value that is not a number …) fails the build with
 * its file named, as `node scripts/build-search.ts` (the same indexer over a built site) exits 1.
 *
 * Environment: SEARCH_PART_SIZE, SEARCH_CONCURRENCY (see scripts/build-search.ts).
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BODY_MARKER } from '../../scripts/search-index/find-pages.ts';
import { createIndexBuilder, type IndexBuilder } from '../../scripts/search-index/index-builder.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_PART_SIZE } from '../../scripts/search-index/part-plan.ts';
import { pageNeedsHtml } from '../../scripts/search-index/page-source.ts';
import { pointerId, recordAtOfPointer } from '../../scripts/search-index/record-places.ts';
import type { RecordAt } from '../shared/search/record-place.ts';
import { indexRank, pageKind } from '../shared/search/page-kind.ts';
import { PageBodyWriter } from '../lib/data/page-body-files.ts';
import { relativeLinks } from '../lib/markup/relative-links.ts';
import { listEntryFiles } from '../lib/data/load-sheets.ts';
import { contentDir } from '../shared/paths.ts';
import { href } from '../lib/markup/url.ts';

/**
 * Pages waiting for their part beyond this make Astro wait, so memory stays bounded: a sheet page or a
 * continuation page waits as its URL (the index makes it from its entry, pageNeedsHtml), a payee profile
 * with its HTML (≈ 9 KB), so ≈ 200 MB at most. Not fewer: while Astro renders, one part is built at a time,
 * and the index lags the sheet pages; with 1,500 Astro was held back to the index's pace, one core idle.
 */
const MAX_WAITING = 20_000;

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function hasMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(BODY_MARKER);
}

/**
 * The paths to render in the index's order (indexRank, src/shared/search/page-kind.ts: the sheet pages,
 * then their continuation pages, then the rest; Astro renders them in the order given, each group keeps
 * its order). The index takes the pages as they are rendered, so this is its order too. Sheet pages first
 * also for time: nearly all of the index's work is theirs, and the index is built beside the rendering on
 * the other core, at about the rendering's pace. Rendered last (route order puts data/, payees/,
 * projects/ … before sheets/), the part of the index still to build once the last sheet page was out was
 * the build's tail (≈ 150 s at 52,000 sheets, docs/BENCHMARKS.md). Rendered first, that part is built while
 * Astro renders the sheet JSON, the payee profiles and the lists.
 */
function inIndexOrder<P extends { pathname: string }>(paths: P[], base: string): P[] {
  const rank = (p: P) => {
    const url = p.pathname.startsWith(base) ? `/${p.pathname.slice(base.length)}` : p.pathname;
    return indexRank(pageKind(url.endsWith('/') ? url : `${url}/`)?.kind);
  };
  const ranked = paths.map((p, i) => ({ p, i, r: rank(p) }));
  return ranked.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
}

export default function searchIndexIntegration(): AstroIntegration {
  let outDir = '';
  let base = '/';
  let builder: IndexBuilder | null = null;
  let bodies: PageBodyWriter | null = null;
  /** Where each sheet's record is, from its pointer as rendered (scripts/search-index/record-places.ts). */
  const recordPlaces = new Map<string, RecordAt>();
  let failure: unknown = null;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = href('', config.base);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const concurrency = envInt('SEARCH_CONCURRENCY', DEFAULT_CONCURRENCY);
        const partSize = envInt('SEARCH_PART_SIZE', DEFAULT_PART_SIZE);
        setPrerenderer((inner): AstroPrerenderer => ({
          name: `${inner.name}+search-index`,
          async setup() {
            await inner.setup?.();
            // Created here, after Astro has emptied the output folder.
            builder = createIndexBuilder({
              outDir: path.join(outDir, 'pagefind'),
              expectedPages: (await listEntryFiles(path.join(contentDir(), 'sheets'))).length,
              partSize,
              concurrency: 1,
              // The pages' text is made from the entries they were rendered from (scripts/search-index/page-source.ts).
              contentDir: contentDir(),
              // …and their fragments name their records' places, as the pointers this build renders state them.
              recordAt: (id) => {
                const at = recordPlaces.get(id);
                if (at === undefined) throw new Error(`search index: no pointer of sheet ${id} was rendered`);
                return at;
              },
              // The search page carries the manifest, written into it once the index is (embed-manifest.ts).
              manifestPage: path.join(outDir, 'search', 'index.html'),
              log: (line) => logger.info(line),
            });
            bodies = new PageBodyWriter(outDir);
          },
          getStaticPaths: async () => inIndexOrder(await inner.getStaticPaths(), base),
          collectStaticImages: inner.collectStaticImages ? () => inner.collectStaticImages!() : undefined,
          async teardown() {
            await inner.teardown?.();
            // Rendering is over: the remaining parts get both cores.
            builder?.setConcurrency(concurrency);
          },
          async render(request, options) {
            const rendered = await inner.render(request, options);
            const response = rendered instanceof Response ? rendered : rendered.response;
            if (!builder || !response.body) return rendered;
            const pathname = decodeURIComponent(new URL(request.url).pathname);
            const url = `/${pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '')}`;
            const pointerOf = pointerId(url);
            if (pointerOf !== null) {
              // A sheet's pointer: where its record is, for the index's fragments (read from a copy).
              recordPlaces.set(pointerOf, recordAtOfPointer(url, await response.clone().text()));
              return rendered;
            }
            if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return rendered;
            let html = new Uint8Array(await response.arrayBuffer());
            let added: Promise<void> | null = null;
            if (hasMarker(html)) {
              const file = path.join(outDir, ...url.split('/').filter(Boolean), 'index.html');
              added = builder.add({ url, file, html: pageNeedsHtml(url) ? html : null }).catch((err: unknown) => {
                failure ??= err;
              });
            }
            // Indexed as rendered, published with its links relative to it (src/lib/markup/relative-links.ts)
            // and without its body (src/lib/markup/page-body.ts).
            html = relativeLinks(html, base, url);
            if (bodies) html = bodies.cut(html, url);
            if (added && builder.waiting > MAX_WAITING) await added;
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return rendered instanceof Response ? copy : { ...rendered, response: copy };
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        if (!builder) return; // no page was prerendered
        if (failure) {
          await builder.abort();
          throw failure;
        }
        const started = performance.now();
        const written = await bodies?.finish();
        if (written) logger.info(`page bodies: ${written.files} file(s), ${(written.bytes / 2 ** 20).toFixed(1)} MB`);
        const { manifest, problems, bytes } = await builder.finish();
        logger.info(
          `indexed ${manifest.pages} pages in ${manifest.parts.length} part(s), ${(bytes / 2 ** 20).toFixed(1)} MB ` +
            `(${((performance.now() - started) / 1000).toFixed(1)} s after the pages were done)`,
        );
        if (manifest.pages === 0) logger.warn('no page has data-pagefind-body; the search finds nothing');
        if (problems.length > 0) {
          for (const p of problems) logger.error(`${path.relative(process.cwd(), p.file)}: ${p.message}`);
          throw new Error(`search index: ${problems.length} problem(s) with the pages' search markup (listed above)`);
        }
      },
    },
  };
}
