/**
 * Project chains: the sheets of one project across review years, linked by what the sources say
 * (strongest first), else inferred:
 *
 * 1. `judgit`: the same JUDGIT 事業ID (JUDGIT's own key for one project across years);
 * 2. `past`: a sheet's 関連する過去のレビューシート or RS 旧事業番号 (both in `pastSheets`: year + 事業番号) names
 *    the sheet of that year with that 事業番号 in the same 府省庁;
 * 3. `inferred`: a sheet with no stated link to an earlier year and a sheet of its 府省庁's previous review
 *    year on the site with no stated link to a later one, of the same 府省庁 and the same 事業名 (NFKC, spaces
 *    ignored), each the only one of its year with that name;
 * 4. `figures`: where names differ (a renamed project), a sheet still without an earlier link and an earlier
 *    sheet without a later one that state the same 予算額（計） and 執行額 (円, both stated, not 0) for the
 *    later sheet's first such year — each sheet reports about three years back, so neighbouring review years
 *    overlap by a year, and the two sheets of one project restate that year's figures — in the same 府省庁,
 *    or, for a project moved to another 府省庁, with the same 事業名 too; each the only sheet of its review
 *    year with those figures there, and, when the two 事業名 have no two consecutive characters in common,
 *    the next year's 予算額（計） the same too. JUDGIT gives no 事業ID and no past sheet from 公開年度 2021 (its numbering
 *    took the 府省庁's abbreviation then), so from 2019 on this and the name are all that links the years.
 *
 * Pages mark `inferred` and `figures` links as inferred (isInferredLink).
 *
 * A chain holds at most one sheet per review year: a link that would put two sheets of one year into a
 * chain (a project split or merged, or an ambiguous number) is not made, so each year of a project page
 * has one sheet. The chain key is permanent (docs/IDS.md): `j<事業ID>` when a sheet of the chain has a
 * JUDGIT 事業ID (the earliest such sheet's), else the id of the chain's earliest sheet, so adding a later
 * year never changes it. Pure and browser-safe (no Node modules).
 */
import { numberSlug } from '../../shared/project-number.ts';
import { compareIds, compareJa } from './collate.ts';

export type LinkKind = 'judgit' | 'past' | 'inferred' | 'figures';

/** Links no source states (same name, or same figures): pages mark them as inferred. */
export function isInferredLink(kind: LinkKind | null | undefined): boolean {
  return kind === 'inferred' || kind === 'figures';
}

/** What chaining reads of a sheet. */
export interface ChainSheet {
  id: string;
  fiscalYear: number;
  ministry: string;
  title: string;
  projectNumber: string | null;
  history: {
    judgitProjectId: number | null;
    pastSheets: readonly { year: number; number: string }[];
    /** Stated budget columns (円): read for `figures` links. */
    budgets: readonly { year: number; total: number | null; executed: number | null }[];
  };
}

export interface ChainMember<S extends ChainSheet = ChainSheet> {
  sheet: S;
  /**
   * How this sheet is tied to the earlier years of the chain (the first sheet: to the later years): the
   * strongest of its links to them; `null` for a chain of one sheet. `inferred`: only by the same 府省庁
   * and 事業名, no stated link; `figures`: only by the same figures of a year both sheets report.
   */
  link: LinkKind | null;
}

export interface Chain<S extends ChainSheet = ChainSheet> {
  key: string;
  /** Oldest review year first, one per year. */
  members: ChainMember<S>[];
}

const STRENGTH: Record<LinkKind, number> = { judgit: 4, past: 3, inferred: 2, figures: 1 };

/** 府省庁 as compared across years: NFKC, no spaces (as ministrySlug compares it). */
export function ministryKey(ministry: string): string {
  return ministry.normalize('NFKC').replace(/\s+/g, '');
}

/** 事業名 as compared for inferred links: NFKC, no spaces. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, '');
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildChains<S extends ChainSheet>(sheets: readonly S[]): Chain<S>[] {
  const n = sheets.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const years: Set<number>[] = sheets.map((s) => new Set([s.fiscalYear]));
  /** Links made, as [later, earlier, kind]. */
  const edges: [number, number, LinkKind][] = [];
  const hasEarlier = new Array<boolean>(n).fill(false);
  const hasLater = new Array<boolean>(n).fill(false);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  /** Links `later` to `earlier` unless their chains share a review year; true when linked (or already). */
  const link = (later: number, earlier: number, kind: LinkKind): boolean => {
    let a = find(later);
    let b = find(earlier);
    if (a !== b) {
      if (years[a]!.size < years[b]!.size) [a, b] = [b, a];
      for (const y of years[b]!) if (years[a]!.has(y)) return false;
      for (const y of years[b]!) years[a]!.add(y);
      parent[b] = a;
    }
    edges.push([later, earlier, kind]);
    hasEarlier[later] = true;
    hasLater[earlier] = true;
    return true;
  };
  const byYearThenId = (i: number, j: number) => sheets[i]!.fiscalYear - sheets[j]!.fiscalYear || compareIds(sheets[i]!.id, sheets[j]!.id);

  // The figures each sheet states for a year (予算額（計） and 執行額, 円), by 府省庁 and by 事業名: for links 1 and 4.
  const figuresOf = (s: ChainSheet, year: number) => {
    const b = s.history.budgets.find((x) => x.year === year);
    return b && b.total !== null && b.total !== 0 && b.executed !== null ? `${year}|${b.total}|${b.executed}` : null;
  };
  const byFigures = new Map<string, number[]>();
  const byMovedFigures = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const s = sheets[i]!;
    for (const b of s.history.budgets) {
      const f = figuresOf(s, b.year);
      if (!f) continue;
      push(byFigures, `${ministryKey(s.ministry)}|${f}`, i);
      push(byMovedFigures, `${titleKey(s.title)}|${f}`, i);
    }
  }
  /** The figures of a sheet's first year that has both (`year|total|executed`), or null. */
  const firstFigures = (s: ChainSheet): string | null => s.history.budgets.map((b) => figuresOf(s, b.year)).find((f) => f !== null) ?? null;

  // 1. JUDGIT 事業ID: consecutive sheets of one id, oldest first. JUDGIT sometimes gives one project's
  // 事業ID to another (2017 個人情報保護委員会 新30-0001 広聴・相談業務 and 2019 0001 特定個人情報の監視・監督
  // share 事業ID 1; 131 such links over the shared 2015–2019): a link between two differently named sheets is not made
  // when the later sheet's name and figures both name another sheet of the earlier year.
  const contradicted = (later: number, earlier: number): boolean => {
    const a = sheets[earlier]!;
    const b = sheets[later]!;
    const f = firstFigures(b);
    if (titleKey(a.title) === titleKey(b.title) || !f) return false;
    const named = (byFigures.get(`${ministryKey(b.ministry)}|${f}`) ?? []).filter(
      (j) => sheets[j]!.fiscalYear === a.fiscalYear && titleKey(sheets[j]!.title) === titleKey(b.title),
    );
    return named.length === 1 && named[0] !== earlier;
  };
  const byJudgit = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const j = sheets[i]!.history.judgitProjectId;
    if (j !== null) push(byJudgit, j, i);
  }
  for (const group of byJudgit.values()) {
    group.sort(byYearThenId);
    for (let k = 1; k < group.length; k++) if (!contradicted(group[k]!, group[k - 1]!)) link(group[k]!, group[k - 1]!, 'judgit');
  }

  // 2. Stated past sheets: year + 事業番号 within the same 府省庁 (only a number that names one sheet).
  const byNumber = new Map<string, number[]>();
  const numberKey = (ministry: string, year: number, number: string) => {
    const slug = numberSlug(number);
    return slug ? `${ministryKey(ministry)}|${year}|${slug}` : null;
  };
  for (let i = 0; i < n; i++) {
    const s = sheets[i]!;
    const k = s.projectNumber ? numberKey(s.ministry, s.fiscalYear, s.projectNumber) : null;
    if (k) push(byNumber, k, i);
  }
  const newestFirst = [...sheets.keys()].sort((i, j) => -byYearThenId(i, j));
  for (const i of newestFirst) {
    const s = sheets[i]!;
    for (const ps of [...s.history.pastSheets].sort((a, b) => b.year - a.year)) {
      if (ps.year >= s.fiscalYear) continue;
      const k = numberKey(s.ministry, ps.year, ps.number);
      const found = k ? byNumber.get(k) : undefined;
      if (found?.length === 1) link(i, found[0]!, 'past');
    }
  }

  // 3. Inferred: same 府省庁 and 事業名 in the neighbouring review year, where no link is stated.
  // The neighbouring year is the 府省庁's previous review year on the site: sources cover different years
  // (JUDGIT 2015, 2017 … and RS from 2024), so "year − 1" would miss most, and another 府省庁's year says nothing.
  const yearsOf = new Map<string, number[]>();
  for (const s of sheets) {
    const ys = yearsOf.get(ministryKey(s.ministry)) ?? [];
    if (!ys.includes(s.fiscalYear)) ys.push(s.fiscalYear);
    yearsOf.set(ministryKey(s.ministry), ys);
  }
  const previousYear = (s: ChainSheet): number | null => {
    const earlier = yearsOf.get(ministryKey(s.ministry))!.filter((y) => y < s.fiscalYear);
    return earlier.length ? Math.max(...earlier) : null;
  };
  const byName = new Map<string, number[]>();
  const nameKey = (s: ChainSheet, year: number) => `${ministryKey(s.ministry)}|${year}|${titleKey(s.title)}`;
  for (let i = 0; i < n; i++) {
    const k = nameKey(sheets[i]!, sheets[i]!.fiscalYear);
    push(byName, k, i);
  }
  for (const i of [...sheets.keys()].sort(byYearThenId)) {
    const s = sheets[i]!;
    const prev = previousYear(s);
    if (hasEarlier[i] || prev == null) continue;
    if (byName.get(nameKey(s, s.fiscalYear))!.length !== 1) continue;
    const candidates = byName.get(nameKey(s, prev)) ?? [];
    if (candidates.length === 1 && !hasLater[candidates[0]!]) link(i, candidates[0]!, 'inferred');
  }

  // 4. Inferred from figures: the same 予算額（計） and 執行額 of a year both sheets report (indexed above).
  /** The later sheet's first year with figures; the earlier sheet that restates them, if one only. */
  const byFiguresOf = (i: number, map: Map<string, number[]>, key: (f: string) => string): number | null => {
    const s = sheets[i]!;
    const first = firstFigures(s);
    const all = first ? map.get(key(first)) ?? [] : [];
    if (all.filter((j) => sheets[j]!.fiscalYear === s.fiscalYear).length !== 1) return null;
    const earlier = all.filter((j) => sheets[j]!.fiscalYear < s.fiscalYear);
    const year = Math.max(...earlier.map((j) => sheets[j]!.fiscalYear));
    const found = earlier.filter((j) => sheets[j]!.fiscalYear === year);
    return found.length === 1 && !hasLater[found[0]!] ? found[0]! : null;
  };
  // Two 事業名 with no two consecutive characters in common: the figures of one year can be a coincidence then
  // (over the five shared JUDGIT years, 気候・海洋情報処理業務 → 城泊・寺泊による歴史的資源の活用 and 5 more), so
  // the next year's 予算額（計） must agree too (it does for バーゼル条約実施等経費 and 8 more).
  const bigrams = (title: string) => {
    const k = titleKey(title);
    return new Set(Array.from({ length: Math.max(0, k.length - 1) }, (_, j) => k.slice(j, j + 2)));
  };
  const unrelatedNames = (a: ChainSheet, b: ChainSheet) => {
    const ga = bigrams(a.title);
    return ![...bigrams(b.title)].some((g) => ga.has(g));
  };
  const nextYearAgrees = (a: ChainSheet, b: ChainSheet) => {
    const year = Number(firstFigures(b)!.split('|')[0]) + 1;
    const total = (s: ChainSheet) => s.history.budgets.find((x) => x.year === year)?.total ?? null;
    return total(a) !== null && total(a) === total(b);
  };
  for (const i of [...sheets.keys()].sort(byYearThenId)) {
    if (hasEarlier[i]) continue;
    const s = sheets[i]!;
    const earlier =
      byFiguresOf(i, byFigures, (f) => `${ministryKey(s.ministry)}|${f}`) ?? byFiguresOf(i, byMovedFigures, (f) => `${titleKey(s.title)}|${f}`);
    if (earlier !== null && (!unrelatedNames(sheets[earlier]!, s) || nextYearAgrees(sheets[earlier]!, s))) link(i, earlier, 'figures');
  }

  // Chains, oldest member first; keys given in the order of the chains' earliest sheets.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    push(groups, r, i);
  }
  const chains = [...groups.values()].map((g) => g.sort(byYearThenId)).sort((a, b) => byYearThenId(a[0]!, b[0]!));
  const strongest = (kinds: LinkKind[]): LinkKind | null => kinds.reduce<LinkKind | null>((a, k) => (a === null || STRENGTH[k] > STRENGTH[a] ? k : a), null);
  const toEarlier = new Map<number, LinkKind[]>();
  const toLater = new Map<number, LinkKind[]>();
  for (const [later, earlier, kind] of edges) {
    toEarlier.set(later, [...(toEarlier.get(later) ?? []), kind]);
    toLater.set(earlier, [...(toLater.get(earlier) ?? []), kind]);
  }
  const linkOf = (i: number, first: boolean): LinkKind | null =>
    strongest((first ? toLater.get(i) : toEarlier.get(i)) ?? []) ?? strongest([...(toEarlier.get(i) ?? []), ...(toLater.get(i) ?? [])]);
  const taken = new Set<string>();
  return chains.map((g) => {
    const withJudgit = g.find((i) => sheets[i]!.history.judgitProjectId !== null);
    let key = withJudgit === undefined ? sheets[g[0]!]!.id : `j${sheets[withJudgit]!.history.judgitProjectId}`;
    // Two chains of one 事業ID (two sheets of one year carried it): the later ones keep their earliest sheet's id.
    if (taken.has(key)) key = sheets[g[0]!]!.id;
    taken.add(key);
    return { key, members: g.map((i, k) => ({ sheet: sheets[i]!, link: g.length > 1 ? linkOf(i, k === 0) : null })) };
  });
}
