/** A sheet page's charts, each from its own module, and the list of them a page's CSV downloads use. */
import type { Sheet } from '../../schema/sheet.ts';
import type { ChartData } from './chart-spec.ts';
import { budgetChart } from './chart-budget.ts';
import { activityChart, outcomeChart } from './chart-indicators.ts';
import { flowChart } from './chart-flow.ts';
import { topPayeesChart } from './chart-payees.ts';

export function sheetCharts(sheet: Sheet): {
  budget: ChartData | null;
  activities: (ChartData | null)[];
  outcomes: (ChartData | null)[];
  flow: ChartData | null;
  payees: ChartData | null;
} {
  return {
    budget: budgetChart(sheet),
    activities: sheet.activities.map(activityChart),
    outcomes: sheet.outcomes.map(outcomeChart),
    flow: flowChart(sheet),
    payees: topPayeesChart(sheet),
  };
}

/** All of a sheet's charts that have data, in page order (one CSV each). */
export function listSheetCharts(sheet: Sheet): ChartData[] {
  const c = sheetCharts(sheet);
  return [c.budget, ...c.activities, ...c.outcomes, c.flow, c.payees].filter((x): x is ChartData => x !== null);
}
