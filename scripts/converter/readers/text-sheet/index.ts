/**
 * Reader for text exports of single review sheets (`*.txt`): one file → one record, or one InputError
 * naming the file, where, and why it is not a readable sheet.
 *
 * The sheet is read from its labels and structure (title line, section headings, row labels, year
 * heading rows), never from line numbers: editions and ministries order and pad the same parts
 * differently. Module map:
 *   decode.ts          bytes → text (UTF-8, UTF-16 with BOM, Shift_JIS/CP932)
 *   rows.ts            text → rows of tab-separated cells
 *   sections.ts        section headings → row ranges
 *   basic-info.ts      title line, 事業名 … 実施方法, 政策・施策, one-row text parts
 *   budget.ts          予算額・執行額, 予算内訳
 *   indicator-table.ts + results.ts   活動, 単位当たりコスト, 成果
 *   checklist.ts       点検項目, 関連事業
 *   findings.ts        点検・改善結果, 所見, 備考, 過去のレビューシート
 *   blocks.ts, payees.ts, flows.ts    費目・用途, 支出先上位10者リスト, inferred money flows
 */
import { readFile } from 'node:fs/promises';
import type { SheetInput } from '../../../../src/schema/sheet.ts';
import type { InputError, ReadResult } from '../read-result.ts';
import { sheetId } from '../../../../src/shared/ids.ts';
import { decodeSheetBytes } from './decode.ts';
import { toRows, isBlankRow, type Row } from './rows.ts';
import { findSections, sectionsOf, type Section, type SectionKind } from './sections.ts';
import { findTitle, readBasicInfo, readLabelledText, readPolicy, titleRowLines } from './basic-info.ts';
import { readBudgets, readBudgetItems } from './budget.ts';
import { readActivities, readOutcomes, readUnitCosts } from './results.ts';
import { readChecklist } from './checklist.ts';
import { emptyFindings, readFreeText, readPastSheets, readResults, readVerdictText } from './findings.ts';
import { readBlocks } from './blocks.ts';
import { readPayees } from './payees.ts';
import { inferFlows, markSubcontracts } from './flows.ts';
import { warn, type Ctx } from './context.ts';
import { labelKey } from '../../normalize/label.ts';
import { isNoValue } from '../../normalize/blank.ts';

/** Which section of a text sheet each record field is read from, to say where a value the schema
 *  refuses came from. */
export const TEXT_FIELD_SECTIONS: Readonly<Record<string, string>> = {
  budgets: '予算額・執行額', budgetItems: '予算内訳', activities: '活動指標及び活動実績',
  unitCosts: '単位当たりコスト', outcomes: '成果目標及び成果実績', checks: '事業所管部局による点検・改善',
  relatedProjects: '関連事業', findings: '点検・改善結果', pastSheets: '関連する過去のレビューシートの事業番号',
  blocks: '費目・用途', payees: '支出先上位10者リスト', flows: '費目・用途', policy: '政策・施策', measure: '政策・施策',
};

/** Sections every complete sheet has; a sheet without one of them is cut off (or not a sheet). */
const REQUIRED: [SectionKind, string][] = [
  ['budget', '予算額・執行額'],
  ['checks', '事業所管部局による点検・改善'],
  ['results', '点検・改善結果'],
  ['blocks', '費目・用途'],
];

/** Whether a budget row label (計, 執行額) occurs in the section. */
function budgetRowSeen(rows: Row[], s: Section, label: string): boolean {
  for (let i = s.start; i < s.end; i++) if (rows[i]!.cells.some((c) => c !== '' && labelKey(c) === label)) return true;
  return false;
}

/**
 * A row that repeats the row above it cell for cell (a payee, a year heading, an indicator row pasted
 * twice) is read as written, twice; it is named so the reader knows a figure may count twice. Blank rows
 * and rows of no-value marks ("-", "－") repeat legitimately and are left alone.
 */
function warnRepeatedRows(ctx: Ctx, rows: Row[], sections: Section[]): void {
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1]!;
    if (row.cells.length !== above.cells.length) continue;
    if (!row.cells.some((c) => c !== '' && !isNoValue(c)) || !row.cells.every((c, k) => c === above.cells[k])) continue;
    const section = sections.findLast((s) => s.start <= i)?.kind ?? 'basic';
    warn(ctx, 'duplicate-row', section, `${row.line}行目`, `${row.line}行目は${above.line}行目と同じ内容です（重複して記載されている可能性があります。どちらも記載どおり読みました）`);
  }
}

function lastLine(rows: Row[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!isBlankRow(rows[i]!)) return rows[i]!.line;
  return 0;
}

export async function readTextSheet(absPath: string, relPath: string): Promise<ReadResult> {
  const fail = (where: string | null, message: string): ReadResult => ({ records: [], errors: [{ file: relPath, where, message }] });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    return fail(null, `cannot read the file: ${(err as Error).message}`);
  }
  const decoded = decodeSheetBytes(bytes);
  if (!decoded.ok) return fail(null, decoded.reason);
  const notices: InputError[] = [];
  if (decoded.encoding !== 'utf-8') notices.push({ file: relPath, where: null, message: `decoded as ${decoded.encoding === 'cp932' ? 'Shift_JIS (CP932)' : decoded.encoding.toUpperCase()}` });
  if (decoded.replaced > 0) {
    const at = decoded.invalidUtf8At;
    notices.push({
      file: relPath,
      where: at ? `line ${at.line}` : null,
      message: at
        ? `${decoded.replaced} byte sequence(s) that are not UTF-8 in UTF-8 text (the first at byte ${at.offset}) replaced by U+FFFD`
        : `${decoded.replaced} undecodable byte sequence(s) replaced by U+FFFD`,
    });
  }
  const withNotices = (r: ReadResult): ReadResult => (notices.length ? { ...r, notices } : r);

  const rows = toRows(decoded.text);
  if (rows.every(isBlankRow)) return withNotices(fail(null, 'the file holds no text (only blank lines)'));
  const title = findTitle(rows);
  if (!title) {
    return withNotices(fail('line 1', 'not a review sheet: no title line "<年度>行政事業レビューシート (<府省庁>)" in the first 30 lines'));
  }
  const titles = titleRowLines(rows);
  if (titles.length > 1) {
    const shownLines = titles.length > 5 ? `${titles.slice(0, 5).join(', ')} …` : titles.join(', ');
    return withNotices(fail(
      `lines ${shownLines}`,
      `the file holds ${titles.length} sheets (a title line "<年度>行政事業レビューシート (<府省庁>)" at each of these lines); one sheet per file is read: split the file into one file per sheet`,
    ));
  }
  const ctx: Ctx = { file: relPath, fiscalYear: title.fiscalYear, era: title.era, warnings: [] };
  const sections = findSections(rows);
  warnRepeatedRows(ctx, rows, sections);
  // From the top (some editions print 事業番号 above the title line) to the first other section, and
  // basic-information rows wherever they are.
  const firstOther = sections.find((s) => s.kind !== 'basic')?.start ?? rows.length;
  const ranges: [number, number][] = [[0, sections[0]?.start ?? rows.length]];
  for (const s of sectionsOf(sections, 'basic')) ranges.push([s.start, s.end]);
  const basic = readBasicInfo(ctx, rows, ranges);
  if (!basic.title) {
    const to = rows[firstOther - 1]?.line ?? rows[rows.length - 1]!.line;
    return withNotices(fail(
      `lines ${rows[title.index]!.line + 1}–${to}`,
      `no 事業名 (project name) in the basic information after the title line (line ${rows[title.index]!.line})`,
    ));
  }
  for (const [kind, name] of REQUIRED) {
    if (!sectionsOf(sections, kind).length) {
      return withNotices(fail(`section ${name}`, `section 「${name}」 is missing: the sheet ends at line ${lastLine(rows)} (file cut off?)`));
    }
  }

  const one = (kind: SectionKind): Section | undefined => sectionsOf(sections, kind)[0];
  const with_ = <T>(kind: SectionKind, f: (s: Section) => T, empty: T): T => {
    const s = one(kind);
    return s ? f(s) : empty;
  };

  const budgetSection = one('budget')!;
  const budgets = readBudgets(ctx, rows, budgetSection.start, budgetSection.end);
  for (const label of ['計', '執行額']) {
    if (!budgetRowSeen(rows, budgetSection, label)) {
      return withNotices(fail('section 予算額・執行額', `the table has no 「${label}」 row (lines ${rows[budgetSection.start]!.line}–${rows[budgetSection.end - 1]!.line}); the sheet is cut off or not a review sheet`));
    }
  }
  const budgetItems = with_('budgetItems', (s) => readBudgetItems(ctx, rows, s.start, s.end), []);
  const activities = with_('activities', (s) => readActivities(ctx, rows, s.start, s.end), []);
  const unitCosts = with_('unitCosts', (s) => readUnitCosts(ctx, rows, s.start, s.end), []);
  const dataSource = with_('dataSource', (s) => readLabelledText(rows, s.start, s.end), null);
  const outcomes = with_('outcomes', (s) => readOutcomes(ctx, rows, s.start, s.end, dataSource), []);
  const { policy, measure } = with_('policy', (s) => readPolicy(rows, s.start, s.end), { policy: null, measure: null });
  const { checks, relatedProjects } = with_('checks', (s) => readChecklist(ctx, rows, s.start, s.end), { checks: [], relatedProjects: [] });

  const findings = emptyFindings();
  Object.assign(findings, with_('results', (s) => readResults(rows, s.start, s.end), { inspection: null, direction: null }));
  findings.externalExperts = with_('externalExperts', (s) => readFreeText(rows, s.start, s.end), null);
  const team = with_('reviewTeam', (s) => readVerdictText(ctx, rows, s.start, s.end, '行政事業レビュー推進チームの所見'), { verdict: null, text: null });
  findings.reviewTeamVerdict = team.verdict;
  findings.reviewTeam = team.text;
  const impr = with_('improvements', (s) => readVerdictText(ctx, rows, s.start, s.end, '所見を踏まえた改善点'), { verdict: null, text: null });
  findings.improvementsVerdict = impr.verdict;
  findings.improvements = impr.text;
  findings.remarks = with_('remarks', (s) => readFreeText(rows, s.start, s.end), null);
  const pastSheets = with_('pastSheets', (s) => readPastSheets(ctx, rows, s.start, s.end), []);

  const tables = sectionsOf(sections, 'blocks').map((s) => readBlocks(ctx, rows, s.start, s.end));
  const blocks = tables.flatMap((t) => t.blocks);
  // A block without its 計 row in a table that ends the file: the file was cut inside the table.
  const lastTable = tables[tables.length - 1]!;
  const open = lastTable.blocks.find((b) => b.total === null);
  if (open && rows.slice(lastTable.lastRow + 1).every(isBlankRow)) {
    return withNotices(fail('section 費目・用途', `the 費目・用途 table is cut off at line ${rows[lastTable.lastRow]!.line}: block ${open.id} has no 計 row and the file ends there`));
  }
  const payees = readPayees(ctx, rows);
  markSubcontracts(blocks, payees);
  const flows = inferFlows(blocks, payees);

  const ministry = title.ministry;
  const record: SheetInput = {
    // The sheet's own 事業番号 only: numbers in 関連する過去のレビューシート belong to other years' sheets.
    id: sheetId({ fiscalYear: title.fiscalYear, ministry, projectNumber: basic.projectNumber, title: basic.title }),
    fiscalYear: title.fiscalYear,
    source: { form: 'text', file: relPath, location: null, missingParts: [] },
    title: basic.title,
    ministry,
    bureau: basic.bureau,
    division: basic.division,
    manager: basic.manager,
    projectNumber: basic.projectNumber,
    startYear: basic.startYear,
    endYear: basic.endYear,
    accountType: basic.accountType,
    legalBasis: basic.legalBasis,
    relatedPlans: basic.relatedPlans,
    majorPolicy: basic.majorPolicy,
    majorExpense: basic.majorExpense,
    policy,
    measure,
    category: null,
    implementation: basic.implementation,
    purpose: basic.purpose,
    issues: null,
    overview: basic.overview,
    activityDescription: with_('activityDescription', (s) => readLabelledText(rows, s.start, s.end), null),
    budgets,
    budgetItems,
    activities,
    unitCosts,
    outcomes,
    checks,
    findings,
    pastSheets,
    relatedProjects,
    blocks,
    flows,
    payees,
    warnings: ctx.warnings,
  };
  return withNotices({ records: [record], errors: [] });
}
