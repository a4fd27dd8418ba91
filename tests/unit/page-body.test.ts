/**
 * A page's body published apart (src/lib/markup/page-body.ts, src/lib/data/page-body-files.ts):
 * cut at its markers with its module scripts kept in the page, packed into files of a few bodies, and put
 * back exactly. The site tests read every built sheet page with its body put back (tests/support/site-text.ts
 * readPage) and the browser tests see it put in by src/client/page-body.ts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_END, BODY_OPEN, bodyFileBytes, bodyInFile, bodyRef, parseBodyRef, placeholderHtml, placeholderRef, splicePageBody } from '../../src/lib/markup/page-body.ts';
import { BODY_DIR, FILE_BYTES, FILE_PAGES, PageBodyWriter, cutPageBody } from '../../src/lib/data/page-body-files.ts';
import { html } from '../../src/lib/markup/html.ts';
import { textSample } from '../support/sample-records.ts';
import { ui } from '../../src/i18n/ja.ts';

const sheet = await textSample('000_ef263abaeb28aada.txt');
/** Text as a page holds it: escaped by the markup helpers. */
const escapeHtml = (text: string) => html`${text}`.value;
const script = '<script type="module" src="/_astro/ChartFigure.js"></script>';
/** A page as Astro renders a sheet page: head and summary, then the body between its markers. */
function page(body: string): string {
  return `<!DOCTYPE html><html><head><title>${escapeHtml(sheet.title)}</title></head><body><article data-pagefind-body><h1>${escapeHtml(sheet.title)}</h1>${BODY_OPEN}${body}${BODY_END}</article></body></html>`;
}
const message = { status: '読み込み中。', elsewhere: 'JSONにもあります。' };
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
/** Cuts a page given as text; the shell and body as text. */
function cut(html: string, ref = 'f#0') {
  const c = cutPageBody(bytes(html), placeholderHtml(ref, message));
  return c && { shell: text(c.shell), body: text(c.body) };
}
const bodyOf = (i: number) => `<section id="purpose"><h2>目的</h2><p>${escapeHtml(sheet.purpose ?? '')} ${i}</p>${script}<figure data-chart>&lt;script&gt;</figure></section>`;

describe('cut and put back', () => {
  it('cuts the body, keeps its module scripts in the page, and splices it back to the rendered page', () => {
    const html = page(bodyOf(1));
    const c = cut(html, bodyRef('../../page-bodies/x.html.gz', 3))!;
    expect(c.body).not.toContain('<script');
    expect(c.body).toContain(escapeHtml(sheet.purpose!));
    expect(c.shell).not.toContain(escapeHtml(sheet.purpose!));
    expect(c.shell).toContain(`<div data-page-body="../../page-bodies/x.html.gz#3"><p class="page-body-status"><span role="status">読み込み中。</span>JSONにもあります。</p></div>${script}</article>`);
    expect(placeholderRef(c.shell)).toBe('../../page-bodies/x.html.gz#3');
    expect(parseBodyRef(placeholderRef(c.shell)!)).toEqual({ file: '../../page-bodies/x.html.gz', n: 3 });
    // Back in, the page is the rendered one but for where the script is.
    expect(splicePageBody(c.shell, c.body).replace(script, '')).toBe(html.replace(script, ''));
  });

  it('leaves a page without both markers whole', () => {
    expect(cut('<p>no body</p>')).toBeNull();
    expect(cut(`<div>${BODY_OPEN}<p>no end</p></div>`)).toBeNull();
    expect(placeholderRef('<p>no body</p>')).toBeNull();
    expect(() => splicePageBody('<p>no body</p>', 'x')).toThrow(/placeholder/);
  });

  it('escaped sheet text cannot make a marker', () => {
    const hostile = escapeHtml(`${BODY_END}<script type="module" src="x"></script>`);
    expect(cut(page(`<p>${hostile}</p>`))!.body).toBe(`<p>${hostile}</p>`);
  });

  it('finds each body of a file by its length, multi-byte text and all', () => {
    const bodies = [bodyOf(0), '', bodyOf(2), '𠮷野家\n改行'];
    const file = bodyFileBytes(bodies.map(bytes));
    bodies.forEach((b, i) => expect(bodyInFile(file, i)).toBe(b));
    expect(() => bodyInFile(file, 4)).toThrow(/4 bodies, not 5/);
    expect(() => bodyInFile(bytes('<html>\n'), 0)).toThrow(/not a page body file/);
    expect(() => bodyInFile(file.subarray(0, -3), 3)).toThrow(/cut short/);
  });
});

describe('PageBodyWriter', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const outDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'page-bodies-'));
    dirs.push(d);
    return d;
  };

  it(`packs ${FILE_PAGES} bodies a file, named by its first page, and every page finds its own`, async () => {
    const dir = outDir();
    const writer = new PageBodyWriter(dir);
    // Sheet pages, then a payee profile's two pages (one folder deeper), as Astro renders them.
    const pages = [...Array.from({ length: FILE_PAGES + 1 }, (_, i) => `/sheets/2015-mhlw-${String(i).padStart(4, '0')}/`), '/payees/1000020192023/', '/payees/1000020192023/2/'];
    const shells = pages.map((p, i) => text(writer.cut(bytes(page(bodyOf(i))), p)));
    // A page without a body is published whole and joins no file.
    const other = bytes('<p>other</p>');
    expect(writer.cut(other, '/years/2015/')).toBe(other);
    const written = await writer.finish();
    expect(readdirSync(path.join(dir, BODY_DIR)).sort()).toEqual(['sheets-2015-mhlw-0000.html.gz', `sheets-2015-mhlw-${String(FILE_PAGES).padStart(4, '0')}.html.gz`]);
    expect(written.files).toBe(2);
    shells.forEach((shell, i) => {
      const { file, n } = parseBodyRef(placeholderRef(shell)!)!;
      // Relative to the page: up as many folders as its path has.
      expect(file.split('../').length - 1, pages[i]).toBe(pages[i]!.split('/').filter(Boolean).length);
      const bodies = gunzipSync(readFileSync(path.resolve(dir, ...pages[i]!.split('/').filter(Boolean), file)));
      expect(n).toBe(i % FILE_PAGES);
      expect(bodyInFile(bodies, n)).toBe(bodyOf(i).replace(script, ''));
    });
    // Each route's placeholder says where else its content is.
    expect(shells[0]).toContain(`<span role="status">${ui.pageBody.loading}</span>${ui.pageBody.sheetElsewhere}`);
    expect(shells.at(-1)).toContain(`<span role="status">${ui.pageBody.loading}</span>${ui.pageBody.payeeElsewhere}`);
  });

  it('fails on a page with a body at a route that has no wording for its placeholder', () => {
    const writer = new PageBodyWriter(outDir());
    expect(() => writer.cut(bytes(page(bodyOf(0))), '/rankings/2024/')).toThrow(/ELSEWHERE/);
  });

  it('closes a file early once its bodies are long', async () => {
    const dir = outDir();
    const writer = new PageBodyWriter(dir);
    const long = `<p>${'あ'.repeat(FILE_BYTES / 3)}</p>`;
    writer.cut(bytes(page(long)), '/sheets/a/');
    writer.cut(bytes(page(bodyOf(1))), '/sheets/b/');
    expect((await writer.finish()).files).toBe(2);
  });

  it('fails finish when a file cannot be written', async () => {
    const dir = outDir();
    writeFileSync(path.join(dir, BODY_DIR), 'a file where the folder goes');
    const writer = new PageBodyWriter(dir);
    writer.cut(bytes(page(bodyOf(0))), '/sheets/a/');
    await expect(writer.finish()).rejects.toThrow();
  });
});
