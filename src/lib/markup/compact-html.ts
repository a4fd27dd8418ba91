/**
 * Drops the end tags HTML lets a page omit where the element is followed by one that closes it anyway
 * (the HTML standard's "optional tags": a cell by the next cell or the row's end, a row by the next row or
 * the table section's end, a list item by the next item or the list's end, a term or description by the
 * next one or its group's end). Browsers build the same document from either form, and so does
 * htmlparser2 (which the indexer's HTML reading and the tests use): it implies fewer end tags than a
 * browser (a header cell does not close a data cell before it, nor a section start a row), so a data
 * cell's end before a header cell and the table sections' own end tags are kept; the tables of a sheet page lose ≈ 7 % of its bytes (issue 18 counts
 * every byte of 52,000 pages). Applied to every built page (src/middleware.ts).
 *
 * Safe on the site's own markup only: sheet text reaches a page escaped (`<` as `&lt;`, src/lib/markup/html.ts
 * and Astro's own escaping), so an end tag in the page is always the markup's; raw-text elements (script,
 * style, textarea, pre) are left exactly as they are.
 */

/** An end tag, and what must follow it immediately for it to be implied. */
const OPTIONAL_END =
  /<\/(?:td>(?=<t[dr][\s>]|<\/t(?:r|body|head|foot|able)>)|th>(?=<t[dhr][\s>]|<\/t(?:r|body|head|foot|able)>)|tr>(?=<tr[\s>]|<\/t(?:body|head|foot|able)>)|li>(?=<li[\s>]|<\/(?:ul|ol|menu)>)|dt>(?=<d[dt][\s>])|dd>(?=<d[dt][\s>]|<\/(?:dl|div)>))/g;

/** Elements whose content is not markup: copied as they are. */
const RAW_TEXT = /<(script|style|textarea|pre)\b[\s\S]*?<\/\1\s*>/gi;

export function compactHtml(html: string): string {
  let out = '';
  let at = 0;
  for (const m of html.matchAll(RAW_TEXT)) {
    out += html.slice(at, m.index).replace(OPTIONAL_END, '') + m[0];
    at = m.index + m[0].length;
  }
  return out + html.slice(at).replace(OPTIONAL_END, '');
}
