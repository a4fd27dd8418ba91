/**
 * The end tags a page omits (src/lib/markup/compact-html.ts): only where the HTML standard implies them,
 * so a browser builds the same document (checked with htmlparser2's HTML parsing, which applies the same
 * implied-end rules for the end tags it drops, and by Chromium on every built page in the site tests).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { compactHtml } from '../../src/lib/markup/compact-html.ts';

/** The element tree as text: names and text, nesting by brackets. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  children?: Node[];
}

function tree(html: string): string {
  const walk = (n: Node): string =>
    n.type === 'text' ? JSON.stringify(n.data) : n.name ? `${n.name}[${(n.children ?? []).map(walk).join(',')}]` : (n.children ?? []).map(walk).join(',');
  return walk(parseDocument(html) as unknown as Node);
}

describe('compactHtml', () => {
  it('drops the end tags of cells, rows, sections, items and terms where the next tag implies them', () => {
    const table =
      '<table><caption>予算</caption><thead><tr><th>年度</th><th class="num">計</th></tr></thead>' +
      '<tbody><tr><th scope="row">2023</th><td><data value="1">1</data></td></tr><tr><th scope="row">2024</th><td>—</td></tr></tbody></table>';
    expect(compactHtml(table)).toBe(
      '<table><caption>予算</caption><thead><tr><th>年度<th class="num">計</thead>' +
        '<tbody><tr><th scope="row">2023<td><data value="1">1</data><tr><th scope="row">2024<td>—</tbody></table>',
    );
    expect(compactHtml('<ol><li><a href="/">ホーム</a></li><li>内閣府</li></ol>')).toBe('<ol><li><a href="/">ホーム</a><li>内閣府</ol>');
    expect(compactHtml('<dl><div><dt>執行率</dt><dd><data value="0.5095">51%</data></dd></div></dl>')).toBe(
      '<dl><div><dt>執行率<dd><data value="0.5095">51%</data></div></dl>',
    );
  });

  it('keeps an end tag that nothing after it implies, and text that only looks like one', () => {
    // A cell followed by text, a list item followed by another element, a term at the end of its list.
    for (const html of ['<tr><td>a</td> b', '<tr><td>1</td><th scope="row">a</th>', '<ul><li>a</li><p>b</p></ul>', '<p>a</p><p>b</p>', '<dl><dt>a</dt></dl>', '<td>&lt;/td&gt;<td>']) {
      expect(compactHtml(html), html).toBe(html);
    }
  });

  it('leaves scripts, styles, pre and textarea as they are', () => {
    const html = '<script type="application/json">{"a":"</td><td>"}</script><pre></li><li></pre><style>a{}</style><td>x</td><td>y</td>';
    expect(compactHtml(html)).toBe('<script type="application/json">{"a":"</td><td>"}</script><pre></li><li></pre><style>a{}</style><td>x<td>y</td>');
  });

  it('gives the same document as the full markup', () => {
    const html =
      '<main><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td><span>2</span></td></tr><tr><td>3</td><th scope="row">4</th><td>5</td></tr></tbody>' +
      '<tbody><tr><td>5</td></tr></tbody></table><ul><li>x</li><li>y<ul><li>z</li></ul></li></ul><dl><dt>k</dt><dd>v</dd><dd>w</dd></dl></main>';
    const compact = compactHtml(html);
    expect(compact.length).toBeLessThan(html.length - 60);
    expect(tree(compact)).toBe(tree(html));
  });
});
