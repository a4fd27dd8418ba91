/**
 * Money flows between blocks. Text exports carry the 資金の流れ diagram only as an image, so edges are
 * inferred (schema: flow.inferred):
 * - a 費目・用途 line whose 費目 passes money on (外部委託費, 再委託費, 委託費, 請負費, 補助金 …) and whose
 *   用途 names a party is a subcontract line: `subcontractor` is set to that name;
 * - when block Y's subcontract line names block X's payee (X's own name or a payee in X's top-10 list),
 *   Y → X is an edge; its amount is the sum of Y's lines naming X's payees, as stated;
 * - a block that no other block's line names is taken to be paid by the ministry: "ministry" → X, with
 *   no amount (the block's total applies).
 * Names are compared after normalising legal-form marks: 株式会社 = (株), 一般社団法人 = (一社) …
 */
import type { Block, Flow, PayeeInput } from '../../../../src/schema/sheet.ts';

/** Legal-form words and their abbreviations, removed before names are compared. */
const LEGAL_FORMS = [
  '国立研究開発法人', '独立行政法人', '地方独立行政法人', '国立大学法人', '公立大学法人', '大学共同利用機関法人',
  '一般社団法人', '一般財団法人', '公益社団法人', '公益財団法人', '社団法人', '財団法人', '特定非営利活動法人',
  'NPO法人', '学校法人', '社会福祉法人', '医療法人', '宗教法人', '株式会社', '有限会社', '合同会社', '合資会社',
  '合名会社', '(株)', '(有)', '(同)', '(資)', '(名)', '(一社)', '(一財)', '(公社)', '(公財)', '(社)', '(財)',
  '(独)', '(研)', '(国研)', '(学)', '(福)', '(医)', '(特非)', '(NPO)',
];

export function normalizeName(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  for (const f of LEGAL_FORMS) s = s.split(f.toLowerCase()).join('');
  return s;
}

/** 費目 that pass money to another party. */
const PASS_ON = /委託|請負|補助|交付|負担金|助成/;

/** Words that mark a name as an organisation (用途 of a subcontract line names a party). */
const ORGANISATION = /株式会社|有限会社|合同会社|法人|\((?:株|有|同|一社|一財|公社|公財|社|財|独|研|国研|学|福|医)\)|(?:大学|研究所|研究機構|機構|協会|協議会|会議所|組合|連合会|センター|事業団|公社|財団|学会|病院)$/;

/**
 * Sets `subcontractor` on subcontract lines: a pass-on 費目 whose 用途 is a known payee/block name or
 * looks like an organisation's name.
 */
export function markSubcontracts(blocks: Block[], payees: PayeeInput[]): void {
  const known = new Set<string>([...blocks.map((b) => b.name ?? ''), ...payees.map((p) => p.name)].filter(Boolean).map(normalizeName));
  for (const b of blocks) {
    for (const e of b.expenses) {
      if (!e.category || !e.purpose || !PASS_ON.test(e.category)) continue;
      const p = e.purpose.normalize('NFKC').trim();
      if (known.has(normalizeName(p)) || ORGANISATION.test(p)) e.subcontractor = e.purpose;
    }
  }
}

export function inferFlows(blocks: Block[], payees: PayeeInput[]): Flow[] {
  // Name → block; block names first, then payees, so a block's own name wins over another's list.
  const owner = new Map<string, string>();
  for (const b of blocks) if (b.name && !owner.has(normalizeName(b.name))) owner.set(normalizeName(b.name), b.id);
  for (const p of payees) if (!owner.has(normalizeName(p.name))) owner.set(normalizeName(p.name), p.block);

  const edges = new Map<string, Flow>(); // "Y→X"
  for (const y of blocks) {
    for (const e of y.expenses) {
      if (!e.subcontractor) continue;
      const x = owner.get(normalizeName(e.subcontractor));
      if (!x || x === y.id) continue;
      const key = `${y.id}→${x}`;
      const edge = edges.get(key) ?? { from: y.id, to: x, amount: 0, inferred: true, note: null, sourceName: null };
      edge.amount = edge.amount === null || e.amount === null ? null : edge.amount + e.amount;
      edges.set(key, edge);
    }
  }
  const flows: Flow[] = [];
  for (const x of blocks) {
    const incoming = [...edges.values()].filter((f) => f.to === x.id);
    if (incoming.length) flows.push(...incoming);
    else flows.push({ from: 'ministry', to: x.id, amount: null, inferred: true, note: null, sourceName: null });
  }
  return flows;
}
