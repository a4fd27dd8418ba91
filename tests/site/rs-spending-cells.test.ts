/**
 * Every non-empty cell of the spending tables 5-1 … 5-4 of the real subset is on its sheet's pages (the sheet
 * page, and its continuation pages of payees and 費目・使途 when it has them), in the
 * form the page shows it: text as stated, amounts in 百万円 (exact decimals), 落札率 in percent, counts as
 * numbers, 法人種別 codes as stated. Flags (TRUE/FALSE, t/f) are shown only when set (as the words
 * "その他の契約" / "その他支出先"), so only set flags are looked for; 担当組織からの支出 is the flow table's
 * 支出元 (the ministry), not a word. Whitespace is ignored (cells wrap, <br> separates lines).
 * The CSVs are read here with papaparse, independently of the converter.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { builtSite, entryIds } from '../support/sites.ts';
import { listFiles, pageText, readPage } from '../support/site-text.ts';
import { isNoValue } from '../../scripts/converter/normalize/blank.ts';
import { formatMillionYenNumber } from '../../src/shared/format.ts';

const site = builtSite('base');
const DIR = path.resolve('sheets/rs2024');
const KEY_COLUMNS = 13;

const squash = (s: string) => s.replace(/\s+/g, '');
const pages = new Map<string, string>();
function pageOf(rsId: string): string | null {
  if (!pages.has(rsId)) {
    const id = entryIds(site).find((x) => x.endsWith(`-rs${rsId}`));
    // The sheet page and the pages it continues on (its payees past the first 60, its 費目・使途 tables when
    // they are many: src/lib/view/payee-pages.ts), all under /sheets/<id>/.
    const dir = id ? path.join(site.dist, 'sheets', id) : null;
    const files = dir && existsSync(path.join(dir, 'index.html')) ? listFiles(dir, '.html') : [];
    pages.set(rsId, files.map((f) => squash(pageText(readPage(f)))).join(''));
  }
  return pages.get(rsId) || null;
}

type Kind = 'text' | 'yen' | 'percent' | 'count' | 'flag' | 'skip';
const yen = (s: string) => Number(s.trim().replace(/\.0+$/, ''));

/** The text a cell shows as on the page, or null when nothing is shown for it (an unset flag). */
function shown(kind: Kind, cell: string, flagWord: string): string | null {
  switch (kind) {
    case 'yen': return formatMillionYenNumber(yen(cell));
    // The percent as the cell writes it, trailing zeros dropped ("99.90" → "99.9"), as the page shows it:
    // dividing by 100 in floating point here would look for 94.40000000000001.
    case 'percent': return String(Number(cell.trim()));
    case 'count': return String(yen(cell));
    case 'flag': return ['true', 't', '1'].includes(cell.trim().toLowerCase()) ? flagWord : null;
    case 'skip': return null;
    default: return squash(cell);
  }
}

function walk(file: string, kinds: Record<string, Kind>, flagWords: Record<string, string> = {}): { cells: number; missing: string[] } {
  const text = readFileSync(path.join(DIR, file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const missing: string[] = [];
  let cells = 0;
  rows.forEach((row, i) => {
    const page = pageOf(row[2]!.trim());
    header!.slice(KEY_COLUMNS).forEach((column, j) => {
      const cell = row[KEY_COLUMNS + j] ?? '';
      if (isNoValue(cell)) return;
      const want = shown(kinds[column] ?? 'text', cell, flagWords[column] ?? '');
      if (want === null) return;
      cells++;
      if (page === null || !page.includes(want)) missing.push(`${file} line ${i + 2} ${column}: ${cell.slice(0, 40)} (looked for "${want.slice(0, 40)}")`);
    });
  });
  return { cells, missing };
}

describe('every non-empty cell of 5-1 … 5-4 is on its sheet page', () => {
  it('5-1 支出先_支出情報 (reconstructed)', () => {
    const { cells, missing } = walk(
      '5-1_RS_2024_支出先_支出情報.csv',
      {
        支出先の数: 'count', ブロックの合計支出額: 'yen', 支出先の合計支出額: 'yen', 金額: 'yen', 入札者数: 'count', 落札率: 'percent',
        その他支出先: 'flag', その他の契約: 'flag',
      },
      { その他支出先: 'その他支出先', その他の契約: 'その他の契約' },
    );
    expect(cells).toBeGreaterThan(50000);
    expect(missing).toEqual([]);
  });

  it('5-2 支出ブロックのつながり (補足情報, 間接経費)', () => {
    const { cells, missing } = walk('5-2_RS_2024_支出先_支出ブロックのつながり.csv', {
      担当組織からの支出: 'skip', 国自らが支出する間接経費の金額: 'yen',
    });
    expect(cells).toBeGreaterThan(4000);
    expect(missing).toEqual([]);
  });

  it('5-3 費目・使途', () => {
    const { cells, missing } = walk('5-3_RS_2024_支出先_費目・使途.csv', { 金額: 'yen' });
    expect(cells).toBe(12836);
    expect(missing).toEqual([]);
  });

  it('5-4 国庫債務負担行為等による契約', () => {
    const Q = '（国庫債務負担行為等による契約）';
    const { cells, missing } = walk(
      '5-4_RS_2024_支出先_国庫債務負担行為等による契約.csv',
      {
        [`契約額${Q}`]: 'yen', [`入札者数（応募者数）${Q}`]: 'count', [`落札率（％）${Q}`]: 'percent',
        その他の契約: 'flag', [`その他の契約${Q}`]: 'flag',
      },
      { その他の契約: 'その他の契約', [`その他の契約${Q}`]: 'その他の契約（国庫債務負担行為等）' },
    );
    expect(cells).toBeGreaterThan(3500);
    expect(missing).toEqual([]);
  });
});
