/**
 * What the indexer reads from a built page (scripts/search-index/extract-page.ts) and the words it gives
 * Pagefind (scripts/search-index/index-content.ts): the body text by Pagefind's markup rules (body, ignore,
 * removed elements), on pages made of real sample-sheet text, and the search record the page states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../scripts/search-index/extract-page.ts';
import { indexContent } from '../../scripts/search-index/index-content.ts';
import { searchRecord, searchRecordJson } from '../../src/lib/view/search-attributes.ts';
import { charTokens, decodeToken, normalizeForMatch, textTokens } from '../../src/shared/search/tokens.ts';
import { textSample } from '../support/sample-records.ts';

const sheetLines = readFileSync(new URL('../../sheets/text/004_b3591854bc0903ef.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
/** A real line of the M2M sheet: "事業名\t\tM2Mセキュリティ実証事業\t…". */
const titleLine = sheetLines.find((l) => l.startsWith('事業名'))!;
const purposeLine = sheetLines.find((l) => l.startsWith('事業の目的'))!;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const RECORD = { filters: { 府省庁: ['総務省'] }, sort: { year: 2016 }, meta: { title: 'M2Mセキュリティ実証事業' } };
const recordElement = (json: string) => `<script type="application/json" data-search-record>${json}</script>`;

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="ja"><head><title>ページ題名</title>${head}</head><body>
<header data-pagefind-ignore><nav><a href="/">ホーム</a></nav></header>
<main data-pagefind-body>${recordElement(searchRecordJson(RECORD))}${body}</main>
<footer>フッター</footer></body></html>`;
}

describe('extractPage', () => {
  it('returns null for a page without data-pagefind-body', () => {
    expect(extractPage('<html lang="ja"><body><h1>一覧</h1><p>本文</p></body></html>')).toBeNull();
  });

  it('reads the body text of real sheet lines, entities decoded, and nothing outside the body', () => {
    const cells = titleLine.split('\t').filter((c) => c !== '');
    const html = page(`<h1>M2Mセキュリティ実証事業</h1><table><tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr></table>
<p>${esc(purposeLine.split('\t')[1]!)} &amp; 記号 &lt;p&gt;</p>`);
    const x = extractPage(html)!;
    for (const c of cells) expect(x.text).toContain(c);
    expect(x.text).toContain(purposeLine.split('\t')[1]!.slice(0, 40));
    expect(x.text).toContain('& 記号 <p>');
    expect(x.text).not.toMatch(/ホーム|フッター|ページ題名|総務省|2016/);
    // Table cells and blocks are separated by a space in the display text.
    expect(x.text).toContain(cells.join(' '));
  });

  it('leaves out data-pagefind-ignore text and the elements Pagefind always removes', () => {
    const x = extractPage(
      page(`<p>残す本文</p><div data-pagefind-ignore><p>除外する注記</p></div><div data-pagefind-ignore="all"><p>全部除外</p></div>
<nav>内側のナビ</nav><form><label>検索ラベル</label><input name="q"></form><script>var s = "スクリプト";</script>
<style>.a{}</style><svg><text>図の文字</text></svg><noscript>ノースクリプト</noscript><template><p>テンプレート</p></template>
<footer>内側のフッター</footer><p>末尾の本文</p>`),
    )!;
    expect(x.text).toBe('残す本文 末尾の本文');
    expect(normalizeForMatch(x.indexText)).toBe('残す本文末尾の本文');
  });

  it('takes the search record a real sheet states, as the page writes it (script-safe JSON)', async () => {
    const sheet = await textSample('000_ef263abaeb28aada.txt');
    const x = extractPage(page('<p>本文</p>').replace(recordElement(searchRecordJson(RECORD)), recordElement(searchRecordJson(searchRecord(sheet)))))!;
    expect(x.record).toEqual(searchRecord(sheet));
    expect(x.record!.filters).toEqual({ 府省庁: ['総務省'], 年度: ['2022'], 一者応札: ['あり'] });
    expect(x.record!.sort).toEqual({ budget: 359000000, rate: 0.91, year: 2022 });
    expect(x.record!.meta.title).toBe('サイバーセキュリティ情報共有推進事業');
    // Sheet text is escaped inside the element: "</script>" in a title stays in the value.
    const hostile = { ...RECORD, meta: { title: '</script><p>注入</p>&amp;' } };
    const y = extractPage(page('<p>本文</p>').replace(recordElement(searchRecordJson(RECORD)), recordElement(searchRecordJson(hostile))))!;
    expect(y.record!.meta.title).toBe('</script><p>注入</p>&amp;');
    expect(y.text).toBe('本文');
  });

  it('reports a page without a record as null, and a record of another shape as an error', () => {
    expect(extractPage('<html><body><main data-pagefind-body><p>本文</p></main></body></html>')!.record).toBeNull();
    const bad = (json: string) => () => extractPage(`<html><body><main data-pagefind-body>${recordElement(json)}</main></body></html>`);
    expect(bad('{"filters":{},"sort":{"budget":"359百万円"},"meta":{}}')).toThrow(/sort key "budget" is "359百万円", not a number/);
    expect(bad('{"filters":{"年度":"2022"},"sort":{},"meta":{}}')).toThrow(/filter "年度" is not a list of strings/);
    expect(bad('[]')).toThrow(/not \{filters, sort, meta\}/);
  });

  it('joins the text of adjacent elements without a separator in the indexed text, as textContent does', () => {
    const x = extractPage(page('<table><tr><td>ｶ</td><td>ﾞｲﾄﾞ</td></tr></table><p>情報<br>共有</p>'))!;
    expect(normalizeForMatch(x.indexText)).toBe('ガイド情報共有');
    expect(x.text).toBe('ｶ ﾞｲﾄﾞ 情報 共有');
  });

  it('keeps the element stack as an HTML parser does: void elements, SVG self-closing, stray end tags, case', () => {
    const x = extractPage(
      page(`<P>前<br>後<img alt="画像"><hr>線</P><svg><path d="M0"/><text>図</text></svg><p>図の後</span></p>
<DIV DATA-PAGEFIND-IGNORE>大文字の除外</DIV><p>段落</p>`),
    )!;
    expect(x.text).toBe('前 後 線 図の後 段落');
  });

  it('copes with unclosed elements the way an HTML parser does', () => {
    const x = extractPage('<html><body><div data-pagefind-body><p>一つ目<p>二つ目<ul><li>項目1<li>項目2</ul></div><p>外')!;
    expect(x.text).toBe('一つ目 二つ目 項目1 項目2');
  });
});

describe('indexContent', () => {
  const decoded = (content: string) => content.split(' ').map((w) => w.split('-').map(decodeToken).join('-'));

  it('gives the words of textTokens for the whole normalised text, in order', () => {
    const text = 'M2Mセキュリティ実証事業の実証';
    const { content, normalized, words } = indexContent(text, 'bigrams');
    const n = normalizeForMatch(text);
    expect(normalized).toBe(n);
    expect(content.split(' ')).toEqual(textTokens(n));
    expect(decoded(content)).toEqual([
      'm-2', '2-m', 'mセ', 'セ-キ', 'キ-ュ', 'ュ-リ', 'リ-テ', 'テ-ィ', 'ィ-実', '実-証', '証-事', '事-業', '業-の', 'の-実', '実証',
    ]);
    expect(words).toBe(textTokens(n).length);
  });

  it('runs across line breaks and spaces (the text is normalised as a whole)', () => {
    expect(decoded(indexContent('情報\n共 有情報', 'bigrams').content)).toEqual(['情-報', '報-共', '共-有', '有-情', '情報']);
  });

  it('composes a half-width kana and its dakuten split across elements, as NFKC of the whole text does', () => {
    expect(indexContent('ｶ' + 'ﾞ', 'bigrams').normalized).toBe('ガ');
    expect(decoded(indexContent('ｶ' + 'ﾞ', 'bigrams').content)).toEqual(['ガ']);
  });

  it('gives a one-character page its character word, a surrogate pair one character, an empty page nothing', () => {
    expect(decoded(indexContent('国', 'bigrams').content)).toEqual(['国']);
    expect(decoded(indexContent('𠮷野家𠮷野', 'bigrams').content)).toEqual(['𠮷-野', '野-家', '家-𠮷', '𠮷野']);
    expect(decoded(indexContent('国国国', 'bigrams').content)).toEqual(['国-国', '国国']);
    expect(decoded(indexContent('国国の', 'bigrams').content)).toEqual(['国-国', '国-の']);
    expect(indexContent('', 'bigrams').content).toBe('');
  });

  it('counts its words (the word_count of the fragment): one per pair of characters, by code point', () => {
    expect(indexContent('𠮷野家', 'bigrams').words).toBe(2);
    expect(indexContent('国', 'bigrams').words).toBe(1);
    expect(indexContent('', 'bigrams').words).toBe(0);
    const text = 'M2M セキュリティ\n𠮷野家 ｶﾞ';
    expect(indexContent(text, 'bigrams').words).toBe([...normalizeForMatch(text)].length - 1);
    expect(indexContent(text, 'bigrams').words).toBe(indexContent(text, 'bigrams').content.split(' ').length);
  });

  it('builds the same words as textTokens for every real sample sheet text', () => {
    for (const file of ['000_ef263abaeb28aada.txt', '004_b3591854bc0903ef.txt']) {
      const raw = readFileSync(new URL(`../../sheets/text/${file}`, import.meta.url), 'utf8');
      expect(indexContent(raw, 'bigrams').content.split(' ')).toEqual(textTokens(normalizeForMatch(raw)));
    }
  });

  it('with `chars`, gives one word per character (by code point), the words of charTokens', () => {
    expect(decoded(indexContent('𠮷野家 ｶﾞ', 'chars').content)).toEqual(['𠮷', '野', '家', 'ガ']);
    expect(indexContent('𠮷野家 ｶﾞ', 'chars').words).toBe(4);
    expect(indexContent('', 'chars')).toEqual({ content: '', normalized: '', words: 0 });
    for (const file of ['000_ef263abaeb28aada.txt', '004_b3591854bc0903ef.txt']) {
      const raw = readFileSync(new URL(`../../sheets/text/${file}`, import.meta.url), 'utf8');
      expect(indexContent(raw, 'chars').content.split(' ')).toEqual(charTokens(normalizeForMatch(raw)));
    }
  });
});
