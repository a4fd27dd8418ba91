/**
 * The entry format: frontmatter written as one JSON value per top-level key must be valid YAML that any
 * YAML reader (js-yaml here) reads to the same record, and must round-trip through parseEntry exactly.
 */
import { describe, it, expect } from 'vitest';
import * as yaml from 'js-yaml';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { parseEntry, serializeEntry } from '../../src/schema/entry-file.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function sample() {
  const rel = 'text/000_ef263abaeb28aada.txt';
  const { records } = await readTextSheet(path.join(root, 'sheets', rel), rel);
  return sheet.parse(records[0]);
}

describe('entry file', () => {
  it('round-trips a real record exactly', async () => {
    const rec = await sample();
    const text = serializeEntry(rec, '# body\n');
    const { data, body } = parseEntry(text, 'x.md');
    expect(data).toEqual(rec);
    expect(body).toBe('\n# body\n');
  });

  it('writes frontmatter that a YAML reader parses to the same record', async () => {
    const rec = await sample();
    const text = serializeEntry(rec, '');
    const front = text.slice(4, text.indexOf('\n---\n') + 1);
    expect(yaml.load(front)).toEqual(rec);
  });

  it('keeps line separators, quotes, colons and hashes in text safe for YAML readers', async () => {
    const rec = { ...(await sample()), title: 'a: b # c "d" \'e\'\u2028f\u2029g\u0085h\ufeffi\n- j' };
    const text = serializeEntry(rec, '');
    expect(text).not.toMatch(/[\u2028\u2029\u0085\ufeff]/);
    const front = text.slice(4, text.indexOf('\n---\n') + 1);
    expect((yaml.load(front) as { title: string }).title).toBe(rec.title);
    expect(parseEntry(text, 'x.md').data.title).toBe(rec.title);
  });

  it('still reads hand-written block-style YAML', () => {
    const { data } = parseEntry('---\nid: x\nbudgets:\n  - year: 2021\n    total: 1\n---\nbody\n', 'x.md');
    expect(data).toEqual({ id: 'x', budgets: [{ year: 2021, total: 1 }] });
  });

  it('names the file when the frontmatter is broken', () => {
    expect(() => parseEntry('no fence', 'a.md')).toThrow(/a\.md: entry does not start/);
    expect(() => parseEntry('---\nid: x\n', 'b.md')).toThrow(/b\.md: frontmatter is not closed/);
    expect(() => parseEntry('---\n- 1\n---\n', 'c.md')).toThrow(/c\.md: frontmatter is not a mapping/);
  });
});
