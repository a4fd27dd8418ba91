/**
 * The golden cases (tests/golden/render.ts) carried to the built page: the sample site holds every case's
 * input, so each expected entry is the built site's entry, and its page says what the golden page text
 * says (title, summary figures and sentences, section headings). Update: node tests/golden/update.ts after
 * this site is built.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtSite } from '../support/sites.ts';
import { changedPath, expectedDir, expectedIds, goldenCases, pageKeyText } from '../golden/render.ts';
import { readPage } from '../support/site-text.ts';

const cases = goldenCases().flatMap((name) => expectedIds(name).map((id) => [name, id] as const));

describe('golden cases on the built sample site', () => {
  it('covers every source form', () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(['judgit', 'rs', 'text']));
    expect(cases.length).toBe(5);
  });

  it.each(cases)('%s %s: the built entry is the golden entry, and its page has the golden key text', (name, id) => {
    const site = builtSite('root');
    const golden = readFileSync(path.join(expectedDir(name), `${id}.md`), 'utf8');
    expect(readFileSync(path.join(site.contentDir, 'sheets', `${id}.md`), 'utf8')).toBe(golden);
    const expectedFile = path.join(expectedDir(name), `${id}.page.txt`);
    expect(existsSync(expectedFile), `${expectedFile} (write it: node tests/golden/update.ts)`).toBe(true);
    const actual = pageKeyText(readPage(path.join(site.dist, 'sheets', id, 'index.html')));
    const changed = changedPath(expectedFile);
    if (actual !== readFileSync(expectedFile, 'utf8')) writeFileSync(changed, actual);
    else rmSync(changed, { force: true });
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
