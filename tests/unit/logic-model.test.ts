/**
 * The RS 3-2 logic model as a tree and as the page's list and table (src/lib/view/logic-model.ts) on real sheets, URLs followed by a note, and
 * e-Gov links by 法令ID.
 */
import { describe, expect, it } from 'vitest';
import { logicModelHtml, logicNodeLabel, logicTree, type LogicTreeNode } from '../../src/lib/view/logic-model.ts';
import { eGovLawUrl, textHtml } from '../../src/lib/markup/html.ts';
import { linkParts } from '../../src/lib/markup/text-parts.ts';
import type { LogicLink } from '../../src/schema/sheet.ts';
import { rsSample, rsSamples } from '../support/sample-records.ts';

const outline = (nodes: LogicTreeNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${logicNodeLabel(n.node)}${n.repeated ? ' …' : ''}`, ...outline(n.children, depth + 1)]);
const count = (nodes: LogicTreeNode[]): number => nodes.reduce((n, t) => n + (t.via ? 1 : 0) + count(t.children), 0);

describe('logicTree', () => {
  it('予算事業ID 4: activities → outputs → short-term → long-term outcomes, in the sheet order', async () => {
    const s = await rsSample(4);
    expect(outline(logicTree(s.logicLinks))).toEqual([
      'アクティビティ 2',
      '  アウトプット 2',
      '    アウトカム（短期） 5',
      '      アウトカム（長期） 8',
      'アクティビティ 3',
      '  アウトプット 3',
      '    アウトカム（短期） 6',
      '      アウトカム（長期） 9',
      'アクティビティ 1',
      '  アウトプット 1',
      '    アウトカム（短期） 4',
      '      アウトカム（長期） 7',
    ]);
  });

  it('every link of every real sheet appears exactly once in its tree', async () => {
    for (const s of await rsSamples()) expect(count(logicTree(s.logicLinks)), s.id).toBe(s.logicLinks.length);
  });

  it('a step reached twice is expanded once; a loop ends', () => {
    const node = (kind: string, number: string) => ({ kind, number, term: null, text: `${kind}${number}` });
    const link = (a: ReturnType<typeof node>, b: ReturnType<typeof node>): LogicLink => ({ from: a, to: b, connection: null, singleStageReason: null });
    const [a1, a2, o1, c1, c2] = [node('アクティビティ', '1'), node('アクティビティ', '2'), node('アウトプット', '1'), node('アウトカム', '1'), node('アウトカム', '2')];
    const tree = logicTree([link(a1, o1), link(a2, o1), link(o1, c1), link(c1, c2), link(c2, c1)]);
    expect(outline(tree)).toEqual([
      'アクティビティ 1',
      '  アウトプット 1',
      '    アウトカム 1',
      '      アウトカム 2',
      '        アウトカム 1 …',
      'アクティビティ 2',
      '  アウトプット 1 …',
    ]);
    expect(count(tree)).toBe(5);
  });
});

describe('logicModelHtml: the list and its table twin from one walk', () => {
  it('RS 282: a step worded two ways keeps both wordings, the list the first and the row the second', async () => {
    const s = await rsSample(282);
    const { list, rows } = logicModelHtml(s.logicLinks);
    expect(list.value).toContain('食品安全委員会のウェブサイト中のページに利用者がアクセスした件数');
    expect(list.value).toContain('<span class="logic-kind logic-outcome">アウトカム（長期） 1</span> <span class="muted">（内容とこの先は上に記載）</span>');
    expect(list.value).not.toContain('食中毒発生件数の減少');
    expect(rows.value).toContain('<td>アウトカム（短期） 1</td><td>アウトカム（長期） 1 食中毒発生件数の減少※目標値よりも減少することを成果指標としているため、達成率が100％より少なければ達成</td>');
    expect(rows.value).toContain('<td>アクティビティ 1</td><td>アウトプット 1</td>');
  });

  it('every step text of every real 3-2 stands in the list or its row', async () => {
    let ends = 0;
    for (const s of await rsSamples()) {
      const { list, rows } = logicModelHtml(s.logicLinks);
      expect(rows.value.match(/<tr>/g)?.length ?? 0, s.id).toBe(s.logicLinks.length);
      for (const n of s.logicLinks.flatMap((l) => [l.from, l.to])) {
        if (n.text === null) continue;
        ends++;
        expect(`${list.value}${rows.value}`, s.id).toContain(textHtml(n.text, true).value);
      }
    }
    expect(ends).toBe(3026);
  });
});

describe('links of RS URLs and laws', () => {
  it('a URL followed by a note links only the URL; the note stays text', () => {
    expect(linkParts('https://www.example.go.jp/policy/／※事業期間終了後閉鎖予定')).toEqual([
      { kind: 'link', text: 'https://www.example.go.jp/policy/', href: 'https://www.example.go.jp/policy/' },
      { kind: 'text', text: '／※事業期間終了後閉鎖予定' },
    ]);
    expect(textHtml('javascript:alert(1)', true).value).not.toContain('<a');
  });

  it('e-Gov 法令検索 by 法令ID; no link for a value that is not an ID', () => {
    expect(eGovLawUrl('503AC0000000036')).toBe('https://laws.e-gov.go.jp/law/503AC0000000036');
    expect(eGovLawUrl('503AC0000000036"><script>')).toBeNull();
    expect(eGovLawUrl(null)).toBeNull();
  });
});
