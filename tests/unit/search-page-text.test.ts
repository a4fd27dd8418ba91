/**
 * The searchable text of a page made from its record (src/lib/view/search-text.ts) and the indexer's
 * reading of which page is which (scripts/search-index/page-source.ts), on real sample sheets. That this
 * text is exactly what the built pages show is checked on every sample page by tests/site/search-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { pageSource } from '../../scripts/search-index/page-source.ts';
import { pageKind } from '../../src/shared/search/page-kind.ts';
import { blocksPageText, markupText, payeePartText, payeeProfileText, sheetPageText } from '../../src/lib/view/search-text.ts';
import { payeeSearchRecord, searchRecord, searchRecordJson, sheetPartSearchRecord, SEARCH_RECORD_ATTRIBUTE } from '../../src/lib/view/search-attributes.ts';
import { html } from '../../src/lib/markup/html.ts';
import { payeeParts } from '../../src/lib/view/payee-pages.ts';
import { normalizeForMatch } from '../../src/shared/search/tokens.ts';
import { rsSample, textSample } from '../support/sample-records.ts';

describe('sheetPageText', () => {
  it('holds what the sheet page shows, formatted as the page formats it, in the page order', async () => {
    const sheet = await textSample('000_ef263abaeb28aada.txt');
    const { indexText, text } = sheetPageText(sheet);
    const n = normalizeForMatch(indexText);
    // Title first, then the meta line, then the sheet's sections, with their figures as the page prints them.
    expect(text.startsWith('サイバーセキュリティ情報共有推進事業 総務省 2022（令和4）年度レビューシート 基本情報 事業名')).toBe(true);
    expect(text).toContain('落札率（%）');
    expect(text).toContain('98.3');
    expect(text).toContain('① 一者応札');
    expect(text).toContain('根拠法令 サイバーセキュリティ基本法第20条');
    // Order: the payees after the basics and the budget.
    expect(n.indexOf(normalizeForMatch('株式会社日立製作所'))).toBeGreaterThan(n.indexOf('基本情報'));
    expect(n.indexOf(normalizeForMatch('株式会社日立製作所'))).toBeGreaterThan(n.indexOf('予算額・執行額'));
    // What the page keeps out of search is not here: the source section, the JSON link, the table of contents,
    // and the site's own wording around the sheet (the summary, the marks' legend, the warnings' explanation).
    expect(indexText).not.toContain('000_ef263abaeb28aada');
    expect(indexText).not.toContain('データ（JSON）');
    expect(indexText).not.toContain('出典');
    expect(indexText).not.toContain('最大の支出先');
    expect(indexText).not.toContain('1.75億円');
    expect(indexText).not.toContain('は入札者数（応募者数）が1の契約');
    expect(indexText).not.toContain('数値の検査で見つかった点を示します');
    // Whitespace only differs between the index text and the display text.
    expect(normalizeForMatch(text)).toBe(n);
  });

  it('gives a continuation page the payees it lists, and only those', async () => {
    const sheet = await rsSample(140);
    expect(sheet.payees.length).toBe(174);
    expect(payeeParts(174).map((p) => [p.n, p.from, p.to])).toEqual([[2, 60, 174]]);
    const part = payeePartText(sheet, 2)!;
    expect(part.text.startsWith('戦略的イノベーション創造プログラム（エネルギー分野、次世代インフラ分野及び地域資源分野）: 支出先 61〜174者目（全174者）')).toBe(true);
    expect(part.text).toContain('ほかの支出先: 1〜60者目。');
    const listedHere = sheet.payees.slice(60).map((p) => p.name);
    // Names that occur nowhere in what this page lists (a short one, 警察庁, occurs inside other cells; one is a block's name).
    const here = JSON.stringify([sheet.payees.slice(60), sheet.blocks]);
    const onlyOnSheetPage = sheet.payees.slice(0, 60).map((p) => p.name).filter((name) => !here.includes(name));
    expect(onlyOnSheetPage.length).toBeGreaterThan(5);
    for (const name of listedHere) expect(part.indexText.includes(name), name).toBe(true);
    for (const name of onlyOnSheetPage) expect(part.indexText.includes(name), name).toBe(false);
    expect(payeePartText(sheet, 3)).toBeNull();
    // The sheet page says where the rest are.
    expect(sheetPageText(sheet).text).toContain('残りを続きのページに載せています: 61〜174者目。');
    expect(blocksPageText(sheet).text.startsWith(`${sheet.title}: 費目・使途`)).toBe(true);
  });
});

describe('markupText', () => {
  it('is the text of escaped markup: references decoded, a space at breaks only', () => {
    expect(markupText(html`<tr><th>${'<b>&amp;'}</th><td><data value="1">1.5</data>百万円</td></tr>`)).toBe('  <b>&amp;  1.5百万円  ');
  });
});

describe('page-source', () => {
  it('knows each indexed page by its route', () => {
    expect(pageKind('/sheets/2022-soumu-t7ba6565b/')).toEqual({ kind: 'sheet', id: '2022-soumu-t7ba6565b' });
    expect(pageKind('/sheets/2024-cao-rs140/payees/2/')).toEqual({ kind: 'payee-part', id: '2024-cao-rs140', n: 2 });
    expect(pageKind('/sheets/2024-cao-rs140/blocks/')).toEqual({ kind: 'blocks', id: '2024-cao-rs140' });
    expect(pageKind('/payees/4010001008772/')).toEqual({ kind: 'payee', corporateNumber: '4010001008772' });
    expect(pageKind('/payees/4010001008772/2/')).toBeNull();
    expect(pageKind('/years/2022/')).toBeNull();
    expect(pageKind('/')).toBeNull();
  });

  it('makes a payee profile text from its search record, which names its other names only when it has some', () => {
    const one = payeeSearchRecord({ corporateNumber: '4010001008772', name: '株式会社日立製作所', names: ['株式会社日立製作所'], lines: 3 });
    expect(one.meta).not.toHaveProperty('names');
    const two = payeeSearchRecord({ corporateNumber: '4010001008772', name: '株式会社日立製作所', names: ['株式会社日立製作所', '(株)日立製作所'], lines: 5 });
    expect(two.meta.names).toBe('株式会社日立製作所\n(株)日立製作所');
    expect(two.meta.summary).toBe('法人番号 4010001008772。支出先として5件の記載（名称2通り）。');
    const page = (record: typeof two) =>
      `<html><body><div data-pagefind-body><script type="application/json" ${SEARCH_RECORD_ATTRIBUTE}>${searchRecordJson(record)}</script><h1>無関係な本文</h1></div></body></html>`;
    // Without entries (pages no entry made), the text is read from the HTML as before.
    expect(normalizeForMatch(pageSource({ url: '/payees/4010001008772/', html: page(two) }, null)!.indexText)).toBe('無関係な本文');
    // With them, a payee profile's text comes from its record (no sheet is read for it).
    const made = pageSource({ url: '/payees/4010001008772/', html: page(two) }, { sheet: () => { throw new Error('no sheet read'); } } as never)!;
    expect(made.indexText).toBe('株式会社日立製作所 法人番号 4010001008772 株式会社日立製作所 (株)日立製作所');
    expect(made.record!.meta).toEqual({ kind: 'payee', title: '株式会社日立製作所', corporateNumber: '4010001008772', summary: two.meta.summary });
    // One name only: the page lists no names (its heading is the name), so neither does the text.
    expect(payeeProfileText({ name: 'A', corporateNumber: '1', names: ['A'] }).indexText).toBe('A 法人番号 1');
    // A page of another route, or without data-pagefind-body, is not indexed.
    expect(pageSource({ url: '/years/2022/', html: page(two) }, { sheet: () => null } as never)).toBeNull();
    expect(pageSource({ url: '/payees/4010001008772/', html: '<html><body><h1>x</h1></body></html>' }, { sheet: () => null } as never)).toBeNull();
  });

  it("makes a sheet page's and its continuation pages' search records from the entry (their pages state none)", async () => {
    const sheet = await rsSample(140);
    const entries = { sheet: (id: string) => (id === sheet.id ? sheet : null) } as never;
    // What the built pages hold of search markup now: the body marker only.
    const body = '<html><body><article data-pagefind-body><h1>x</h1></article></body></html>';
    const main = pageSource({ url: `/sheets/${sheet.id}/`, html: body }, entries)!;
    expect(main.record).toEqual(searchRecord(sheet));
    expect(main.record!.filters).toEqual({ 府省庁: ['内閣府'], 年度: ['2024'], 一者応札: ['なし'] });
    expect(main.record!.meta.title).toBe('戦略的イノベーション創造プログラム（エネルギー分野、次世代インフラ分野及び地域資源分野）');
    expect(main.indexText).toBe(sheetPageText(sheet).indexText);
    const part = pageSource({ url: `/sheets/${sheet.id}/payees/2/`, html: body }, entries)!;
    expect(part.record).toEqual({ filters: {}, sort: {}, meta: {
      kind: 'part',
      title: '戦略的イノベーション創造プログラム（エネルギー分野、次世代インフラ分野及び地域資源分野）: 支出先 61〜174者目（全174者）',
      ministry: '内閣府',
      year: '2024（令和6）年度',
      summary: '内閣府・2024（令和6）年度のシートの支出先 61〜174者目（全174者）。',
    } });
    expect(pageSource({ url: `/sheets/${sheet.id}/blocks/`, html: body }, entries)!.record).toEqual(sheetPartSearchRecord(sheet, '費目・使途（ブロック別）'));
    // A part the sheet does not have is the page's problem, not a page made up.
    expect(() => pageSource({ url: `/sheets/${sheet.id}/payees/3/`, html: body }, entries)).toThrow('no such page');
  });
});
