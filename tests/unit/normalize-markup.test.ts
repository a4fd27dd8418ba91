import { describe, it, expect } from 'vitest';
import { stripMarkup, decodeEntities, isCheckedBox } from '../../scripts/converter/normalize/markup.ts';

describe('stripMarkup', () => {
  it.each([
    ['<p>一段落目。</p> <p>① 項目、② 項目、③ 項目</p>', '一段落目。\n\n① 項目、② 項目、③ 項目'],
    ['本文<br>次の行', '本文\n次の行'],
    ['チェック<input checked="" type="checkbox"/>', 'チェック'],
    ['<input type="checkbox"/> チェック', 'チェック'],
    ['A &amp; B &lt;c&gt; &#x2460; &#9312;&nbsp;end', 'A & B <c> ① ① end'],
    ['<P CLASS="x">大文字</P>', '大文字'],
    ['<span style="color:red">赤</span>字', '赤字'],
    ['計画<5件>は維持', '計画<5件>は維持'], // not a tag
    ['  前後の空白  ', '前後の空白'],
    ['<p></p><p>  </p>', ''],
    ['一行目\n\n\n\n二行目', '一行目\n\n二行目'],
    ['&#0;&#x110000;&bogus;', '&#0;&#x110000;&bogus;'],
  ])('%j → %j', (raw, out) => expect(stripMarkup(raw)).toBe(out));
  it('does not produce markup from entities twice', () => {
    expect(stripMarkup('&amp;lt;p&amp;gt;')).toBe('&lt;p&gt;');
  });
});

describe('decodeEntities / isCheckedBox', () => {
  it('decodes numeric and named entities', () => expect(decodeEntities('&quot;x&quot;&#39;')).toBe('"x"\''));
  it('tells checked boxes', () => {
    expect(isCheckedBox('<input checked="" type="checkbox"/>')).toBe(true);
    expect(isCheckedBox('<input type="checkbox"/>')).toBe(false);
  });
});
