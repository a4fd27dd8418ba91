/** A sheet's source in words and its citation (src/lib/view/citation.ts), on the real samples. */
import { describe, expect, it } from 'vitest';
import { RS_SITE_URL, sheetCitation, sheetSource } from '../../src/lib/view/citation.ts';
import { rsSample, textSample } from '../support/sample-records.ts';

describe('sheetSource', () => {
  it('a text sheet: the ministry’s published sheet in words, no address known', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    expect(s.sourceUrl).toBeNull();
    expect(sheetSource(s)).toEqual({ text: '総務省が公表した2022（令和4）年度行政事業レビューシート', href: null, isSheet: false });
  });

  it('an RS sheet: the bulk download in words, linked to the RS site’s top page', async () => {
    const s = await rsSample(7259);
    expect(sheetSource(s)).toEqual({ text: '行政事業レビュー見える化サイト（RS）2024年度 一括ダウンロード', href: RS_SITE_URL, isSheet: false });
  });

  it('the official sheet when the record links it; only http(s) addresses', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const url = 'https://www.soumu.go.jp/main_content/000816645.pdf';
    expect(sheetSource({ ...s, sourceUrl: url })).toEqual({ text: '総務省が公表したレビューシート', href: url, isSheet: true });
    expect(sheetSource({ ...s, sourceUrl: 'javascript:alert(1)' }).href).toBeNull();
  });
});

describe('sheetCitation', () => {
  it('names the sheet, this site and the page, and leaves the viewing date to the reader', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    expect(sheetCitation(s, '/sheets/2022-soumu-t7ba6565b/')).toBe(
      '総務省「サイバーセキュリティ情報共有推進事業」2022（令和4）年度行政事業レビューシート。行政事業レビューシート・ビューア、/sheets/2022-soumu-t7ba6565b/（閲覧日：　年　月　日）',
    );
  });
});
