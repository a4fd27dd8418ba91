/**
 * What the site keeps of every sheet (its listing): ids, the list row, search filters and the facts the
 * cross-sheet pages need. Made once per entry — by the converter for the entries it writes, or by the
 * content loader for any other entry (src/lib/data/entry-index.ts) — and read by the pages through
 * src/lib/data/collection.ts. Pure: no Node or Astro module, so the converter and the tests use it too.
 */
import type { Sheet } from '../../schema/sheet.ts';
import { pagefindValues, type PagefindValues } from '../view/search-attributes.ts';
import { sheetRow, type SheetRow } from '../view/aggregate.ts';
import { historyFacts, type HistoryFacts } from '../history/facts.ts';

/** What the site keeps of every sheet. */
export interface SheetListing extends Pick<Sheet, 'id' | 'fiscalYear' | 'ministry' | 'title' | 'projectNumber'> {
  source: Pick<Sheet['source'], 'form'>;
  row: SheetRow;
  filters: PagefindValues['filters'];
  /** Past-sheet links, budget columns, outcome verdicts and payees: for the cross-sheet pages (src/lib/history/). */
  history: HistoryFacts;
}

export function listing(s: Sheet): SheetListing {
  return {
    id: s.id,
    fiscalYear: s.fiscalYear,
    ministry: s.ministry,
    title: s.title,
    projectNumber: s.projectNumber,
    source: { form: s.source.form },
    row: sheetRow(s),
    filters: pagefindValues(s).filters,
    history: historyFacts(s),
  };
}
