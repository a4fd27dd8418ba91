/**
 * The site's one page script, loaded by every page (src/layouts/BaseLayout.astro): each behaviour sets
 * itself up on the elements that ask for it (their data attributes and classes) and does nothing on a
 * page without them. One script rather than one per component or page: a page names one script file
 * instead of three or four (≈ 160 bytes of tags on each of ≈ 100,000 pages at ten review years, and a
 * request or more on each page view, issue 18), and the modules are small and shared anyway
 * (astro.config.mjs bundles them into one chunk). Chart.js and the chart renderers are still loaded only
 * when a chart scrolls into view (chart-loader.ts).
 *
 * page-body.ts comes last: the others listen for the body it puts in (page-content.ts).
 */
import './stack-tables.ts';
import './fold-tables.ts';
import './sortable-table.ts';
import './chart-loader.ts';
import './chart-csv-button.ts';
import './page-body.ts';
