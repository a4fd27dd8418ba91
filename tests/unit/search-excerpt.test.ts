/**
 * Result excerpts (src/client/search/excerpt.ts): highlights follow the search's matching contract
 * (NFKC, case, whitespace) and cover the original characters; the window shows the terms; on a real sheet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, highlight, matchRanges, proseShare, sectionAt } from '../../src/client/search/excerpt.ts';

const sheet = readFileSync(new URL('../../sheets/text/000_ef263abaeb28aada.txt', import.meta.url), 'utf8')
  .replace(/\s+/g, ' ')
  .trim();

const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('matchRanges / highlight', () => {
  it('marks the original characters of a match found through NFKC, case and whitespace', () => {
    expect(marked(highlight('ＩＣＴ－ＩＳＡＣとの連携', ['ict-isac']))).toEqual(['ＩＣＴ－ＩＳＡＣ']);
    expect(marked(highlight('ｾｷｭﾘﾃｨ対策', ['セキュリティ']))).toEqual(['ｾｷｭﾘﾃｨ']);
    // ｶﾞ is two characters that NFKC composes into one (ガ): the mark covers both.
    expect(marked(highlight('新ｶﾞｲﾄﾞﾗｲﾝ', ['ガイド']))).toEqual(['ｶﾞｲﾄﾞ']);
    expect(marked(highlight('Cafe\u0301 café', ['café']))).toEqual(['Cafe\u0301', 'café']);
    expect(marked(highlight('サイバー セキュリティ', ['サイバーセキュリティ']))).toEqual(['サイバー セキュリティ']);
    expect(marked(highlight('㈱日立製作所', ['(株)日立']))).toEqual(['㈱日立']);
  });

  it('marks every occurrence of every term and merges overlaps', () => {
    expect(matchRanges('情報共有と情報', ['情報'])).toEqual([
      [0, 2],
      [5, 7],
    ]);
    expect(matchRanges('情報共有', ['情報', '報共'])).toEqual([[0, 3]]);
    expect(highlight('脆弱性情報', ['脆弱性', '情報'])).toEqual([{ text: '脆弱性情報', mark: true }]);
  });

  it('keeps surrogate pairs whole', () => {
    expect(marked(highlight('𠮷野家の𠮷', ['𠮷']))).toEqual(['𠮷', '𠮷']);
  });

  it('leaves text without a match unmarked', () => {
    expect(highlight('M2Mセキュリティ実証事業', ['脆弱性'])).toEqual([{ text: 'M2Mセキュリティ実証事業', mark: false }]);
  });
});

describe('buildExcerpt on a real sheet', () => {
  it('shows the passage with the term, marked, with ellipses where text is cut', () => {
    const e = buildExcerpt(sheet, ['脆弱性'], 120);
    expect(e.matched).toBe(true);
    expect(marked(e.parts)).toContain('脆弱性');
    expect(e.parts[0]).toEqual({ text: '…', mark: false });
    expect(e.parts[e.parts.length - 1]).toEqual({ text: '…', mark: false });
    const shown = e.parts.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(122 + 40);
    expect(sheet).toContain(shown.slice(1, -1));
  });

  it('shows a match cut by the end of the window whole', () => {
    // Window: 35 characters from 8 before the first match (index 10), so it ends at 37, inside the
    // second match (35–38).
    const e = buildExcerpt(`${'あ'.repeat(10)}脆弱性${'い'.repeat(22)}脆弱性${'う'.repeat(50)}`, ['脆弱性'], 35);
    expect(marked(e.parts)).toEqual(['脆弱性', '脆弱性']);
    expect(e.parts[e.parts.length - 2]).toEqual({ text: '脆弱性', mark: true });
  });

  it('prefers a passage that shows all the terms', () => {
    // ICT-ISAC occurs twice; only in the payee table is it next to its 法人番号.
    const e = buildExcerpt(sheet, ['ICT-ISAC', '5010405014647'], 120);
    expect(marked(e.parts)).toEqual(['ICT-ISAC', '5010405014647']);
  });

  it('prefers a match outside repetitions of the title (the title is shown already)', () => {
    const title = 'サイバーセキュリティ情報共有推進事業';
    const text = `${title} 総務省「${title}」の概要 ${'あ'.repeat(200)} 情報共有基盤の構築 ${'い'.repeat(200)}`;
    const e = buildExcerpt(text, ['情報共有'], 60, title);
    expect(e.parts.map((p) => p.text).join('')).toContain('情報共有基盤');
    expect(e.parts.map((p) => p.text).join('')).not.toContain(title);
    // Only in the title's repetitions: they are shown.
    expect(marked(buildExcerpt(text, ['推進事業'], 60, title).parts)).toEqual(['推進事業', '推進事業']);
  });

  it('falls back to the start of the text when nothing matches', () => {
    const e = buildExcerpt(sheet, ['存在しない語句'], 50);
    expect(e.matched).toBe(false);
    expect(e.parts.map((p) => p.text).join('')).toBe(`${sheet.slice(0, 50)}…`);
  });
});

describe('excerpts prefer prose over table residue', () => {
  // Page text as the indexer stores it: a space at every cell and heading boundary.
  const page = [
    'サイバーセキュリティ情報共有推進事業',
    '予算額・執行額',
    '予算額（前年度から繰越し） 計 — 30 予算額（前年度から繰越し） 前年度から繰越し 135 — — —',
    '事業の目的・概要',
    'サイバー攻撃の脅威が増大する中、前年度から繰越しとなった実証の成果を踏まえ、情報共有の基盤を整備する。',
    '支出先',
    '順位 支出先 法人番号 業務概要 1 株式会社日立製作所 7010001008844 ソフトウェア脆弱性を狙ったサイバー攻撃の防御 175 一般競争契約',
  ].join(' ');

  it('scores a sentence above a table row', () => {
    expect(proseShare('サイバー攻撃の脅威が増大する中、前年度から繰越しとなった実証の成果を踏まえ、情報共有の基盤を整備する。')).toBe(1);
    expect(proseShare('予算額（前年度から繰越し） 計 — 30 予算額（前年度から繰越し） 前年度から繰越し 135 — — —')).toBeLessThan(0.5);
  });

  it('shows the sentence around the match, not the budget table that also has it', () => {
    const shown = buildExcerpt(page, ['繰越し'], 60).parts.map((p) => p.text).join('');
    expect(shown).toContain('前年度から繰越しとなった実証の成果');
    expect(shown).not.toContain('— 30');
  });

  it('a match only in a table: the cells around it after the section it is in', () => {
    const e = buildExcerpt(page, ['7010001008844'], 120);
    expect(e.parts[0]).toEqual({ text: '支出先: ', mark: false });
    expect(e.parts.map((p) => p.text).join('')).toContain('株式会社日立製作所 7010001008844');
    expect(sectionAt(page, page.indexOf('135'))).toBe('予算額・執行額');
  });
});
