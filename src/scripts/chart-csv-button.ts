/**
 * Shows each sheet chart's CSV button (p[data-chart-csv], src/components/charts/ChartCsvButton.astro) and
 * makes the file on click. The code that builds the CSV (chart-csv-download.ts, with src/lib/charts.ts)
 * loads only on the first click, so the page costs nothing until a reader asks for a file. A failure shows
 * the paragraph's data-error text in its role="status" span; the table on the page still has every value.
 */
function enhance(box: HTMLElement): void {
  const button = box.querySelector('button');
  const status = box.querySelector<HTMLElement>('[role="status"]');
  const chartId = box.dataset.chartCsv;
  const jsonUrl = box.dataset.sheetJson;
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
      status.textContent = box.dataset.error ?? '';
      console.warn('chart CSV failed', chartId, err);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  });
  button.hidden = false;
}

for (const box of document.querySelectorAll<HTMLElement>('p[data-chart-csv]')) enhance(box);

// A module, not a global script: its names stay its own.
export {};
