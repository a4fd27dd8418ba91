/**
 * Every non-empty cell of the RS tables 1-1 … 4-1 and 6-1 of the shipped subset (sheets/rs2024/, beyond
 * the 13 key columns) is on the sheet page of its project, for every shipped project — the page side of
 * tests/unit/rs-cell-walk.ts (which finds each cell in the record). The spending tables 5-1 … 5-4 are
 * walked by rs-spending-cells.test.ts. Each cell is looked for in the form the page shows it: text as
 * stated (whitespace ignored), amounts in 百万円 (or the exact 円 the page keeps in a value attribute),
 * 執行率 by its stated decimal, years as years, flags by the word they set. The CSVs are read here with
 * papaparse, independently of the converter.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite, entryIds } from '../support/sites.ts';
import { pageText, readPage } from '../support/site-text.ts';
import { readTable, KEY_COLUMNS } from '../support/rs-cell-walk.ts';
import { isNoValue } from '../../scripts/converter/normalize/blank.ts';
import { formatMillionYenNumber } from '../../src/shared/format.ts';

const site = builtSite('root');
const DIR = path.resolve('sheets/rs2024');
const squash = (s: string) => s.replace(/\s+/g, '');

interface Page {
  html: string;
  text: string;
}
const pages = new Map<string, Page | null>();
function pageOf(project: string): Page | null {
  if (!pages.has(project)) {
    const id = entryIds(site).find((x) => x.endsWith(`-rs${project}`));
    const file = id ? path.join(site.dist, 'sheets', id, 'index.html') : null;
    const html = file && existsSync(file) ? readPage(file) : null;
    pages.set(project, html === null ? null : { html, text: squash(pageText(html)) });
  }
  return pages.get(project)!;
}

/**
 * How a cell shows on the page: the texts any of which must be there (page text, whitespace ignored,
 * or for `attr`, the raw markup), or null when the page shows nothing for it by design.
 */
type Shown = { text: string[] } | { attr: string[] } | null;
type Kind = (cell: string) => Shown;

const text: Kind = (c) => ({ text: [squash(c)] });
const yenOf = (c: string) => Number(c.trim().replace(/\.0+$/, ''));
const amount: Kind = (c) => {
  const n = yenOf(c);
  return { text: [formatMillionYenNumber(n), `${n.toLocaleString('en-US')}円`] };
};
/** A rate stated as a fraction (執行率 0.5095): the page keeps the stated decimal in the value attribute. */
const rate: Kind = (c) => ({ attr: [`value="${Number(c.trim())}"`] });
/** A year (2014): shown with its era, "2014（平成26）年度". */
const fiscalYear: Kind = (c) => ({ text: [`${Number(c.trim())}（`] });
/** A flag (TRUE / 1): shown as the word it sets; unset, nothing is shown by design. */
const flagWord = (word: string): Kind => (c) => (['true', 't', '1'].includes(c.trim().toLowerCase()) ? { text: [word] } : null);
/** Text the RS export marks as text with a leading apostrophe ('1/2): shown without it. */
const marked: Kind = (c) => ({ text: [squash(c.replace(/^'/, ''))] });
const skip: Kind = () => null;
const amounts = (...columns: string[]) => Object.fromEntries(columns.map((c) => [c, amount]));

function walk(file: string, kinds: Record<string, Kind>, pageFor = pageOf): { cells: number; pagesSeen: number; missing: string[] } {
  const { header, rows } = readTable(path.join(DIR, file));
  const missing: string[] = [];
  const seen = new Set<string>();
  let cells = 0;
  for (const { line, row } of rows) {
    const project = row['予算事業ID']!.trim();
    const page = pageFor(project);
    seen.add(project);
    for (const column of header.slice(KEY_COLUMNS)) {
      const cell = row[column] ?? '';
      if (isNoValue(cell)) continue;
      const want = (kinds[column] ?? text)(cell);
      if (want === null) continue;
      cells++;
      const found = page !== null && ('text' in want ? want.text.some((t) => page.text.includes(t)) : want.attr.some((a) => page.html.includes(a)));
      if (!found) missing.push(`${file} line ${line} (project ${project}) ${column}: ${cell.slice(0, 50)} (looked for ${JSON.stringify('text' in want ? want.text : want.attr).slice(0, 80)})`);
    }
  }
  return { cells, pagesSeen: seen.size, missing };
}

const TABLES: [string, string, Record<string, Kind>][] = [
  ['1-1', '1-1_RS_2024_基本情報_組織情報.csv', { その他担当組織_作成責任者_no: skip }],
  ['1-2', '1-2_RS_2024_基本情報_事業概要等.csv', {
    整理表表示順: skip, 事業開始年度: fiscalYear, '事業終了（予定）年度': fiscalYear,
    開始年度不明: flagWord('開始年度不明'), 終了予定なし: flagWord('終了予定なし'),
    ...Object.fromEntries(['直接実施', '補助', '負担', '交付', '分担金・拠出金', 'その他'].map((m) => [`実施方法ー${m}`, flagWord(m)])),
  }],
  ['1-3', '1-3_RS_2024_基本情報_政策・施策、法令等.csv', { '番号（政策・施策）': skip, '番号（根拠法令）': skip, '番号（関係する計画・通知等）': skip }],
  ['1-4', '1-4_RS_2024_基本情報_補助率等.csv', { '番号（補助率等）': skip, 補助率: marked, 補助上限等: marked }],
  ['1-5', '1-5_RS_2024_基本情報_関連事業.csv', { '番号（関連事業）': skip }],
  ['2-1', '2-1_RS_2024_予算・執行_サマリ.csv', {
    予算年度: fiscalYear, 執行率: rate,
    ...amounts(
      '当初予算（合計）', '補正予算（合計）', '前年度からの繰越し（合計）', '予備費等（合計）', '計（歳出予算現額合計）', '執行額（合計）',
      '翌年度への繰越し(合計）', '翌年度要求額（合計）', '当初予算', '第1次補正予算', '第2次補正予算', '第3次補正予算', '第4次補正予算',
      '第5次補正予算', '前年度から繰越し', '予備費等1', '予備費等2', '予備費等3', '予備費等4', '歳出予算現額', '執行額', '翌年度要求額', '要望額',
    ),
  }],
  ['2-2', '2-2_RS_2024_予算・執行_予算種別・歳出予算項目.csv', { 予算年度: fiscalYear, ...amounts('予算額（歳出予算項目ごと）', '翌年度要求額（歳出予算項目ごと）') }],
  ['3-2', '3-2_RS_2024_効果発現経路_目標のつながり.csv', {}],
  ['4-1', '4-1_RS_2024_点検・評価.csv', { ...amounts('反映額（一般会計）', '反映額（特別会計）－反映額') }],
  ['6-1', '6-1_RS_2024_その他備考.csv', {}],
];

describe('every non-empty cell of 1-1 … 4-1 and 6-1 is on its project\'s sheet page, for every shipped project', () => {
  it.each(TABLES)('%s', (_id, file, kinds) => {
    const { cells, pagesSeen, missing } = walk(file, kinds);
    process.stderr.write(`[rs-basic-cells] ${file}: ${cells} cells of ${pagesSeen} projects, ${missing.length} missing\n`);
    expect(missing).toEqual([]);
  });

  it('finds a cell missing from a page (projects 4 and 274 without 終了予定なし, 4 without its その他担当組織 局・庁)', () => {
    const page = (project: string): Page | null => {
      const p = pageOf(project);
      return project === '4' || project === '274' ? { html: p!.html, text: p!.text.replaceAll('終了予定なし', '').replaceAll('戦略・組織', '') } : p;
    };
    expect(walk(TABLES[0]![1], TABLES[0]![2], page).missing).toEqual([
      '1-1_RS_2024_基本情報_組織情報.csv line 3 (project 4) 局・庁（その他担当組織）: 戦略・組織 (looked for ["戦略・組織"])',
    ]);
    expect(walk(TABLES[1]![1], TABLES[1]![2], page).missing).toEqual([
      '1-2_RS_2024_基本情報_事業概要等.csv line 3 (project 4) 終了予定なし: TRUE (looked for ["終了予定なし"])',
      '1-2_RS_2024_基本情報_事業概要等.csv line 30 (project 274) 終了予定なし: TRUE (looked for ["終了予定なし"])',
    ]);
  });
});
