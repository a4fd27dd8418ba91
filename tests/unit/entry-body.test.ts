import { describe, it, expect } from 'vitest';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { entryBody, escapeMarkdown } from '../../scripts/converter/entry-body.ts';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { sheet } from '../../src/schema/sheet.ts';

describe('entryBody', () => {
  it('writes the title and narrative sections of the R4 sample', async () => {
    const r = await readTextSheet(path.resolve('sheets/text/000_ef263abaeb28aada.txt'), 'text/000_ef263abaeb28aada.txt');
    const body = entryBody(sheet.parse(r.records[0]));
    expect(body.startsWith('# サイバーセキュリティ情報共有推進事業\n')).toBe(true);
    const headings = body.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## 事業の目的', '## 事業概要', '## 活動内容', '## 点検結果', '## 改善の方向性', '## 外部有識者の所見',
      '## 行政事業レビュー推進チームの所見', '## 所見を踏まえた改善点/概算要求における反映状況',
    ]);
    expect(body).toContain('【終了予定】\n\n令和3年度をもって事業終了。');
    expect(body).toContain('\n\n① 通信事業者');
  });
});

describe('escapeMarkdown: sheet text stays plain text', () => {
  // markdown-it (a devDependency, used by nothing else) stands for whatever renders the entry's body when a
  // person opens content/ (a forge's markdown view): a real CommonMark renderer, with raw HTML on, as the
  // most permissive one would be. The site itself never renders the body, nor any sheet text as markdown.
  const md = new MarkdownIt({ html: true, linkify: false });
  it.each([
    '<script>alert(1)</script>',
    '[クリック](javascript:alert(1))',
    '![x](http://example.com/x.png)',
    '<img src=x onerror=alert(1)>',
    '# 見出し',
    '> 引用',
    '- 箇条',
    '1. 番号',
    '**強調** と `code`',
    '| a | b |\n|---|---|',
    '&lt;b&gt;',
    '    字下げ',
  ])('%j renders as text only', (text) => {
    const html = md.render(escapeMarkdown(text));
    // One paragraph (or two for the table case), no other element, even with html enabled.
    expect(html.replace(/<\/?p>/g, '')).not.toMatch(/<[a-z]/i);
    expect(html).toMatch(/^<p>/);
  });
  it('keeps Japanese text unchanged', () => {
    expect(escapeMarkdown('令和3年度をもって事業終了。(予定)')).toBe('令和3年度をもって事業終了。(予定)');
  });
});
