/** Era labels next to Western fiscal years (src/shared/era.ts). */
import { describe, expect, it } from 'vitest';
import { eraName, eraOf, fiscalYearLabel, fiscalYearShortLabel, lastEraYear, westernYear, yearLabel } from '../../src/shared/era.ts';
import { textSample } from '../support/sample-records.ts';

describe('fiscalYearLabel', () => {
  it.each([
    [2021, '2021（令和3）年度'],
    [2019, '2019（令和元）年度'],
    [2020, '2020（令和2）年度'],
    [2018, '2018（平成30）年度'],
    [1989, '1989（平成元）年度'],
    [1988, '1988（昭和63）年度'],
    [1927, '1927（昭和2）年度'],
    [1926, '1926（大正15）年度'],
    [2024, '2024（令和6）年度'],
  ])('%i → %s', (year, label) => {
    expect(fiscalYearLabel(year)).toBe(label);
  });

  it('calendar and short forms', () => {
    expect(yearLabel(2019)).toBe('2019（令和元）年');
    expect(fiscalYearShortLabel(2021)).toBe('2021（R3）');
    expect(fiscalYearShortLabel(2015)).toBe('2015（H27）');
    expect(eraOf(2022)).toEqual({ era: '令和', year: 4 });
    expect(eraName(1800)).toBe('');
    expect(fiscalYearLabel(1800)).toBe('1800年度');
  });

  it('reads back the era years the sample sheets print (令和元年度 … 令和5年度要求, 平成25年度 … 平成29年度)', async () => {
    const cyber = await textSample('000_ef263abaeb28aada.txt');
    expect(cyber.budgets.map((b) => eraName(b.year))).toEqual(['令和元', '令和2', '令和3', '令和4', '令和5']);
    expect(fiscalYearLabel(cyber.fiscalYear)).toBe('2022（令和4）年度');
    const m2m = await textSample('004_b3591854bc0903ef.txt');
    expect(fiscalYearLabel(m2m.fiscalYear)).toBe('2016（平成28）年度');
    expect(m2m.budgets.map((b) => eraName(b.year))).toEqual(['平成25', '平成26', '平成27', '平成28', '平成29']);
  });
});

describe('the era table the converter reads era years with', () => {
  it('year n of an era as a Western year, and where ended eras end', () => {
    expect(westernYear('令和', 4)).toBe(2022);
    expect(westernYear('令和', 1)).toBe(2019);
    expect(westernYear('平成', 27)).toBe(2015);
    expect(westernYear('昭和', 63)).toBe(1988);
    expect(lastEraYear('平成')).toBe(31);
    expect(lastEraYear('昭和')).toBe(64);
    expect(lastEraYear('大正')).toBe(15);
    expect(lastEraYear('令和')).toBeNull();
  });
});
