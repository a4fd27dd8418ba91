// @ts-check
// The floor of this stack for the benchmark (scripts/bench.ts): the same content collection and loader as
// the site, rendered by a bare template (one <h1> and the narrative body). Run from the project root:
//   astro build --config bench/bare/astro.config.mjs
import { defineConfig } from 'astro/config';
import searchIndex from '../../src/integrations/search-index.ts';

export default defineConfig({
  srcDir: './bench/bare/src',
  publicDir: './bench/bare/public',
  outDir: process.env.OUT_DIR ?? './bench-work/bare-dist',
  site: 'https://example.github.io',
  trailingSlash: 'always',
  // Same stack as the site: the search index is built while the pages render.
  integrations: [searchIndex()],
  build: { format: 'directory' },
});
