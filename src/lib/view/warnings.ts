/**
 * Where a record's data-quality warnings show on the sheet page: each warning's `section` names a record
 * field; the page shows it in that section (and lists all of them at the end). Warnings whose section
 * the page has no place for appear only in the list.
 */
import type { SheetWarning } from '../../schema/sheet.ts';

/** Record section → page section anchor. */
export const SECTION_ANCHORS: Record<string, string> = {
  basics: 'basics',
  purpose: 'purpose',
  overview: 'purpose',
  budgets: 'budgets',
  budgetItems: 'budget-items',
  activities: 'activities',
  unitCosts: 'unit-costs',
  outcomes: 'outcomes',
  logicLinks: 'logic-model',
  checks: 'checks',
  findings: 'findings',
  pastSheets: 'past-sheets',
  relatedProjects: 'related-projects',
  flows: 'flow',
  blocks: 'blocks',
  payees: 'payees',
  source: 'source',
};

export interface NumberedWarning {
  /** 1-based position in the page's list (anchor #warning-<n>). */
  n: number;
  warning: SheetWarning;
}

export function numberWarnings(warnings: readonly SheetWarning[]): NumberedWarning[] {
  return warnings.map((warning, i) => ({ n: i + 1, warning }));
}

export function warningsForAnchor(all: readonly NumberedWarning[], anchor: string): NumberedWarning[] {
  return all.filter((w) => SECTION_ANCHORS[w.warning.section] === anchor);
}

/** Does a warning concern this row (ref equal to the row key, e.g. "2021", "A", "A-1")? */
export function refersTo(w: NumberedWarning, section: string, ...refs: string[]): boolean {
  return w.warning.section === section && w.warning.ref !== null && refs.includes(w.warning.ref);
}
