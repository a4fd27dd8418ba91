// @ts-check
import { defineConfig } from 'astro/config';
import sheetDataFiles from './src/integrations/sheet-data-files.ts';
import searchIndex from './src/integrations/search-index.ts';

// Hosting: the same build works at the root of a domain and under a project path
// (https://<user>.github.io/<repo>/). SITE and BASE come from the environment (the GitHub Pages workflow
// sets them); OUT_DIR lets tests and benchmarks build elsewhere.
const base = process.env.BASE ?? '/';

export default defineConfig({
  site: process.env.SITE ?? 'https://example.github.io',
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Per-sheet download files and the search index are built beside the page rendering (see each file).
  integrations: [sheetDataFiles(), searchIndex()],
  // Routes are rendered one at a time (Astro's default concurrency, 1). Rendering four at once, so that
  // one page's file write would overlap the next page's rendering, used more CPU and was slower in three
  // of four alternating pairs at a year of sheets (docs/BENCHMARKS.md): the build keeps both cores busy
  // anyway (the search index works beside the pages), so there is no idle time for the overlap to fill.
  build: { format: 'directory' },
  // `astro dev` watches the project folder: not the benchmark's and tests' generated sites (≈ 200,000
  // files after `npm run bench`), which otherwise keep the dev server busy for minutes before it listens.
  vite: { server: { watch: { ignored: ['**/bench-work/**', '**/.test-sites/**', '**/dist/**'] } } },
});
