/**
 * Which indexed page a URL is, by the routes of src/pages: the index builder makes a page's text from the
 * record it shows (scripts/search-index/page-source.ts), and the search page makes a result's excerpt from
 * the same record by the same rule (src/client/search/record-text.ts), so the page carries no bytes saying
 * what it is. URLs are relative to the site's base, with a leading "/".
 */

/** An indexed page as the routes name it: which record it shows, and which of its pages it is. */
export type PageKind =
  | { kind: 'sheet'; id: string }
  | { kind: 'payee-part'; id: string; n: number }
  | { kind: 'blocks'; id: string }
  | { kind: 'payee'; corporateNumber: string };

/** The kind of page at `url`; null for pages search does not index. */
export function pageKind(url: string): PageKind | null {
  let m = /^\/sheets\/([^/]+)\/$/.exec(url);
  if (m) return { kind: 'sheet', id: decodeURIComponent(m[1]!) };
  m = /^\/sheets\/([^/]+)\/payees\/(\d+)\/$/.exec(url);
  if (m) return { kind: 'payee-part', id: decodeURIComponent(m[1]!), n: Number(m[2]) };
  m = /^\/sheets\/([^/]+)\/blocks\/$/.exec(url);
  if (m) return { kind: 'blocks', id: decodeURIComponent(m[1]!) };
  m = /^\/payees\/(\d{13})\/$/.exec(url);
  if (m) return { kind: 'payee', corporateNumber: m[1]! };
  return null;
}

/**
 * Where a page of `kind` stands in the index's order, smaller first: sheet pages, then their continuation
 * pages, then the rest (payee profiles; pages not indexed). The search ranks by where the first match is and
 * keeps the index's order between equal places (src/client/search/search-engine.ts), and a continuation
 * page begins with its sheet's 事業名 as the sheet page does: a search for a project's name then lists its
 * sheets before their lists of payees 61 onward. The index is built in this order whether the pages come
 * from Astro as it renders them (src/integrations/search-index.ts) or from a built site
 * (scripts/search-index/find-pages.ts).
 */
export function indexRank(kind: PageKind['kind'] | undefined): number {
  if (kind === 'sheet') return 0;
  return kind === 'payee-part' || kind === 'blocks' ? 1 : 2;
}
