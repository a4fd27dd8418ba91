import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRsTableFile } from '../../scripts/converter/readers/rs-csv/index.ts';
import { parseTableFileName, TABLES, TABLE_IDS, tableIdOfEntry, tableLabel } from '../../scripts/converter/readers/rs-csv/tables.ts';

const REAL = 'sheets/rs2024';
const FIXTURES = 'tests/fixtures/rs/goals-payees';

function headerOf(path: string): string[] {
  const first = readFileSync(path, 'utf8').split('\r\n')[0]!;
  return first.replace(/^\uFEFF/, '').split(',');
}

describe('table file names', () => {
  it('recognises the published zips and CSVs, and nothing else', () => {
    expect(isRsTableFile('1-1_RS_2024_基本情報_組織情報.zip')).toBe(true);
    expect(isRsTableFile('5-1_RS_2024_支出先_支出情報.csv')).toBe(true);
    expect(isRsTableFile('2-1_RS_2024_予算・執行_サマリ.CSV')).toBe(true);
    expect(isRsTableFile('_subset_ids_and_reasons.json')).toBe(false);
    expect(isRsTableFile('7-1_RS_2024_unknown.csv')).toBe(false);
    expect(isRsTableFile('000_ef263abaeb28aada.txt')).toBe(false);
  });

  it('reads table id, year and kind from the name', () => {
    expect(parseTableFileName('3-1_RS_2024_効果発現経路_目標・実績.zip')).toEqual({ id: '3-1', year: 2024, kind: 'zip' });
    // zip entry names may be Shift_JIS mojibake: only the ASCII prefix counts
    expect(tableIdOfEntry('2-2_RS_2024_\u0097\u00bd.csv')).toBe('2-2');
    expect(tableLabel('5-1')).toBe('5-1 支出先_支出情報');
  });
});

describe('the registry matches the published headers', () => {
  const files = readdirSync(REAL).filter(isRsTableFile);

  it('has the 13 published tables and the reconstructed 5-1 here', () => {
    expect(files).toHaveLength(14);
  });

  it.each(files)('%s', (name) => {
    const id = parseTableFileName(name)!.id;
    expect(headerOf(join(REAL, name))).toEqual([...TABLES[id].columns]);
  });

  it.each(['3-1', '5-1'] as const)('%s (fixture written to the recorded header)', (id) => {
    const name = readdirSync(FIXTURES).find((n) => n.startsWith(`${id}_`))!;
    const header = headerOf(join(FIXTURES, name));
    expect(header).toEqual([...TABLES[id].columns]);
    expect(header).toHaveLength(id === '3-1' ? 82 : 32);
  });

  it('every required column is a published column', () => {
    for (const id of TABLE_IDS) {
      for (const c of TABLES[id].required) expect(TABLES[id].columns).toContain(c);
    }
  });
});
