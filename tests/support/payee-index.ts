/** The payee index of a set of listed sheets over their chains, as the site makes it (src/lib/data/collection.ts crossSheet). */
import { buildChains, type Chain } from '../../src/lib/history/chains.ts';
import { payeeIndex, type PayeeIndex, type ProjectOf } from '../../src/lib/history/payees.ts';
import type { HistorySheet } from '../../src/lib/history/project.ts';

/** A sheet's project: its chain's key. */
export function chainProjects(chains: readonly Chain[]): ProjectOf {
  const keyOf = new Map<string, string>();
  for (const c of chains) for (const m of c.members) keyOf.set(m.sheet.id, c.key);
  return (sheetId) => keyOf.get(sheetId) ?? sheetId;
}

export function sitePayeeIndex(sheets: readonly HistorySheet[]): PayeeIndex {
  return payeeIndex(sheets, chainProjects(buildChains(sheets)));
}
