/**
 * A searchable page's search record, the contract between a page (src/components/PagefindAttributes.astro,
 * values from src/lib/view/search-attributes.ts) and the index builder (scripts/search-index/extract-page.ts):
 * its filters, sort keys and result metadata, stated once in a JSON element.
 */
export interface SearchRecord {
  filters: Record<string, string[]>;
  sort: Record<string, number>;
  meta: Record<string, string>;
}

/**
 * The attribute of the page's one `<script type="application/json">` element that holds its SearchRecord
 * (inside its data-pagefind-body; a script has no indexed text).
 */
export const SEARCH_RECORD_ATTRIBUTE = 'data-search-record';
