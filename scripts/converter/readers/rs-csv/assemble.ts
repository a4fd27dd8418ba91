/**
 * Builds one record from the parts the tables contributed to a project. Every table is optional here:
 * a missing table leaves its fields at their "not stated" value and is named in `source.missingParts`.
 */
import type {
  Activity,
  Block,
  BudgetItem,
  Findings,
  OutcomeInput,
  PayeeInput,
  SheetInput,
  SheetWarning,
} from '../../../../src/schema/sheet.ts';
import { sheetId } from '../../../../src/shared/ids.ts';
import type { Contract, Indicator, PayeeAcc, Parts } from './parts.ts';
import { methodOf } from './map-spending.ts';

/** Which RS tables each record field is made from, to say where a value the schema refuses came from. */
export const RS_FIELD_TABLES: Readonly<Record<string, string>> = {
  title: '1-1', bureau: '1-1', division: '1-1', manager: '1-1',
  startYear: '1-2', endYear: '1-2', majorExpense: '1-2', category: '1-2', implementation: '1-2',
  purpose: '1-2', issues: '1-2', overview: '1-2', pastSheets: '1-2',
  legalBasis: '1-3', relatedPlans: '1-3', policy: '1-3', measure: '1-3',
  subsidyRates: '1-4', relatedProjects: '1-5',
  budgets: '2-1', budgetItems: '2-1, 2-2', accountType: '2-1, 2-2',
  activities: '3-1', outcomes: '3-1',
  findings: '4-1, 1-2, 6-1',
  payees: '5-1', flows: '5-2', blocks: '5-1, 5-2, 5-3',
};

export interface ProjectAcc {
  fiscalYear: number;
  /** RS 予算事業ID as written. */
  rsId: string;
  title: string;
  ministry: string;
  /** 政策所管府省庁, used only when no table states the 府省庁. */
  policyMinistry: string;
  bureau: string | null;
  division: string | null;
  parts: Partial<Parts>;
  warnings: SheetWarning[];
}

function lines(values: (string | null)[]): string | null {
  const kept = values.filter((v): v is string => v !== null);
  return kept.length > 0 ? kept.join('\n') : null;
}

function paragraphs(values: (string | null)[]): string | null {
  const kept = values.filter((v): v is string => v !== null);
  return kept.length > 0 ? kept.join('\n\n') : null;
}

function labelled(label: string, value: string | null): string | null {
  return value === null ? null : `【${label}】${value}`;
}

/** Natural order of numbered entries ("2" before "10"); unnumbered ones keep their place at the end. */
function byNumber<T extends { number: string | null }>(list: T[]): T[] {
  const num = (v: string | null): number => (v !== null && /^\d+$/.test(v.normalize('NFKC')) ? Number(v.normalize('NFKC')) : Infinity);
  return list
    .map((item, i) => ({ item, i }))
    .sort((a, b) => num(a.item.number) - num(b.item.number) || a.i - b.i)
    .map((e) => e.item);
}

function isPlanYear(ind: Indicator, year: number, fiscalYear: number, actual: number | null): boolean {
  return ind.targetYears.has(year) || (actual === null && year >= fiscalYear);
}

function yearsOf(...maps: Map<number, unknown>[]): number[] {
  const set = new Set<number>();
  for (const m of maps) for (const y of m.keys()) set.add(y);
  return [...set].sort((a, b) => a - b);
}

function activityOf(ind: Indicator, fiscalYear: number): Activity {
  return {
    goal: ind.goal,
    indicator: ind.indicator,
    unit: ind.unit,
    direction: ind.direction,
    values: yearsOf(ind.actuals, ind.targets).map((year) => {
      const actual = ind.actuals.get(year) ?? null;
      return {
        year,
        label: ind.targetYears.has(year) ? '目標年度' : null,
        isPlan: isPlanYear(ind, year, fiscalYear, actual),
        actual,
        planned: ind.targets.get(year) ?? null,
      };
    }),
  };
}

function outcomeOf(ind: Indicator, fiscalYear: number): OutcomeInput {
  const targetYears = [...ind.targetYears].sort((a, b) => a - b);
  return {
    goal: ind.goal,
    indicator: ind.indicator,
    unit: ind.unit,
    term: ind.term,
    goalType: ind.goalType,
    direction: ind.direction,
    qualitativeReason: ind.qualitativeReason,
    qualitativeResult: ind.qualitativeResult,
    targetYear: targetYears.length > 0 ? targetYears[targetYears.length - 1]! : null,
    dataSource: ind.dataSource,
    values: yearsOf(ind.actuals, ind.targets, ind.achievements).map((year) => {
      const actual = ind.actuals.get(year) ?? null;
      return {
        year,
        label: ind.targetYears.has(year) ? '目標年度' : null,
        isPlan: isPlanYear(ind, year, fiscalYear, actual),
        actual,
        target: ind.targets.get(year) ?? null,
        achievement: ind.achievements.get(year) ?? null,
      };
    }),
  };
}

function findingsOf(p: Partial<Parts>): Findings {
  const f = p['4-1'];
  const notes = [p['1-2']?.remarks ?? null, ...(p['6-1']?.notes ?? [])];
  const remarkTexts = (f?.remarks ?? []).map((r) =>
    [`【${r.heading}】`, r.content, r.status === null ? null : `対応状況：${r.status}`].filter((v) => v !== null).join('\n'),
  );
  const remarks = paragraphs([...notes, ...remarkTexts]);
  if (!f) {
    return { inspection: null, direction: null, externalExperts: null, reviewTeamVerdict: null, reviewTeam: null, improvementsVerdict: null, improvements: null, remarks };
  }
  const expertMeta = [
    f.expertsTarget === null ? null : `点検対象：${f.expertsTarget}`,
    f.expertsReason === null ? null : `対象の理由：${f.expertsReason}`,
    f.expertsYear === null ? null : `最終実施年度：${f.expertsYear}年度`,
  ].filter((v) => v !== null);
  return {
    inspection: paragraphs([f.inspection, labelled('目標年度における効果測定に関する評価', f.effectAssessment)]),
    direction: f.direction,
    externalExperts: paragraphs([
      f.experts,
      labelled('公開プロセス結果概要', f.publicProcess),
      expertMeta.length > 0 ? expertMeta.join('／') : null,
    ]),
    reviewTeamVerdict: f.reviewTeamVerdict,
    reviewTeam: f.reviewTeam,
    improvementsVerdict: f.improvementsVerdict,
    improvements: paragraphs([f.improvements, lines(f.reflections)]),
    remarks,
  };
}

function blockOrder(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function single<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  return values.every((v) => v === values[0]) ? values[0]! : null;
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

function payeeOf(p: PayeeAcc, rank: number): PayeeInput {
  const c: Contract[] = p.contracts;
  const description = distinct(c.map((x) => x.description));
  const methods = distinct(c.map((x) => methodOf(x.method, x.specificMethod)));
  const reasons = distinct(c.map((x) => x.singleBidReason));
  return {
    block: p.block,
    rank,
    name: p.name,
    corporateNumber: p.corporateNumber,
    description: description.length > 0 ? description.join('\n') : null,
    amount: p.amount,
    contractMethod: methods.length > 0 ? methods.join('、') : null,
    bidders: single(c.map((x) => x.bidders)),
    winningBidRate: single(c.map((x) => x.winningBidRate)),
    singleBidReason: reasons.length > 0 ? reasons.join('\n') : null,
    location: p.location,
    corporateType: p.corporateType,
    otherPayee: p.otherPayee,
    contracts: c,
  };
}

function spendingOf(p: Partial<Parts>): { blocks: Block[]; payees: PayeeInput[] } {
  const b51 = p['5-1'];
  const names52 = p['5-2']?.blockNames;
  const e53 = p['5-3']?.blocks;
  const ids = new Set<string>();
  for (const id of b51?.blocks.keys() ?? []) ids.add(id);
  for (const payee of b51?.payees ?? []) ids.add(payee.block);
  for (const f of p['5-2']?.flows ?? []) {
    ids.add(f.to);
    if (f.from !== 'ministry') ids.add(f.from);
  }
  for (const id of e53?.keys() ?? []) ids.add(id);
  const sorted = [...ids].sort(blockOrder);
  const blocks: Block[] = sorted.map((id) => {
    const info = b51?.blocks.get(id);
    const exp = e53?.get(id);
    return {
      id,
      name: info?.name ?? names52?.get(id) ?? exp?.payee ?? null,
      role: info?.role ?? null,
      payeeCount: info?.payeeCount ?? null,
      total: info?.total ?? null,
      expenses: exp?.expenses ?? [],
    };
  });
  const payees: PayeeInput[] = [];
  for (const id of sorted) {
    const inBlock = (b51?.payees ?? []).filter((x) => x.block === id);
    // Largest first; amounts not stated go last, in file order.
    const ranked = inBlock
      .map((x, i) => ({ x, i }))
      .sort((a, b) => (b.x.amount ?? -Infinity) - (a.x.amount ?? -Infinity) || a.i - b.i);
    ranked.forEach(({ x }, i) => payees.push(payeeOf(x, i + 1)));
  }
  return { blocks, payees };
}

export function assemble(acc: ProjectAcc, relDir: string, missingParts: string[]): SheetInput {
  const p = acc.parts;
  const warnings = [...acc.warnings];
  let ministry = acc.ministry;
  if (ministry === '' && acc.policyMinistry !== '') {
    ministry = acc.policyMinistry;
    warnings.push({
      code: 'source',
      section: 'ministry',
      ref: null,
      message: `府省庁が空欄のため、政策所管府省庁「${ministry}」を府省庁としています。`,
    });
  }
  const org = p['1-1'];
  const ov = p['1-2'];
  const pol = p['1-3'];
  const goalsList = [...(p['3-1']?.indicators.values() ?? [])];
  const activityTexts = new Map<string, string>();
  for (const ind of byNumber(goalsList.filter((g) => g.kind === 'アクティビティ'))) {
    const t = ind.goal ?? ind.indicator;
    if (t !== null && ![...activityTexts.values()].includes(t)) activityTexts.set(ind.number ?? `#${activityTexts.size}`, t);
  }
  for (const [number, t] of p['3-2']?.activities ?? []) {
    if (!activityTexts.has(number) && ![...activityTexts.values()].includes(t)) activityTexts.set(number, t);
  }
  const activityDescription = paragraphs(byNumber([...activityTexts].map(([number, t]) => ({ number, t }))).map((e) => e.t));
  const budgetItems: BudgetItem[] = [...(p['2-1']?.items ?? []), ...(p['2-2']?.items ?? [])];
  const accountTypes = [...new Set([...(p['2-1']?.accountTypes ?? []), ...(p['2-2']?.accountTypes ?? [])])];
  const { blocks, payees } = spendingOf(p);
  return {
    id: sheetId({ fiscalYear: acc.fiscalYear, ministry, rsBudgetProjectId: acc.rsId, title: acc.title }),
    fiscalYear: acc.fiscalYear,
    source: { form: 'rs-csv', file: relDir, location: null, missingParts },
    title: acc.title,
    ministry,
    bureau: org?.bureau ?? acc.bureau,
    division: org?.division ?? acc.division,
    manager: org && org.managers.length > 0 ? org.managers.join('、') : null,
    otherOrganisations: org?.others ?? [],
    projectNumber: null,
    rsProjectId: /^\d{1,15}$/.test(acc.rsId) ? Number(acc.rsId) : null,
    startYear: ov?.startYear ?? null,
    startYearUnknown: ov?.startYearUnknown ?? false,
    endYear: ov?.endYear ?? null,
    noPlannedEnd: ov?.noPlannedEnd ?? false,
    accountType: accountTypes.length > 0 ? accountTypes.join('、') : null,
    legalBasis: lines(pol?.laws ?? []),
    laws: pol?.lawRefs ?? [],
    relatedPlans: lines(pol?.plans ?? []),
    plans: pol?.planRefs ?? [],
    majorPolicy: null,
    majorExpense: ov && ov.majorExpenses.length > 0 ? ov.majorExpenses.join('、') : null,
    policy: lines((pol?.policies ?? []).map((x) => x.policy)),
    measure: lines((pol?.policies ?? []).map((x) => x.measure)),
    policies: pol?.policies ?? [],
    category: ov?.category ?? null,
    implementation: ov?.implementation ?? [],
    purpose: ov?.purpose ?? null,
    issues: ov?.issues ?? null,
    overview: ov?.overview ?? null,
    overviewUrl: ov?.overviewUrl ?? null,
    activityDescription,
    budgets: [...(p['2-1']?.years ?? [])].sort((a, b) => a.year - b.year),
    budgetItems,
    activities: byNumber(goalsList.filter((g) => g.kind === 'アウトプット')).map((g) => activityOf(g, acc.fiscalYear)),
    unitCosts: [],
    outcomes: byNumber(goalsList.filter((g) => g.kind === 'アウトカム')).map((g) => outcomeOf(g, acc.fiscalYear)),
    kpiDecisions: p['3-1']?.kpiDecisions ?? [],
    logicLinks: p['3-2']?.links ?? [],
    checks: [],
    findings: findingsOf(p),
    pastSheets: ov?.pastSheets ?? [],
    pastSheetsUnparsed: ov?.pastUnparsed ?? [],
    relatedProjects: p['1-5']?.projects ?? [],
    subsidyRates: p['1-4']?.rates ?? [],
    blocks,
    flows: p['5-2']?.flows ?? [],
    indirectCosts: p['5-2']?.indirectCosts ?? [],
    payees,
    multiYearContracts: p['5-4']?.contracts ?? [],
    warnings,
  };
}
