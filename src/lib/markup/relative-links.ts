/**
 * A built page's links made relative to the page, when that is shorter: a site under a project path
 * (GitHub Pages: BASE "/review-sheet-site/") writes every link from the site's root (src/lib/markup/url.ts),
 * so each carries the base, ≈ 20 times a page (the header, the breadcrumbs, the page's own links, its
 * scripts and styles): 0.4 KB a page, ≈ 40 MB at ≈ 100,000 pages (issue 18). From a sheet page,
 * "../../ministries/cao/" says what "/review-sheet-site/ministries/cao/" says.
 *
 * Only the href, src and action attributes whose value starts with the base are rewritten (our own
 * markup: src/lib/markup/html.ts and Astro escape every value, so `attr="` never occurs inside a value);
 * data-* attributes keep their paths, because scripts use them as bases for fetch() and import(), which
 * resolve against the script, not the page. A page not at a folder URL (404.html, served at any missing
 * URL) keeps its links as they are. On the bytes, as the build's other page passes (page-body-files.ts).
 */

const ATTRIBUTES = ['href', 'src', 'action'];
/** The 404 page's URL as Astro renders it (src/pages/404.astro, published as /404.html). */
const NOT_FOUND_PAGE = '/404/';

/**
 * `html` (the page at `pageUrl`, relative to the base with a leading "/") with its links under `base`
 * relative to it; the same bytes when that would not be shorter.
 */
export function relativeLinks(html: Uint8Array<ArrayBuffer>, base: string, pageUrl: string): Uint8Array<ArrayBuffer> {
  if (!pageUrl.endsWith('/') || pageUrl === NOT_FOUND_PAGE) return html;
  const depth = pageUrl.split('/').filter(Boolean).length;
  const up = '../'.repeat(depth);
  if (up.length >= base.length) return html;
  const page = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  const needles = ATTRIBUTES.map((a) => Buffer.from(` ${a}="${base}`));
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    let next = -1;
    let needle: Buffer | null = null;
    for (const n of needles) {
      const i = page.indexOf(n, at);
      if (i >= 0 && (next < 0 || i < next)) {
        next = i;
        needle = n;
      }
    }
    if (needle === null) break;
    const valueStart = next + needle.length;
    pieces.push(page.subarray(at, valueStart - base.length));
    // The site's root itself ("/review-sheet-site/") from a page one folder down is "../", from the root "./".
    const empty = page[valueStart] === 0x22; // the value ends right after the base
    pieces.push(Buffer.from(up === '' && empty ? './' : up));
    at = valueStart;
  }
  if (pieces.length === 0) return html;
  pieces.push(page.subarray(at));
  return Buffer.concat(pieces);
}
