/**
 * Site-wide data: list rows and totals (src/lib/view/aggregate.ts), past-sheet links, open-data CSV
 * (src/lib/data/open-data.ts, src/shared/csv.ts), JSON embedding (src/lib/markup/json-embed.ts), Pagefind values
 * (src/lib/view/search-attributes.ts), text links (src/lib/markup/text-parts.ts) and URLs (src/lib/markup/url.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pastSheetResolver, sheetRow, totalsOf } from '../../src/lib/view/aggregate.ts';
import { csvCell, toCsv } from '../../src/shared/csv.ts';
import { jsonForScriptElement } from '../../src/lib/markup/json-embed.ts';
import { openDataCsv, openDataRows } from '../../src/lib/data/open-data.ts';
import { pagefindValues } from '../../src/lib/view/search-attributes.ts';
import { linkParts, paragraphs } from '../../src/lib/markup/text-parts.ts';
import { href, safeExternalUrl } from '../../src/lib/markup/url.ts';
import { isPartMissing, missingPartName } from '../../src/i18n/ja.ts';
import { rsSample, rsSamples, textSample } from '../support/sample-records.ts';

beforeAll(async () => {
  await rsSamples();
}, 60_000);

describe('list rows and totals', () => {
  it('a row carries the settled year figures; totals skip (and count) missing values instead of adding 0', async () => {
    const cyber = sheetRow(await textSample('000_ef263abaeb28aada.txt'));
    expect(cyber).toMatchObject({ fiscalYear: 2022, ministry: '総務省', ministrySlug: 'soumu', budgetYear: 2021, budget: 359_000_000, executed: 325_000_000, rate: 0.91, singleBidder: true });
    const jinji = sheetRow(await rsSample(1));
    expect(jinji).toMatchObject({ ministrySlug: 'cas', budgetYear: 2023, budget: 33_328_000, executed: 11_200_834 });
    const none = { ...jinji, id: 'x', budget: null, executed: null, rate: null, budgetYear: null };
    const t = totalsOf([cyber, jinji, none]);
    expect(t.sheets).toBe(3);
    expect(t.budget).toBe(392_328_000n);
    expect(t.executed).toBe(336_200_834n);
    expect(t.budgetMissing).toBe(1);
    expect(t.executedMissing).toBe(1);
    // 336,200,834 / 392,328,000 = 0.85694… → 0.857 (a computed rate, rounded to 0.1%).
    expect(t.rate).toBe(0.857);
    expect(totalsOf([none]).rate).toBeNull();
  });

  it('sums every RS sample sheet exactly (bigint, no float drift)', async () => {
    const rows = (await rsSamples()).map(sheetRow);
    const t = totalsOf(rows);
    const expected = rows.reduce((acc, r) => acc + BigInt(r.budget ?? 0), 0n);
    expect(t.budget).toBe(expected);
    expect(t.sheets).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(200);
  });
});

describe('past sheets', () => {
  it('links a past-sheet number to the sheet with that year and 事業番号, however it is spaced', () => {
    const resolve = pastSheetResolver([
      { id: '2021-soumu-2021-soumu-20-0083', fiscalYear: 2021, projectNumber: '2021-総務-20-0083' },
      { id: '2019-soumu-shin31-0011', fiscalYear: 2019, projectNumber: '新31-0011' },
    ]);
    // As printed on the real 令和4年度 sheet 000.
    expect(resolve({ year: 2021, number: '2021 総務 20 0083', written: null })).toBe('2021-soumu-2021-soumu-20-0083');
    expect(resolve({ year: 2019, number: '総務省 - 新31 - 0011', written: null })).toBe('2019-soumu-shin31-0011');
    expect(resolve({ year: 2020, number: '総務省 0097', written: null })).toBeNull();
    expect(resolve({ year: 2022, number: '2021 総務 20 0083', written: null })).toBeNull();
  });
});

describe('open data', () => {
  it('sheets.csv: BOM, CRLF, quoted text, empty cell for no value, rate in %', async () => {
    const rows = openDataRows([sheetRow(await textSample('000_ef263abaeb28aada.txt')), sheetRow(await textSample('004_b3591854bc0903ef.txt'))], (id) => `https://x.example/sheets/${id}/`);
    const csv = openDataCsv(rows);
    expect(csv.startsWith('\uFEFFID,レビュー年度,府省庁,事業名,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[lines.length - 1]).toBe('');
    expect(lines[1]).toBe('2022-soumu-t7ba6565b,2022,総務省,サイバーセキュリティ情報共有推進事業,2021,359000000,325000000,91,あり,' + rows[0]!.warnings + ',https://x.example/sheets/2022-soumu-t7ba6565b/');
    expect(lines[2]).toContain(',M2Mセキュリティ実証事業,2015,150000000,118000000,79,');
  });

  it('quotes what needs quoting and defuses spreadsheet formulas in text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-1500000)).toBe('-1500000');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1,500')).toBe('"-1,500"');
    expect(toCsv(['a'], [[1], [null]])).toBe('\uFEFFa\r\n1\r\n\r\n');
  });
});

describe('JSON inside <script type="application/json">', () => {
  it('cannot close the element and parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- x --> & \u2028' };
    const json = jsonForScriptElement(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('search attributes', () => {
  it('filters and numeric sorts from the record', async () => {
    const v = pagefindValues(await textSample('000_ef263abaeb28aada.txt'));
    expect(v.filters).toEqual({ 府省庁: '総務省', 年度: '2022', 一者応札: 'あり' });
    expect(v.sorts).toEqual({ budget: '359000000', rate: '0.91', year: '2022' });
    expect(v.meta.title).toBe('サイバーセキュリティ情報共有推進事業');
    expect(v.meta.year).toBe('2022（令和4）年度');
    expect(v.meta.budget).toBe('3.59億円（2021（令和3）年度）');
  });

  it('leaves out an unknown budget or rate instead of a stand-in number that would sort as real', async () => {
    const s = { ...(await rsSample(1)), budgets: [] };
    const v = pagefindValues(s);
    expect(v.sorts.budget).toBeNull();
    expect(v.sorts.rate).toBeNull();
    expect(v.sorts.year).toBe('2024');
    expect(v.filters['一者応札']).toBe('なし');
  });
});

describe('sheet text', () => {
  it('only http(s) URLs become links', () => {
    const parts = linkParts('政策評価書 URL https://www.soumu.go.jp/main_content/000766418.pdf。javascript:alert(1) data:text/html,x');
    expect(parts.filter((p) => p.kind === 'link')).toEqual([
      { kind: 'link', text: 'https://www.soumu.go.jp/main_content/000766418.pdf', href: 'https://www.soumu.go.jp/main_content/000766418.pdf' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('政策評価書 URL https://www.soumu.go.jp/main_content/000766418.pdf。javascript:alert(1) data:text/html,x');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('http://example.go.jp/')).toBe('http://example.go.jp/');
  });

  it('paragraphs split on blank lines, lines kept', () => {
    expect(paragraphs('a\nb\n\n\nc')).toEqual([['a', 'b'], ['c']]);
    expect(paragraphs('  ')).toEqual([]);
  });
});

describe('urls respect the base path', () => {
  it('joins the base and a site path', () => {
    expect(href('sheets/x/', '/')).toBe('/sheets/x/');
    expect(href('/sheets/x/', '/review-sheet-site/')).toBe('/review-sheet-site/sheets/x/');
    expect(href('', '/review-sheet-site')).toBe('/review-sheet-site/');
    expect(href('search/?q=a', 'review-sheet-site/')).toBe('/review-sheet-site/search/?q=a');
  });
});

describe('missing parts', () => {
  it('names the RS tables the converter reports as missing', async () => {
    const s = await rsSample(1);
    expect(s.source.missingParts.length).toBeGreaterThan(0);
    expect(isPartMissing(s.source.missingParts, '3-1')).toBe(true);
    expect(isPartMissing(s.source.missingParts, '5-1')).toBe(false); // shipped (reconstructed)
    expect(isPartMissing(s.source.missingParts, '2-1')).toBe(false);
    expect(missingPartName('5-1 支出先_支出情報')).toContain('支出先ごとの支出額');
    expect(missingPartName('予算内訳')).toBe('予算内訳');
  });
});
