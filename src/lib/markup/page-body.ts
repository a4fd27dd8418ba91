/**
 * A page's body, published apart from the page (issue 18: ≤ 18 KB a sheet for the whole site at 52,000
 * sheets, of which a JUDGIT sheet page alone was ≈ 30 KB). Sheet pages, their continuation pages, project
 * histories and payee profiles have one.
 *
 * - A sheet page keeps its head and the ten-second summary (≈ 5 KB); its table of contents and the sections
 *   after it — the whole sheet, every table and text — are its body. A continuation page of its payees
 *   keeps its heading and links; its tables are its body.
 * - A project history keeps its table of the sheets by year; its figures by year, changes and payees are
 *   its body.
 * - A payee profile keeps its name, 法人番号 and number of lines; its totals by year and its lines are its body.
 *
 * The body is cut out at build time (src/lib/data/page-body-files.ts) and packed, with the bodies of the
 * pages built next to it, into one gzip file, /page-bodies/<first page>.html.gz. Several pages a file
 * because one page's markup compresses against the next one's: on the sample JUDGIT pages a body alone
 * gzips to 5.7 KB, eight together to 3.2 KB a page. The page fetches its file when it loads and puts its
 * body where it was (src/client/page-body.ts), so the reader sees the same page, one request later.
 *
 * The body is the markup Astro rendered, cut from between two markers that sheet text cannot
 * make (it is escaped: no "<" of a sheet reaches the HTML), and put back as it was: nothing of a sheet is
 * interpreted as HTML that was not already the page's markup.
 *
 * A file is `<JSON array of each body's length in bytes>\n` then the bodies' UTF-8 bytes, one after another.
 * This module is shared by the build, the browser and the tests (no Node API); the build cuts the pages as
 * bytes (src/lib/data/page-body-files.ts: a page is never decoded on the build's main thread).
 */

/** Where a page's body starts (the element that holds it) and ends (an empty template before its close). */
export const BODY_OPEN = '<div data-page-body>';
export const BODY_END = '<template data-page-body-end></template></div>';
/**
 * How a module script inside the body starts and ends: such scripts stay in the page (a script inserted as
 * markup does not run), after the placeholder.
 */
export const MODULE_SCRIPT_OPEN = '<script type="module"';
export const SCRIPT_CLOSE = '</script>';

/**
 * What the page holds where its body was, until the body is in: the reference, and a line saying that the
 * body is loading (its status, which the page's script changes when the body cannot be fetched) and where
 * else its content is (which stays true without JS).
 */
const PLACEHOLDER = /<div data-page-body="([^"]*)"><p class="page-body-status"><span role="status">[^<]*<\/span>[^<]*<\/p><\/div>/;

/** The placeholder's two sentences: its status, and where else the body's content is. */
export interface BodyMessage {
  status: string;
  elsewhere: string;
}

/** The placeholder that names `ref` (bodyRef) and shows `message`. */
export function placeholderHtml(ref: string, { status, elsewhere }: BodyMessage): string {
  // ref and message are the build's own (a file name, a number, the i18n text): no sheet text.
  return `<div data-page-body="${ref}"><p class="page-body-status"><span role="status">${status}</span>${elsewhere}</p></div>`;
}

/** The placeholder's reference: `<file>#<n>`, the body's file relative to the page and its place in it (from 0). */
export function bodyRef(file: string, n: number): string {
  return `${file}#${n}`;
}

export function parseBodyRef(ref: string): { file: string; n: number } | null {
  const m = /^([^#]+)#(\d+)$/.exec(ref);
  return m ? { file: m[1]!, n: Number(m[2]) } : null;
}

/** The reference of a page's placeholder (bodyRef), or null when the page has its body. */
export function placeholderRef(shell: string): string | null {
  return PLACEHOLDER.exec(shell)?.[1] ?? null;
}

/** The page as it was rendered (but for where the body's module scripts are): the body back in its placeholder. */
export function splicePageBody(shell: string, body: string): string {
  const m = PLACEHOLDER.exec(shell);
  if (!m) throw new Error('the page has no page body placeholder');
  return shell.slice(0, m.index) + BODY_OPEN + body + BODY_END + shell.slice(m.index + m[0].length);
}

/** A body file's bytes (before gzip): the header line of lengths, then the bodies. */
export function bodyFileBytes(bodies: readonly Uint8Array[]): Uint8Array {
  const header = new TextEncoder().encode(`${JSON.stringify(bodies.map((b) => b.length))}\n`);
  const out = new Uint8Array(header.length + bodies.reduce((a, b) => a + b.length, 0));
  out.set(header);
  let at = header.length;
  for (const b of bodies) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * A body file's header (its bytes, decompressed): each body's length in bytes, and where the first body
 * starts; throws when the file is not one.
 */
export function bodyLengths(file: Uint8Array): { lengths: number[]; start: number } {
  const nl = file.indexOf(0x0a);
  let lengths: unknown = null;
  try {
    lengths = nl < 0 ? null : JSON.parse(new TextDecoder().decode(file.subarray(0, nl)));
  } catch {
    // Not JSON: not a body file (below).
  }
  if (!Array.isArray(lengths) || !lengths.every((l) => Number.isInteger(l) && l >= 0)) throw new Error('not a page body file');
  return { lengths: lengths as number[], start: nl + 1 };
}

/** Body `n` of a body file (its bytes, decompressed), as text; throws when the file is not one or has no such body. */
export function bodyInFile(file: Uint8Array, n: number): string {
  const { lengths, start } = bodyLengths(file);
  if (n >= lengths.length) throw new Error(`the file has ${lengths.length} bodies, not ${n + 1}`);
  let at = start;
  for (let i = 0; i < n; i++) at += lengths[i]!;
  const end = at + lengths[n]!;
  if (end > file.length) throw new Error('the body file is cut short');
  return new TextDecoder().decode(file.subarray(at, end));
}
