/**
 * The logic model of an RS sheet (table 3-2 目標のつながり) as a tree for reading: アクティビティ →
 * アウトプット → 短期・中期・長期アウトカム. The sheet states links (派生元 → 派生先); a step is the same
 * step wherever its 種別 and 番号 (or, without a number, its text) recur. Roots are the steps no link
 * leads to, in the sheet's order. A step reached a second time is shown as a reference, not expanded
 * again, so a model whose links join or loop still gives a finite list; steps only reachable through a
 * loop become roots themselves, so every link appears once in the tree.
 */
import type { LogicLink, LogicNode } from '../../schema/sheet.ts';
import { html, noneHtml, textHtml, type Html } from '../markup/html.ts';

export interface LogicTreeNode {
  node: LogicNode;
  /** The link that leads here from the parent; `null` for a root. */
  via: LogicLink | null;
  /** `true` when this step is expanded elsewhere in the tree (its children are there). */
  repeated: boolean;
  children: LogicTreeNode[];
}

export function logicNodeKey(n: LogicNode): string {
  return `${n.kind ?? ''}\u0000${n.number ?? `\u0001${n.text ?? ''}`}`;
}

export function logicTree(links: readonly LogicLink[]): LogicTreeNode[] {
  const out = new Map<string, LogicLink[]>();
  const nodes = new Map<string, LogicNode>();
  const targets = new Set<string>();
  for (const l of links) {
    const from = logicNodeKey(l.from);
    const to = logicNodeKey(l.to);
    if (!nodes.has(from)) nodes.set(from, l.from);
    if (!nodes.has(to)) nodes.set(to, l.to);
    targets.add(to);
    out.set(from, [...(out.get(from) ?? []), l]);
  }
  const expanded = new Set<string>();
  const grow = (node: LogicNode, via: LogicLink | null): LogicTreeNode => {
    const key = logicNodeKey(node);
    if (expanded.has(key)) return { node, via, repeated: (out.get(key) ?? []).length > 0, children: [] };
    expanded.add(key);
    return { node, via, repeated: false, children: (out.get(key) ?? []).map((l) => grow(l.to, l)) };
  };
  const roots: LogicTreeNode[] = [];
  for (const [key, node] of nodes) if (!targets.has(key)) roots.push(grow(node, null));
  // Steps inside a loop that no root reaches.
  for (const [key, node] of nodes) if (!expanded.has(key) && out.has(key)) roots.push(grow(node, null));
  return roots;
}

/** "アウトカム（短期）3" — how a step is named in the list and the table. */
export function logicNodeLabel(n: LogicNode): string {
  return `${n.kind ?? '（種別の記載なし）'}${n.term ? `（${n.term}）` : ''}${n.number ? ` ${n.number}` : ''}`;
}

function kindClass(kind: string | null): string {
  return kind === 'アクティビティ' ? 'logic-activity' : kind === 'アウトプット' ? 'logic-output' : kind === 'アウトカム' ? 'logic-outcome' : 'logic-other';
}

/**
 * One step of the list and the steps under it. `listed` collects, in the list's order, the text each step
 * is shown with where the list first reaches it (a big model reaches a step several times; its text is
 * written once), which the table twin then compares with each row's wording.
 */
function itemHtml(t: LogicTreeNode, listed: Map<string, string | null>): Html {
  const via = t.via;
  const key = logicNodeKey(t.node);
  const again = listed.has(key);
  if (!again) listed.set(key, t.node.text);
  return html`<li>${via?.connection ? html`<p class="logic-connection">つながり: ${textHtml(via.connection, true)}</p>` : ''}${
    via?.singleStageReason ? html`<p class="logic-connection">アウトカムを複数段階で設定できない理由: ${textHtml(via.singleStageReason, true)}</p>` : ''
  }<p class="logic-step"><span class="logic-kind ${kindClass(t.node.kind)}">${logicNodeLabel(t.node)}</span> ${
    again ? html`<span class="muted">（${t.repeated ? '内容とこの先' : '内容'}は上に記載）</span>` : textHtml(t.node.text, true)
  }${!again && t.repeated ? html` <span class="muted">（この先は上に記載）</span>` : ''}</p>${
    t.children.length > 0 ? html`<ul class="logic-tree">${t.children.map((c) => itemHtml(c, listed))}</ul>` : ''
  }</li>`;
}

/**
 * The logic model, from one walk of its tree:
 * - `list`: nested lists, each step under the step it comes from, with the link's texts above it;
 * - `rows`: the links as the sheet states them, one table row each (the list's table twin): each end by
 *   its name (アクティビティ 11), whose text the list states once; an end is named by its text too when it
 *   has no 番号, or when this row states another text for the same step than the list shows (the sheet
 *   may word one step differently on two rows: each wording stays on the page). The link's own texts
 *   (つながり, the single-stage reason) are in the list, each under its link.
 */
export function logicModelHtml(links: readonly LogicLink[]): { list: Html; rows: Html } {
  const listed = new Map<string, string | null>();
  const list = html`<ul class="logic-tree">${logicTree(links).map((t) => itemHtml(t, listed))}</ul>`;
  const end = (n: LogicNode) =>
    n.number && listed.get(logicNodeKey(n)) === n.text ? logicNodeLabel(n) : html`${logicNodeLabel(n)} ${textHtml(n.text, true)}`;
  const mark = (t: string | null) => (t ? '記載あり（上の一覧）' : noneHtml);
  const rows = html`${links.map((l) => html`<tr><td>${end(l.from)}</td><td>${end(l.to)}</td><td>${mark(l.connection)}</td><td>${mark(l.singleStageReason)}</td></tr>`)}`;
  return { list, rows };
}
