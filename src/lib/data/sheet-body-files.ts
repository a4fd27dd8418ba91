/**
 * Writes the sheet pages' bodies to /sheet-bodies/<first id>.html.gz as Astro renders the pages
 * (src/lib/markup/sheet-body.ts says what a body is and why it is apart). The search-index integration
 * hands each rendered page to `cut`, which returns the page to publish.
 *
 * Pages join the open file in the order they are rendered (sheet pages first, by id: one ministry's year
 * after another, whose pages share the most markup and wording). A file is closed at FILE_PAGES pages or
 * once its bodies reach FILE_CHARS, so what one page fetches stays small (a JUDGIT file ≈ 25 KB, an RS one
 * with long payee tables about the same). A file is compressed on libuv's threads and written when it is
 * closed (at the record files' level, RECORD_GZIP); `finish` closes the last one and waits for every write (a failed write fails the build).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { RECORD_GZIP } from './sheet-data-files.ts';
import { bodyFileText, bodyRef, cutSheetBody } from '../markup/sheet-body.ts';
import { ui } from '../../i18n/ja.ts';

const gzipAsync = promisify(gzip);

/** The folder of the body files, under the site's root. */
export const BODY_DIR = 'sheet-bodies';
/** Bodies a file holds at most. */
export const FILE_PAGES = 8;
/** A file is closed once its bodies reach this many UTF-16 code units (≈ 1.3–1.6 bytes each as UTF-8). */
export const FILE_CHARS = 160_000;

/** A body file's name for the sheet whose body is first in it (ids are ASCII, safe in a URL: docs/IDS.md). */
export function bodyFileName(firstId: string): string {
  return `${firstId}.html.gz`;
}

export class SheetBodyWriter {
  readonly #dir: string;
  #open: { name: string; bodies: string[]; chars: number } | null = null;
  readonly #writes: Promise<number>[] = [];
  #made: Promise<unknown> | null = null;

  /** `outDir`: the site's output folder. */
  constructor(outDir: string) {
    this.#dir = path.join(outDir, BODY_DIR);
  }

  /**
   * The page to publish for the rendered page `html` of sheet `id` (/sheets/<id>/): without its body,
   * which goes to the open file; the page unchanged when it has no body markers.
   */
  cut(html: string, id: string): string {
    if (this.#open && (this.#open.bodies.length >= FILE_PAGES || this.#open.chars >= FILE_CHARS)) this.#close();
    const file = this.#open ?? { name: bodyFileName(id), bodies: [], chars: 0 };
    // The page is at /sheets/<id>/, the file at /sheet-bodies/<name>: relative, so a copy of the site
    // served under another path still finds it.
    const cut = cutSheetBody(html, bodyRef(`../../${BODY_DIR}/${file.name}`, file.bodies.length), ui.sheetBody.loading);
    if (cut === null) return html;
    this.#open = file;
    file.bodies.push(cut.body);
    file.chars += cut.body.length;
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
      const bytes = await gzipAsync(bodyFileText(file.bodies), RECORD_GZIP);
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
