/**
 * The flow chart of a sheet's money (資金の流れ): a Sankey from the ministry through its blocks to the
 * payees, and the table of every edge (the CSV's) with the page's shorter twin.
 */
import type { Flow, Payee, Sheet } from '../../schema/sheet.ts';
import { payeesByAmount } from './summary.ts';
import { PAYEES_ON_PAGE } from './payee-pages.ts';
import type { Cell, ChartData, Column } from './chart-spec.ts';

/**
 * The sum of yen amounts when every one is stated (null when any is not: a blank is never read as 0),
 * added exactly (BigInt) and null too when it would not be an exact number.
 */
function statedSum(amounts: readonly (number | null)[]): number | null {
  let sum = 0n;
  for (const a of amounts) {
    if (a === null) return null;
    sum += BigInt(a);
  }
  const n = Number(sum);
  return Number.isSafeInteger(n) ? n : null;
}

/** Payee nodes drawn in the flow chart; the rest are gathered into one "その他" node. */
export const SANKEY_MAX_PAYEES = 20;

/**
 * The flow of money: ministry → blocks (→ blocks) → payees. Edge amounts: the flow's own amount, else the
 * target block's total (schema: "otherwise the target block's total applies") when that block has only
 * this one incoming edge — a block paid by several sources does not say how its total splits, so those
 * edges have no amount; payee edges use the payee's amount.
 *
 * Widths are money, never a placeholder that reads as money: an edge whose amount the source does not
 * state is drawn as a thin grey line of nominal width (`unstated`), named in a note, with "金額の記載なし" in
 * the table and tooltip. When no edge at all has an amount (e.g. an RS download without table 5-1, which
 * holds the block totals), no Sankey is drawn: equal bands would read as equal money, and the table
 * twin already lists every connection.
 */
export function flowChart(sheet: Sheet): ChartData | null {
  const blockIds = new Set(sheet.blocks.map((b) => b.id));
  for (const p of sheet.payees) blockIds.add(p.block);
  for (const f of sheet.flows) {
    if (f.from !== 'ministry') blockIds.add(f.from);
    blockIds.add(f.to);
  }
  if (blockIds.size === 0) return null;
  const blockById = new Map(sheet.blocks.map((b) => [b.id, b]));
  const blockLabel = (id: string) => {
    const name = blockById.get(id)?.name;
    return name ? `${id}. ${name}` : `ブロック${id}`;
  };

  // Blocks no flow reaches are paid by the ministry (schema: "blocks named nowhere are taken to be paid by the ministry").
  const edges = [...sheet.flows];
  const reached = new Set(edges.map((f) => f.to));
  for (const id of blockIds) if (!reached.has(id)) edges.push({ from: 'ministry', to: id, amount: null, inferred: sheet.flows.length > 0, note: null, sourceName: null });

  // Columns: ministry 0, blocks by depth, payees last.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string> = new Set()): number => {
    if (id === 'ministry') return 0;
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 1;
    seen.add(id);
    const parents = edges.filter((e) => e.to === id).map((e) => depthOf(e.from, seen));
    const d = (parents.length ? Math.max(...parents) : 0) + 1;
    depth.set(id, d);
    return d;
  };
  for (const id of blockIds) depthOf(id);
  const maxDepth = Math.max(1, ...depth.values());

  // A block that 5-2 says pays itself (C → C: a payee passing money on within its block) is not another
  // source of the block's money; the Sankey cannot draw a loop, so that edge is only in the table.
  const selfLoop = (e: Flow) => e.from === e.to;
  const incoming = (id: string) => edges.filter((x) => x.to === id && !selfLoop(x)).length;
  const blockEdges = edges.map((e) => {
    const total = blockById.get(e.to)?.total ?? null;
    const fromTotal = e.amount === null && total !== null && incoming(e.to) === 1 && !selfLoop(e);
    const amount = e.amount ?? (fromTotal ? total : null);
    return {
      from: e.from === 'ministry' ? 'ministry' : `block:${e.from}`,
      to: `block:${e.to}`,
      amount,
      inferred: e.inferred,
      note: [fromTotal ? 'ブロックの計' : amount === null ? '金額の記載なし' : '', selfLoop(e) ? '同じブロック内の流れ（図には描いていません）' : '', e.note ?? '']
        .filter(Boolean)
        .join('・'),
      loop: selfLoop(e),
    };
  });

  const ranked = payeesByAmount(sheet.payees);
  const drawn = new Set(ranked.slice(0, SANKEY_MAX_PAYEES));
  const payeeKey = (p: Payee) => `payee:${p.block}-${p.rank}`;
  const payeeEdges = sheet.payees.map((p) => ({
    from: `block:${p.block}`,
    to: drawn.has(p) ? payeeKey(p) : 'payee:others',
    amount: p.amount,
    payee: p,
  }));
  const othersCount = sheet.payees.length - drawn.size;

  // The paying organisation as 5-2 names it when it names one (総務省 for a 消防庁 sheet), else the ministry.
  const sourceNames = [...new Set(sheet.flows.map((f) => f.sourceName).filter((n): n is string => n !== null))];
  const ministryLabel = sourceNames.length > 0 ? sourceNames.join('・') : sheet.ministry;
  const nodes: { key: string; label: string; column: number }[] = [{ key: 'ministry', label: ministryLabel, column: 0 }];
  for (const id of blockIds) nodes.push({ key: `block:${id}`, label: blockLabel(id), column: depth.get(id) ?? 1 });
  for (const p of sheet.payees) if (drawn.has(p)) nodes.push({ key: payeeKey(p), label: p.name, column: maxDepth + 1 });
  if (othersCount > 0) nodes.push({ key: 'payee:others', label: `その他の支出先（${othersCount}者）`, column: maxDepth + 1 });

  const stated = [...blockEdges, ...payeeEdges].map((e) => e.amount).filter((a): a is number => a !== null && a > 0);
  const weighted = stated.length > 0;
  // A nominal width for unstated edges: thinner than the smallest stated amount and a sliver of the largest.
  const hairline = weighted ? Math.max(1, Math.min(Math.min(...stated) / 4, Math.max(...stated) / 200)) : 1;
  type CanvasFlow = { from: string; to: string; flow: number; amount: number | null; unstated: boolean };
  const canvasFlows: CanvasFlow[] = [];
  for (const e of blockEdges) {
    if (e.loop) continue;
    if (e.amount !== null && e.amount <= 0) continue; // a stated 0 has no width to draw; the table keeps it
    canvasFlows.push({ from: e.from, to: e.to, flow: e.amount ?? hairline, amount: e.amount, unstated: e.amount === null });
  }
  // Payees folded into "その他": the stated part is money; if none is stated the edge is unstated.
  const merged = new Map<string, CanvasFlow & { known: number; missing: boolean }>();
  for (const e of payeeEdges) {
    if (e.amount !== null && e.amount <= 0) continue;
    const k = `${e.from}→${e.to}`;
    const m = merged.get(k) ?? { from: e.from, to: e.to, flow: 0, amount: null, unstated: true, known: 0, missing: false };
    if (e.amount === null) m.missing = true;
    else m.known += e.amount;
    merged.set(k, m);
  }
  for (const m of merged.values()) {
    const unstated = m.known === 0;
    canvasFlows.push({ from: m.from, to: m.to, flow: unstated ? hairline : m.known, amount: m.missing ? null : m.known, unstated });
  }
  const usedKeys = new Set(canvasFlows.flatMap((f) => [f.from, f.to]));
  const unstatedCount = canvasFlows.filter((f) => f.unstated).length;

  const nameOf = (key: string) => nodes.find((n) => n.key === key)?.label ?? key;
  const rows: Cell[][] = [
    ...blockEdges.map((e) => [nameOf(e.from), nameOf(e.to), e.amount, [e.inferred ? '推定' : '', e.note].filter(Boolean).join('・') || null]),
    ...payeeEdges.map((e) => [nameOf(e.from), e.payee.name, e.amount, e.amount === null ? '支出先・金額の記載なし' : '支出先']),
  ];
  // The page's twin: the block edges, and one row per block for its payees (issue 18: each payee's name
  // and amount are on the page once, in that block's 支出先 table; the CSV keeps every payee edge here).
  // Grouped here, not with aggregate.ts groupBy: this module is in the browser's CSV code, and aggregate.ts
  // imports Node-only code (ministry.ts, node:crypto; tests/unit/boundaries.test.ts).
  // With the position of each block's last payee in the sheet's order (where its table ends).
  const payeesByBlock = new Map<string, { payees: Payee[]; last: number }>();
  sheet.payees.forEach((p, i) => {
    const group = payeesByBlock.get(p.block);
    if (group) {
      group.payees.push(p);
      group.last = i;
    } else payeesByBlock.set(p.block, { payees: [p], last: i });
  });
  const pageRows: Cell[][] = [
    ...rows.slice(0, blockEdges.length),
    ...[...payeesByBlock].map(([block, { payees, last }]): Cell[] => {
      const total = statedSum(payees.map((p) => p.amount));
      const unstated = payees.filter((p) => p.amount === null).length;
      // The block's table starts on the sheet page or, for a payee past its first ones, a continuation page.
      const continued = last >= PAYEES_ON_PAGE ? '（続きのページを含む）' : '';
      // Short: a block's row repeats on sheets with dozens of blocks; the figure's note says the rest once.
      const where = `各支出先は「支出先」の表${continued}`;
      return [
        nameOf(`block:${block}`),
        `ブロック${block}の支出先（${payees.length}者）`,
        total,
        unstated === payees.length ? `金額の記載なし。${where}` : unstated > 0 ? `${unstated}者は金額の記載なし（計は示していません）。${where}` : where,
      ];
    }),
  ];
  const flowColumns: Column[] = [
    { key: 'from', label: '支出元', kind: 'text' },
    { key: 'to', label: '支出先', kind: 'text', rowHeader: true },
    { key: 'amount', label: '金額', kind: 'yen' },
    { key: 'note', label: '備考', kind: 'text' },
  ];
  const notes: string[] = [];
  if (!weighted) {
    const zeros = [...blockEdges, ...payeeEdges].some((e) => e.amount === 0);
    notes.push(
      zeros
        ? '記載された金額がすべて0円か記載なしのため、図は描かず、つながりを表に示しています。'
        : '資金の流れの金額の記載がないため、図は描かず、つながりを表に示しています（同じ太さの線は同じ金額と読めてしまうため）。',
    );
  }
  else if (unstatedCount > 0) {
    notes.push(`灰色の細い線（${unstatedCount}本）は金額の記載がない流れです（太さは金額を表しません）。`);
  }
  if (blockEdges.some((e) => e.inferred)) notes.push('「推定」の流れは、シートの資金の流れの図が画像のため、費目・使途の外部委託先の名前などから推定したものです。');
  if (sheet.payees.length > 0) {
    notes.push(
      `表では支出先をブロックごとに1行（金額はその計）にまとめています。${weighted ? '図に描いた' : ''}支出先それぞれへの金額は「支出先」の表とこの図のCSVにあります。`,
    );
  }
  if (othersCount > 0 && weighted) notes.push(`図には支出額の大きい${drawn.size}者を描き、残り${othersCount}者は「その他の支出先」にまとめています。`);
  const topBlocks = blockEdges.filter((e) => e.from === 'ministry');
  return {
    id: 'flow',
    title: '資金の流れ',
    caption: '資金の流れ：支出元から支出先への金額（百万円）',
    summary: `${sheet.ministry}から${topBlocks.length}のブロックへ、さらに${sheet.payees.length}者の支出先への資金の流れ${weighted ? 'の図（サンキー図）' : ''}。${
      !weighted ? '金額の記載がないため、図はなく表だけです。' : unstatedCount > 0 ? '線の太さは金額を表します（灰色の細い線は金額の記載なし）。' : '線の太さは金額を表します。'
    }`,
    table: {
      columns: flowColumns,
      rows,
    },
    pageTable: sheet.payees.length > 0 ? { columns: flowColumns, rows: pageRows } : undefined,
    canvas:
      weighted && canvasFlows.length
        ? { kind: 'sankey', nodes: nodes.filter((n) => usedKeys.has(n.key)), flows: canvasFlows, weighted }
        : null,
    notes,
  };
}
