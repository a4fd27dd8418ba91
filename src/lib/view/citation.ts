/**
 * What a sheet page says about where the sheet comes from and how to cite it: the official sheet when the
 * record links it (`sourceUrl`), otherwise the published form in words with a link to its site — the
 * input file name is only for the record, not for readers.
 */
import type { Sheet } from '../../schema/sheet.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { safeExternalUrl } from '../markup/url.ts';
import { ui } from '../../i18n/ja.ts';

/** The RS system's (行政事業レビュー見える化サイト) top page: its bulk downloads have no per-sheet page. */
export const RS_SITE_URL = 'https://rssystem.go.jp/';

export interface SheetSource {
  /** The source in words. */
  text: string;
  /** Where a reader finds it; `null` when no address is known. */
  href: string | null;
  /** Whether `href` is the sheet itself (else the site that publishes the form). */
  isSheet: boolean;
}

export function sheetSource(s: Pick<Sheet, 'sourceUrl' | 'source' | 'ministry' | 'fiscalYear'>): SheetSource {
  const official = s.sourceUrl ? safeExternalUrl(s.sourceUrl) : null;
  if (official) return { text: `${s.ministry}が公表したレビューシート`, href: official, isSheet: true };
  switch (s.source.form) {
    case 'rs-csv':
      return { text: `行政事業レビュー見える化サイト（RS）${s.fiscalYear}年度 一括ダウンロード`, href: RS_SITE_URL, isSheet: false };
    case 'judgit':
      return { text: `JUDGIT!（行政事業レビューシートLOD）${fiscalYearLabel(s.fiscalYear)}公開分`, href: null, isSheet: false };
    default:
      return { text: `${s.ministry}が公表した${fiscalYearLabel(s.fiscalYear)}行政事業レビューシート`, href: null, isSheet: false };
  }
}

/**
 * A citation of a sheet as shown on this site: the sheet (ministry, 事業名, year), then this site and the
 * page's address (`pageAddress`: absolute when the site's address is known, else the page path), then the
 * date the reader viewed it, which the reader fills in.
 */
export function sheetCitation(s: Pick<Sheet, 'ministry' | 'title' | 'fiscalYear'>, pageAddress: string): string {
  return `${s.ministry}「${s.title}」${fiscalYearLabel(s.fiscalYear)}行政事業レビューシート。${ui.siteName}、${pageAddress}（閲覧日：　年　月　日）`;
}
