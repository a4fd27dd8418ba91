/**
 * The word index written in Node (scripts/search-index/direct-index.ts, given each page's words as
 * index-content.ts's indexWords makes them) against Pagefind's own indexer given the same words as
 * content (indexContent), the oracle: the same pages (real sample sheets' search text and filters, and the edge cases the content
 * writer has: a page without text, one-character pages, astral characters, a page whose first two
 * characters are the same) are indexed both ways, each bundle is merged as the build merges it
 * (mergeBundles), and the decoded results must be the same word for word: every word on the same pages
 * (matched by URL through the fragments) at the same locations, the same fields after them, the same
 * pages with the same word counts, the same filters and the same entry — but for the two rules the
 * direct index adds: a compound's parts (the character words) once a page, at their first position but at
 * most PART_POSITION_CAP; and page entries without Pagefind's weight marker and empty meta locations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { DirectIndex, PART_POSITION_CAP } from '../../scripts/search-index/direct-index.ts';
import { EMPTY_PAGE_WORD } from '../../scripts/search-index/build-part.ts';
import { indexContent, indexWords, NO_CODE, wordNumber } from '../../scripts/search-index/index-content.ts';
import { chunkWordSizes, decodeIndexFile, fragmentUrl, type BundleFile } from '../../scripts/search-index/pagefind-internals.ts';
import { mergeBundles } from '../../scripts/search-index/merge-bundles.ts';
import { pagefindRuntime, PRIMARY_ONLY } from '../../scripts/search-index/pagefind-runtime.ts';
import { sheetPageText } from '../../src/lib/view/search-text.ts';
import { searchRecord } from '../../src/lib/view/search-attributes.ts';
import { encodeChar, type SearchWords } from '../../src/shared/search/tokens.ts';
import { judgitSamples, rsSamples, textSample } from '../support/sample-records.ts';

const LANGUAGE = 'und-p1';
const code = (ch: string) => encodeChar(ch.codePointAt(0)!);

interface TestPage {
  url: string;
  text: string;
  filters: Record<string, string[]>;
}

/** What a merged bundle holds, by URL: word → page → [locations, the page entry's other fields]. */
interface Decoded {
  entry: Record<string, unknown>;
  head: unknown[];
  pages: Map<string, number>;
  words: Map<string, Map<string, string>>;
  wordTails: Map<string, string>;
  filters: Map<string, Map<string, string[]>>;
}

function decodeMerged(files: readonly BundleFile[], urlOf: (oldName: string) => string, pageNames: Map<string, string>): Decoded {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entry = JSON.parse(Buffer.from(byPath.get('pagefind-entry.json')!.content).toString('utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const info = entry.languages[LANGUAGE]!;
  const metaPath = `pagefind.${info.hash}.pf_meta`;
  const meta = decodeIndexFile(byPath.get(metaPath)!.content, metaPath) as unknown[];
  const oldNames = new Map([...pageNames].map(([old, name]) => [name, old]));
  const urls = (meta[1] as [string, number][]).map(([name]) => urlOf(oldNames.get(name)!));
  const pages = new Map((meta[1] as [string, number][]).map(([, count], i) => [urls[i]!, count]));
  const words = new Map<string, Map<string, string>>();
  const wordTails = new Map<string, string>();
  for (const [, , hash] of meta[2] as [string, string, string][]) {
    const p = `index/${hash}.pf_index`;
    for (const [word, entries, ...tail] of (decodeIndexFile(byPath.get(p)!.content, p) as unknown[][])[0] as [string, [number, ...unknown[]][], ...unknown[]][]) {
      const byUrl = new Map<string, string>();
      let page = 0;
      for (const [delta, ...rest] of entries) {
        page += delta;
        byUrl.set(urls[page]!, JSON.stringify(rest));
      }
      words.set(word, byUrl);
      wordTails.set(word, JSON.stringify(tail));
    }
  }
  const filters = new Map<string, Map<string, string[]>>();
  for (const [name, hash] of meta[3] as [string, string][]) {
    const p = `filter/${hash}.pf_filter`;
    const [filter, values] = decodeIndexFile(byPath.get(p)!.content, p) as [string, [string, number[]][]];
    expect(filter).toBe(name);
    filters.set(name, new Map(values.map(([v, ps]) => [v, ps.map((n) => urls[n]!).sort()])));
  }
  const { languages, ...rest } = entry;
  const { hash: _hash, ...language } = info;
  return { entry: { ...rest, language }, head: [meta[0], ...meta.slice(4)], pages, words, wordTails, filters };
}

async function withPagefind(pages: readonly TestPage[], as: SearchWords): Promise<Decoded> {
  const { index } = await pagefind.createIndex({ maxFragments: 1_000_000_000 });
  for (const p of pages) {
    const content = indexContent(p.text, as).content || EMPTY_PAGE_WORD;
    const res = await index!.addCustomRecord({ url: p.url, content, language: LANGUAGE, filters: p.filters });
    expect(res.errors).toEqual([]);
  }
  const files = (await index!.getFiles()).files.map((f) => ({ path: f.path, content: f.content }));
  await index!.deleteIndex();
  const urls = new Map(
    files.filter((f) => f.path.startsWith('fragment/')).map((f) => [f.path.slice(9, -12), fragmentUrl(Buffer.from(f.content), f.path)]),
  );
  const { files: merged, pageNames } = await mergeBundles([files], 500);
  return decodeMerged(merged, (name) => urls.get(name)!, pageNames);
}

async function direct(pages: readonly TestPage[], as: SearchWords): Promise<Decoded> {
  const index = new DirectIndex(LANGUAGE);
  const urls = new Map<string, string>();
  for (const p of pages) {
    // As build-part.ts gives a page's words, without the number words (Pagefind cannot be given two words at one position).
    const { name } = index.addPage((sink) => {
      const { words } = indexWords(p.text, as, sink, { numbers: false });
      if (words > 0) return words;
      sink(0, wordNumber(EMPTY_PAGE_WORD), NO_CODE, false);
      return 1;
    }, p.filters);
    urls.set(name, p.url);
  }
  const { fields } = await pagefindRuntime(LANGUAGE);
  const files = index.files(fields);
  // The locations it counts as it writes (the merge's chunk size is made from them) are what its chunks hold.
  const chunks = files.filter((f) => f.path.startsWith('index/')).flatMap((f) => chunkWordSizes(f.content, f.path));
  expect(index.locations).toBe(chunks.reduce((n, w) => n + w.locations, 0));
  expect(index.locations).toBeGreaterThan(pages.length);
  const { files: merged, pageNames } = await mergeBundles([files], 500);
  return decodeMerged(merged, (name) => urls.get(name)!, pageNames);
}

/**
 * Pagefind's index with the first rule the direct index applies on purpose (direct-index.ts): a compound's
 * part — a character word, at the parts' weight 12 (marked −13) — once a page, at its first position but
 * at most PART_POSITION_CAP (Pagefind's first location is that position: locations are differences).
 */
function partsCapped(d: Decoded): Decoded {
  const capped = (v: string) => {
    const m = /^\[\[-13,(\d+)[,\]]/.exec(v);
    return m ? `[[-13,${Math.min(Number(m[1]), PART_POSITION_CAP)}],[]]` : v;
  };
  const words = new Map([...d.words].map(([word, byUrl]) => [word, new Map([...byUrl].map(([url, v]) => [url, capped(v)]))]));
  return { ...d, words };
}

/** Pagefind's index with the second rule: a page entry's locations without the weight markers, and no meta locations. */
function withoutWeights(d: Decoded): Decoded {
  const bare = (v: string) => {
    const [locations, meta] = JSON.parse(v) as [number[], unknown[]];
    expect(meta).toEqual([]);
    return JSON.stringify([locations.filter((l) => l >= 0)]);
  };
  const words = new Map([...d.words].map(([word, byUrl]) => [word, new Map([...byUrl].map(([url, v]) => [url, bare(v)]))]));
  return { ...d, words };
}

/** The lines where two decoded word indexes differ (empty when they are the same). */
function differences(a: Decoded, b: Decoded): string[] {
  const out: string[] = [];
  for (const word of new Set([...a.words.keys(), ...b.words.keys()])) {
    const x = a.words.get(word);
    const y = b.words.get(word);
    if (!x || !y) out.push(`${word}: only in ${x ? 'Pagefind' : 'direct'}`);
    else {
      for (const url of new Set([...x.keys(), ...y.keys()])) if (x.get(url) !== y.get(url)) out.push(`${word} ${url}: ${x.get(url)} ≠ ${y.get(url)}`);
      if (a.wordTails.get(word) !== b.wordTails.get(word)) out.push(`${word}: fields after its pages differ`);
    }
    if (out.length > 10) break;
  }
  return out;
}

let pages: TestPage[];

beforeAll(async () => {
  const sheets = [await textSample('000_ef263abaeb28aada.txt'), ...(await rsSamples()).slice(0, 24), ...(await judgitSamples()).slice(0, 12)];
  pages = sheets.map((s) => ({ url: `/sheets/${s.id}/`, text: sheetPageText(s).indexText, filters: searchRecord(s).filters }));
  pages.push(
    { url: '/edge/empty/', text: '', filters: { 年度: ['2024'] } },
    { url: '/edge/one/', text: '国', filters: {} },
    { url: '/edge/astral-one/', text: '𠮷', filters: { 年度: ['2024'], 一者応札: ['あり'] } },
    { url: '/edge/astral/', text: '𠮷野家の𠮷と𩸽', filters: {} },
    // The first pair is a compound of one character twice (A-A: A twice at position 0), then the plain pair AB, then the compound B-A.
    { url: '/edge/repeat/', text: '国国家国', filters: {} },
    { url: '/edge/pair/', text: '家国', filters: {} },
  );
}, 120_000);

describe('the word index written in Node', () => {
  it('is what Pagefind writes for the same pages (bigram words and compounds), once merged, but for its two rules (parts capped, no weights)', async () => {
    const [pagefind, got] = [await withPagefind(pages, 'bigrams'), await direct(pages, 'bigrams')];
    const want = withoutWeights(partsCapped(pagefind));
    expect(differences(want, got)).toEqual([]);
    // The rule changes something: Pagefind has parts beyond the cap, and repeated on a page.
    const firstAt = (v: string) => Number(/^\[\[-13,(\d+)/.exec(v)?.[1] ?? -1);
    const beyond = [...pagefind.words].flatMap(([w, byUrl]) => [...byUrl].filter(([, v]) => firstAt(v) > PART_POSITION_CAP).map(([url]) => [w, url] as const));
    expect(beyond.length).toBeGreaterThan(100);
    for (const [w, url] of beyond.slice(0, 50)) expect(got.words.get(w)!.get(url)).toBe(`[[${PART_POSITION_CAP}]]`);
    expect(differences(withoutWeights(pagefind), got).length).toBeGreaterThan(10);
    expect(got.words.size).toBe(want.words.size);
    expect([...got.pages].sort()).toEqual([...want.pages].sort());
    expect(got.filters).toEqual(want.filters);
    expect(got.head).toEqual(want.head);
    expect(got.entry).toEqual(want.entry);
    // Real content, not a trivial agreement: 43 pages, tens of thousands of words.
    expect(got.pages.size).toBe(43);
    expect(got.words.size).toBeGreaterThan(20_000);
    expect(got.filters.get('年度')!.get('2024')).toEqual(expect.arrayContaining(['/edge/astral-one/', '/edge/empty/']));
    // The edge pages, as explicit values: Pagefind marks weight 24 −25 and a compound part's weight 12 −13,
    // the direct index writes positions alone (a part once a page, at its first position); positions are
    // differences from the previous one.
    const [A, B, C] = ['国', '家', '𠮷'].map(code) as [string, string, string];
    expect(got.words.get(EMPTY_PAGE_WORD)!.get('/edge/empty/')).toBe('[[0]]');
    expect(got.pages.get('/edge/empty/')).toBe(1);
    expect(got.words.get(A)!.get('/edge/one/')).toBe('[[0]]');
    expect(got.words.get(C)!.get('/edge/astral-one/')).toBe('[[0]]');
    expect(pagefind.words.get(A)!.get('/edge/repeat/')).toBe('[[-13,0,0,2],[]]');
    expect(got.words.get(A)!.get('/edge/repeat/')).toBe('[[0]]');
    expect(got.words.get(A + A)!.get('/edge/repeat/')).toBe('[[0]]');
    expect(pagefind.words.get(B)!.get('/edge/repeat/')).toBe('[[-13,2],[]]');
    expect(got.words.get(B)!.get('/edge/repeat/')).toBe('[[2]]');
    expect(got.words.get(B + A)!.get('/edge/repeat/')).toBe('[[2]]');
    expect(got.pages.get('/edge/repeat/')).toBe(3);
    // Both characters of a two-character page, the last carried by the only pair.
    expect(got.words.get(B)!.get('/edge/pair/')).toBe('[[0]]');
    expect(got.words.get(A)!.get('/edge/pair/')).toBe('[[0]]');
    expect(got.words.get(C + code('野'))!.get('/edge/astral/')).toBe('[[0]]');
  }, 120_000);

  it('is what Pagefind writes for one word per character', async () => {
    const few = pages.slice(0, 6).concat(pages.slice(-6));
    const [want, got] = [withoutWeights(await withPagefind(few, 'chars')), await direct(few, 'chars')];
    expect(differences(want, got)).toEqual([]);
    expect(got.words.size).toBe(want.words.size);
    expect([...got.pages].sort()).toEqual([...want.pages].sort());
    expect(got.filters).toEqual(want.filters);
    expect(got.words.get(code('家'))!.get('/edge/repeat/')).toBe('[[2]]');
    expect(got.words.get(code('国'))!.get('/edge/repeat/')).toBe('[[0,1,2]]');
  }, 120_000);

  it("gives the part the search page loads Pagefind's code files", async () => {
    const { files, fields } = await pagefindRuntime(LANGUAGE);
    expect(files.map((f) => f.path).sort()).toEqual(['pagefind-worker.js', 'pagefind.js', 'wasm.unknown.pagefind']);
    expect(files.every((f) => PRIMARY_ONLY.test(f.path) && f.content.length > 10_000)).toBe(true);
    expect(fields.wasm).toBeNull();
    expect(fields.extra).toHaveProperty('include_characters');
  }, 60_000);

  it('writes an entry naming no language for a part without pages', () => {
    const files = new DirectIndex(LANGUAGE).files({ version: '1.6.0', wasm: null, extra: {} });
    expect(files.map((f) => [f.path, Buffer.from(f.content).toString()])).toEqual([['pagefind-entry.json', '{"version":"1.6.0","languages":{}}']]);
  });
});
