/**
 * The searchable text of each indexed page, made from the record's own values (issue 16): what the page's
 * `data-pagefind-body` shows a reader, minus what it marks `data-pagefind-ignore`, in the page's order.
 * The search indexer (scripts/search-index/page-source.ts) indexes this instead of reading the rendered
 * HTML back; tests/site/search-text.test.ts checks, for every indexed page of the sample site, that this
 * text and the built page's indexed text are the same after whitespace is removed (the search's own
 * normalisation, src/shared/search/tokens.ts), so the two cannot drift apart unseen.
 *
 * Each piece is made by the same helper the page uses (labels from src/i18n/ja.ts, values from
 * src/shared/format.ts and src/shared/era.ts, table bodies from src/lib/view/table-rows.ts …), so a rule
 * of formatting is still written once. Where the page inserts markup made as a string (Html: table rows,
 * amounts, marks), its text is that markup's text (markupText): it is our own escaped markup, never the
 * page's. What this module writes by hand is the page's fixed wording and structure; when a component's
 * wording changes, the drift test names the page and the first place the two differ.
 *
 * Whitespace is free: the search ignores it (normalizeForMatch), so pieces are joined by one space; the
 * display text (result excerpts) is the same text with whitespace collapsed.
 *
 * What the sheet states is indexed, with the labels that name it; what the site writes about it is not
 * (data-pagefind-ignore on the page): the ten-second summary, which restates the sheet's own figures and
 * names in the site's words; the charts' notes; the legend of the 注意 marks; the warnings section's
 * explanation. Each was on nearly every page, ≈ 13 % of a JUDGIT sheet's indexed text, and a search for
 * its wording would find every sheet (issue 18: the index and its excerpt text grow with every character).
 */
import { decodeXML } from 'entities';
import type { Check, Outcome, Payee, Sheet } from '../../schema/sheet.ts';
import { fiscalYearLabel } from '../../shared/era.ts';
import { formatNumber, formatPercentShort, NONE } from '../../shared/format.ts';
import { ui, warningCodeNames } from '../../i18n/ja.ts';
import {
  amountHtml,
  fiscalYearHtml,
  numHtml,
  textHtml,
  type Html,
} from '../markup/html.ts';
import type { PageKind } from '../../shared/search/page-kind.ts';
import type { RelatedProjectResolver } from './aggregate.ts';
import { groupBy } from '../../shared/group-by.ts';
import { budgetItemGrid, itemText } from './budget-items.ts';
import { columnHeader, type ChartData } from './chart-spec.ts';
import { sheetCharts } from './sheet-charts.ts';
import { logicModelHtml } from './logic-model.ts';
import { basicsFields, findingFields } from './sheet-fields.ts';
import { blocksOnOwnPage, PAYEES_ON_PAGE, payeeParts } from './payee-pages.ts';
import {
  BUDGET_TABLE_ROWS,
  blockExpenseRows,
  budgetItemGroupRows,
  budgetTableRows,
  chartTableRows,
  indirectCostRows,
  multiYearContractRows,
  payeeRows,
  warningLinks,
} from './table-rows.ts';
import { numberWarnings, refersTo, warningsForAnchor, SECTION_ANCHORS, type NumberedWarning } from './warnings.ts';

/** Tags a reader sees as a break (cells, rows, lines, list items …): a space in the display text. */
const BREAK_TAGS = new Set(['br', 'td', 'th', 'tr', 'tbody', 'thead', 'table', 'li', 'ul', 'ol', 'p', 'div', 'dl', 'dt', 'dd', 'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG = /<\/?([a-z][a-z0-9]*)[^>]*>/g;
const breakOrNothing = (_tag: string, name: string) => (BREAK_TAGS.has(name) ? ' ' : '');

/**
 * The text of markup this project built as a string (src/lib/markup/html.ts escapes every value it
 * interpolates, so `<` and `>` occur only in tags): tags removed (a space where a reader sees a break),
 * character references decoded. Its escapes are entities' escapeUTF8 (&amp; &lt; &gt; &quot; &apos;) and
 * its literal markup names no other entity, so XML's decoder is the whole rule: the search page makes
 * excerpts with this module in the browser (src/client/search/record-text.ts), where HTML's table of
 * named references would cost ≈ 10 KB of script after gzip.
 */
export function markupText(h: Html): string {
  const text = h.value.replace(TAG, breakOrNothing);
  // Most cells hold no character reference: decoding is skipped for them (it is ≈ a third of this function).
  return text.includes('&') ? decodeXML(text) : text;
}

/** Collects a page's indexed text in order. */
class TextWriter {
  readonly parts: string[] = [];
  add(...pieces: (string | number | Html | null | undefined | false)[]): this {
    for (const p of pieces) {
      if (p === null || p === undefined || p === false || p === '') continue;
      this.parts.push(typeof p === 'object' ? markupText(p) : String(p));
    }
    return this;
  }
  text(): string {
    return this.parts.join(' ');
  }
}

/**
 * What a sheet page's text needs besides the record. A related project without a title shows its 事業番号
 * as a link when the site has its sheet, else the blank mark: without the resolver (the indexer's worker
 * has no listing of every sheet) the blank mark is written there; the number is in the next cell anyway,
 * so the page is still found by it. No sample sheet has such a row (the drift test would name it).
 */
export interface SheetTextContext {
  resolveRelated?: RelatedProjectResolver;
}

/** One piece of searchable text, and its display form (whitespace collapsed). */
export interface SearchText {
  /** What the search indexes (whitespace is ignored by it). */
  indexText: string;
  /** The same text, whitespace collapsed, for excerpts. */
  text: string;
}

function searchText(w: TextWriter): SearchText {
  const indexText = w.text();
  return { indexText, text: indexText.replace(/\s+/g, ' ').trim() };
}

/** src/components/sheet/WarningNote.astro */
function warningNote(w: TextWriter, warnings: NumberedWarning[]): void {
  if (warnings.length === 0) return;
  w.add(`⚠ データの注意点（${warnings.length}件）`);
  for (const { n, warning } of warnings) w.add(warning.ref && `［${warning.ref}］`, warning.message, `（注意点${n}）`);
}

/** src/components/sheet/Section.astro: the heading and the section's own warnings. */
function section(w: TextWriter, id: string, title: string, warnings: NumberedWarning[]): void {
  w.add(title);
  warningNote(w, warningsForAnchor(warnings, id));
}

/** src/components/charts/ChartFigure.astro (+ DataTable.astro): what of a chart is indexed. */
function chartFigure(w: TextWriter, chart: ChartData, opts: { twinCaption?: string; repeatsPage?: boolean } = {}): void {
  w.add(chart.title);
  // The chart sentence (no canvas), the twin note, the notes and the CSV button are data-pagefind-ignore.
  if (!opts.twinCaption && !opts.repeatsPage) {
    const table = chart.pageTable ?? chart.table;
    w.add(chart.caption);
    for (const c of table.columns) w.add(columnHeader(c));
    w.add(chartTableRows(table, { markColumns: ['marks'] }));
  }
}

/** src/components/sheet/BasicsSection.astro */
function basicsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'basics', ui.sections.basics, warnings);
  w.add('事業名', s.title);
  if (s.projectNumber !== null || s.rsProjectId === null) w.add('事業番号', s.projectNumber ?? NONE);
  if (s.rsProjectId !== null) w.add('予算事業ID', s.rsProjectId);
  const numberParts = s.projectNumberParts.map((p, i) => (p === null ? null : `${i + 1}: ${p}`)).filter((p) => p !== null).join('、');
  if (numberParts) w.add('事業番号の区分（JUDGIT 事業番号1〜5）', numberParts);
  w.add('府省庁', s.ministry, 'レビュー年度', fiscalYearHtml(s.fiscalYear));
  w.add('事業開始年度', s.startYearUnknown && s.startYear === null ? '開始年度不明' : fiscalYearHtml(s.startYear));
  w.add(s.startYearUnknown && s.startYear !== null && '（開始年度不明）');
  w.add('事業終了（予定）年度', s.noPlannedEnd && s.endYear === null ? '終了予定なし' : fiscalYearHtml(s.endYear));
  w.add(s.noPlannedEnd && s.endYear !== null && '（終了予定なし）');
  for (const [label, value, rich] of basicsFields(s)) w.add(label, rich ?? textHtml(value, true));
  w.add('実施方法', s.implementation.length ? s.implementation.join('、') : NONE);
  const rates = s.subsidyRates;
  if (rates.length > 0) {
    const withUrl = rates.some((r) => r.url !== null);
    w.add('補助率等', '補助対象', '補助率', '補助上限等', withUrl && '補助率URL');
    for (const r of rates) w.add(textHtml(r.target, true), textHtml(r.rate, true), textHtml(r.cap, true), withUrl && textHtml(r.url, true));
  }
}

/** src/components/sheet/PurposeSection.astro */
function purposeText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'purpose', ui.sections.purpose, warnings);
  w.add('事業の目的', textHtml(s.purpose));
  if (s.issues !== null) w.add('現状・課題', textHtml(s.issues));
  w.add('事業概要', textHtml(s.overview));
  if (s.overviewUrl !== null) w.add('事業概要URL:', textHtml(s.overviewUrl, true));
  if (s.activityDescription !== null) w.add('活動内容（アクティビティ）', textHtml(s.activityDescription));
}

/** src/components/sheet/BudgetSection.astro */
function budgetText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], chart: ChartData | null): void {
  section(w, 'budgets', ui.sections.budgets, warnings);
  const cols = [...s.budgets].sort((a, b) => a.year - b.year || Number(a.isRequest) - Number(b.isRequest));
  const caption = '予算額・執行額（単位: 百万円、執行率は%）';
  if (cols.length > 0) {
    const shown = BUDGET_TABLE_ROWS.filter((r) => !r.optional || cols.some((b) => r.get(b) !== null));
    w.add(caption);
    for (const b of cols) {
      w.add(fiscalYearLabel(b.year), b.isRequest && '要求', warnings.some((x) => refersTo(x, 'budgets', String(b.year))) && '⚠ 注意');
    }
    w.add(budgetTableRows(shown, cols));
  }
  if (chart) chartFigure(w, chart, { twinCaption: cols.length > 0 ? caption : undefined, repeatsPage: true });
}

/** src/components/sheet/BudgetItemsSection.astro */
function budgetItemsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'budget-items', ui.sections.budgetItems, warnings);
  const grid = budgetItemGrid(s.budgetItems);
  const byYear = grid.columns.some((c) => c.kind === null);
  const showItem = byYear && grid.groups.some((g) => g.rows.some((r) => r.item !== '計'));
  const showAccounts = grid.groups.some((g) => g.account !== null);
  const columnLabel = (c: (typeof grid.columns)[number]) => `${fiscalYearLabel(c.year)}${c.kind ? ` ${c.kind}` : ''}`;
  if (s.budgetItems.length > 0) {
    w.add(`予算内訳（単位: 百万円${byYear ? '、列は年度' : ''}）`, byYear ? '種別' : '歳出予算目・項目', showItem && '歳出予算目・項目');
    for (const c of grid.columns) w.add(columnLabel(c));
    const layout = { byYear, showItem, showAccounts, labels: grid.columns.map(columnLabel) };
    for (const g of grid.groups) w.add(budgetItemGroupRows(g, layout));
  }
  const organisations = [...new Set(s.budgetItems.map((i) => i.organisation).filter((o): o is string => o !== null))];
  if (organisations.length > 0) w.add(`所管 / 組織・勘定: ${organisations.join('、')}`);
  if (grid.notes.length > 0) {
    w.add('主な増減理由・備考');
    for (const n of grid.notes) {
      w.add(`${fiscalYearLabel(n.year)} ${n.kind}${n.account ? `（${n.account}）` : ''}${n.item !== '計' && itemText(n.item) ? ` ${n.item}` : ''}:`, textHtml(n.note, true));
    }
  }
}

/** src/components/sheet/ActivitiesSection.astro */
function activitiesText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], charts: (ChartData | null)[]): void {
  section(w, 'activities', ui.sections.activities, warnings);
  s.activities.forEach((a, i) => {
    w.add(`活動指標${s.activities.length > 1 ? ` ${i + 1}` : ''}: ${a.indicator ?? a.goal ?? '（記載なし）'}`);
    w.add('活動目標', textHtml(a.goal, true), '活動指標', textHtml(a.indicator, true), '単位', a.unit ?? NONE);
    if (a.direction !== null) w.add('改善の方向（上向き／下向き）', a.direction);
    if (charts[i]) chartFigure(w, charts[i]!);
  });
}

/** src/components/sheet/UnitCostsSection.astro */
function unitCostsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'unit-costs', ui.sections.unitCosts, warnings);
  s.unitCosts.forEach((u, i) => {
    const unit = u.unit ?? '単位の記載なし';
    w.add('算出根拠:', textHtml(u.basis, true));
    w.add(`単位当たりコスト${s.unitCosts.length > 1 ? ` ${i + 1}` : ''}（${unit}）`, '年度', `単位当たりコスト（${unit}）`, '計算式');
    for (const v of u.values) w.add(fiscalYearLabel(v.year), v.isPlan && v.label, numHtml(v.value), v.formula ?? NONE);
  });
}

/** src/components/sheet/OutcomesSection.astro */
function outcomesText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], charts: (ChartData | null)[]): void {
  section(w, 'outcomes', ui.sections.outcomes, warnings);
  if (s.kpiDecisions.length > 0) {
    w.add('事業に関連するKPIが定められている閣議決定等');
    for (const k of s.kpiDecisions) {
      w.add(textHtml(k.name, true));
      if (k.section !== null) w.add('（該当箇所:', textHtml(k.section, true), '）');
      if (k.url !== null) w.add(textHtml(k.url, true));
    }
  }
  const latestJudged = (o: Outcome) => [...o.values].filter((v) => !v.isPlan && v.achievement !== null).sort((a, b) => b.year - a.year)[0];
  s.outcomes.forEach((o, i) => {
    w.add(`成果指標${s.outcomes.length > 1 ? ` ${i + 1}` : ''}: ${o.indicator ?? o.goal ?? '（記載なし）'}`);
    const latest = latestJudged(o);
    if (latest) {
      w.add(latest.achievement !== null && latest.achievement >= 1 ? '✓ 目標達成' : '✗ 目標未達');
      w.add(`${fiscalYearLabel(latest.year)}の達成度 ${formatPercentShort(latest.achievement)}（シートの記載）`);
    }
    w.add('成果目標', textHtml(o.goal, true), '成果指標', textHtml(o.indicator, true), '単位', o.unit ?? NONE);
    if (o.term !== null) w.add('期間', o.term);
    w.add('目標最終年度', fiscalYearHtml(o.targetYear));
    if (o.finalTarget !== null) w.add('目標値（目標最終年度）', textHtml(o.finalTarget, true));
    if (o.dataSource !== null) w.add('根拠とした統計・データ', textHtml(o.dataSource, true));
    if (o.goalType !== null) w.add('成果目標の種類', o.goalType);
    if (o.direction !== null) w.add('改善の方向（上向き／下向き）', o.direction);
    if (o.qualitativeReason !== null) w.add('定性的なアウトカム目標を設定している理由', textHtml(o.qualitativeReason, true));
    if (o.qualitativeResult !== null) w.add('定性的なアウトカムに関する成果実績', textHtml(o.qualitativeResult, true));
    if (charts[i]) chartFigure(w, charts[i]!);
  });
  if (s.noQuantitativeTargetReason !== null) w.add('定量的な目標が設定できない理由', textHtml(s.noQuantitativeTargetReason));
}

/** src/components/sheet/LogicModelSection.astro */
function logicModelText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'logic-model', ui.sections.logicModel, warnings);
  const links = s.logicLinks;
  if (links.length === 0) return;
  const { list, rows } = logicModelHtml(links);
  w.add('アクティビティ（活動）からアウトプット（活動の結果）、アウトカム（短期・中期・長期の成果）へのつながりです。');
  w.add(list);
  w.add('目標のつながり（表3-2の記載どおり。各ステップの内容とつながりの説明は上の一覧）');
  w.add('派生元', '派生先', '後続アウトカムへのつながり', 'アウトカムを複数段階で設定できない理由');
  w.add(rows);
}

/** src/components/sheet/ChecksSection.astro */
function checksText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'checks', ui.sections.checks, warnings);
  const markWords: Record<string, string> = { '○': '○', '△': '△', '×': '×', 有: '有', 無: '無', '-': '－（対象外）' };
  for (const [group, checks] of groupBy(s.checks, (c: Check) => c.group ?? '')) {
    w.add(group || '点検項目', '項目', '評価', '評価に関する説明');
    for (const c of checks) w.add(c.item, c.mark === null ? NONE : markWords[c.mark] ?? c.mark, textHtml(c.note, true));
  }
}

/** src/components/sheet/FindingsSection.astro */
function findingsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'findings', ui.sections.findings, warnings);
  const items = findingFields(s.findings);
  for (const [label, verdict, text] of items) w.add(label, verdict, (text !== null || verdict === null) && textHtml(text));
}

/** src/components/sheet/PastSheetsSection.astro: a past sheet's number shows linked or not (the "not on this site" note is ignored). */
function pastSheetsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  section(w, 'past-sheets', ui.sections.pastSheets, warnings);
  for (const ps of [...s.pastSheets].sort((a, b) => a.year - b.year)) {
    w.add(`${fiscalYearLabel(ps.year)}:`, ps.ministry, ps.number, ps.written !== null && `（記載: ${ps.written}）`);
  }
  if (s.pastSheetsUnparsed.length > 0) w.add(`年度の読み取れない旧事業番号（記載のまま）: ${s.pastSheetsUnparsed.join('、')}`);
}

/** src/components/sheet/RelatedProjectsSection.astro */
function relatedProjectsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], resolve: RelatedProjectResolver | undefined): void {
  section(w, 'related-projects', ui.sections.relatedProjects, warnings);
  if (s.relatedProjects.length === 0) return;
  const showRelation = s.relatedProjects.some((r) => r.relation !== null);
  w.add('関連事業', '事業名', '所管府省・部局', '事業番号', showRelation && '関連性');
  for (const r of s.relatedProjects) {
    const linked = resolve ? resolve(s.fiscalYear, r.number) : null;
    w.add(linked ? (r.title ?? r.number) : (r.title ?? NONE), r.owner ?? NONE, r.number ?? NONE, showRelation && textHtml(r.relation, true));
  }
}

/** src/components/sheet/FlowSection.astro */
function flowText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], chart: ChartData | null): void {
  section(w, 'flow', ui.sections.flow, warnings);
  if (chart) chartFigure(w, chart);
  if (s.indirectCosts.length > 0) {
    w.add('国自らが支出する間接経費（単位: 百万円）', '項目', '区分', '金額（百万円）', indirectCostRows(s.indirectCosts));
  }
}

/** src/components/sheet/BlocksSection.astro (`onOwnPage`: on /sheets/<id>/blocks/). */
function blocksText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], onOwnPage: boolean): void {
  section(w, 'blocks', ui.sections.blocks, warnings);
  const page = onOwnPage ? sheetPagePath(s.id) : undefined;
  const listed = !onOwnPage && blocksOnOwnPage(s.source.form, s.payees.map((p) => p.block));
  if (listed && s.blocks.length > 0) {
    w.add(`このシートは${formatNumber(s.blocks.length)}のブロックに分かれるため、各ブロックの役割と費目・使途の表は費目・使途のページに載せています。`);
    for (const b of s.blocks) w.add(`${b.id}.`, b.name ?? NONE, '合計', amountHtml(b.total, 'million-with-unit'), b.payeeCount !== null && `・支出先 ${formatNumber(b.payeeCount)}者`);
    return;
  }
  if (listed) return;
  for (const b of s.blocks) {
    const flagged = warnings.filter((x) => refersTo(x, 'blocks', b.id) || refersTo(x, 'payees', b.id));
    w.add(`${b.id}.`, b.name ?? NONE, '合計', amountHtml(b.total, 'million-with-unit'), b.payeeCount !== null && `支出先 ${formatNumber(b.payeeCount)}者`);
    w.add(warningLinks(flagged.map((x) => x.n), page));
    if (b.role !== null) w.add('役割:', textHtml(b.role, true));
    if (b.expenses.length > 0) w.add(`${b.id}. ${b.name ?? ''} の費目・使途（単位: 百万円）`, '費目', '用途', '金額（百万円）', blockExpenseRows(b));
  }
}

/** The one path of a sheet page the text needs (src/lib/markup/url.ts sheetHref without the base: only link targets use it, never text). */
function sheetPagePath(id: string): string {
  return `/sheets/${id}/`;
}

/** src/components/sheet/PayeeTables.astro */
function payeeTablesText(w: TextWriter, s: Sheet, listed: Payee[], warnings: NumberedWarning[], fold: boolean): void {
  const FOLD_AFTER = 10;
  const blockName = new Map(s.blocks.map((b) => [b.id, b.name]));
  const showReason = s.payees.some((p) => p.singleBidReason !== null);
  const showContract = s.payees.some((p) => p.contractMethod !== null || p.bidders !== null || p.winningBidRate !== null);
  const warningsOf = (p: Payee) => warnings.filter((x) => refersTo(x, 'payees', `${p.block}-${p.rank}`)).map((x) => x.n);
  for (const [block, all] of groupBy(listed, (p: Payee) => p.block)) {
    const years = [...new Set(all.map((p) => p.year).filter((y) => y !== null))].sort().map((y) => fiscalYearLabel(y)).join('・');
    const parts = fold && all.length > FOLD_AFTER + 2 ? [all.slice(0, FOLD_AFTER), all.slice(FOLD_AFTER)] : [all];
    parts.forEach((payees, part) => {
      if (part > 0) w.add(`ブロック${block}の残り${payees.length}者を表示`);
      w.add(`${block}${blockName.get(block) ? `. ${blockName.get(block)}` : ''} の支出先${part > 0 ? `（${FOLD_AFTER + 1}位以下）` : ''}（${years ? `${years}の支出、` : ''}支出額は百万円）`);
      w.add('順位', '支出先', '法人番号', '業務概要', '支出額（百万円）');
      if (showContract) w.add('契約方式等', '入札者数', '落札率（%）');
      w.add('注意', showReason && '一者応札等の理由・改善策');
      // A link does not change the text: the payee's profile is not needed here.
      w.add(payeeRows(payees, { showReason, showContract, warningsOf, profileHref: () => null }));
    });
  }
}

/** src/components/sheet/PayeesSection.astro */
function payeesText(w: TextWriter, s: Sheet, warnings: NumberedWarning[], chart: ChartData | null): void {
  section(w, 'payees', ui.sections.payees, warnings);
  if (chart) chartFigure(w, chart, { repeatsPage: true });
  if (s.payees.length === 0) return;
  const more = payeeParts(s.payees.length);
  const moreLinks = more.map((m, i) => `${i > 0 ? '、' : ''}${formatNumber(m.from + 1)}〜${formatNumber(m.to)}者目`).join('');
  w.add('ブロック別の支出先');
  if (more.length > 0) w.add(`このシートの支出先 ${formatNumber(s.payees.length)}者のうち、シートの順に最初の${formatNumber(PAYEES_ON_PAGE)}者をここに、残りを続きのページに載せています: ${moreLinks}。`);
  payeeTablesText(w, s, s.payees.slice(0, PAYEES_ON_PAGE), warnings, true);
  if (more.length > 0) w.add(`続き: ${moreLinks}`);
}

/** src/components/sheet/ContractsSection.astro */
function contractsText(w: TextWriter, s: Sheet, warnings: NumberedWarning[]): void {
  const list = s.multiYearContracts;
  if (list.length === 0 && s.source.form !== 'rs-csv') return;
  section(w, 'contracts', ui.sections.contracts, warnings);
  if (list.length === 0) return;
  const showReason = list.some((c) => c.singleBidReason !== null);
  w.add('国庫債務負担行為等による契約（契約額は複数年度にわたる契約全体の額、百万円）');
  w.add('ブロック', '契約先', '法人番号', '契約概要（契約名）', '契約額（百万円）', '契約方式等', '入札者数', '落札率（%）', '注意', showReason && '一者応札等の理由・改善策');
  w.add(multiYearContractRows(list, { showReason }));
}

/** src/components/sheet/WarningsSection.astro */
function warningsText(w: TextWriter, warnings: NumberedWarning[]): void {
  const sectionTitles: Record<string, string> = {
    basics: ui.sections.basics, purpose: ui.sections.purpose, budgets: ui.sections.budgets, 'budget-items': ui.sections.budgetItems,
    activities: ui.sections.activities, 'unit-costs': ui.sections.unitCosts, outcomes: ui.sections.outcomes, 'logic-model': ui.sections.logicModel, checks: ui.sections.checks,
    findings: ui.sections.findings, 'past-sheets': ui.sections.pastSheets, 'related-projects': ui.sections.relatedProjects,
    flow: ui.sections.flow, blocks: ui.sections.blocks, payees: ui.sections.payees, source: ui.sections.source,
  };
  w.add(ui.sections.warnings);
  for (const { warning } of warnings) {
    const anchor = SECTION_ANCHORS[warning.section];
    w.add(warningCodeNames[warning.code] ?? warning.code, ' — ', anchor ? (sectionTitles[anchor] ?? warning.section) : warning.section, warning.ref && `［${warning.ref}］`, `: ${warning.message}`);
  }
}

/**
 * A sheet page's indexed text (/sheets/<id>/: src/pages/sheets/[id].astro), in the page's order. The
 * source section and the navigation (table of contents, other years of the project) are kept out of
 * search on the page, so here too.
 */
export function sheetPageText(sheet: Sheet, ctx: SheetTextContext = {}): SearchText {
  const w = new TextWriter();
  const warnings = numberWarnings(sheet.warnings);
  const charts = sheetCharts(sheet);
  w.add(sheet.title, sheet.ministry, `${fiscalYearLabel(sheet.fiscalYear)}レビューシート`);
  w.add(sheet.projectNumber && `事業番号 ${sheet.projectNumber}`, sheet.rsProjectId !== null && `予算事業ID ${sheet.rsProjectId}`);
  basicsText(w, sheet, warnings);
  purposeText(w, sheet, warnings);
  budgetText(w, sheet, warnings, charts.budget);
  budgetItemsText(w, sheet, warnings);
  activitiesText(w, sheet, warnings, charts.activities);
  unitCostsText(w, sheet, warnings);
  outcomesText(w, sheet, warnings, charts.outcomes);
  if (sheet.source.form === 'rs-csv') logicModelText(w, sheet, warnings);
  checksText(w, sheet, warnings);
  findingsText(w, sheet, warnings);
  pastSheetsText(w, sheet, warnings);
  relatedProjectsText(w, sheet, warnings, ctx.resolveRelated);
  flowText(w, sheet, warnings, charts.flow);
  blocksText(w, sheet, warnings, false);
  payeesText(w, sheet, warnings, charts.payees);
  contractsText(w, sheet, warnings);
  warningsText(w, warnings);
  return searchText(w);
}

/** The heading of a continuation page of a sheet's payees (src/pages/sheets/[id]/payees/[part].astro). */
export function payeePartTitle(sheet: Sheet, n: number): string | null {
  const part = payeeParts(sheet.payees.length).find((p) => p.n === n);
  return part ? `支出先 ${formatNumber(part.from + 1)}〜${formatNumber(part.to)}者目（全${formatNumber(sheet.payees.length)}者）` : null;
}

/** The indexed text of /sheets/<id>/payees/<n>/; null when the sheet has no such part. */
export function payeePartText(sheet: Sheet, n: number): SearchText | null {
  const parts = payeeParts(sheet.payees.length);
  const part = parts.find((p) => p.n === n);
  const title = payeePartTitle(sheet, n);
  if (!part || title === null) return null;
  const w = new TextWriter();
  const others = [{ n: 1, from: 0, to: parts[0]!.from }, ...parts].filter((p) => p.n !== part.n);
  w.add(`${sheet.title}: ${title}`);
  w.add(`${sheet.title}（${sheet.ministry}・${fiscalYearLabel(sheet.fiscalYear)}）`);
  w.add(`の支出先のうち、シートの順に${formatNumber(part.from + 1)}〜${formatNumber(part.to)}者目です。`);
  w.add(`ほかの支出先: ${others.map((p, i) => `${i > 0 ? '、' : ''}${formatNumber(p.from + 1)}〜${formatNumber(p.to)}者目`).join('')}。`);
  payeeTablesText(w, sheet, sheet.payees.slice(part.from, part.to), numberWarnings(sheet.warnings), false);
  return searchText(w);
}

/** The indexed text of /sheets/<id>/blocks/ (src/pages/sheets/[id]/blocks.astro). */
export function blocksPageText(sheet: Sheet): SearchText {
  const w = new TextWriter();
  w.add(`${sheet.title}: ${ui.sections.blocks}`);
  w.add(`${sheet.title}（${sheet.ministry}・${fiscalYearLabel(sheet.fiscalYear)}）`, 'のブロックごとの役割と費目・使途です。');
  blocksText(w, sheet, numberWarnings(sheet.warnings), true);
  return searchText(w);
}

/**
 * The indexed text of a page showing one sheet's record (a sheet page or one of its continuation pages,
 * src/shared/search/page-kind.ts); null when the sheet has no such page. The index builder indexes it
 * (scripts/search-index/page-source.ts) and the search page makes its excerpts from it, from the record
 * it fetches (src/client/search/record-text.ts): one text, so an excerpt shows what was matched.
 */
export function sheetKindText(page: Exclude<PageKind, { kind: 'payee' }>, sheet: Sheet): SearchText | null {
  switch (page.kind) {
    case 'sheet':
      return sheetPageText(sheet);
    case 'payee-part':
      return payeePartText(sheet, page.n);
    case 'blocks':
      return blocksPageText(sheet);
  }
}

/**
 * A payee profile's indexed text (/payees/<法人番号>/, first page: src/pages/payees/[number]/[...page].astro):
 * its newest name, its 法人番号, and, when it is listed under several names, each of them (the page lists
 * them only then; the counts beside them are not indexed).
 */
export function payeeProfileText(profile: { name: string; corporateNumber: string; names: readonly string[] }): SearchText {
  const w = new TextWriter();
  w.add(profile.name, `法人番号 ${profile.corporateNumber}`, ...(profile.names.length > 1 ? profile.names : []));
  return searchText(w);
}

