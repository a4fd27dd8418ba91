/** The ten-second summary (src/lib/view/summary.ts) on the real sample sheets. */
import { beforeAll, describe, expect, it } from 'vitest';
import { executionReported, hasSingleBidder, outcomeStatus, payeesByAmount, pendingExecutionYear, settledBudgetYear, summarize } from '../../src/lib/view/summary.ts';
import { judgitSamples, rsSample, rsSamples, textSample } from '../support/sample-records.ts';

// Reading the RS sample folder (13 tables) takes a few seconds; once per file.
beforeAll(async () => {
  await rsSamples();
}, 60_000);

describe('summarize: 000 サイバーセキュリティ情報共有推進事業 (text, 令和4年度)', () => {
  it('uses the latest year with execution (2021), not the 2022 budget column or the 2023 request', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const sum = summarize(s);
    expect(sum.budgetYear?.year).toBe(2021);
    expect(sum.budgetYear?.total).toBe(359_000_000);
    expect(sum.budgetYear?.executed).toBe(325_000_000);
    expect(sum.budgetYear?.executionRate).toBe(0.91);
    expect(sum.outcomes).toEqual({ judged: 1, met: 1, total: 1 });
    expect(sum.largestPayee?.name).toBe('株式会社日立製作所');
    expect(sum.largestPayee?.amount).toBe(175_000_000);
    expect(sum.largestPayee?.bidders).toBe(1);
    expect(sum.largestPayee?.winningBidRate).toBe(0.983);
    expect(sum.singleBidder).toBe(true);
    expect(sum.warningCount).toBe(s.warnings.length);
    expect(sum.sentence).toContain('総務省「サイバーセキュリティ情報共有推進事業」（2022（令和4）年度レビューシート）');
    expect(sum.sentence).toContain('2021（令和3）年度の予算3.59億円、執行額3.25億円（執行率91%）');
    expect(sum.sentence).toContain('成果目標1件中1件達成');
    expect(sum.sentence).toContain('最大の支出先は株式会社日立製作所 1.75億円（一般競争契約 (総合評価)、入札者数1（一者応札）、落札率98.3%）');
  });

  it('orders payees by amount and finds single-bidder contracts', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const ranked = payeesByAmount(s.payees).map((p) => p.name);
    expect(ranked.slice(0, 3)).toEqual(['株式会社日立製作所', '株式会社KDDI総合研究所', '株式会社エヌ・ティ・ティ・データ経営研究所']);
    expect(hasSingleBidder(s)).toBe(true);
    expect(hasSingleBidder({ payees: [], checks: [] })).toBe(false);
  });
});

describe('summarize: 004 M2Mセキュリティ実証事業 (text, 平成28年度)', () => {
  it('takes FY2015 (the only year with execution) and says outcomes have no stated 達成度', async () => {
    const s = await textSample('004_b3591854bc0903ef.txt');
    const sum = summarize(s);
    expect(sum.budgetYear?.year).toBe(2015);
    expect(sum.budgetYear?.total).toBe(150_000_000);
    expect(sum.budgetYear?.executed).toBe(118_000_000);
    expect(sum.budgetYear?.executionRate).toBe(0.79);
    expect(outcomeStatus(s)).toEqual({ judged: 0, met: 0, total: s.outcomes.length });
    expect(sum.sentence).toContain('達成度の記載なし');
  });
});

describe('summarize: RS 2024 予算事業ID 1 内閣人事局経費', () => {
  it('skips 2024 (RS writes 執行額 0 with a blank 執行率 for the current year) and uses 2023', async () => {
    const s = await rsSample(1);
    const b = settledBudgetYear(s);
    expect(b?.year).toBe(2023);
    expect(b?.total).toBe(33_328_000);
    expect(b?.executed).toBe(11_200_834);
    expect(b?.executionRate).toBe(0.33608);
    const sum = summarize(s);
    expect(sum.sentence).toContain('2023（令和5）年度の予算33.3百万円、執行額11.2百万円（執行率33.6%）');
  });

  it('a sheet without budgets says so instead of inventing 0', () => {
    expect(settledBudgetYear({ budgets: [] })).toBeNull();
  });
});

describe('a year whose execution is not reported yet', () => {
  it('RS 7259 電気・ガス価格激変緩和対策等事業: settled 2023, and 2024 said to be not yet known, never 執行額 0', async () => {
    const s = await rsSample(7259);
    const sum = summarize(s);
    expect(sum.budgetYear?.year).toBe(2023);
    // RS writes the 2024 column's 執行額 as 0 with a blank 執行率.
    const y2024 = s.budgets.find((b) => b.year === 2024)!;
    expect([y2024.executed, y2024.executionRate]).toEqual([0, null]);
    expect(executionReported(y2024)).toBe(false);
    expect(sum.pendingYear?.year).toBe(2024);
    expect(sum.sentence).toContain('2023（令和5）年度の予算3.28兆円、執行額2.68兆円（執行率81.8%）');
    expect(sum.sentence).toContain('2024（令和6）年度の予算1.13兆円（執行額はまだ公表されていません）');
    expect(sum.sentence).not.toMatch(/執行額0/);
  });

  it('the text sheet 000 states 計 0 for 2022 (no budget): nothing is pending', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    expect(pendingExecutionYear(s)).toBeNull();
  });

  it('JUDGIT 2015 厚生労働省 新28-0025 (0/0 for 2012–2014, 2015 計 0 with a blank 執行額): says the execution is not stated', async () => {
    const s = (await judgitSamples()).find((x) => x.id === '2015-mhlw-shin28-0025')!;
    const sum = summarize(s);
    expect([sum.budgetYear?.year, sum.budgetYear?.total, sum.budgetYear?.executed, sum.pendingYear]).toEqual([2015, 0, null, null]);
    expect(sum.sentence).toContain('2015（平成27）年度の予算0百万円、執行額の記載なし。');
  });

  it('RS 274 (0 and 0 with a blank 執行率 in every year): the 0 is named as written, not as an execution', async () => {
    const sum = summarize(await rsSample(274));
    expect([sum.budgetYear?.year, sum.budgetYear?.executed, sum.pendingYear]).toEqual([2024, 0, null]);
    expect(sum.sentence).toContain('2024（令和6）年度の予算0百万円、執行額は未報告（0と記載）。');
    expect(sum.sentence).not.toMatch(/執行額0/);
  });
});
