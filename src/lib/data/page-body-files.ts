/**
 * Writes the pages' bodies (a sheet page's sections, a project history's figures, a payee profile's lines) to
 * /page-bodies/<first page>.html.gz as Astro renders the pages (src/lib/markup/page-body.ts says what a
 * body is and why it is apart). The search-index integration hands each rendered page to `cut`, which
 * returns the page to publish.
 *
 * Pages join the open file in the order they are rendered (sheet pages first, by id: one ministry's year
 * after another, whose pages share the most markup and wording; then the other routes, a payee's pages
 * together). A file is closed at FILE_PAGES pages or once its bodies reach FILE_BYTES, so what one page
 * fetches stays small (a JUDGIT file ≈ 25 KB, an RS one with long payee tables about the same). A file is
 * compressed on libuv's threads and written when it is closed (at the record files' level, RECORD_GZIP);
 * `finish` closes the last one and waits for every write (a failed write fails the build).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { RECORD_GZIP } from './sheet-data-files.ts';
import { BODY_END, BODY_OPEN, MODULE_SCRIPT_OPEN, SCRIPT_CLOSE, bodyFileBytes, bodyRef, placeholderHtml, type BodyMessage } from '../markup/page-body.ts';
import { ui } from '../../i18n/ja.ts';

const gzipAsync = promisify(gzip);

/** The folder of the body files, under the site's root. */
export const BODY_DIR = 'page-bodies';
/** Bodies a file holds at most. */
export const FILE_PAGES = 8;
/** A file is closed once its bodies reach this many bytes (before gzip). */
export const FILE_BYTES = 224 * 1024;

const OPEN = Buffer.from(BODY_OPEN);
const END = Buffer.from(BODY_END);
const SCRIPT = Buffer.from(MODULE_SCRIPT_OPEN);
const CLOSE = Buffer.from(SCRIPT_CLOSE);

/**
 * Cuts a rendered page at its body markers: the page with a placeholder (placeholderHtml) where its body
 * was and the body's module scripts after it, and the body; null when the page has no markers (a page of
 * another kind), which is then published whole. On the bytes, with Node's native search: decoding every
 * page to a string and back cost the build's main thread ≈ 0.7 ms an RS page (≈ 4 s of a year).
 */
export function cutPageBody(html: Uint8Array, placeholder: string): { shell: Buffer<ArrayBuffer>; body: Buffer } | null {
  const page = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  const open = page.indexOf(OPEN);
  if (open < 0) return null;
  const start = open + OPEN.length;
  const end = page.indexOf(END, start);
  if (end < 0) return null;
  const kept: Buffer[] = [];
  const scripts: Buffer[] = [];
  let at = start;
  for (let s = page.indexOf(SCRIPT, at); s >= 0 && s < end; s = page.indexOf(SCRIPT, at)) {
    const close = page.indexOf(CLOSE, s);
    if (close < 0 || close > end) break;
    kept.push(page.subarray(at, s));
    scripts.push(page.subarray(s, close + CLOSE.length));
    at = close + CLOSE.length;
  }
  kept.push(page.subarray(at, end));
  return {
    shell: Buffer.concat([page.subarray(0, open), Buffer.from(placeholder), ...scripts, page.subarray(end + END.length)]),
    body: kept.length === 1 ? kept[0]! : Buffer.concat(kept),
  };
}

/**
 * Where else the content of a route's body is, by the page path's first folder: the routes whose pages have
 * a body (a page with body markers at any other route fails the build: its placeholder would say nothing).
 */
const ELSEWHERE: Record<string, string> = { sheets: ui.pageBody.sheetElsewhere, projects: ui.pageBody.projectElsewhere, payees: ui.pageBody.payeeElsewhere };

/**
 * A body file's name for the page whose body is first in it: its path's folders joined by "-"
 * (sheets-2015-mhlw-0160, payees-1000020192023-2). Sheet ids and 法人番号 are ASCII, safe in a URL (docs/IDS.md).
 */
export function bodyFileName(pagePath: string): string {
  return `${pagePath.split('/').filter(Boolean).join('-')}.html.gz`;
}

export class PageBodyWriter {
  readonly #dir: string;
  #open: { name: string; bodies: Uint8Array[]; bytes: number } | null = null;
  readonly #writes: Promise<number>[] = [];
  #made: Promise<unknown> | null = null;

  /** `outDir`: the site's output folder. */
  constructor(outDir: string) {
    this.#dir = path.join(outDir, BODY_DIR);
  }

  /**
   * The page to publish for the rendered page `html` at `pagePath` (its path from the site's root, with
   * "/" first and last: /sheets/<id>/, /payees/<法人番号>/2/): without its body, which goes to the open file;
   * the page itself when it has no body markers.
   */
  cut(html: Uint8Array<ArrayBuffer>, pagePath: string): Uint8Array<ArrayBuffer> {
    // Most pages of a site have no body: one search, before anything else.
    if (!Buffer.from(html.buffer, html.byteOffset, html.byteLength).includes(OPEN)) return html;
    if (this.#open && (this.#open.bodies.length >= FILE_PAGES || this.#open.bytes >= FILE_BYTES)) this.#close();
    const folders = pagePath.split('/').filter(Boolean);
    const file = this.#open ?? { name: bodyFileName(pagePath), bodies: [], bytes: 0 };
    // Relative to the page, so a copy of the site served under another path still finds it.
    const ref = bodyRef(`${'../'.repeat(folders.length)}${BODY_DIR}/${file.name}`, file.bodies.length);
    const elsewhere = ELSEWHERE[folders[0] ?? ''];
    const message: BodyMessage = { status: ui.pageBody.loading, elsewhere: elsewhere ?? '' };
    const cut = cutPageBody(html, placeholderHtml(ref, message));
    if (cut === null) return html;
    if (elsewhere === undefined) throw new Error(`${pagePath}: a page with a body at a route without its placeholder's wording (ELSEWHERE)`);
    this.#open = file;
    file.bodies.push(cut.body);
    file.bytes += cut.body.length;
    return cut.shell;
  }

  #close(): void {
    const file = this.#open;
    this.#open = null;
    if (!file) return;
    if (!this.#made) {
      this.#made = mkdir(this.#dir, { recursive: true });
      // Its failure is each write's (awaited after compressing), not an unhandled rejection meanwhile.
      this.#made.catch(() => {});
    }
    const made = this.#made;
    const write = (async () => {
      const bytes = await gzipAsync(bodyFileBytes(file.bodies), RECORD_GZIP);
      await made;
      await writeFile(path.join(this.#dir, file.name), bytes);
      return bytes.length;
    })();
    // Awaited in finish; until then a failure must not be an unhandled rejection.
    write.catch(() => {});
    this.#writes.push(write);
  }

  /** Closes the open file and waits for every write: the files written and their bytes. */
  async finish(): Promise<{ files: number; bytes: number }> {
    this.#close();
    const sizes = await Promise.all(this.#writes);
    return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  }
}
