/**
 * The RS cells the sheet page used to leave out reach the built page of real projects (sheets/rs2024/):
 * 予算事業ID, 1-1 その他担当組織, 1-2 事業概要URL, 1-3 laws linked to e-Gov 法令検索 by 法令ID, policy and
 * plan URLs, 1-4 補助率等, the 3-2 logic model with its table twin, and 執行率 rounded half up from the
 * stated decimal.
 */
import { describe, expect, it } from 'vitest';
import { builtSite, sheetPagePath } from '../support/sites.ts';
import { fileOf, pageText, readPage, scanTags } from '../support/site-text.ts';

const site = builtSite('root');
const page = (id: string) => readPage(fileOf(site.dist, sheetPagePath(site, id)));
/** The markup of one section of a sheet page. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
};
const links = (html: string) => scanTags(html).filter((t) => t.name === 'a').map((t) => t.attrs.href);

describe('予算事業ID 4 情報システムの整備 (デジタル庁)', () => {
  const html = page('2024-digital-rs4');
  const basics = section(html, 'basics');

  it('shows its 予算事業ID instead of a blank 事業番号', () => {
    expect(pageText(basics)).toContain('予算事業ID 4');
    expect(pageText(basics)).not.toContain('事業番号');
    expect(pageText(html)).toContain('予算事業ID 4');
  });

  it('shows その他担当組織', () => {
    expect(pageText(basics)).toContain('その他担当組織 デジタル庁 戦略・組織 会計担当');
  });

  it('links each law to e-Gov 法令検索 by its 法令ID, with its 条・項・号 and 法令番号', () => {
    expect(links(basics).filter((h) => h?.startsWith('https://laws.e-gov.go.jp/'))).toEqual([
      'https://laws.e-gov.go.jp/law/503AC0000000036',
      'https://laws.e-gov.go.jp/law/503AC0000000036',
    ]);
    expect(pageText(basics)).toContain('デジタル庁設置法 第四条 第2項 第18号（令和三年法律第三十六号）');
  });

  it('links the 政策・施策URL, the 計画通知等URL and the 事業概要URL', () => {
    expect(links(basics)).toContain('https://www.digital.go.jp/policies/assessment/');
    expect(links(basics)).toContain(
      'https://www.digital.go.jp/assets/contents/node/basic_page/field_ref_resources/5ecac8cc-50f1-4168-b989-2bcaabffe870/6329b727/20240621_policies_priority_outline_03.pdf',
    );
    expect(links(section(html, 'purpose'))).toContain('https://www.digital.go.jp/policies/development_management/');
  });

  it('shows the logic model as a nested list and its 9 links in a table', () => {
    const model = section(html, 'logic-model');
    const text = pageText(model);
    // アクティビティ 2 → アウトプット 2 → 短期アウトカム 5 → 長期アウトカム 8, nested in that order
    const chain = ['アクティビティ 2', 'アウトプット 2', 'アウトカム（短期） 5', 'アウトカム（長期） 8'].map((l) => text.indexOf(l));
    expect(chain.every((i) => i > -1)).toBe(true);
    expect([...chain].sort((a, b) => a - b)).toEqual(chain);
    expect(text).toContain('つながり: チェックリストに基づく確認が実施され、フィードバックを受けた改善がなされることにより、チェックリストへの適合が図られる。');
    expect(model.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g)).toHaveLength(9);
    expect(html).toContain('<a href="#logic-model">');
  });

  it('lists its past sheet 2023-デジ-22-0001', () => {
    expect(pageText(section(html, 'past-sheets'))).toContain('2023（令和5）年度: 2023-デジ-22-0001');
  });
});

describe('other real projects', () => {
  it('1: the reason the outcome has a single stage (アウトカムを複数段階で設定できない理由)', () => {
    const text = pageText(section(page('2024-cas-rs1'), 'logic-model'));
    expect(text).toContain('アウトカムを複数段階で設定できない理由: 各研修は、各府省の階層別対象者を対象として');
  });

  it('1: 2-2 所管 / 組織・勘定 under the 予算内訳', () => {
    expect(pageText(section(page('2024-cas-rs1'), 'budget-items'))).toContain('所管 / 組織・勘定: 内閣 / 内閣官房');
  });

  it('349: 補助率等 in a table', () => {
    const text = pageText(section(page('2024-npa-rs349'), 'basics'));
    expect(text).toContain('補助率等');
    expect(text).toContain('警視庁警察官の超過勤務手当について補助 定額');
    expect(text).toContain('10/10');
  });

  it('103: 執行率 0.5095 is "51%" in the summary and the meta description, never "50.9%"', () => {
    const html = page('2024-cao-rs103');
    expect(html).toContain('<meta name="description" content="内閣府「道州制特区の推進に必要な経費」（2024（令和6）年度レビューシート）。2023（令和5）年度の予算505,000円、執行額257,296円（執行率51%）。');
    expect(html).not.toContain('50.9%');
    // one precision site-wide (one decimal, half up); the stated digits stay in the value and its title
    expect(html).toContain('<dt>執行率<dd><data value="0.5095">51%</data></div>');
  });
});
