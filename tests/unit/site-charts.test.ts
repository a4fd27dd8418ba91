/** Chart data (src/lib/view/chart-*.ts): one table feeds the HTML table, the canvas and the CSV; real samples. */
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetChart } from '../../src/lib/view/chart-budget.ts';
import { csvHeader, csvRow } from '../../src/lib/view/chart-csv.ts';
import { canvasLabel } from '../../src/lib/view/chart-spec.ts';
import { flowChart } from '../../src/lib/view/chart-flow.ts';
import { activityChart, outcomeChart } from '../../src/lib/view/chart-indicators.ts';
import { payeeMarks, topPayeesChart } from '../../src/lib/view/chart-payees.ts';
import { listSheetCharts } from '../../src/lib/view/sheet-charts.ts';
import { judgitSamples, rsSample, rsSamples, textSample } from '../support/sample-records.ts';

// Reading the RS sample folder (13 tables) takes a few seconds; once per file.
beforeAll(async () => {
  await rsSamples();
}, 60_000);

describe('budget chart', () => {
  it('has a row per column of the sheet, nulls kept as null, request column labelled', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = budgetChart(s)!;
    expect(c.table.rows).toEqual([
      ['2019（令和元）年度', 339_000_000, 311_000_000, 0.92],
      ['2020（令和2）年度', 358_000_000, 333_000_000, 0.93],
      ['2021（令和3）年度', 359_000_000, 325_000_000, 0.91],
      ['2022（令和4）年度', 0, null, null],
      ['2023（令和5）年度要求', 0, null, null],
    ]);
    expect(c.canvas).toMatchObject({ kind: 'budget', executed: [311_000_000, 333_000_000, 325_000_000, null, null] });
    expect(c.summary).toContain('2021（令和3）年度 予算3.59億円・執行3.25億円（執行率91%）');
    expect(csvHeader(c.table.columns)).toEqual(['年度', '予算額（計）（円）', '執行額（円）', '執行率（%）']);
    expect(csvRow(c.table.columns, c.table.rows[0]!)).toEqual(['2019（令和元）年度', 339_000_000, 311_000_000, 92]);
    expect(csvRow(c.table.columns, c.table.rows[3]!)).toEqual(['2022（令和4）年度', 0, null, null]);
  });
});

describe('canvas label', () => {
  it('a chart whose figures are all in a table on the page is named and pointed there, not read out again; others keep their summary', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = budgetChart(s)!;
    expect(c.summary).toContain('2021（令和3）年度 予算3.59億円・執行3.25億円（執行率91%）');
    const caption = '予算額・執行額（単位: 百万円、執行率は%）';
    expect(canvasLabel(c, caption)).toBe('予算額と執行額の推移のグラフ。数値はすべて表「予算額・執行額（単位: 百万円、執行率は%）」にあります。');
    expect(canvasLabel(c)).toBe(c.summary);
    const flow = flowChart(s)!;
    expect(canvasLabel(flow)).toBe(flow.summary);
  });
});

describe('budget chart: an execution that is not reported is a gap in the canvas and in words, never 執行0', () => {
  it('JUDGIT 2015 内閣官房 0001 (JUDGIT writes 0/0 for 2012 and 2013 and has no 執行率): the table keeps the 0s', async () => {
    const s = (await judgitSamples()).find((x) => x.id === '2015-cas-0001')!;
    const c = budgetChart(s)!;
    expect(c.table.rows).toEqual([
      ['2012（平成24）年度', 0, 0, null],
      ['2013（平成25）年度', 0, 0, null],
      ['2014（平成26）年度', 28_637_000, 10_000_000, null],
      ['2015（平成27）年度', 43_000_000, null, null],
      ['2016（平成28）年度要求', null, null, null],
    ]);
    expect(c.canvas).toMatchObject({ kind: 'budget', budget: [0, 0, 28_637_000, 43_000_000, null], executed: [null, null, 10_000_000, null, null] });
    expect(c.summary).toBe(
      '予算額と執行額の棒グラフと執行率の折れ線グラフ。2012（平成24）年度 予算0百万円・執行額は未報告（0と記載）、2013（平成25）年度 予算0百万円・執行額は未報告（0と記載）、' +
        '2014（平成26）年度 予算28.6百万円・執行10百万円（執行率—）、2015（平成27）年度 予算43百万円・執行額の記載なし。',
    );
  });

  it('RS 7259: 2024 (執行額 0 with a blank 執行率) is said to be unreported, as the canvas leaves it out', async () => {
    const c = budgetChart(await rsSample(7259))!;
    expect(c.table.rows[1]).toEqual(['2024（令和6）年度', 1_134_728_851_909, 0, null]);
    expect(c.canvas).toMatchObject({ executed: [2_681_240_189_398, null] });
    expect(c.summary).toContain('2023（令和5）年度 予算3.28兆円・執行2.68兆円（執行率81.8%）、2024（令和6）年度 予算1.13兆円・執行額は未報告（0と記載）。');
  });

  it('no sample chart says 執行0 or 執行— for a year the canvas leaves out', async () => {
    let gaps = 0;
    let zeros = 0;
    for (const s of [...(await rsSamples()), ...(await judgitSamples()), await textSample('000_ef263abaeb28aada.txt')]) {
      const c = budgetChart(s);
      if (!c || c.canvas?.kind !== 'budget') continue;
      const canvas = c.canvas;
      expect(c.summary, s.id).not.toMatch(/執行(0|—)/);
      gaps += canvas.executed.filter((v, i) => v === null && canvas.budget[i] !== null).length;
      zeros += c.summary.split('執行額は未報告（0と記載）').length - 1;
    }
    // Years with a budget and no drawn execution (of them, 388 a 0 the sheet writes with no 執行率).
    expect([gaps, zeros]).toEqual([528, 388]);
  });
});

describe('indicator charts', () => {
  it('activity: 当初見込み vs 活動実績 by year, plan columns labelled as the sheet does', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = activityChart(s.activities[0]!, 0)!;
    expect(c.id).toBe('activity-1');
    expect(c.table.rows.slice(0, 3)).toEqual([
      ['2019（令和元）年度', 500, 1000],
      ['2020（令和2）年度', 600, 1200],
      ['2021（令和3）年度', 1000, 2000],
    ]);
    expect(c.table.rows[3]![0]).toMatch(/^2022（令和4）年度 4年度/);
    expect(c.table.columns.map((col) => col.unit ?? null)).toEqual([null, '件', '件']);
  });

  it('outcome: target vs actual with 達成度; a repeated year (目標最終年度) gets its own label', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = outcomeChart(s.outcomes[0]!, 0)!;
    expect(c.table.rows[1]).toEqual(['2020（令和2）年度', 25, 35, 1.4]);
    expect(c.table.rows[2]).toEqual(['2021（令和3）年度', 26, 37, 1.42]);
    const labels = c.table.rows.map((r) => r[0]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[3]).toBe('2021（令和3）年度 目標最終年度 3 年度');
    expect(c.summary).toContain('達成度142%（目標達成）');
    expect(csvRow(c.table.columns, c.table.rows[2]!)).toEqual(['2021（令和3）年度', 26, 37, 142]);
  });
});

describe('payees', () => {
  it('marks single-bidder and 落札率 ≥ 95% in words', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = topPayeesChart(s)!;
    expect(c.table.rows[0]).toEqual([1, '株式会社日立製作所', 'A', 175_000_000, '一般競争契約 (総合評価)', 1, 0.983, '一者応札・落札率95%以上']);
    expect(c.table.rows[1]?.[1]).toBe('株式会社KDDI総合研究所');
    expect(c.table.rows[2]).toEqual([3, '株式会社エヌ・ティ・ティ・データ経営研究所', 'E', 20_000_000, '一般競争契約 (総合評価)', 3, 0.9, null]);
    expect(c.table.rows).toHaveLength(10);
    expect(payeeMarks({ bidders: 2, winningBidRate: 0.975 })).toEqual(['落札率95%以上']);
    expect(payeeMarks({ bidders: 3, winningBidRate: 0.682 })).toEqual([]);
    expect(payeeMarks({ bidders: null, winningBidRate: null })).toEqual([]);
  });
});

describe('flow of money', () => {
  it('text sheet: weighted by block totals and stated edge amounts, every payee in the table', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = flowChart(s)!;
    expect(c.canvas?.kind).toBe('sankey');
    if (c.canvas?.kind !== 'sankey') throw new Error('not sankey');
    expect(c.canvas.weighted).toBe(true);
    const toA = c.canvas.flows.find((f) => f.from === 'ministry' && f.to === 'block:A');
    expect(toA?.flow).toBe(175_000_000);
    // Every payee is in the table even when the canvas groups the smallest into "その他".
    const payeeRows = c.table.rows.filter((r) => r[3] === '支出先');
    expect(payeeRows).toHaveLength(s.payees.length);
    expect(c.table.rows.some((r) => r[0] === '総務省' && r[1] === 'A. (株)日立製作所' && r[2] === 175_000_000)).toBe(true);
    expect(c.notes.join('')).toContain('推定');
  });

  it('RS with table 5-1: widths are the block totals (ID 1775, スポーツ庁)', async () => {
    const s = await rsSample(1775);
    const c = flowChart(s)!;
    if (c.canvas?.kind !== 'sankey') throw new Error('not sankey');
    expect(c.canvas.weighted).toBe(true);
    const edge = (from: string, to: string) => c.canvas!.kind === 'sankey' && c.canvas!.flows.find((f) => f.from === from && f.to === to);
    expect(edge('ministry', 'block:A')).toEqual({ from: 'ministry', to: 'block:A', flow: 25_269_432_000, amount: 25_269_432_000, unstated: false });
    expect(edge('block:A', 'block:D')).toMatchObject({ flow: 9_603_774_000, unstated: false });
    expect(c.canvas.flows.some((f) => f.unstated)).toBe(false);
    expect(c.notes.join('')).not.toContain('灰色');
    // D (スポーツ振興助成事業) is paid by A, so it sits a column further right than A.
    const col = (k: string) => c.canvas!.kind === 'sankey' ? c.canvas!.nodes.find((n) => n.key === k)?.column : undefined;
    expect(col('block:A')).toBe(1);
    expect(col('block:D')).toBe(2);
    expect(col('block:J')).toBe(3);
  });

  it('a block paid by two blocks does not say how its total splits: those edges are thin, grey and named (ID 140, block AC)', async () => {
    const s = await rsSample(140);
    expect(s.flows.filter((f) => f.to === 'AC').map((f) => f.from)).toEqual(['B', 'Q']);
    const c = flowChart(s)!;
    if (c.canvas?.kind !== 'sankey') throw new Error('not sankey');
    const toAC = c.canvas.flows.filter((f) => f.to === 'block:AC');
    expect(toAC.map((f) => [f.from, f.amount, f.unstated])).toEqual([['block:B', null, true], ['block:Q', null, true]]);
    const widest = Math.max(...c.canvas.flows.map((f) => f.flow));
    for (const f of toAC) expect(f.flow).toBeLessThan(widest / 100);
    expect(c.notes.join('')).toContain('灰色の細い線（2本）は金額の記載がない流れです');
    expect(c.table.rows.filter((r) => String(r[1]).startsWith('AC.')).map((r) => [r[2], r[3]])).toEqual([[null, '金額の記載なし'], [null, '金額の記載なし']]);
  });

  it('a block that pays itself (ID 6433, C → C, 支出委任): the loop is in the table, not drawn; C keeps its total', async () => {
    const c = flowChart(await rsSample(6433))!;
    if (c.canvas?.kind !== 'sankey') throw new Error('not sankey');
    expect(c.canvas.flows.some((f) => f.from === f.to)).toBe(false);
    expect(c.canvas.flows.find((f) => f.to === 'block:C')).toMatchObject({ from: 'ministry', amount: 25_520_000, unstated: false });
    const loop = c.table.rows.find((r) => r[0] === 'C. 厚生労働省' && r[1] === 'C. 厚生労働省')!;
    expect(loop[3]).toBe('金額の記載なし・同じブロック内の流れ（図には描いていません）');
  });

  it('the paying organisation as 5-2 names it: 総務省 for the 消防庁 sheet ID 840', async () => {
    const s = await rsSample(840);
    expect(s.ministry).toBe('消防庁');
    expect(new Set(s.flows.filter((f) => f.from === 'ministry').map((f) => f.sourceName))).toEqual(new Set(['総務省']));
    const c = flowChart(s)!;
    if (c.canvas?.kind !== 'sankey') throw new Error('not sankey');
    expect(c.canvas.nodes.find((n) => n.key === 'ministry')!.label).toBe('総務省');
    expect(c.table.rows[0]![0]).toBe('総務省');
  });

  it('no amount anywhere (ID 4: no block totals, payees without amounts): no Sankey, a note, the table keeps every edge', async () => {
    const s = await rsSample(4);
    const c = flowChart(s)!;
    expect(c.canvas).toBeNull();
    expect(c.notes[0]).toContain('図は描かず');
    expect(c.table.rows.slice(0, 2).map((r) => [r[0], r[2], r[3]])).toEqual([['デジタル庁', null, '金額の記載なし・予算の配分'], ['デジタル庁', null, '金額の記載なし・予算の移替']]);
  });

  it("the page's twin: block edges, then one row per block for its payees (count, exact sum); the CSV keeps every payee edge", async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const c = flowChart(s)!;
    const page = c.pageTable!.rows;
    // 14 block edges and 14 payee blocks (24 payees) on the page; 14 + 24 edges in the CSV.
    expect([page.length, c.table.rows.length, s.payees.length]).toEqual([28, 38, 24]);
    expect(page.slice(0, 14)).toEqual(c.table.rows.slice(0, 14));
    expect(page[14]).toEqual(['A. (株)日立製作所', 'ブロックAの支出先（1者）', 175_000_000, '各支出先は「支出先」の表']);
    // No payee's name and amount are repeated in the page's twin (they are in the 支出先 tables).
    const names = new Set(s.payees.map((p) => p.name));
    expect(page.filter((r) => names.has(String(r[1])))).toEqual([]);
    expect(c.notes).toContain('表では支出先をブロックごとに1行（金額はその計）にまとめています。図に描いた支出先それぞれへの金額は「支出先」の表とこの図のCSVにあります。');
    expect(c.notes).toContain('図には支出額の大きい20者を描き、残り4者は「その他の支出先」にまとめています。');
  });

  it("the page's twin of a sheet with continuation pages sums each block exactly (ID 140: 174 payees in 33 blocks)", async () => {
    const s = await rsSample(140);
    const c = flowChart(s)!;
    const payeeRows = c.pageTable!.rows.filter((r) => /^ブロック.+の支出先（\d+者）$/.test(String(r[1])));
    expect(payeeRows).toHaveLength(33);
    expect(payeeRows.reduce((n, r) => n + Number(/（(\d+)者）/.exec(String(r[1]))![1]), 0)).toBe(174);
    const ae = payeeRows.find((r) => r[1] === 'ブロックAEの支出先（11者）')!;
    expect(ae).toEqual([
      'AE. バーチャルエコノミー拡大に向けた基盤技術・ルールの整備',
      'ブロックAEの支出先（11者）',
      684_203_000,
      '各支出先は「支出先」の表（続きのページを含む）',
    ]);
    expect(s.payees.filter((p) => p.block === 'AE').reduce((sum, p) => sum + BigInt(p.amount!), 0n)).toBe(684_203_000n);
    // The CSV still has each of AE's 11 payee edges.
    expect(c.table.rows.filter((r) => String(r[0]).startsWith('AE. ') && String(r[3]).startsWith('支出先'))).toHaveLength(11);
  });

  it("the page's twin never reads a blank as 0: no sum when a payee's amount is unstated (ID 4; ID 140 with one amount blanked)", async () => {
    const unstated = flowChart(await rsSample(4))!.pageTable!.rows.find((r) => r[1] === 'ブロックAの支出先（1者）');
    expect(unstated).toEqual(['A. デジタル庁', 'ブロックAの支出先（1者）', null, '金額の記載なし。各支出先は「支出先」の表']);
    const s = await rsSample(140);
    const blanked = { ...s, payees: s.payees.map((p) => (p.block === 'AE' && p.rank === 3 ? { ...p, amount: null } : p)) };
    const ae = flowChart(blanked)!.pageTable!.rows.find((r) => r[1] === 'ブロックAEの支出先（11者）')!;
    expect(ae.slice(2)).toEqual([null, '1者は金額の記載なし（計は示していません）。各支出先は「支出先」の表（続きのページを含む）']);
  });

  it('every chart of a sheet has a distinct id (its CSV file name)', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const ids = listSheetCharts(s).map((c) => c.id);
    expect(ids).toEqual(['budget', 'activity-1', 'outcome-1', 'flow', 'payees']);
  });
});
