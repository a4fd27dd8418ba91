/**
 * What the indexer reads from a built page (scripts/lib/search/extract-page.ts) and the words it gives
 * Pagefind (scripts/lib/search/index-content.ts): Pagefind's markup rules (body, ignore, removed
 * elements, filter/sort/meta captures, weights), on pages made of real sample-sheet text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage, parseCaptures } from '../../scripts/lib/search/extract-page.ts';
import { indexContent } from '../../scripts/lib/search/index-content.ts';
import { charTokens, decodeToken, normalizeForMatch, textTokens } from '../../src/lib/search-tokens.ts';

const sheetLines = readFileSync(new URL('../../sheets/text/004_b3591854bc0903ef.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
/** A real line of the M2M sheet: "事業名\t\tM2Mセキュリティ実証事業\t…". */
const titleLine = sheetLines.find((l) => l.startsWith('事業名'))!;
const purposeLine = sheetLines.find((l) => l.startsWith('事業の目的'))!;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="ja"><head><title>ページ題名</title>${head}</head><body>
<header data-pagefind-ignore><nav><a href="/">ホーム</a></nav></header>
<main data-pagefind-body>${body}</main>
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
    expect(x.language).toBe('ja');
    for (const c of cells) expect(x.text).toContain(c);
    expect(x.text).toContain(purposeLine.split('\t')[1]!.slice(0, 40));
    expect(x.text).toContain('& 記号 <p>');
    expect(x.text).not.toMatch(/ホーム|フッター|ページ題名/);
    // Table cells and blocks are separated by a space in the display text.
    expect(x.text).toContain(cells.join(' '));
    expect(x.meta.title).toBe('M2Mセキュリティ実証事業');
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

  it('captures filters, sort keys and meta in the three Pagefind forms, also on ignored elements', () => {
    const x = extractPage(
      page(`<h1 data-pagefind-meta="title">サイバーセキュリティ情報共有推進事業</h1>
<div hidden data-pagefind-ignore data-pf-m="総務省" data-pf-y="2022" data-pf-b="359000000"
  data-pagefind-filter="府省庁[data-pf-m], 年度[data-pf-y], 一者応札:あり"
  data-pagefind-sort="budget[data-pf-b], rate:0.9173"
  data-pagefind-meta="budget[data-pf-b], summary:予算 359百万円, 執行率 91%"></div>
<span data-pagefind-filter="府省庁">  総務省 </span><span data-pagefind-filter="府省庁">内閣官房</span>
<span data-pagefind-ignore="all" data-pagefind-filter="府省庁">除外省</span>
<span data-pagefind-sort="year">2022</span><p>本文</p>`),
    )!;
    expect(x.filters).toEqual({ 府省庁: ['総務省', '内閣官房'], 年度: ['2022'], 一者応札: ['あり'] });
    expect(x.sort).toEqual({ budget: '359000000', rate: '0.9173', year: '2022' });
    expect(x.meta).toEqual({
      title: 'サイバーセキュリティ情報共有推進事業',
      budget: '359000000',
      summary: '予算 359百万円, 執行率 91%',
    });
    // The capture elements' own text is still body text unless ignored.
    expect(x.text).toContain('総務省 内閣官房');
    expect(x.text).not.toContain('除外省');
  });

  it('skips a capture whose attribute is absent (no value, not an empty one)', () => {
    const x = extractPage(page('<div data-pagefind-sort="budget[data-v], rate[data-r]" data-r="0.5"></div><p>本文</p>'))!;
    expect(x.sort).toEqual({ rate: '0.5' });
  });

  it('takes the title from the first h1 in the body when no title meta is given', () => {
    const x = extractPage(
      '<html><body><h1>サイト名</h1><main data-pagefind-body><h1>M2Mセキュリティ実証事業</h1><h1>二つ目</h1></main></body></html>',
    )!;
    expect(x.meta.title).toBe('M2Mセキュリティ実証事業');
  });

  it('joins the text of adjacent elements without a separator in the indexed text, as textContent does', () => {
    const x = extractPage(page('<table><tr><td>ｶ</td><td>ﾞｲﾄﾞ</td></tr></table><p>情報<br>共有</p>'))!;
    expect(normalizeForMatch(x.indexText)).toBe('ガイド情報共有');
    expect(x.text).toBe('ｶ ﾞｲﾄﾞ 情報 共有');
  });

  it('keeps the element stack as an HTML parser does: void elements, SVG self-closing, stray end tags, case', () => {
    const x = extractPage(
      page(`<P>前<br>後<img alt="画像"><hr>線</P><svg><path d="M0"/><text>図</text></svg><p>図の後</span></p>
<DIV DATA-PAGEFIND-IGNORE>大文字の除外</DIV><p data-pagefind-meta="summary[data-s]" data-s="A&amp;B &lt;要約&gt;" data-s="二つ目">段落</p>`),
    )!;
    expect(x.text).toBe('前 後 線 図の後 段落');
    // Attribute values have their entities decoded; of a repeated attribute the first counts.
    expect(x.meta.summary).toBe('A&B <要約>');
  });

  it('copes with unclosed elements the way an HTML parser does', () => {
    const x = extractPage('<html><body><div data-pagefind-body><p>一つ目<p>二つ目<ul><li>項目1<li>項目2</ul></div><p>外')!;
    expect(x.text).toBe('一つ目 二つ目 項目1 項目2');
  });
});

describe('parseCaptures', () => {
  it('splits at commas, keeps an inline value to the end, reads attributes case-insensitively', () => {
    expect(parseCaptures('title, image[SRC], other:a, b: c', { src: '/x.png' })).toEqual([
      { key: 'title', value: null },
      { key: 'image', value: '/x.png' },
      { key: 'other', value: 'a, b: c' },
    ]);
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
