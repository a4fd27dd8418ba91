/**
 * `node scripts/build-search.ts [--part-size N]`: builds the search index of the built site (step 3 of
 * `npm run build`, after the Astro build). Reads every page of OUT_DIR (default dist) that has
 * `data-pagefind-body` and writes OUT_DIR/pagefind/ (scripts/search-index/build-index.ts).
 *
 * Environment: OUT_DIR (the built site), SEARCH_PART_SIZE (most pages per Pagefind index, default
 * DEFAULT_PART_SIZE of scripts/search-index/build-index.ts; more pages are split into several indexes the
 * search page merges; `--part-size` overrides it), SEARCH_CONCURRENCY (parts built at once, default
 * DEFAULT_CONCURRENCY: 2 on a machine with 2 or more cores).
 * Exit code 1 when a page could not be indexed as marked up (each problem is printed with its file), 2 when
 * the index could not be built at all (the previous index is then left in place).
 */
import path from 'node:path';
import { buildSearchIndex, DEFAULT_CONCURRENCY, DEFAULT_PART_SIZE } from './search-index/build-index.ts';
import { contentDir } from '../src/shared/paths.ts';

function positiveArg(flag: string, env: string, what: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`build-search: ${what} must be a positive integer, got "${raw}" (${flag} / ${env})`);
    process.exit(2);
  }
  return n;
}

const dist = path.resolve(process.env.OUT_DIR ?? 'dist');
const started = performance.now();
try {
  const { manifest, problems, bytes } = await buildSearchIndex({
    dist,
    contentDir: contentDir(),
    partSize: positiveArg('--part-size', 'SEARCH_PART_SIZE', 'part size', DEFAULT_PART_SIZE),
    concurrency: positiveArg('--concurrency', 'SEARCH_CONCURRENCY', 'concurrency', DEFAULT_CONCURRENCY),
    log: (line) => console.log(line),
  });
  for (const p of problems) console.error(`build-search: ${path.relative(process.cwd(), p.file)}: ${p.message}`);
  console.log(
    `search: indexed ${manifest.pages} pages in ${manifest.parts.length} part(s), ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
  if (manifest.pages === 0) console.warn('build-search: no page has data-pagefind-body; the search finds nothing');
  if (problems.length > 0) {
    console.error(`build-search: ${problems.length} problem(s) with the pages' search markup`);
    process.exit(1);
  }
} catch (err) {
  console.error(`build-search: ${(err as Error).message}`);
  if ((err as Error).cause) console.error((err as Error).cause);
  process.exit(2);
}
