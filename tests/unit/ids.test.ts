import { describe, it, expect } from 'vitest';
import { sheetId, ministrySlug, numberSlug } from '../../src/shared/ids.ts';

describe('sheetId', () => {
  it.each([
    [{ fiscalYear: 2024, ministry: '内閣官房', rsBudgetProjectId: 1, title: '内閣人事局経費' }, '2024-cas-rs1'],
    [{ fiscalYear: 2024, ministry: '国土交通省気象庁', rsBudgetProjectId: '4096', title: 'x' }, '2024-jma-rs4096'],
    [{ fiscalYear: 2016, ministry: '総務省', projectNumber: '新27-0011', title: 'M2Mセキュリティ実証事業' }, '2016-soumu-shin27-0011'],
    [{ fiscalYear: 2021, ministry: '総務省', projectNumber: '2021-総務-20-0083', title: 'x' }, '2021-soumu-2021-soumu-20-0083'],
  ])('%o → %s', (parts, id) => {
    expect(sheetId(parts)).toBe(id);
  });

  it('falls back to a hash of the NFKC title, independent of the file name', () => {
    const a = sheetId({ fiscalYear: 2022, ministry: '総務省', title: 'サイバーセキュリティ情報共有推進事業' });
    expect(a).toMatch(/^2022-soumu-t[0-9a-f]{8}$/);
    // Full-width and half-width spellings of the same name give the same id.
    expect(sheetId({ fiscalYear: 2022, ministry: '総務省', title: 'ＡＢＣ事業' })).toBe(
      sheetId({ fiscalYear: 2022, ministry: '総務省', title: 'ABC事業' }),
    );
  });

  it('gives unlisted ministries a stable hashed slug', () => {
    const s = ministrySlug('架空省');
    expect(s).toMatch(/^m[0-9a-f]{6}$/);
    expect(ministrySlug('架空省')).toBe(s);
    expect(ministrySlug('国土交通省　気象庁')).toBe('jma');
  });

  it('keeps only ASCII of a printed number and rejects an empty result', () => {
    expect(numberSlug('新31-0015')).toBe('shin31-0015');
    expect(numberSlug('総務省')).toBeNull();
  });
});
