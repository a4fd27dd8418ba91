// @ts-check
import { defineConfig } from 'astro/config';

// Hosting: the same build works at the root of a domain and under a project path
// (https://<user>.github.io/<repo>/). SITE and BASE come from the environment (the GitHub Pages workflow
// sets them); OUT_DIR lets tests and benchmarks build elsewhere.
const base = process.env.BASE ?? '/';

export default defineConfig({
  site: process.env.SITE ?? 'https://example.github.io',
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
