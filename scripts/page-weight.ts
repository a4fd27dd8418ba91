/**
 * `node scripts/page-weight.ts [dist]`: the page weight of the built site's sheet pages, as a markdown table
 * (docs/BENCHMARKS.md records it). For the sheet page of median HTML size (and the smallest and largest),
 * in gzip bytes (level 9, what a static host serving pre-compressed or compressing on the fly sends, ±2 %):
 *
 * - HTML + CSS: the page and its stylesheets (`<link rel="stylesheet">`);
 * - JS at load: its module scripts (`<script type="module" src>`) and everything they import statically;
 * - chart JS, lazily loaded: what those modules import dynamically (chart.js and the chart renderers, fetched
 *   only when a chart scrolls into view) with its static imports, not counting what is loaded already.
 *
 * Inline JSON (`<script type="application/json">`, the chart data) is part of the HTML. The dist's base path
 * is found from the asset URLs (`…/_astro/…`). Default dist: OUT_DIR or dist.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
const sheetsDir = path.join(dist, 'sheets');
if (!existsSync(sheetsDir)) {
  console.error(`page-weight: ${sheetsDir}: no sheet pages (build the site first)`);
  process.exit(2);
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The file in dist a page's asset URL points to (absolute URL path, base path or not). */
function assetFile(url: string): string | null {
  const clean = url.replace(/[?#].*$/, '');
  const parts = clean.split('/').filter(Boolean);
  // Drop leading segments until the rest exists: they are the site's base path.
  for (let i = 0; i < parts.length; i += 1) {
    const f = path.join(dist, ...parts.slice(i));
    if (existsSync(f)) return f;
  }
  return null;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

function imports(file: string, re: RegExp): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(re)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

/** `roots` and every module they import statically. */
function staticClosure(roots: string[], skip: Set<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || skip.has(f) || !existsSync(f)) continue;
    seen.add(f);
    stack.push(...imports(f, STATIC_IMPORT));
  }
  return seen;
}

interface Weight {
  page: string;
  html: number;
  css: number;
  jsAtLoad: number;
  jsLazy: number;
  lazyModules: string[];
}

function weigh(file: string): Weight {
  const html = readFileSync(file, 'utf8');
  const css = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel=["']?stylesheet/.test(m[0])) continue;
    const href = /\bhref=["']([^"']+)["']/.exec(m[0])?.[1];
    const f = href ? assetFile(href) : null;
    if (f) css.add(f);
  }
  const scripts: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    if (!/\btype=["']?module/.test(m[0])) continue;
    const src = /\bsrc=["']([^"']+)["']/.exec(m[0])?.[1];
    const f = src ? assetFile(src) : null;
    if (f) scripts.push(f);
  }
  const atLoad = staticClosure(scripts);
  const dynamicRoots = [...atLoad].flatMap((f) => imports(f, DYNAMIC_IMPORT));
  const lazy = staticClosure(dynamicRoots, atLoad);
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(f), 0);
  return {
    page: path.relative(dist, file),
    html: gz(file),
    css: sum(css),
    jsAtLoad: sum(atLoad),
    jsLazy: sum(lazy),
    lazyModules: [...lazy].map((f) => `${path.basename(f)} ${(gz(f) / 1024).toFixed(1)} KB`),
  };
}

const pages = readdirSync(sheetsDir)
  .map((d) => path.join(sheetsDir, d, 'index.html'))
  .filter((f) => existsSync(f))
  .map((f) => ({ f, size: readFileSync(f).length }))
  .sort((a, b) => a.size - b.size);
if (pages.length === 0) {
  console.error(`page-weight: no sheet pages under ${sheetsDir}`);
  process.exit(2);
}
const picks: [string, string][] = [
  ['smallest', pages[0]!.f],
  ['median (typical)', pages[Math.floor(pages.length / 2)]!.f],
  ['largest', pages[pages.length - 1]!.f],
];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Sheet pages in ${path.relative(process.cwd(), dist) || '.'}: ${pages.length}. Gzip (level 9) bytes.`);
console.log('');
console.log('| sheet page | HTML | CSS | HTML + CSS | JS at load | chart JS (lazy) |');
console.log('|---|---:|---:|---:|---:|---:|');
let lazyModules: string[] = [];
for (const [label, file] of picks) {
  const w = weigh(file);
  lazyModules = w.lazyModules;
  console.log(`| ${label}: \`${w.page}\` | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.html + w.css)} | ${kb(w.jsAtLoad)} | ${kb(w.jsLazy)} |`);
}
console.log('');
console.log(`Lazily loaded chart modules: ${lazyModules.join(', ') || 'none'}.`);
