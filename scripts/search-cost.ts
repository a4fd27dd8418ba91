/**
 * `node scripts/search-cost.ts <dist> [--base /path/] [term …]`: what a cold search costs on a built site
 * (scripts/lib/bench/search-cost.ts): serves <dist> with a plain static server (tests/support/server.ts),
 * opens its search page in headless Chromium once per term, each time with an empty cache, and prints a
 * Markdown table (hits; index requests and bytes; the shown results' fragments; the time to the first
 * result list) with the index's size on disk. Default terms: the five of docs/BENCHMARKS.md (a rare term,
 * the two commonest, a common one, a 法人番号). A measurement, not a test: it asserts nothing.
 *
 * For the generated sites of the bench: `npm run bench -- 5664` leaves bench-work/5664/dist, and
 * `node scripts/build-search.ts` (OUT_DIR=…) rebuilds only its search index, to compare index designs on
 * the same pages.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/server.ts';
import { coldSearch } from './lib/bench/search-cost.ts';

export const BENCH_TERMS = ['脆弱性', '補助金', '独立行政法人', '地方公共団体', '7010001008844'];

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args[baseAt + 1]! : '/';
const positional = args.filter((_, i) => baseAt < 0 || (i !== baseAt && i !== baseAt + 1));
const dist = positional[0];
if (!dist) {
  console.error('usage: node scripts/search-cost.ts <dist> [--base /path/] [term …]');
  process.exit(2);
}
const terms = positional.length > 1 ? positional.slice(1) : BENCH_TERMS;

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files += 1;
  }
  return { bytes, files };
}

const kb = (b: number) => (b / 1024).toFixed(0);
const server = await serveDist(dist, { base });
const browser = await launchBrowser();
try {
  const index = sizeOf(path.join(dist, 'pagefind'));
  console.log(`search index: ${(index.bytes / 1024 / 1024).toFixed(1)} MB in ${index.files} files (${dist}/pagefind)`);
  console.log('');
  console.log('| term | hits | index: requests, KB | + fragments shown: requests, KB | total KB | ms to results |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const term of terms) {
    const c = await coldSearch(browser, server.url('search/'), term);
    console.log(
      `| ${term} | ${c.hits} | ${c.index.requests}, ${kb(c.index.bytes)} | ${c.fragments.requests}, ${kb(c.fragments.bytes)} | ${kb(c.index.bytes + c.fragments.bytes)} | ${c.ms.toFixed(0)} |`,
    );
    if (process.env.SEARCH_COST_FILES) for (const [f, b] of c.files) console.error(`  ${term}: ${f} ${kb(b)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
}
