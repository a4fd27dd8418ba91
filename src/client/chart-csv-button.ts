/**
 * Shows each sheet chart's CSV button (p[data-chart-csv], src/components/charts/ChartCsvButton.astro) and
 * makes the file on click. The code that builds the CSV (chart-csv-download.ts, with src/lib/view/chart-csv.ts)
 * loads only on the first click, so the page costs nothing until a reader asks for a file. The sheet's JSON
 * (a pointer to its record in the bulk file) is the one the page links in its head (once a page, not on
 * every button). A failure says so in the
 * paragraph's role="status" span; the table on the page still has every value.
 */
import { ui } from '../i18n/ja.ts';
import { onPageContent } from './page-content.ts';

const jsonUrl = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/json"]')?.href;

function enhance(box: HTMLElement): void {
  const button = box.querySelector('button');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  const chartId = box.dataset.chartCsv;
  if (!button || !status || !chartId || !jsonUrl) return;
  let busy = false;
  button.addEventListener('click', async () => {
    // A second click while the first is still fetching would download the file twice.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = '';
    try {
      const { downloadChartCsv } = await import('./chart-csv-download.ts');
      await downloadChartCsv(jsonUrl, chartId);
    } catch (err) {
      status.textContent = ui.chart.downloadFailed;
      console.warn('chart CSV failed', chartId, err);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  });
  button.hidden = false;
}

onPageContent((root) => {
  for (const box of root.querySelectorAll<HTMLElement>('p[data-chart-csv]')) enhance(box);
});

