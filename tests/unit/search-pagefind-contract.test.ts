/**
 * What the search index relies on in Pagefind beyond its documented API, checked against the installed
 * Pagefind (its Node indexing API and its own pagefind.js and wasm, run in Node): each numbered point of
 * scripts/search-index/pagefind-internals.ts. A failure here after a Pagefind upgrade says which assumption
 * broke; the search would otherwise silently lose results (recall) or find wrong ones (precision).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import {
  chunkBounds,
  chunkWordSizes,
  compoundWord,
  prefixes,
  decodeFragment,
  decodeFragmentGroup,
  decodeIndexFile,
  encodeFragmentGroup,
  encodeIndexFile,
  fragmentUrl,
  type Cbor,
  type Fragment,
  type BundleFile,
} from '../../scripts/search-index/pagefind-internals.ts';
import { FRAGMENT_GROUP_PAGES, mergeBundles } from '../../scripts/search-index/merge-bundles.ts';
import { installFileFetch } from '../../scripts/search-index/node-runtime.ts';
import { encodeChar, termTokens } from '../../src/shared/search/tokens.ts';

interface PagefindResult {
  id: string;
  words: number[];
  data: () => Promise<{ url: string }>;
}
interface PagefindModule {
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

const code = (ch: string) => encodeChar(ch.codePointAt(0)!);
const [A, B, C] = ['国', '家', '𠮷'].map(code) as [string, string, string];

/** Page contents, as the indexer writes them (words separated by spaces). */
const PAGES: Record<string, string> = {
  // Position 0 has A-B as a compound (AB, A, B), 1 is BC, 2 is CA.
  '/compound/': `${compoundWord(A, B)} ${B}${C} ${C}${A}`,
  // The same words, never as a compound, and not consecutive.
  '/plain/': `${A}${B} zzzzzzz ${B}${C}`,
  // Parts with a letter–digit boundary (the reason the codes are letters only).
  '/digits/': 'ab1-cd2 efgh',
};

let work: string;
let pf: PagefindModule;
let fragments: { name: string; bytes: Buffer }[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pagefind-contract-'));
  const { index, errors } = await pagefind.createIndex({});
  expect(errors).toEqual([]);
  for (const [url, content] of Object.entries(PAGES)) {
    const res = await index!.addCustomRecord({ url, content, language: 'und' });
    expect(res.errors).toEqual([]);
  }
  await index!.writeFiles({ outputPath: path.join(work, 'pagefind') });
  await index!.deleteIndex();
  const dir = path.join(work, 'pagefind', 'fragment');
  fragments = await Promise.all((await readdir(dir)).map(async (name) => ({ name, bytes: await readFile(path.join(dir, name)) })));
  installFileFetch();
  pf = (await import(pathToFileURL(path.join(work, 'pagefind', 'pagefind.js')).href)) as PagefindModule;
  await pf.init();
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** URL → word positions of the result, for an exact phrase. */
async function find(words: string[]): Promise<Record<string, number[]>> {
  const { results } = await pf.search(`"${words.join(' ')}"`);
  const out: Record<string, number[]> = {};
  for (const r of results) out[(await r.data()).url.replace(/^.*?(\/[a-z]+\/)$/, '$1')] = r.words;
  return out;
}

/**
 * Runs `run` with a fresh instance of the pagefind.js in `dir` (a query string on its URL, so nothing of it
 * is loaded yet), giving it the names of the files under `folder` (index/, fragment/) it fetches, in order.
 */
async function withFetched(dir: string, instance: string, folder: string, run: (module: PagefindModule, fetched: string[]) => Promise<void>): Promise<void> {
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  const name = new RegExp(`^.*/${folder}/([^.?]+).*$`);
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes(`/${folder}/`)) fetched.push(url.replace(name, '$1'));
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    const module = (await import(`${pathToFileURL(path.join(dir, 'pagefind.js')).href}?instance=${instance}`)) as PagefindModule;
    await module.init();
    await run(module, fetched);
  } finally {
    globalThis.fetch = realFetch;
  }
}

describe('1. fragment files', () => {
  it('are gzip of "pagefind_dcd" + JSON with the page URL first, one per page', () => {
    expect(fragments).toHaveLength(Object.keys(PAGES).length);
    const urls = fragments.map(({ name, bytes }) => {
      const url = fragmentUrl(bytes, name);
      expect(decodeFragment(bytes, name).url).toBe(url);
      expect(bytes.toString('latin1', 0, 2)).toBe('\x1f\x8b');
      return url;
    });
    expect(urls.sort()).toEqual(Object.keys(PAGES).sort());
  });
});

describe('2. compound words', () => {
  it('index "A-B" as AB, A and B, all at its position', async () => {
    expect(await find([A + B])).toEqual({ '/compound/': [0], '/plain/': [0] });
    expect(await find([A])).toEqual({ '/compound/': [0] });
    expect(await find([B])).toEqual({ '/compound/': [0] });
    // A plain word is one word: its characters are not indexed.
    expect(await find([C])).toEqual({});
  });

  it('split a part again at a boundary between letters and digits', async () => {
    expect(await find(['ab1cd2'])).toEqual({ '/digits/': [0] });
    expect(await find(['ab1'])).toEqual({});
    expect(await find(['ab'])).toEqual({ '/digits/': [0] });
  });
});

describe('3. exact phrases', () => {
  it('match consecutive positions only, report the first match, and look words up whole', async () => {
    expect(await find([A + B, B + C])).toEqual({ '/compound/': [0, 1] });
    expect(await find([A + B, B + C, C + A])).toEqual({ '/compound/': [0, 1, 2] });
    // The same words two positions apart do not match.
    expect(await find([B + C, C + A, A + B])).toEqual({});
    // No prefix match: a character word does not find the bigrams it starts.
    expect(await find([C])).toEqual({});
    expect(await find([A.slice(0, 1)])).toEqual({});
  });

  it('the query side: a term is the phrase of its bigrams, a character its own word', async () => {
    expect(await find(termTokens('国家𠮷国', 'bigrams'))).toEqual({ '/compound/': [0, 1, 2] });
    expect(await find(termTokens('国', 'bigrams'))).toEqual({ '/compound/': [0] });
    expect(await find(termTokens('家国', 'bigrams'))).toEqual({});
  });
});

describe('4. page names', () => {
  it('are "<language>_<hash>"', () => {
    for (const { name } of fragments) expect(name).toMatch(/^und_[0-9a-f]+\.pf_fragment$/);
  });
});

/** Writes a bundle's files (and the fragments given) into `dir` and opens it with its own pagefind.js. */
async function openBundleDir(dir: string, files: readonly BundleFile[]): Promise<PagefindModule & { search(term: string, options?: object): Promise<{ results: PagefindResult[] }> }> {
  for (const f of files) {
    await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
    await writeFile(path.join(dir, f.path), f.content);
  }
  const module = (await import(pathToFileURL(path.join(dir, 'pagefind.js')).href)) as PagefindModule;
  await module.init();
  return module;
}

describe('5. the word index', () => {
  /** 40 pages of 800 words from a small vocabulary: more than one of Pagefind's 20,000-location chunks. */
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (n: number) => `${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676) % 26]}`;
  const pages = Array.from({ length: 40 }, (_, p) => Array.from({ length: 800 }, (_, i) => word((i * 7 + p * 13) % 900)).join(' '));
  let files: BundleFile[];
  /** The same pages built as two indexes (pages 0–24 and 25–39, as build-index.ts builds parts), with a filter. */
  let parts: BundleFile[][];
  const filterOf = (i: number) => ({ group: [i % 3 === 0 ? 'three' : 'other'] });

  async function build(range: number[], language: string, filters: boolean): Promise<BundleFile[]> {
    const { index } = await pagefind.createIndex({});
    for (const i of range) {
      await index!.addCustomRecord({ url: `/p${i}/`, content: pages[i]!, language, ...(filters ? { filters: filterOf(i) } : {}) });
    }
    const out = (await index!.getFiles()).files.map((f) => ({ path: f.path, content: f.content }));
    await index!.deleteIndex();
    return out;
  }

  beforeAll(async () => {
    files = await build(pages.map((_, i) => i), 'und', false);
    parts = [await build(pages.map((_, i) => i).slice(0, 25), 'und-p1', true), await build(pages.map((_, i) => i).slice(25), 'und-p2', true)];
  }, 60_000);

  function meta(bundle: readonly BundleFile[]): unknown[] {
    const entry = JSON.parse(Buffer.from(bundle.find((f) => f.path === 'pagefind-entry.json')!.content).toString('utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const [info] = Object.values(entry.languages);
    const file = bundle.find((f) => f.path === `pagefind.${info!.hash}.pf_meta`)!;
    return decodeIndexFile(file.content, file.path) as unknown[];
  }

  /** The words of a bundle's chunk, in order. */
  function wordsOf(bundle: readonly BundleFile[], hash: string): string[] {
    const f = bundle.find((x) => x.path === `index/${hash}.pf_index`)!;
    return ((decodeIndexFile(f.content, f.path) as unknown[][])[0] as [string][]).map((w) => w[0]);
  }

  /** Where each query is found: "/pN/@position", sorted. */
  const wanted = (w: string) =>
    pages.flatMap((p, i) => {
      const ws = p.split(' ');
      const q = w.split(' ');
      const at = ws.findIndex((_, k) => q.every((x, j) => ws[k + j] === x));
      return at < 0 ? [] : [`/p${i}/@${at}`];
    });
  const QUERIES = [word(0), word(450), `${word(7)} ${word(14)}`, word(899)];

  it("is read and re-split exactly as Pagefind splits it (same chunks, same from/to prefixes, same metadata)", async () => {
    const original = meta(files);
    const chunks = original[2] as [string, string, string][];
    expect(chunks.length).toBeGreaterThan(1);
    const merged = await mergeBundles([files], 20_000);
    const same = meta(merged.files);
    // The same `from`s; each `to` by chunkBounds (10), from the chunk's last word and the next one's first.
    expect((same[2] as string[][]).map((c) => c[0])).toEqual(chunks.map((c) => c[0]));
    const bounds = chunks.map(([, , hash]) => wordsOf(files, hash));
    expect((same[2] as string[][]).map((c) => c[1])).toEqual(bounds.map((ws, i) => (i + 1 < bounds.length ? chunkBounds(ws.at(-1)!, bounds[i + 1]![0]!)[0] : ws.at(-1))));
    // Pages keep their order and fields; only their names are shorter.
    const originalPages = original[1] as [string, ...unknown[]][];
    expect((same[1] as [string, ...unknown[]][]).map(([name, ...rest]) => [name, ...rest])).toEqual(
      originalPages.map(([name, ...rest]) => [merged.pageNames.get(name), ...rest]),
    );
    expect([same[0], ...same.slice(3)]).toEqual([original[0], ...original.slice(3)]);
    // Each chunk holds the words from its `from` to its `to`, sorted.
    const words = chunks.flatMap(([, , hash]) => wordsOf(files, hash));
    expect(words).toEqual([...words].sort());
    // Every chunk but the last closed at the first word that brought it to the limit (Pagefind's rule).
    const sizes = (same[2] as string[][]).map(([, , name]) => {
      const f = merged.files.find((x) => x.path === `index/${name}.pf_index`)!;
      return chunkWordSizes(f.content, f.path).map((w) => w.locations);
    });
    for (const chunk of sizes.slice(0, -1)) {
      const total = chunk.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(20_000);
      expect(total - chunk[chunk.length - 1]!).toBeLessThan(20_000);
    }
  });

  it('finds the same pages at the same positions from smaller chunks', async () => {
    // A chunk size chosen from the index's locations (as chunk-size.ts chooses it) is the one used.
    const total = (meta(files)[2] as unknown[]).length;
    const chosen = await mergeBundles([files], (locations) => Math.ceil(locations / 10));
    // 40 pages of 800 words: at least 32,000 locations (plus one a page per word), a tenth of them a chunk.
    expect(chosen.chunkLocations).toBeGreaterThan((40 * 800) / 10);
    expect((meta(chosen.files)[2] as unknown[]).length).toBe(10);
    expect(total).toBeLessThan(10);
    const small = (await mergeBundles([files], 500)).files;
    expect((meta(small)[2] as unknown[]).length).toBeGreaterThan((meta(files)[2] as unknown[]).length * 5);
    const smallPagefind = await openBundleDir(path.join(work, 'small'), [...small, ...files.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path))]);
    for (const w of QUERIES) {
      // Fragments were not copied: positions and ids are enough (ids are the new page names).
      const { results } = await smallPagefind.search(`"${w}"`);
      expect(results.length, w).toBe(wanted(w).length);
      expect(wanted(w).length, w).toBeGreaterThan(0);
    }
  });

  it('7. finds the same pages at the same positions when every page has the same word count', async () => {
    const code = files.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path));
    const asBuilt = await mergeBundles([files], 500);
    const uniform = await mergeBundles([files], 500, () => false, { uniformWordCounts: true });
    const counts = (meta(asBuilt.files)[1] as [string, number][]).map((p) => p[1]);
    expect(counts.every((n) => n === 800), 'each page has its 800 words as built').toBe(true);
    expect((meta(uniform.files)[1] as [string, number][]).map((p) => p[1])).toEqual(counts.map(() => 1));
    const a = await openBundleDir(path.join(work, 'as-built'), [...asBuilt.files, ...code]);
    const b = await openBundleDir(path.join(work, 'uniform'), [...uniform.files, ...code]);
    for (const w of QUERIES) {
      const found = async (p: PagefindModule) => ((await p.search(`"${w}"`)).results.map((r) => `${r.id}@${r.words.join(',')}`) as string[]).sort();
      const want = await found(a);
      expect(want.length, w).toBe(wanted(w).length);
      expect(await found(b), w).toEqual(want);
    }
  });

  it('9. reads a page entry without its weight marker and meta locations: the same pages at the same positions, in the same order', async () => {
    const code = files.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path));
    const { files: merged } = await mergeBundles([files], 500);
    // [difference, [−(weight + 1), positions…], []] → [difference, [positions…]], as direct-index.ts writes it.
    let markers = 0;
    const bare = merged.map((f) => {
      if (!f.path.startsWith('index/')) return f;
      const [words, ...rest] = decodeIndexFile(f.content, f.path) as [[string, [number, number[], Cbor][], ...Cbor[]][], ...Cbor[]];
      const stripped = words.map(([word, pages, ...tail]) => [
        word,
        pages.map(([difference, locations]) => {
          markers += locations.filter((l) => l < 0).length;
          return [difference, locations.filter((l) => l >= 0)];
        }),
        ...tail,
      ]);
      return { path: f.path, content: encodeIndexFile([stripped as Cbor, ...rest]) };
    });
    expect(markers).toBeGreaterThan(1000);
    const a = await openBundleDir(path.join(work, 'weighted'), [...merged, ...code]);
    const b = await openBundleDir(path.join(work, 'bare'), [...bare, ...code]);
    for (const w of QUERIES) {
      const found = async (p: PagefindModule) => (await p.search(`"${w}"`)).results.map((r) => `${r.id}@${r.words.join(',')}`);
      const want = await found(a);
      expect(want.length, w).toBe(wanted(w).length);
      expect(await found(b), w).toEqual(want);
    }
  });

  it('10. finds each word of the index in the one chunk whose range holds it (Pagefind\'s own `to` leaves a chunk\'s last words out)', async () => {
    const code = files.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path));
    const { files: merged } = await mergeBundles([files], 500);
    const table = meta(merged)[2] as [string, string, string][];
    const chunkWords = table.map(([, , hash]) => wordsOf(merged, hash));
    expect(table.length).toBeGreaterThan(20);
    // The lookup Pagefind tries first: the first chunk with from ≤ word ≤ to.
    const holding = (t: readonly (readonly string[])[], word: string) => t.find(([from, to]) => word >= from! && word <= to!)?.[2] ?? null;
    // Pagefind's own bounds: each `to` the prefix of its chunk's last word.
    const pagefindTable = table.map(([from, to, hash], i) => [from, i + 1 < table.length ? prefixes(chunkWords[i]!.at(-1)!, chunkWords[i + 1]![0]!)[0] : to, hash]);
    let outside = 0;
    chunkWords.forEach((ws, i) => {
      for (const word of ws) {
        expect(holding(table, word), word).toBe(table[i]![2]);
        if (holding(pagefindTable, word) === null) outside += 1;
      }
    });
    expect(outside).toBeGreaterThan(20);
    // Run: a new Pagefind instance (a query string on the module's URL, so no chunk is loaded yet) fetches
    // exactly the word's chunk for the last word of a chunk, one that Pagefind's own `to` leaves out.
    await openBundleDir(path.join(work, 'bounds'), [...merged, ...code]);
    const lasts = chunkWords.slice(0, -1).map((ws, i) => ({ word: ws.at(-1)!, chunk: table[i]![2] })).filter(({ word }) => holding(pagefindTable, word) === null).slice(0, 6);
    expect(lasts.length).toBeGreaterThan(3);
    for (const [i, { word, chunk }] of lasts.entries()) {
      await withFetched(path.join(work, 'bounds'), String(i), 'index', async (module, fetched) => {
        const { results } = await module.search(`"${word}"`);
        expect(fetched, word).toEqual([chunk]);
        expect(results.length, word).toBe(wanted(word).length);
      });
    }
  });

  it("11. loads a page's fragment from its group's file, named in the metadata page's third field, once for the group", async () => {
    const { files: mergedFiles, pageNames, groupOf } = await mergeBundles([files], 500, () => false, { uniformWordCounts: true, fragmentGroups: true });
    const pagesOf = meta(mergedFiles)[1] as [string, number, string][];
    expect(pagesOf).toHaveLength(40);
    // 40 pages: groups of FRAGMENT_GROUP_PAGES in page order, each named by the page's name without its first digit.
    pagesOf.forEach(([name, , group], i) => {
      expect(group, name).toBe(groupOf.get(name));
      expect(group, name).toBe(pagesOf[i - (i % FRAGMENT_GROUP_PAGES)]![2]);
      expect(name.slice(0, 4) + name.slice(5), name).toBe(group);
    });
    expect(new Set(pagesOf.map((p) => p[2])).size).toBe(Math.ceil(40 / FRAGMENT_GROUP_PAGES));
    // The groups' files, made of Pagefind's own fragments of those pages; no fragment file of a page.
    const byGroup = new Map<string, Record<string, Fragment>>();
    for (const f of files.filter((x) => x.path.startsWith('fragment/'))) {
      const name = pageNames.get(f.path.slice('fragment/'.length, -'.pf_fragment'.length))!;
      const group = groupOf.get(name)!;
      byGroup.set(group, { ...byGroup.get(group), [name]: decodeFragment(f.content, f.path) });
    }
    const groups = [...byGroup].map(([group, fragments]) => ({ path: `fragment/${group}.pf_fragment`, content: encodeFragmentGroup(fragments) }));
    for (const g of groups) expect(Object.keys(decodeFragmentGroup(g.content, g.path)).length).toBeGreaterThan(0);
    const code = files.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path));
    await openBundleDir(path.join(work, 'groups'), [...mergedFiles, ...groups, ...code]);
    await withFetched(path.join(work, 'groups'), 'groups', 'fragment', async (module, fetched) => {
      for (const w of QUERIES) {
        const { results } = await module.search(`"${w}"`);
        const got = await Promise.all(results.map(async (r) => `${(await r.data()).url.replace(/^.*(\/p\d+\/)$/, '$1')}@${r.words[0]}`));
        expect(got.sort(), w).toEqual(wanted(w).sort());
      }
      // Each group's file fetched once, however many of its pages were shown.
      expect(fetched.length).toBeGreaterThan(0);
      expect(new Set(fetched).size).toBe(fetched.length);
      expect(fetched.every((g) => byGroup.has(g))).toBe(true);
    });
  });

  it('6. merges two indexes into one that finds what the whole index finds, at the same positions, filters included', async () => {
    const { files: mergedFiles, pageNames } = await mergeBundles(parts, 500, (page) => page.startsWith('und-p2_'));
    const m = meta(mergedFiles);
    expect((m[1] as unknown[]).length).toBe(40);
    // Short names, a profile's (here: the second part's pages) with PROFILE_MARK.
    const names = [...pageNames.entries()];
    expect(names).toHaveLength(40);
    for (const [old, name] of names) expect(name, old).toMatch(old.startsWith('und-p2_') ? /^[0-9a-f]{4}-[0-9a-z]+$/ : /^[0-9a-f]{4}[0-9a-z]+$/);
    // Fragments renamed as the indexer renames them.
    const fragments = parts.flatMap((b) =>
      b.filter((f) => f.path.startsWith('fragment/')).map((f) => ({ path: `fragment/${pageNames.get(f.path.slice(9, -12))}.pf_fragment`, content: f.content })),
    );
    expect(fragments.every((f) => !f.path.includes('undefined'))).toBe(true);
    const code = parts[0]!.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.)/.test(f.path));
    const merged = await openBundleDir(path.join(work, 'merged'), [...mergedFiles, ...fragments, ...code]);
    for (const w of QUERIES) {
      const { results } = await merged.search(`"${w}"`);
      const got = await Promise.all(results.map(async (r) => `${(await r.data()).url.replace(/^.*(\/p\d+\/)$/, '$1')}@${r.words[0]}`));
      expect(got.sort(), w).toEqual(wanted(w).sort());
      const three = await merged.search(`"${w}"`, { filters: { group: 'three' } });
      expect(three.results.length, `${w} in group three`).toBe(wanted(w).filter((x) => Number(/\/p(\d+)\//.exec(x)![1]) % 3 === 0).length);
    }
  });
});
