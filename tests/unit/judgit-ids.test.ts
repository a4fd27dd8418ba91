/**
 * Ids of every sheet of the five whole JUDGIT years shared in ../shared/data/judgit-years (2015, 2017,
 * 2019, 2021, 2023; 26,395 sheets): all different, every 府省庁 and every 事業番号 abbreviation in the slug
 * tables (so no id falls back to a hash), and the ids the reader gives are these.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINISTRY_SLUGS, NUMBER_ABBREVIATION_SLUGS, sheetId } from '../../src/shared/ids.ts';
import { readJudgitText } from '../../scripts/converter/readers/judgit/index.ts';
import { unpackJudgitYears } from '../support/judgit-years.ts';

let remove = () => {};
const files: { rel: string; text: string }[] = [];

beforeAll(() => {
  const unpacked = unpackJudgitYears('judgit-ids-');
  files.push(...unpacked.files);
  remove = unpacked.remove;
}, 120_000);

afterAll(() => remove(), 60_000);

describe('ids of the five shared JUDGIT years', () => {
  it('are all different, and use only listed ministries and abbreviations', () => {
    expect(files).toHaveLength(26395);
    const ids = new Map<string, string>();
    const unlistedMinistries = new Set<string>();
    const unlistedAbbreviations = new Set<string>();
    for (const { rel, text } of files) {
      const j = JSON.parse(text);
      if (!(j['府省庁'] in MINISTRY_SLUGS)) unlistedMinistries.add(j['府省庁']);
      // 2021+: "2021-総務-20-0083" → the abbreviation is 事業番号2.
      if (j['公開年度'] >= 2021 && !(j['事業番号2'] in NUMBER_ABBREVIATION_SLUGS)) unlistedAbbreviations.add(j['事業番号2']);
      const id = sheetId({ fiscalYear: j['公開年度'], ministry: j['府省庁'], projectNumber: j['事業番号'], title: j['事業名'] });
      expect(id, rel).toMatch(/^\d{4}-[a-z-]+-[a-z0-9-]+$/);
      expect(ids.get(id), `${rel} and ${ids.get(id)} share ${id}`).toBeUndefined();
      ids.set(id, rel);
    }
    expect([...unlistedMinistries]).toEqual([]);
    expect([...unlistedAbbreviations]).toEqual([]);
    expect(ids.size).toBe(26395);
    // The two sheets that shared an id before abbreviations were kept (厚生労働省, 2023).
    expect(ids.get('2023-mhlw-2023-mlit-22-0621')).toBe('2023/厚生労働省/2023-国交-22-0621.json');
    expect(ids.get('2023-mhlw-2023-mhlw-22-0621')).toBe('2023/厚生労働省/2023-厚労-22-0621.json');
  }, 60_000);

  it('the reader gives each file that id, whatever the file is called', () => {
    const sample = files.filter((_, i) => i % 500 === 0);
    for (const { rel, text } of sample) {
      const j = JSON.parse(text);
      const want = sheetId({ fiscalYear: j['公開年度'], ministry: j['府省庁'], projectNumber: j['事業番号'], title: j['事業名'] });
      expect(readJudgitText(text, rel).records[0]!.id).toBe(want);
      expect(readJudgitText(text, 'renamed/elsewhere.json').records[0]!.id).toBe(want);
    }
  }, 60_000);
});
