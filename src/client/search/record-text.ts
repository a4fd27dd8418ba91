/**
 * A result's text for its excerpt, and its sheet's summary for a listing without words, made in the browser
 * from the record its page shows (loaded by the search page on first use, so its code costs a search
 * nothing until a result is shown): the record's
 * block is fetched by one Range request (../record-block.ts, at the place the result's fragment names:
 * src/shared/search/record-place.ts), and the text is made by the function the index builder indexed the
 * page's text with (sheetKindText, src/lib/view/search-text.ts), so the excerpt shows what was matched.
 */
import { pageKind } from '../../shared/search/page-kind.ts';
import type { RecordAt } from '../../shared/search/record-place.ts';
import { sheetKindText } from '../../lib/view/search-text.ts';
import { summarize } from '../../lib/view/summary.ts';
import { fetchRecordAt } from '../record-block.ts';

/** What a result made from a record shows: its page's display text (for the excerpt) and its sheet's summary. */
export interface RecordPage {
  text: string;
  /** The sheet's one-sentence summary (summarize), as its page's description states it. */
  summary: string;
}

/** The result page at `url` (a path under the site's root `siteRoot`), from the record at `at`. */
export async function recordPage(url: string, at: RecordAt, siteRoot: string): Promise<RecordPage> {
  const kind = pageKind(url.startsWith(siteRoot) ? `/${url.slice(siteRoot.length)}` : url);
  if (kind === null || kind.kind === 'payee') throw new Error(`${url}: not a page made from a sheet's record`);
  const sheet = await fetchRecordAt(new URL(at.file, new URL(siteRoot, location.href)).href, at, kind.id);
  const text = sheetKindText(kind, sheet);
  if (text === null) throw new Error(`${url}: the sheet's record has no such page`);
  return { text: text.text, summary: summarize(sheet).sentence };
}
