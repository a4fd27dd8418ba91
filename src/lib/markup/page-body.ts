/**
 * A page's body, published apart from the page (issue 18: ≤ 18 KB a sheet for the whole site at 52,000
 * sheets, of which a JUDGIT sheet page alone was ≈ 30 KB). Sheet pages and payee profiles have one.
 *
 * - A sheet page keeps its head and the ten-second summary (≈ 5 KB); its table of contents and the sections
 *   after it — the whole sheet, every table and text — are its body.
 * - A payee profile keeps its name, 法人番号 and totals by year; its list of lines is its body.
 *
 * The body is cut out at build time (src/lib/data/page-body-files.ts) and packed, with the bodies of the
 * pages built next to it, into one gzip file, /page-bodies/<first page>.html.gz. Several pages a file
 * because one page's markup compresses against the next one's: on the sample JUDGIT pages a body alone
 * gzips to 5.7 KB, eight together to 3.2 KB a page. The page fetches its file when it loads and puts its
 * body where it was (src/client/page-body.ts), so the reader sees the same page, one request later.
 *
 * The body is the markup Astro rendered, cut by string from between two markers that sheet text cannot
 * make (it is escaped: no "<" of a sheet reaches the HTML), and put back as it was: nothing of a sheet is
 * interpreted as HTML that was not already the page's markup.
 *
 * A file is `<JSON array of each body's length in UTF-16 code units>\n` then the bodies, one after another.
 * This module is shared by the build, the browser and the tests; it only handles strings.
 */

/** Where a page's body starts (the element that holds it) and ends (an empty template before its close). */
export const BODY_OPEN = '<div data-page-body>';
export const BODY_END = '<template data-page-body-end></template></div>';

/** Module scripts inside the body: they must stay in the page (a script inserted as markup does not run). */
const MODULE_SCRIPT = /<script type="module"[^>]*><\/script>/g;

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

function placeholder(ref: string, { status, elsewhere }: BodyMessage): string {
  // ref and message are the build's own (a file name, a number, the i18n text): no sheet text.
  return `<div data-page-body="${ref}"><p class="page-body-status"><span role="status">${status}</span>${elsewhere}</p></div>`;
}

export interface CutPage {
  /** The page without its body: the placeholder, then the body's module scripts. */
  shell: string;
  body: string;
}

/**
 * Cuts a rendered page at its body markers, leaving a placeholder that names `ref` (bodyRef) and shows
 * `message`; null when the page has none (a page of another kind, or one rendered without them), which is
 * then published whole.
 */
export function cutPageBody(html: string, ref: string, message: BodyMessage): CutPage | null {
  const open = html.indexOf(BODY_OPEN);
  if (open < 0) return null;
  const start = open + BODY_OPEN.length;
  const end = html.indexOf(BODY_END, start);
  if (end < 0) return null;
  const inner = html.slice(start, end);
  const scripts = inner.match(MODULE_SCRIPT)?.join('') ?? '';
  const body = scripts === '' ? inner : inner.replace(MODULE_SCRIPT, '');
  return { shell: html.slice(0, open) + placeholder(ref, message) + scripts + html.slice(end + BODY_END.length), body };
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
  if (!m) throw new Error('the page has no sheet body placeholder');
  return shell.slice(0, m.index) + BODY_OPEN + body + BODY_END + shell.slice(m.index + m[0].length);
}

/** A body file's text. */
export function bodyFileText(bodies: readonly string[]): string {
  return `${JSON.stringify(bodies.map((b) => b.length))}\n${bodies.join('')}`;
}

/** Body `n` of a body file's text; throws when the file is not one or has no such body. */
export function bodyInFile(text: string, n: number): string {
  const nl = text.indexOf('\n');
  const lengths: unknown = nl < 0 ? null : JSON.parse(text.slice(0, nl));
  if (!Array.isArray(lengths) || !lengths.every((l) => Number.isInteger(l) && l >= 0)) throw new Error('not a sheet body file');
  if (n >= lengths.length) throw new Error(`the file has ${lengths.length} bodies, not ${n + 1}`);
  let at = nl + 1;
  for (let i = 0; i < n; i++) at += lengths[i] as number;
  const end = at + (lengths[n] as number);
  if (end > text.length) throw new Error('the body file is cut short');
  return text.slice(at, end);
}
