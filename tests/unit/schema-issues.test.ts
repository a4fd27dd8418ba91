/** One notation for a schema problem's field, in the converter's report and the site's entry check. */
import { describe, expect, it } from 'vitest';
import { formatIssue, issuePath } from '../../src/schema/issues.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { validateRecord } from '../../scripts/converter/run.ts';
import { validateEntry } from '../../src/lib/data/load-sheets.ts';
import { serializeEntry } from '../../src/schema/entry-file.ts';
import { textSample } from '../support/sample-records.ts';

describe('schema problems', () => {
  it('name the field as the record writes it', () => {
    expect(issuePath(['budgets', 2, 'initial'])).toBe('budgets[2].initial');
    expect(issuePath(['payees', 0, 'contracts', 1, 'amount'])).toBe('payees[0].contracts[1].amount');
    expect(issuePath([])).toBe('');
    expect(formatIssue({ path: [], message: 'expected object' })).toBe('(record): expected object');
  });

  it('read the same in the converter and in the site check of an entry', async () => {
    const s = await textSample('000_ef263abaeb28aada.txt');
    const bad = { ...s, budgets: s.budgets.map((y, i) => (i === 2 ? { ...y, initial: '358' } : y)) };
    expect(sheet.safeParse(bad).success).toBe(false);
    const converter = validateRecord(bad as never, 'a.txt').error!.message;
    expect(converter).toContain('budgets[2].initial (section 予算額・執行額) = "358": ');
    const site = validateEntry(serializeEntry(bad as never, ''), 'a.md');
    expect('problems' in site && site.problems).toEqual([
      { file: 'a.md', where: 'budgets[2].initial', message: 'does not match the sheet schema: budgets[2].initial = "358": Invalid input: expected number, received string' },
    ]);
  });
});
