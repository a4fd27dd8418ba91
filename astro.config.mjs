// @ts-check
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/search-index.ts';

// Hosting: the same build works at the root of a domain and under a project path
// (https://<user>.github.io/<repo>/). SITE and BASE come from the environment (the GitHub Pages workflow
// sets them); OUT_DIR lets tests and benchmarks build elsewhere.
const base = process.env.BASE ?? '/';

export default defineConfig({
  // No SITE, no absolute URLs: canonical/og:url are left out and the open data lists page paths, rather
  // than a placeholder host that would be published by mistake.
  site: process.env.SITE || undefined,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // The search index is built beside the page rendering (see the file).
  integrations: [searchIndex()],
  // concurrency: render a few routes at once so one page's file writes overlap the next page's rendering
  // (≈ 5,700 routes at a year of sheets). Output is the same.
  // inlineStylesheets 'never': a page links the site's stylesheets (cached once) rather than carrying a
  // small one inline, again on every one of ≈ 50,000 pages (issue 18).
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // `astro dev` watches the project folder: not the benchmark's and tests' generated sites (≈ 200,000
  // files after `npm run bench`), which otherwise keep the dev server busy for minutes before it listens.
  vite: {
    server: { watch: { ignored: ['**/bench-work/**', '**/.test-sites/**', '**/dist/**', '**/.dist-*/**'] } },
    // A page's scripts named by their hash alone: pages name them in script tags, and Astro's names
    // (`ChartFigure.astro_astro_type_script_index_0_lang.<hash>.js`) cost ≈ 60 bytes a tag on ≈ 100,000
    // pages at ten review years (issue 18). Shared chunks keep their names: only scripts import them.
    // Small modules shared by the site's script (src/client/site.ts) and the search page's (the labels,
    // number formats, the page-body hook …) go into one chunk instead of one each: a page's scripts then
    // cost one request for them (the search page's cold search made 31 requests, issue 18's limit is 25).
    // Larger ones (chart.js) keep their own: loaded only where a chart is drawn.
    environments: {
      client: {
        build: {
          rollupOptions: {
            output: {
              entryFileNames: '_astro/[hash].js',
              codeSplitting: { groups: [{ name: 'shared', minShareCount: 2, maxModuleSize: 12_000 }] },
            },
          },
        },
      },
    },
  },
});
