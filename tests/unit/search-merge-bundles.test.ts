/**
 * The streaming merge of index parts (scripts/search-index/merge-bundles.ts) on real Pagefind bundles: it
 * writes the merged word index as it reads the parts (one chunk of each at a time, so its memory does not
 * grow with the index), gives the same files whether the parts are read from memory or through a reader,
 * joins a word's page lists across parts with the right page numbers, and refuses a part whose words are
 * not in order. What the merged index finds is checked against Pagefind's own search in
 * tests/unit/search-pagefind-contract.test.ts (6) and through the search page in tests/site/search.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { mergeBundles, mergeBundleSources, shortName } from '../../scripts/search-index/merge-bundles.ts';
import { chunkWordSizes, decodeIndexFile, encodeIndexFile, type BundleFile } from '../../scripts/search-index/pagefind-internals.ts';

const letters = 'abcdefghijklmnopqrstuvwxyz';
const word = (n: number) => `${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676) % 26]}`;
/** 60 pages of 600 words from a vocabulary of 2,000: each part's index is several of Pagefind's chunks. */
const pages = Array.from({ length: 60 }, (_, p) => Array.from({ length: 600 }, (_, i) => word((i * 11 + p * 37) % 2000)).join(' '));

async function build(range: number[], language: string): Promise<BundleFile[]> {
  const { index } = await pagefind.createIndex({});
  for (const i of range) await index!.addCustomRecord({ url: `/p${i}/`, content: pages[i]!, language });
  const out = (await index!.getFiles()).files.map((f) => ({ path: f.path, content: f.content }));
  await index!.deleteIndex();
  return out.filter((f) => !/^(fragment\/|pagefind.*\.(js|css)$|wasm\.)/.test(f.path));
}

function metaOf(files: readonly BundleFile[]): unknown[] {
  const file = files.find((f) => f.path.endsWith('.pf_meta'))!;
  return decodeIndexFile(file.content, file.path) as unknown[];
}

/** Every word of a merged bundle with its pages (by their number) and each page's locations. */
function postingsOf(files: readonly BundleFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, , name] of metaOf(files)[2] as string[][]) {
    const f = files.find((x) => x.path === `index/${name}.pf_index`)!;
    for (const [w, list] of (decodeIndexFile(f.content, f.path) as unknown[][])[0] as [string, [number, number[]][]][]) {
      let page = 0;
      out.set(w, list.map(([delta, locations]) => `${(page += delta)}:${locations.join(',')}`).join(' '));
    }
  }
  return out;
}

let parts: BundleFile[][];
let whole: BundleFile[];

beforeAll(async () => {
  const all = pages.map((_, i) => i);
  parts = [await build(all.slice(0, 20), 'und-p1'), await build(all.slice(20, 45), 'und-p2'), await build(all.slice(45), 'und-p3')];
  whole = await build(all, 'und');
}, 60_000);

describe('merging index parts as a stream', () => {
  it('gives every word the pages and locations of the index built whole', async () => {
    const merged = postingsOf((await mergeBundles(parts, 3000)).files);
    const expected = postingsOf((await mergeBundles([whole], 3000)).files);
    expect(merged.size).toBe(expected.size);
    expect(merged.size).toBeGreaterThan(1900);
    for (const [w, list] of expected) expect(merged.get(w), w).toBe(list);
    // A word on pages of all three parts: its list runs across them in page order.
    const w = word(0);
    expect(merged.get(w)!.split(' ').map((x) => Number(x.split(':')[0]))).toEqual(
      pages.flatMap((p, i) => (p.split(' ').includes(w) ? [i] : [])),
    );
  });

  it('writes merged chunks while it is still reading the parts, holding one chunk of each at a time', async () => {
    const events: string[] = [];
    const readers = parts.map((files, i) => {
      const byPath = new Map(files.map((f) => [f.path, f.content]));
      return (file: string) => {
        if (file.startsWith('index/')) events.push(`read ${i} ${file}`);
        return byPath.get(file);
      };
    });
    const written: BundleFile[] = [];
    await mergeBundleSources(readers, (file, content) => {
      if (file.startsWith('index/')) events.push(`write ${file}`);
      written.push({ path: file, content });
    }, 3000);
    // A chunk size given as a number needs no first pass: each chunk is read once.
    const chunkFiles = parts.reduce((n, p) => n + p.filter((f) => f.path.startsWith('index/')).length, 0);
    expect(events.filter((e) => e.startsWith('read')).length).toBe(chunkFiles);
    const mergePass = events;
    const firstWrite = mergePass.findIndex((e) => e.startsWith('write'));
    const lastRead = mergePass.findLastIndex((e) => e.startsWith('read'));
    expect(firstWrite).toBeGreaterThan(0);
    expect(firstWrite).toBeLessThan(lastRead);
    // Chunks of about the limit: each but the last closed by the word that reached 3,000 locations.
    const table = metaOf(written)[2] as string[][];
    expect(table.length).toBeGreaterThan(10);
    for (const [, , name] of table.slice(0, -1)) {
      const f = written.find((x) => x.path === `index/${name}.pf_index`)!;
      const sizes = chunkWordSizes(f.content, f.path).map((x) => x.locations);
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(3000);
      expect(total - sizes[sizes.length - 1]!).toBeLessThan(3000);
    }
    // The same files as merged in memory.
    const inMemory = (await mergeBundles(parts, 3000)).files;
    expect(written.map((f) => f.path)).toEqual(inMemory.map((f) => f.path));
    written.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.content), Buffer.from(inMemory[i]!.content)), f.path).toBe(0));
  });

  it("makes a chunk size from the index's locations, counted in a first pass or given by the caller", async () => {
    const reads = (counter: { n: number }) =>
      parts.map((files) => {
        const byPath = new Map(files.map((f) => [f.path, f.content]));
        return (file: string) => {
          if (file.startsWith('index/')) counter.n += 1;
          return byPath.get(file);
        };
      });
    const chunkFiles = parts.reduce((n, p) => n + p.filter((f) => f.path.startsWith('index/')).length, 0);
    // What the parts hold in Pagefind's measure, as the part builder counts it (DirectIndex.locations).
    const locations = parts.flat().filter((f) => f.path.startsWith('index/')).flatMap((f) => chunkWordSizes(f.content, f.path)).reduce((n, w) => n + w.locations, 0);
    expect(locations).toBeGreaterThan(30_000);
    const seen: number[] = [];
    const limit = (total: number) => (seen.push(total), Math.ceil(total / 12));
    const counted = { n: 0 };
    const countedFiles: BundleFile[] = [];
    await mergeBundleSources(reads(counted), (path, content) => countedFiles.push({ path, content }), limit);
    const given = { n: 0 };
    const givenFiles: BundleFile[] = [];
    await mergeBundleSources(reads(given), (path, content) => givenFiles.push({ path, content }), limit, { totalLocations: locations });
    // The first pass counted what the caller gave, and read every chunk one more time to do so.
    expect(seen).toEqual([locations, locations]);
    expect(counted.n).toBe(2 * chunkFiles);
    expect(given.n).toBe(chunkFiles);
    expect(givenFiles.map((f) => f.path)).toEqual(countedFiles.map((f) => f.path));
    givenFiles.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.content), Buffer.from(countedFiles[i]!.content)), f.path).toBe(0));
    expect((metaOf(givenFiles)[2] as unknown[]).length).toBeGreaterThanOrEqual(12);
  });

  it('fails with the error of a chunk it could not write, after the chunks before it', async () => {
    const written: string[] = [];
    let chunks = 0;
    const readers = parts.map((files) => {
      const byPath = new Map(files.map((f) => [f.path, f.content]));
      return (file: string) => byPath.get(file);
    });
    await expect(
      mergeBundleSources(readers, (file) => {
        if (file.startsWith('index/') && ++chunks === 3) throw new Error('disk full');
        written.push(file);
      }, 3000),
    ).rejects.toThrow('disk full');
    // Written in order up to the failure; nothing after it, not even the metadata.
    expect(written.filter((f) => f.startsWith('index/'))).toHaveLength(2);
    expect(written.some((f) => f.endsWith('.pf_meta'))).toBe(false);
  });

  it('refuses a part whose words are out of order, naming the file', async () => {
    const broken = parts[1]!.map((f) => {
      if (!f.path.startsWith('index/')) return f;
      // Swap the first two words' entries of each chunk.
      const [[first, second, ...rest]] = decodeIndexFile(f.content, f.path) as unknown[][][];
      return { path: f.path, content: encodeIndexFile([[second, first, ...rest]] as Parameters<typeof encodeIndexFile>[0]) };
    });
    await expect(mergeBundles([parts[0]!, broken], 3000)).rejects.toThrow(/index\/.*\.pf_index: word \w+ after \w+ \(words out of order\)/);
  });
});

describe('short names', () => {
  it('name each page and chunk once: the tag, then the number in hexadecimal digits, least significant first', () => {
    expect(shortName('7a78', 0, 3)).toBe('7a78000');
    expect(shortName('7a78', 0x1f3, 3)).toBe('7a783f1');
    // A number past the width it was given (a merge writing more chunks than it expected) is longer.
    expect(shortName('', 0x1f3, 1)).toBe('3f1');
    for (const width of [1, 2, 4]) {
      const names = Array.from({ length: 70_000 }, (_, n) => shortName('t', n, width));
      expect(new Set(names).size, `width ${width}`).toBe(names.length);
      expect(names.every((x) => /^t[0-9a-f]+$/.test(x))).toBe(true);
    }
  });

  it("make the merged metadata's page table smaller after gzip than the same numbers written forwards", async () => {
    const merged = await mergeBundles(parts, 3000);
    const pagesOf = metaOf(merged.files)[1] as [string, ...unknown[]][];
    expect(pagesOf.map(([name]) => name)).toEqual(pages.map((_, n) => shortName(pagesOf[0]![0].slice(0, 4), n, 2)));
    // At a year and more (54,460 pages as at ten review years), written forwards in base 36 they take ≈ 1.7 times the bytes.
    const table = (name: (n: number) => string) => encodeIndexFile(['1.6.0', Array.from({ length: 54_460 }, (_, n) => [name(n), 1]), [], [], [], []]).length;
    const backwards = table((n) => shortName('7a78', n, 4));
    const forwards = table((n) => `7a78${n.toString(36)}`);
    expect(backwards).toBeLessThan(forwards * 0.65);
  });
});
