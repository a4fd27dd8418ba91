/**
 * Tables 1-1 … 1-5 (基本情報): organisation, overview, policies and laws, subsidy rates, related projects.
 */
import { cell, pushUnique, type Mapper } from './parts.ts';
import { readPastNumbers } from './past-numbers.ts';
import type { Row } from './read-table.ts';
import { flag, stripTextMarker, text, year } from './values.ts';

const DIVISION_COLUMNS = ['部', '課', '室', '班', '係'];

const OTHER_ORG_COLUMNS = ['府省庁', '局・庁', ...DIVISION_COLUMNS].map((c) => `${c}（その他担当組織）`);

/** The stated parts of an organisation, space-joined; `null` when none is stated. */
function joined(row: Row, columns: string[]): string | null {
  const parts = columns.map((c) => text(row.get(c))).filter((v): v is string => v !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * 1-1: one row per (other organisation, 作成責任者) pair, numbered by その他担当組織_作成責任者_no; the
 * project's own organisation repeats. Either half of a row may be blank.
 */
export const organisation: Mapper<'1-1'> = {
  init: () => ({ bureau: null, division: null, managers: [], others: [] }),
  add(part, row) {
    pushUnique(part.others, joined(row, OTHER_ORG_COLUMNS));
    part.bureau ??= text(row.get('局・庁'));
    if (part.division === null) {
      const parts = DIVISION_COLUMNS.map((c) => text(row.get(c))).filter((v): v is string => v !== null);
      part.division = parts.length > 0 ? parts.join(' ') : null;
    }
    pushUnique(part.managers, text(row.get('作成責任者')));
  },
};

const METHOD_PREFIX = '実施方法ー';
const METHOD_COLUMNS = ['直接実施', '補助', '負担', '交付', '分担金・拠出金', 'その他'].map((m) => METHOD_PREFIX + m);

/** 1-2: one row per 主要経費; the other columns repeat. */
export const overview: Mapper<'1-2'> = {
  init: () => ({
    purpose: null,
    issues: null,
    overview: null,
    category: null,
    startYear: null,
    startYearUnknown: false,
    endYear: null,
    noPlannedEnd: false,
    majorExpenses: [],
    implementation: [],
    remarks: null,
    overviewUrl: null,
    pastSheets: [],
    pastUnparsed: [],
    seen: false,
  }),
  add(part, row, ctx) {
    pushUnique(part.majorExpenses, text(row.get('主要経費')));
    for (const c of METHOD_COLUMNS) {
      // 1/blank flags: blank means the method is not used.
      if (cell(row, c, flag, ctx, 'basics') === true) pushUnique(part.implementation, c.slice(METHOD_PREFIX.length));
    }
    const past = text(row.get('旧事業番号'));
    if (past !== null) {
      const { sheets, unparsed } = readPastNumbers(past);
      for (const ps of sheets) {
        if (!part.pastSheets.some((p) => p.year === ps.year && p.number === ps.number && p.written === ps.written)) part.pastSheets.push(ps);
      }
      for (const u of unparsed) {
        if (part.pastUnparsed.includes(u)) continue;
        part.pastUnparsed.push(u);
        ctx.warn({
          code: 'unparsed-value',
          section: 'pastSheets',
          message: `旧事業番号「${u}」から年度を読み取れないため、記載のまま示し、過去のレビューシートへのリンクはしていません。`,
        });
      }
    }
    if (part.seen) return;
    part.seen = true;
    part.purpose = text(row.get('事業の目的'));
    part.issues = text(row.get('現状・課題'));
    part.overview = text(row.get('事業の概要'));
    part.overviewUrl = text(row.get('事業概要URL'));
    part.category = text(row.get('事業区分'));
    const start = cell(row, '事業開始年度', year, ctx, 'basics');
    const startUnknown = cell(row, '開始年度不明', flag, ctx, 'basics');
    const end = cell(row, '事業終了（予定）年度', year, ctx, 'basics');
    const noEnd = cell(row, '終了予定なし', flag, ctx, 'basics');
    // Years and flags are kept as stated: a year beside 終了予定なし is not dropped (27 shipped projects).
    part.startYear = start;
    part.startYearUnknown = startUnknown === true;
    part.endYear = end;
    part.noPlannedEnd = noEnd === true;
    part.remarks = text(row.get('備考'));
  },
};

function lawLine(name: string | null, article: string | null, paragraph: string | null, item: string | null): string | null {
  if (name === null) return null;
  // 項 is written as a bare number ("2"); 条 and 号 are written with 第…条/号 or as stated.
  const para = paragraph === null ? null : /^\d+$/.test(paragraph.normalize('NFKC')) ? `第${paragraph}項` : paragraph;
  return [name, article, para, item].filter((v) => v !== null).join(' ');
}

/**
 * 1-3: three independent lists side by side (policies, laws, plans); a row carries the n-th entry of each
 * list that has one, so each list is read from its own columns.
 */
export const policies: Mapper<'1-3'> = {
  init: () => ({ policies: [], laws: [], lawRefs: [], plans: [], planRefs: [] }),
  add(part, row) {
    const policy = text(row.get('政策'));
    const measure = text(row.get('施策'));
    const ministry = text(row.get('政策所管府省庁_P'));
    const policyUrl = text(row.get('政策・施策URL'));
    if (text(row.get('番号（政策・施策）')) !== null || policy !== null || measure !== null || policyUrl !== null) {
      if (!part.policies.some((p) => p.policy === policy && p.measure === measure && p.url === policyUrl)) {
        part.policies.push({ ministry, policy, measure, url: policyUrl });
      }
    }
    const law = {
      name: text(row.get('法令名')),
      lawNumber: text(row.get('法令番号')),
      lawId: text(row.get('法令ID')),
      article: text(row.get('条')),
      paragraph: text(row.get('項')),
      item: text(row.get('号・号の細分')),
    };
    pushUnique(part.laws, lawLine(law.name, law.article, law.paragraph, law.item));
    const same = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
    if (Object.values(law).some((v) => v !== null) && !part.lawRefs.some((l) => same(l, law))) part.lawRefs.push(law);
    const plan = { name: text(row.get('計画通知名')), url: text(row.get('計画通知等URL')) };
    pushUnique(part.plans, plan.name);
    if ((plan.name !== null || plan.url !== null) && !part.planRefs.some((p) => same(p, plan))) part.planRefs.push(plan);
  },
};

/** 1-4: one row per 補助対象. */
export const subsidies: Mapper<'1-4'> = {
  init: () => ({ rates: [] }),
  add(part, row) {
    const rate = {
      target: text(row.get('補助対象')),
      rate: stripTextMarker(text(row.get('補助率'))),
      cap: stripTextMarker(text(row.get('補助上限等'))),
      url: text(row.get('補助率URL')),
    };
    if (rate.target === null && rate.rate === null && rate.cap === null && rate.url === null) return;
    part.rates.push(rate);
  },
};

/** 1-5: one row per related project (関連事業の事業ID is an RS 予算事業ID). */
export const related: Mapper<'1-5'> = {
  init: () => ({ projects: [] }),
  add(part, row) {
    const number = text(row.get('関連事業の事業ID'));
    const title = text(row.get('関連事業の事業名'));
    // A 関連性 without a related project is still what the sheet says: kept, with neither ID nor name.
    if (number === null && title === null && text(row.get('関連性')) === null) return;
    part.projects.push({ owner: null, number, title, relation: text(row.get('関連性')) });
  },
};
