/**
 * The site's listings (src/lib/collection.ts): read from the content entries, or taken from the content
 * loader's hand-over (shareListings) when the loader has read the same folder in this process — the
 * listing is the same either way, and new hand-overs replace what was cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeEntry } from '../../src/lib/entry-file.ts';
import { allListings, allRows, listing, shareListings } from '../../src/lib/collection.ts';
import type { Sheet } from '../../src/schema/sheet.ts';
import { rsSamples, textSample } from '../support/sample-records.ts';

let root: string;
let records: Sheet[];
const savedContentDir = process.env.CONTENT_DIR;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'collection-'));
  await mkdir(path.join(root, 'sheets'));
  records = [await textSample('000_ef263abaeb28aada.txt'), ...(await rsSamples()).slice(0, 5)];
  for (const r of records) await writeFile(path.join(root, 'sheets', `${r.id}.md`), serializeEntry(r, ''));
  process.env.CONTENT_DIR = root;
});

afterAll(async () => {
  if (savedContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = savedContentDir;
  await rm(root, { recursive: true, force: true });
});

describe('allListings', () => {
  it('reads the entries when nothing was handed over, and the hand-over of the same folder gives the same listing', async () => {
    const read = await allListings();
    expect(read.map((l) => l.id).sort()).toEqual(records.map((r) => r.id).sort());
    // Newest review year first.
    expect(read[0]!.fiscalYear).toBe(Math.max(...records.map((r) => r.fiscalYear)));

    shareListings(path.join(root, 'sheets'), records.map(listing));
    const shared = await allListings();
    expect(shared).not.toBe(read);
    expect(shared).toEqual(read);
  });

  it('takes a new hand-over in place of what it cached, and drops the views made from the old one', async () => {
    const before = await allRows();
    expect(before).toHaveLength(records.length);
    shareListings(path.join(root, 'sheets'), records.slice(0, 2).map(listing));
    expect((await allListings()).map((l) => l.id).sort()).toEqual(records.slice(0, 2).map((r) => r.id).sort());
    expect(await allRows()).toHaveLength(2);
  });

  it('ignores a hand-over of another folder', async () => {
    shareListings(path.join(root, 'elsewhere'), []);
    expect((await allListings()).map((l) => l.id).sort()).toEqual(records.map((r) => r.id).sort());
  });
});
