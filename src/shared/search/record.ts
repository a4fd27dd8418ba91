/**
 * A searchable page's search record, values from src/lib/view/search-attributes.ts: its filters, sort keys
 * and result metadata. A payee profile states it once in a JSON element (src/components/PagefindAttributes.astro)
 * that the index builder reads (scripts/search-index/extract-page.ts, page-source.ts); a sheet page's and its
 * continuation pages' are made by the index builder from the sheet's entry (page-source.ts).
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
