/**
 * `node scripts/search-cost.ts <dist> [--base /path/] [--year N] [--project N,N…] [term …]`: what a cold search costs on a built site
 * (scripts/bench/search-cost.ts): serves <dist> with a plain static server (tests/support/server.ts),
 * opens its search page in headless Chromium once per term, each time with an empty cache, and prints a
 * Markdown table (hits; index requests and bytes; the shown results' fragments; the time to the first
 * result list) with the index's size on disk. Default terms: the five of docs/BENCHMARKS.md (a rare term,
 * the two commonest, a common one, a 法人番号). A measurement, not a test: it asserts nothing.
 *
 * For the generated sites of the bench: `npm run bench -- 5664` leaves bench-work/5664/dist, and
 * `node scripts/build-search.ts` (OUT_DIR=…) rebuilds only its search index, to compare index designs on
 * the same pages.
 *
 * `--year N` adds what the same search would fetch on a site of N sheets, from a site indexed as one index
 * (scaledToParts: one index of N sheets' pages, its metadata scaled by N / the site's sheets, as a year
 * built in parts is merged into one; the estimate of tests/site/search-cost.test.ts, from the sample site's
 * real text), and the same with the term's own word lists grown to a year (grownToParts;
 * SEARCH_CHUNK_LOCATIONS as the index was built with).
 *
 * `--project N,N…` adds, for each N, the projection of projectedTo (scripts/bench/search-cost.ts): the
 * metadata's chunk table scaled by sheets, its page list by the pages a real site of N sheets has (payee
 * profiles at the real JUDGIT years' ratio, not the sample's), the rest as measured; index only, and with
 * the shown results' fragments as measured.
 */
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/server.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { folderSize } from './bench/measure.ts';
import { coldSearch, grownToParts, resultsTraffic, metaShares, projectedTo, scaledToParts, type ColdSearch } from './bench/search-cost.ts';
import { MANIFEST_FILE, type SearchManifest } from '../src/shared/search/manifest.ts';
import { BENCH_TERMS } from './bench/terms.ts';

const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const base = baseAt >= 0 ? args[baseAt + 1]! : '/';
const yearAt = args.indexOf('--year');
const year = yearAt >= 0 ? Number(args[yearAt + 1]) : null;
const projectAt = args.indexOf('--project');
const projections = projectAt >= 0 ? args[projectAt + 1]!.split(',').map(Number) : [];
const optionArgs = new Set([baseAt, yearAt, projectAt].filter((i) => i >= 0).flatMap((i) => [i, i + 1]));
const positional = args.filter((_, i) => !optionArgs.has(i));
const dist = positional[0];
if (!dist) {
  console.error('usage: node scripts/search-cost.ts <dist> [--base /path/] [term …]');
  process.exit(2);
}
const terms = positional.length > 1 ? positional.slice(1) : BENCH_TERMS;


const kb = (b: number) => (b / 1024).toFixed(0);
const server = await serveDist(dist, { base });
const browser = await launchBrowser();
try {
  const index = folderSize(path.join(dist, 'pagefind'));
  console.log(`search index: ${(index.bytes / 1024 / 1024).toFixed(1)} MB in ${index.files} files (${dist}/pagefind)`);
  console.log('');
  const manifest = JSON.parse(readFileSync(path.join(dist, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
  console.log(`words: ${manifest.words}, ${manifest.pages} pages in ${manifest.parts.length} part(s)`);
  // The sheets' bundle is the one the first list loads (the payee profiles' is searched after it, and counted apart).
  const firstParts = manifest.parts.filter((p) => !p.deferred).length;
  let scale: ((c: ColdSearch) => string) | null = null;
  if (year !== null) {
    if (!(year > 0) || firstParts !== 1) throw new Error('--year needs a positive number of sheets and a site indexed as one index');
    // The index grows with the sheets (payee profiles too, whose number follows the sheets'): scaled by
    // sheets. A year is built in parts and merged into one index (build-index.ts): one metadata file.
    scale = (c) => {
      const y = scaledToParts(c, sheets, year, 1);
      const grown = grownToParts(c, path.join(dist, 'pagefind'), manifest.words, sheets, year, 1, manifest.chunkLocations ?? 4000);
      return ` ${y.requests}, ${kb(y.bytes)} | ${kb(grown)} |`;
    };
  }
  const sheets = readdirSync(path.join(dist, 'sheets')).length;
  const shares = metaShares(path.join(dist, 'pagefind'));
  // The chunk size the index was cut at (older manifests lack it: 4,000 was the fixed size then).
  const built = manifest.chunkLocations ?? 4000;
  if (projections.some((n) => !(n > 0)) || (projections.length > 0 && firstParts !== 1)) throw new Error('--project needs positive numbers of sheets and a site indexed as one index');
  if (projections.length > 0) {
    console.log(
      `metadata ${shares.bytes} bytes: page list ${shares.pageListBytes} (${shares.otherPages} sheet and continuation pages, ${shares.profiles} payee profiles), ` +
        `projected: ${projections.map((n) => `${(projectedTo({ files: [] } as unknown as ColdSearch, shares, sheets, n, built).metaBytes / 1024).toFixed(0)} KB at ${n} (chunks of ${projectedTo({ files: [] } as unknown as ColdSearch, shares, sheets, n, built).chunkLocations})`).join(', ')}`,
    );
  }
  const projected = (c: ColdSearch) =>
    projections
      .map((n) => {
        const p = projectedTo(c, shares, sheets, n, built);
        return ` ${p.requests}, ${kb(p.bytes)} | ${p.requests + resultsTraffic(c).requests}, ${kb(p.bytes + resultsTraffic(c).bytes)} |`;
      })
      .join('');
  console.log(
    `| term | hits | index: requests, KB | + fragments shown: requests, KB | total: requests, KB | ms to results |${scale ? ` index at ${year} sheets: requests, KB | the same, the term's lists grown, KB |` : ''}` +
      projections.map((n) => ` index projected to ${n}: requests, KB | with fragments |`).join('') +
      ' then the payee profiles: requests, KB |',
  );
  console.log(`|---|---:|---:|---:|---:|---:|${scale ? '---:|---:|' : ''}${projections.map(() => '---:|---:|').join('')}---:|`);
  for (const term of terms) {
    const c = await coldSearch(browser, server.url('search/'), term);
    console.log(
      `| ${term} | ${c.hits} | ${c.index.requests}, ${kb(c.index.bytes)} | ${resultsTraffic(c).requests}, ${kb(resultsTraffic(c).bytes)} | ${c.index.requests + resultsTraffic(c).requests}, ${kb(c.index.bytes + resultsTraffic(c).bytes)} | ${c.ms.toFixed(0)} |${scale ? scale(c) : ''}${projected(c)} ${c.profiles.requests}, ${kb(c.profiles.bytes)} |`,
    );
    if (process.env.SEARCH_COST_FILES) for (const [f, b] of c.files) console.error(`  ${term}: ${f} ${kb(b)} KB`);
  }
} finally {
  await browser.close();
  await server.close();
}
