import { describe, it, expect } from 'vitest';
import { labelKey, normalizeLabel } from '../../scripts/converter/normalize/label.ts';

describe('label normalisation', () => {
  it.each([
    ['予算 の 状 況', '予算の状況'],
    ['単位当たり コスト', '単位当たりコスト'],
    ['予算額・ 執行額 (単位:百万円)', '予算額・執行額'],
    ['執行率(%)', '執行率'],
    ['根拠法令 (具体的な 条項も記載)', '根拠法令'],
    ['事業終了 (予定)年度', '事業終了年度'],
    ['事業終了(予定)年度', '事業終了年度'],
    ['当初予算+補正予算に対す る執行額の割合(%)', '当初予算+補正予算に対する執行額の割合'],
    ['支出先上位１０者リスト', '支出先上位10者リスト'],
    ['金額（百万円）', '金額'],
    ['費目・用途 (「資金の流れ」に おいて (注) 記載)', '費目・用途'],
  ])('%j → %j', (raw, key) => expect(labelKey(raw)).toBe(key));
  it('normalizeLabel keeps parentheses', () => expect(normalizeLabel('執行率 （%）')).toBe('執行率(%)'));
});
