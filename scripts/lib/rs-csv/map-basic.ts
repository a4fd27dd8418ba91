/**
 * Tables 1-1 … 1-5 (基本情報): organisation, overview, policies and laws, subsidy rates, related projects.
 */
import { cell, pushUnique, RowError, type Mapper } from './parts.ts';
import { flag, stripTextMarker, text, year } from './values.ts';

const DIVISION_COLUMNS = ['部', '課', '室', '班', '係'];

/** 1-1: one row per (other organisation, 作成責任者) pair; the project's own organisation repeats. */
export const organisation: Mapper<'1-1'> = {
  init: () => ({ bureau: null, division: null, managers: [] }),
  add(part, row) {
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

/** 旧事業番号 such as "2023-デジ-22-0001": the leading year is the review year of that earlier sheet. */
const PAST_NUMBER = /^(\d{4})-/;

/** 1-2: one row per 主要経費; the other columns repeat. */
export const overview: Mapper<'1-2'> = {
  init: () => ({
    purpose: null,
    issues: null,
    overview: null,
    category: null,
    startYear: null,
    endYear: null,
    majorExpenses: [],
    implementation: [],
    remarks: null,
    pastSheets: [],
    seen: false,
  }),
  add(part, row, ctx) {
    pushUnique(part.majorExpenses, text(row.get('主要経費')));
    for (const c of METHOD_COLUMNS) {
      // 1/blank flags: blank means the method is not used.
      if (cell(row, c, flag) === true) pushUnique(part.implementation, c.slice(METHOD_PREFIX.length));
    }
    const past = text(row.get('旧事業番号'));
    if (past !== null && !part.pastSheets.some((p) => p.number === past)) {
      const m = PAST_NUMBER.exec(past);
      if (m) part.pastSheets.push({ year: Number(m[1]), number: past });
      else
        ctx.warn({
          code: 'unparsed-value',
          section: 'pastSheets',
          message: `旧事業番号「${past}」から年度を読み取れないため、過去のレビューシートとして扱っていません。`,
        });
    }
    if (part.seen) return;
    part.seen = true;
    part.purpose = text(row.get('事業の目的'));
    part.issues = text(row.get('現状・課題'));
    part.overview = text(row.get('事業の概要'));
    part.category = text(row.get('事業区分'));
    const start = cell(row, '事業開始年度', year);
    const startUnknown = cell(row, '開始年度不明', flag);
    const end = cell(row, '事業終了（予定）年度', year);
    const noEnd = cell(row, '終了予定なし', flag);
    part.startYear = startUnknown === true ? null : start;
    part.endYear = noEnd === true ? null : end;
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
  init: () => ({ policies: [], laws: [], plans: [] }),
  add(part, row) {
    const policy = text(row.get('政策'));
    const measure = text(row.get('施策'));
    if (text(row.get('番号（政策・施策）')) !== null || policy !== null || measure !== null) {
      if (!part.policies.some((p) => p.policy === policy && p.measure === measure)) part.policies.push({ policy, measure });
    }
    pushUnique(
      part.laws,
      lawLine(text(row.get('法令名')), text(row.get('条')), text(row.get('項')), text(row.get('号・号の細分'))),
    );
    pushUnique(part.plans, text(row.get('計画通知名')));
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
    };
    if (rate.target === null && rate.rate === null && rate.cap === null) return;
    part.rates.push(rate);
  },
};

/** 1-5: one row per related project (関連事業の事業ID is an RS 予算事業ID). */
export const related: Mapper<'1-5'> = {
  init: () => ({ projects: [] }),
  add(part, row) {
    const number = text(row.get('関連事業の事業ID'));
    const title = text(row.get('関連事業の事業名'));
    if (number === null && title === null) {
      if (text(row.get('関連性')) !== null) throw new RowError('関連事業の事業ID', 'a 関連性 is given without a related project');
      return;
    }
    part.projects.push({ owner: null, number, title, relation: text(row.get('関連性')) });
  },
};
