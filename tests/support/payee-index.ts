/** The payee index of a set of listed sheets over their chains, as the site makes it (src/lib/data/collection.ts crossSheet). */
import { buildChains } from '../../src/lib/history/chains.ts';
import { chainProjects, payeeIndex, type PayeeIndex } from '../../src/lib/history/payees.ts';
import type { HistorySheet } from '../../src/lib/history/project.ts';

export function sitePayeeIndex(sheets: readonly HistorySheet[]): PayeeIndex {
  return payeeIndex(sheets, chainProjects(buildChains(sheets)));
}
