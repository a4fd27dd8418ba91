/**
 * The search index end to end in Node, without a browser: pages made of real sample-sheet text (the RS
 * 2024 CSV subset and both text sheets) are indexed by the real indexer (scripts/search-index/build-index.ts,
 * Pagefind 1.6) and queried through the search page's own engine (src/client/search/search-engine.ts,
 * Pagefind's pagefind.js and wasm, loaded from disk by scripts/search-index/node-runtime.ts).
 *
 * For every query the expected pages are computed by brute force from the text put into the pages, and
 * the search must return exactly them (recall and precision 100 %), both from a single index and from an
 * index split into parts. Also: filters, sorts (missing values last), fragments, manifest, problems.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../scripts/search-index/build-index.ts';
import { createIndexBuilder } from '../../scripts/search-index/index-builder.ts';
import { partSizes } from '../../scripts/search-index/part-plan.ts';
import { bundleFragments } from '../support/fragments.ts';
import { openIndex, resultPath } from '../../scripts/search-index/node-runtime.ts';
import type { SearchEngine, SearchQuery } from '../../src/client/search/search-engine.ts';
import type { SearchManifest, SortTable } from '../../src/shared/search/manifest.ts';
import { searchRecordJson, type SearchRecord } from '../../src/lib/view/search-attributes.ts';
import { PART_POSITION_CAP } from '../../scripts/search-index/direct-index.ts';
import { DEFAULT_SEARCH_WORDS, normalizeForMatch, queryTerms, type SearchWords } from '../../src/shared/search/tokens.ts';

const ROOT = new URL('../../', import.meta.url);
const RS = new URL('sheets/rs2024/', ROOT);
const PAGES_FROM_RS = 40;
const IGNORED_MARKER = '索引除外マーカー';
const BOILERPLATE = 'ナビゲーション定型文';

interface FixturePage {
  path: string;
  /** The text cells put in the page body, in order. */
  cells: string[];
  title: string;
  ministry: string;
  year: string;
  single: 'あり' | 'なし';
  budget: number | null;
  rate: number | null;
}

function csv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(new URL(name, RS), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Pages from the real sample data: one per RS project (first 40), one per text sheet. */
function fixturePages(): FixturePage[] {
  const overview = csv('1-2_RS_2024_基本情報_事業概要等.csv');
  const payees = csv('5-3_RS_2024_支出先_費目・使途.csv');
  const budgets = csv('2-1_RS_2024_予算・執行_サマリ.csv');
  const pages: FixturePage[] = [];
  const seen = new Set<string>();
  for (const row of overview) {
    const id = row['予算事業ID']!;
    // 1-2 has a row per 事業 and sometimes more than one per project: the first one makes the page.
    if (seen.has(id) || seen.size >= PAGES_FROM_RS) continue;
    seen.add(id);
    const cells = [row['事業名']!, row['府省庁']!, row['局・庁']!, row['事業の目的']!, row['現状・課題']!, row['事業の概要']!];
    for (const p of payees.filter((r) => r['予算事業ID'] === id)) {
      cells.push(p['支出先名']!, p['法人番号']!, p['契約概要']!, p['費目']!, p['使途']!);
    }
    const b = budgets.find((r) => r['予算事業ID'] === id && r['予算年度'] === '2023' && r['当初予算（合計）']);
    pages.push({
      path: `sheets/rs${id}/`,
      cells: cells.filter((c) => c && c.trim() !== ''),
      title: row['事業名']!,
      ministry: row['府省庁']!.replace(/\u3000/g, ''),
      year: row['事業年度']!,
      single: pages.length % 3 === 0 ? 'あり' : 'なし',
      budget: b ? Math.round(Number(b['当初予算（合計）'])) : null,
      rate: b?.['執行率'] ? Number(b['執行率']) : null,
    });
  }
  for (const [file, year, title] of [
    ['000_ef263abaeb28aada.txt', '2022', 'サイバーセキュリティ情報共有推進事業'],
    ['004_b3591854bc0903ef.txt', '2016', 'M2Mセキュリティ実証事業'],
  ] as const) {
    const text = readFileSync(new URL(`sheets/text/${file}`, ROOT), 'utf8');
    pages.push({
      path: `sheets/text-${file.slice(0, 3)}/`,
      cells: text.split(/\t|\n/).filter((c) => c.trim() !== ''),
      title,
      ministry: '総務省',
      year,
      single: 'あり',
      budget: null,
      rate: null,
    });
  }
  return pages;
}

/** A page's search record element, as src/components/PagefindAttributes.astro writes it. */
function recordElement(record: SearchRecord): string {
  return `<script type="application/json" data-search-record>${searchRecordJson(record)}</script>`;
}

function pageHtml(p: FixturePage): string {
  const sort: Record<string, number> = { year: Number(p.year) };
  if (p.budget !== null) sort.budget = p.budget;
  if (p.rate !== null) sort.rate = p.rate;
  const record: SearchRecord = {
    filters: { 府省庁: [p.ministry], 年度: [p.year], 一者応札: [p.single] },
    sort,
    meta: { title: p.title, ministry: p.ministry },
  };
  const rows = p.cells.map((c) => `<tr><td>${esc(c)}</td></tr>`).join('\n');
  return `<!DOCTYPE html><html lang="ja"><head><title>${esc(p.title)}</title></head><body>
<header data-pagefind-ignore><nav><a href="/">${BOILERPLATE}</a></nav></header>
<main><article data-pagefind-body>
${recordElement(record)}
<p data-pagefind-ignore>${IGNORED_MARKER}</p>
<table>${rows}</table>
</article></main><footer>${BOILERPLATE}</footer></body></html>`;
}

/** Pages (by path) whose text contains every term, by brute force over the text put into them. */
function expected(pages: FixturePage[], query: string, filter?: (p: FixturePage) => boolean): string[] {
  const terms = queryTerms(query);
  return pages
    .filter((p) => !filter || filter(p))
    .filter((p) => {
      const text = normalizeForMatch(p.cells.join(''));
      return terms.every((t) => text.includes(normalizeForMatch(t)));
    })
    .map((p) => `/${p.path}`)
    .sort();
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The fixed terms the issue names, plus variants that must match through NFKC, case and whitespace. */
const NAMED_TERMS = [
  '脆弱性',
  '情報共有',
  'サイバーセキュリティ',
  '実証実験',
  '一般競争入札',
  '日立製作所',
  '7010001008844',
  // Number words (13 digits or more: src/shared/search/tokens.ts): shorter, longer, absent.
  '701000100884',
  '70100010088441',
  '１２３４５６７８９０１２３',
  '事業番号',
  '国',
  '内閣人事局',
  'ICT-ISAC',
  'ＩＣＴ－ＩＳＡＣ',
  'ict-isac',
  'M2M',
  'm2mセキュリティ',
  'ｾｷｭﾘﾃｨ',
  'サイバー セキュリティ',
  '脆弱性 情報共有',
  '(株)',
  '%',
  '令和4年度',
  IGNORED_MARKER,
  BOILERPLATE,
  'どこにもない語句',
];

/** Terms sampled from the pages' text (present), and the same with two characters swapped (mostly absent). */
function sampledTerms(pages: FixturePage[], n: number): string[] {
  const random = prng(7);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const page = pages[Math.floor(random() * pages.length)]!;
    const chars = [...page.cells.join(' ')];
    const len = 1 + Math.floor(random() * 9);
    const at = Math.floor(random() * Math.max(1, chars.length - len));
    const term = chars.slice(at, at + len).join('').trim();
    if (term === '') continue;
    out.push(term);
    if (len > 2) out.push(term.slice(-1) + term.slice(1, -1) + term[0]);
  }
  return out;
}

let work: string;
let pages: FixturePage[];
let single: { dir: string; engine: SearchEngine; manifest: SearchManifest };
let split: { dir: string; engine: SearchEngine; manifest: SearchManifest; builtParts: number[] };
/** Split into parts, built with the word design that is not the default (both are kept for measuring). */
let otherWords: { dir: string; engine: SearchEngine; manifest: SearchManifest };
const OTHER_WORDS: SearchWords = DEFAULT_SEARCH_WORDS === 'chars' ? 'bigrams' : 'chars';

async function search(engine: SearchEngine, dir: string, q: Partial<SearchQuery> & { query?: string }): Promise<string[]> {
  const outcome = await engine.search({
    terms: q.terms ?? queryTerms(q.query ?? ''),
    filters: q.filters ?? {},
    sort: q.sort ?? null,
  });
  const loaded = await Promise.all(outcome.hits.map((h) => h.load()));
  return loaded.map((p) => resultPath(p.url, dir));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
  pages = fixturePages();
  const dist = path.join(work, 'dist');
  for (const p of pages) {
    await mkdir(path.join(dist, p.path), { recursive: true });
    await writeFile(path.join(dist, p.path, 'index.html'), pageHtml(p));
  }
  // Pages without data-pagefind-body (home, lists, the search page itself) are not indexed.
  await writeFile(path.join(dist, 'index.html'), '<html lang="ja"><body><h1>ホーム</h1><p>脆弱性 国</p></body></html>');
  await mkdir(path.join(dist, 'search'), { recursive: true });
  await writeFile(path.join(dist, 'search', 'index.html'), '<html lang="ja"><body><form><input name="q"></form>国</body></html>');

  const one = await buildSearchIndex({ dist, partSize: 1000 });
  single = { dir: path.join(dist, 'pagefind'), engine: await openIndex(path.join(dist, 'pagefind')), manifest: one.manifest };
  const splitDir = path.join(work, 'split-pagefind');
  const three = await buildSearchIndex({ dist, outDir: splitDir, partSize: 15 });
  split = { dir: splitDir, engine: await openIndex(splitDir), manifest: three.manifest, builtParts: three.builtParts };
  const otherDir = path.join(work, 'other-pagefind');
  const other = await buildSearchIndex({ dist, outDir: otherDir, partSize: 15, words: OTHER_WORDS });
  otherWords = { dir: otherDir, engine: await openIndex(otherDir), manifest: other.manifest };
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the index layout', () => {
  it('writes one index, built in one part below the part size and in several merged into one above it', () => {
    expect(single.manifest.parts).toEqual([{ path: '', pages: pages.length }]);
    expect(split.builtParts).toEqual(partSizes(pages.length, 15));
    expect(split.builtParts).toHaveLength(3);
    expect(split.manifest.parts).toEqual([{ path: '', pages: pages.length }]);
    expect(split.manifest.pages).toBe(pages.length);
    expect(single.manifest.sortKeys).toEqual(['budget', 'rate', 'year']);
    expect(single.manifest.filters).toEqual(['一者応札', '年度', '府省庁']);
    expect(single.manifest.pagefind).toBe('1.6.0');
  });

  it('keeps only what the search page loads: no Pagefind UI; a merged index is laid out as one', async () => {
    for (const dir of [single.dir, split.dir]) {
      const top = await readdir(dir);
      expect(top.filter((f) => /pagefind-(ui|component-ui|modular-ui|highlight)/.test(f))).toEqual([]);
      expect(top.filter((f) => /^p\d+$/.test(f))).toEqual([]);
      expect(top.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
      expect(top).toEqual(
        expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind', 'search-manifest.json', 'search-sorts.json', 'fragment', 'index', 'filter']),
      );
      expect(bundleFragments(path.join(dir, 'fragment'))).toHaveLength(pages.length);
    }
    expect((await readdir(path.dirname(single.dir))).filter((f) => /\.(tmp|old)-/.test(f))).toEqual([]);
  });

  it("rewrites each fragment to the page's readable text, metadata and raw sort values", async () => {
    const fragments = bundleFragments(path.join(single.dir, 'fragment'));
    expect(fragments).toHaveLength(pages.length);
    for (const { fragment: frag } of fragments) {
      const page = pages.find((p) => `/${p.path}` === frag.url)!;
      expect(page, frag.url).toBeDefined();
      expect(normalizeForMatch(frag.content)).toBe(normalizeForMatch(page.cells.join('')));
      expect(frag.content).not.toContain(IGNORED_MARKER);
      expect(frag.meta).toEqual({ title: page.title, ministry: page.ministry });
      expect(frag.filters).toEqual({ 府省庁: [page.ministry], 年度: [page.year], 一者応札: [page.single] });
      const sort: Record<string, number> = { year: Number(page.year) };
      if (page.budget !== null) sort.budget = page.budget;
      if (page.rate !== null) sort.rate = page.rate;
      expect(frag.sort).toEqual(sort);
    }
  });

  it('writes sort tables keyed by result id, null where a page has no value', async () => {
    const table = JSON.parse(await readFile(path.join(single.dir, 'search-sorts.json'), 'utf8')) as SortTable;
    expect(table.keys).toEqual(['budget', 'rate', 'year']);
    expect(Object.keys(table.pages)).toHaveLength(pages.length);
    const budgets = Object.values(table.pages).map((row) => row[0]);
    expect(budgets).toContain(null);
    expect(budgets.filter((b) => b !== null).length).toBe(pages.filter((p) => p.budget !== null).length);
  });
});

describe('recall and precision', () => {
  const cases = () => [...NAMED_TERMS, ...sampledTerms(pages, 70)];

  it('finds exactly the pages containing each term, from one index', async () => {
    let nonEmpty = 0;
    for (const query of cases()) {
      const want = expected(pages, query);
      const got = (await search(single.engine, single.dir, { query })).sort();
      expect(got, `query ${JSON.stringify(query)}`).toEqual(want);
      if (want.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(60);
  }, 120_000);

  it('finds exactly the same from an index split into parts', async () => {
    for (const query of cases()) {
      const want = expected(pages, query);
      const got = (await search(split.engine, split.dir, { query })).sort();
      expect(got, `query ${JSON.stringify(query)}`).toEqual(want);
    }
  }, 120_000);

  it('finds exactly the same from an index of the other word design, which its manifest names', async () => {
    expect(single.manifest.words).toBe(DEFAULT_SEARCH_WORDS);
    expect(otherWords.manifest.words).toBe(OTHER_WORDS);
    for (const query of cases()) {
      const want = expected(pages, query);
      const got = (await search(otherWords.engine, otherWords.dir, { query })).sort();
      expect(got, `query ${JSON.stringify(query)}`).toEqual(want);
    }
  }, 120_000);

  it('finds the named terms where the sample sheets have them', async () => {
    const hits = async (q: string) => search(single.engine, single.dir, { query: q });
    expect(await hits('ICT-ISAC')).toContain('/sheets/text-000/');
    expect(await hits('7010001008844')).toContain('/sheets/text-000/');
    expect(await hits('ｍ２ｍ')).toContain('/sheets/text-004/');
    expect((await hits('内閣人事局')).length).toBeGreaterThan(0);
    expect(await hits(IGNORED_MARKER)).toEqual([]);
    expect(await hits(BOILERPLATE)).toEqual([]);
  });
});

describe('pages streamed in as they are rendered (createIndexBuilder, as src/integrations/search-index.ts feeds it)', () => {
  /** The fixture pages as rendered HTML, in an order that is not the URL order. */
  const rendered = async () => {
    const dist = path.join(work, 'dist');
    const list = [...pages].reverse();
    return Promise.all(
      list.map(async (p) => ({ url: `/${p.path}`, file: path.join(dist, p.path, 'index.html'), html: await readFile(path.join(dist, p.path, 'index.html')) })),
    );
  };

  it('builds parts in arrival order, one at a time, and finds exactly what the file-built index finds', async () => {
    const outDir = path.join(work, 'streamed');
    const builder = createIndexBuilder({ outDir, expectedPages: pages.length, partSize: 15, concurrency: 1 });
    // Not awaited, as Astro's renderer does not wait for the index: pages queue until their part runs.
    const adds = (await rendered()).map((page) => builder.add(page));
    builder.setConcurrency(2);
    await Promise.all(adds);
    const { manifest, builtParts, problems } = await builder.finish();
    expect(problems).toEqual([]);
    expect(builtParts).toEqual(partSizes(pages.length, 15));
    const engine = await openIndex(outDir);
    for (const query of [...NAMED_TERMS, ...sampledTerms(pages, 20)]) {
      expect((await search(engine, outDir, { query })).sort(), `query ${JSON.stringify(query)}`).toEqual(expected(pages, query));
    }
  }, 120_000);

  it('sizes parts from the expected count: fewer pages drop the empty parts, more make further parts of the part size', async () => {
    const all = await rendered();
    const fewer = createIndexBuilder({ outDir: path.join(work, 'fewer'), expectedPages: 100, partSize: 25 });
    for (const page of all) await fewer.add(page);
    const a = await fewer.finish();
    expect(a.builtParts).toEqual([25, all.length - 25]);
    const more = createIndexBuilder({ outDir: path.join(work, 'more'), expectedPages: 20, partSize: 10 });
    for (const page of all) await more.add(page);
    const b = await more.finish();
    expect(all.length).toBeGreaterThan(35);
    // 20 expected in two parts of 10; the rest in parts of 10 more, the last one what is left.
    const beyond = all.length - 20;
    expect(b.builtParts).toEqual([10, 10, ...Array.from({ length: Math.floor(beyond / 10) }, () => 10), ...(beyond % 10 > 0 ? [beyond % 10] : [])]);
    expect(b.manifest.pages).toBe(all.length);
  }, 120_000);
});

describe('filters and order', () => {
  it('narrows by 府省庁, 年度 and 一者応札 exactly', async () => {
    for (const engine of [single, split]) {
      for (const ministry of ['総務省', '内閣官房']) {
        const got = (await search(engine.engine, engine.dir, { query: '事業', filters: { 府省庁: ministry } })).sort();
        expect(got).toEqual(expected(pages, '事業', (p) => p.ministry === ministry));
      }
      const y = (await search(engine.engine, engine.dir, { query: 'セキュリティ', filters: { 年度: '2016' } })).sort();
      expect(y).toEqual(['/sheets/text-004/']);
      const s = (await search(engine.engine, engine.dir, { query: 'の', filters: { 一者応札: 'あり', 年度: '2024' } })).sort();
      expect(s).toEqual(expected(pages, 'の', (p) => p.single === 'あり' && p.year === '2024'));
    }
  });

  it('lists every page of a filter when there is no query', async () => {
    const got = (await search(single.engine, single.dir, { query: '', filters: { 府省庁: '総務省' } })).sort();
    expect(got).toEqual(pages.filter((p) => p.ministry === '総務省').map((p) => `/${p.path}`).sort());
    expect(await search(single.engine, single.dir, { query: '' })).toEqual([]);
  });

  it('sorts by budget across all parts, pages without a budget last in both directions', async () => {
    const byPath = new Map(pages.map((p) => [`/${p.path}`, p]));
    for (const engine of [single, split]) {
      for (const direction of ['desc', 'asc'] as const) {
        const got = await search(engine.engine, engine.dir, { query: 'の', sort: { key: 'budget', direction } });
        expect(got.sort()).toEqual(expected(pages, 'の'));
        const ordered = await search(engine.engine, engine.dir, { query: 'の', sort: { key: 'budget', direction } });
        const values = ordered.map((u) => byPath.get(u)!.budget);
        const known = values.filter((v): v is number => v !== null);
        expect(known.length).toBeGreaterThan(10);
        expect(values.slice(0, known.length)).toEqual(known);
        expect(known).toEqual([...known].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
      }
    }
  });

  it('orders by relevance: where in the page every term has first occurred, then page URL', async () => {
    // A page's word positions are the character offsets of its normalised text, so the expected order is
    // computable from the text itself; a one-character term's word is at its first position but at most
    // PART_POSITION_CAP (scripts/search-index/direct-index.ts): beyond it, pages keep their order.
    const offset = (text: string, t: string) => {
      const at = [...text.slice(0, text.indexOf(t))].length;
      return [...t].length === 1 ? Math.min(at, PART_POSITION_CAP) : at;
    };
    for (const query of ['セキュリティ', '事業 目的', '支援', '株式会社', '令和 予算', '国', '国 支援']) {
      const terms = queryTerms(query).map(normalizeForMatch);
      const want = pages
        .map((p) => ({ url: `/${p.path}`, text: normalizeForMatch(p.cells.join('')) }))
        .filter((p) => terms.every((t) => p.text.includes(t)))
        .map((p) => ({ url: p.url, at: Math.max(...terms.map((t) => offset(p.text, t))) }))
        .sort((a, b) => a.at - b.at || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
        .map((p) => p.url);
      expect(want.length, query).toBeGreaterThan(1);
      expect(await search(single.engine, single.dir, { query }), query).toEqual(want);
      expect(await search(split.engine, split.dir, { query }), query).toEqual(want);
    }
  });

  it('ranks a page naming the term near its top (title, purpose) before pages that mention it further down', async () => {
    const got = await search(single.engine, single.dir, { query: 'M2Mセキュリティ' });
    expect(got[0]).toBe('/sheets/text-004/');
    const cyber = await search(split.engine, split.dir, { query: 'サイバーセキュリティ情報共有' });
    expect(cyber[0]).toBe('/sheets/text-000/');
  });
});

describe('problems', () => {
  it('reports a page whose search record has a sort value that is not a number with the file, leaves it out, exits 1', async () => {
    // Only a payee profile states its record (a sheet page's is made from its entry: page-source.ts).
    const dist = path.join(work, 'bad');
    await mkdir(path.join(dist, 'payees', '1000000000001'), { recursive: true });
    await writeFile(
      path.join(dist, 'payees', '1000000000001', 'index.html'),
      `<html lang="ja"><body><main data-pagefind-body>${recordElement({ filters: {}, sort: { budget: '359百万円', year: 2022 } as unknown as Record<string, number>, meta: {} })}<h1>題名</h1>本文</main></body></html>`,
    );
    await mkdir(path.join(dist, 'payees', '1000000000002'), { recursive: true });
    await writeFile(path.join(dist, 'payees', '1000000000002', 'index.html'), '<html lang="ja"><body><main data-pagefind-body><h1>記録なし</h1></main></body></html>');
    // A sheet page no entry made (here: none in CONTENT_DIR) cannot be indexed either.
    await mkdir(path.join(dist, 'sheets', 'no-such-entry'), { recursive: true });
    await writeFile(path.join(dist, 'sheets', 'no-such-entry', 'index.html'), '<html lang="ja"><body><main data-pagefind-body><h1>題名</h1></main></body></html>');
    const run = spawnSync(process.execPath, [new URL('scripts/build-search.ts', ROOT).pathname], {
      env: { ...process.env, OUT_DIR: dist, CONTENT_DIR: path.join(work, 'no-content') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/payees\/1000000000001\/index\.html: could not read the page: search sort key "budget" is "359百万円", not a number/);
    expect(run.stderr).toMatch(/payees\/1000000000002\/index\.html: the page has data-pagefind-body but no search record/);
    expect(run.stderr).toMatch(/sheets\/no-such-entry\/index\.html: could not read the page: ENOENT/);
    const manifest = JSON.parse(await readFile(path.join(dist, 'pagefind', 'search-manifest.json'), 'utf8')) as SearchManifest;
    expect(manifest.pages).toBe(0);
  });

  it('exits 2 and names the folder when there is no built site', () => {
    const run = spawnSync(process.execPath, [new URL('scripts/build-search.ts', ROOT).pathname], {
      env: { ...process.env, OUT_DIR: path.join(work, 'nowhere') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nowhere: no built site/);
  });

  it('rejects a part size that is not a positive integer', () => {
    expect(() => partSizes(10, 0)).toThrow(/positive integer/);
    const run = spawnSync(process.execPath, [new URL('scripts/build-search.ts', ROOT).pathname, '--part-size', 'lots'], {
      env: { ...process.env, OUT_DIR: work },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/part size must be a positive integer, got "lots"/);
  });

  it('finds data-pagefind-body far into a large page (beyond the pre-scan of the first bytes)', async () => {
    const dist = path.join(work, 'late-body');
    await mkdir(path.join(dist, 'sheets', 'y'), { recursive: true });
    const filler = `<p>${'前置き'.repeat(4000)}</p>`; // ≈36 KB of UTF-8 before the body
    await writeFile(
      path.join(dist, 'sheets', 'y', 'index.html'),
      `<html lang="ja"><body><header data-pagefind-ignore>${filler}</header><main data-pagefind-body>${recordElement({ filters: {}, sort: {}, meta: {} })}<h1>遅い本文</h1>本文の語句</main></body></html>`,
    );
    const { manifest } = await buildSearchIndex({ dist });
    expect(manifest.pages).toBe(1);
    const engine = await openIndex(path.join(dist, 'pagefind'));
    expect(await search(engine, path.join(dist, 'pagefind'), { query: '本文の語句' })).toEqual(['/sheets/y/']);
    expect(await search(engine, path.join(dist, 'pagefind'), { query: '前置き' })).toEqual([]);
  });

  it('indexes a page whose body has no text: listed by its filters, found by no term', async () => {
    const dist = path.join(work, 'no-text');
    for (const [dir, body] of [['a', '本文あり'], ['b', ' ']]) {
      await mkdir(path.join(dist, 'sheets', dir), { recursive: true });
      await writeFile(
        path.join(dist, 'sheets', dir, 'index.html'),
        `<html lang="ja"><body><main data-pagefind-body>${recordElement({ filters: { 年度: ['2024'] }, sort: {}, meta: {} })}${body}</main></body></html>`,
      );
    }
    const { manifest, problems } = await buildSearchIndex({ dist });
    expect(problems).toEqual([]);
    expect(manifest.pages).toBe(2);
    const dir = path.join(dist, 'pagefind');
    const engine = await openIndex(dir);
    expect((await search(engine, dir, { query: '', filters: { 年度: '2024' } })).sort()).toEqual(['/sheets/a/', '/sheets/b/']);
    expect(await search(engine, dir, { query: '本文' })).toEqual(['/sheets/a/']);
    expect(await search(engine, dir, { query: 'z' })).toEqual([]);
  });

  it('builds an empty index for a site without sheet pages, and the search finds nothing in it', async () => {
    const dist = path.join(work, 'empty');
    await mkdir(dist, { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<html lang="ja"><body><h1>ホーム</h1><p>国</p></body></html>');
    const { manifest, problems } = await buildSearchIndex({ dist });
    expect(manifest.pages).toBe(0);
    expect(problems).toEqual([]);
    const engine = await openIndex(path.join(dist, 'pagefind'));
    expect((await engine.search({ terms: ['国'], filters: {}, sort: null })).hits).toEqual([]);
  });

  it('replaces an earlier index completely', async () => {
    expect(existsSync(path.join(single.dir, 'search-manifest.json'))).toBe(true);
    await writeFile(path.join(single.dir, 'stale-file'), 'x');
    await buildSearchIndex({ dist: path.dirname(single.dir), partSize: 1000 });
    expect(existsSync(path.join(single.dir, 'stale-file'))).toBe(false);
    expect(existsSync(path.join(single.dir, 'search-manifest.json'))).toBe(true);
  });
});

describe('payee profiles, searched after the sheets', () => {
  it('are a deferred bundle of their own: a first search finds the sheets, the whole one the profiles too; filters and orders list sheets only', async () => {
    const dist = path.join(work, 'profiles');
    const page = async (dir: string, record: SearchRecord, body: string) => {
      await mkdir(path.join(dist, dir), { recursive: true });
      await writeFile(path.join(dist, dir, 'index.html'), `<html lang="ja"><body><main data-pagefind-body>${recordElement(record)}${body}</main></body></html>`);
    };
    const sheet = (year: string): SearchRecord => ({ filters: { 年度: [year] }, sort: { year: Number(year) }, meta: {} });
    const profile: SearchRecord = { filters: {}, sort: {}, meta: { kind: 'payee' } };
    // Sheets and profiles mixed in every part (two pages a part).
    await page('sheets/a', sheet('2023'), '<h1>道路整備事業</h1>支出先 株式会社青空建設');
    await page('payees/1000000000001', profile, '<h1>株式会社青空建設</h1>道路整備事業');
    await page('sheets/b', sheet('2024'), '<h1>河川事業</h1>支出先 合同会社川辺');
    await page('payees/1000000000002', profile, '<h1>合同会社川辺</h1>河川事業');
    await page('payees/1000000000003', profile, '<h1>青空商事</h1>港湾事業');
    const { manifest, problems, builtParts } = await buildSearchIndex({ dist, partSize: 2 });
    expect(problems).toEqual([]);
    expect(builtParts).toEqual([2, 2, 1]);
    expect(manifest.parts).toEqual([
      { path: '', pages: 2 },
      { path: 'payees/', pages: 3, deferred: true },
    ]);
    const dir = path.join(dist, 'pagefind');
    expect(bundleFragments(path.join(dir, 'fragment'))).toHaveLength(2);
    expect(bundleFragments(path.join(dir, 'payees', 'fragment'))).toHaveLength(3);
    // Each bundle's sort table has the rows of its pages with a value: the profiles have none.
    expect(Object.keys((JSON.parse(await readFile(path.join(dir, 'search-sorts.json'), 'utf8')) as SortTable).pages)).toHaveLength(2);
    expect((JSON.parse(await readFile(path.join(dir, 'payees', 'search-sorts.json'), 'utf8')) as SortTable).pages).toEqual({});

    const engine = await openIndex(dir);
    const query: SearchQuery = { terms: queryTerms('青空'), filters: {}, sort: null };
    expect(engine.wantsDeferred(query)).toBe(true);
    expect(await search(engine, dir, { query: '青空' })).toEqual(['/sheets/a/']);
    await engine.loadDeferred();
    expect(engine.wantsDeferred(query)).toBe(false);
    // The sheet naming it near its start first, the profiles named by it after (PROFILE_RANK_OFFSET).
    const found = await search(engine, dir, { query: '青空' });
    expect(found[0]).toBe('/sheets/a/');
    expect(found.slice(1).sort()).toEqual(['/payees/1000000000001/', '/payees/1000000000003/']);
    expect(await search(engine, dir, { query: '河川事業' })).toEqual(['/sheets/b/', '/payees/1000000000002/']);
    expect(await search(engine, dir, { query: '港湾' })).toEqual(['/payees/1000000000003/']);
    // A filter or an order without words lists sheets only, after the profiles are loaded too.
    expect(engine.wantsDeferred({ ...query, filters: { 年度: '2023' } })).toBe(false);
    expect(await search(engine, dir, { query: '青空', filters: { 年度: '2023' } })).toEqual(['/sheets/a/']);
    expect(await search(engine, dir, { query: '', sort: { key: 'year', direction: 'desc' } })).toEqual(['/sheets/b/', '/sheets/a/']);

    // A profiles' bundle that cannot be loaded fails its load, and the search goes on without it.
    const broken = path.join(work, 'profiles-broken');
    await cp(dir, broken, { recursive: true });
    await rm(path.join(broken, 'payees', 'pagefind-entry.json'));
    const without = await openIndex(broken);
    await expect(without.loadDeferred()).rejects.toThrow();
    expect(without.wantsDeferred(query)).toBe(false);
    expect(without.missesDeferred(query)).toBe(true);
    expect(without.missesDeferred({ ...query, filters: { 年度: '2023' } })).toBe(false);
    expect(await search(without, broken, { query: '青空' })).toEqual(['/sheets/a/']);
    expect(await search(without, broken, { query: '河川事業' })).toEqual(['/sheets/b/']);
  });
});

describe('the manifest in the search page', () => {
  it('is written into the built search page with the index; an index built elsewhere leaves the page alone', async () => {
    const dist = path.join(work, 'manifest-page');
    await mkdir(path.join(dist, 'sheets', 'a'), { recursive: true });
    await writeFile(
      path.join(dist, 'sheets', 'a', 'index.html'),
      `<html lang="ja"><body><main data-pagefind-body>${recordElement({ filters: { 年度: ['2024'] }, sort: {}, meta: {} })}本文</main></body></html>`,
    );
    await mkdir(path.join(dist, 'search'), { recursive: true });
    const page = (inner: string) => `<html lang="ja"><body><form data-search-form></form><script type="application/json" data-search-manifest>${inner}</script><p>国</p></body></html>`;
    await writeFile(path.join(dist, 'search', 'index.html'), page(''));
    const elsewhere = await buildSearchIndex({ dist, outDir: path.join(work, 'manifest-elsewhere') });
    expect(await readFile(path.join(dist, 'search', 'index.html'), 'utf8')).toBe(page(''));
    const { manifest } = await buildSearchIndex({ dist });
    expect(manifest).toEqual(elsewhere.manifest);
    const html = await readFile(path.join(dist, 'search', 'index.html'), 'utf8');
    const inner = /<script type="application\/json" data-search-manifest>([^<]*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(inner)).toEqual(JSON.parse(await readFile(path.join(dist, 'pagefind', 'search-manifest.json'), 'utf8')));
    expect(html).toBe(page(inner));
    // Built again: the page holds the new manifest, not two.
    await buildSearchIndex({ dist, partSize: 1 });
    expect((await readFile(path.join(dist, 'search', 'index.html'), 'utf8')).match(/data-search-manifest/g)).toHaveLength(1);
  });
});

describe('partSizes', () => {
  it('splits into the fewest parts of at most the given size, sizes differing by at most one', () => {
    expect(partSizes(0, 5000)).toEqual([0]);
    expect(partSizes(5000, 5000)).toEqual([5000]);
    expect(partSizes(5001, 5000)).toEqual([2501, 2500]);
    expect(partSizes(20000, 5000)).toEqual([5000, 5000, 5000, 5000]);
    expect(partSizes(42, 15)).toEqual([14, 14, 14]);
  });
});
