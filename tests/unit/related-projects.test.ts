import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { relatedProjectResolver } from '../../src/lib/view/aggregate.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('relatedProjectResolver on the real RS subset', async () => {
  const { records } = await readRsFolder(path.join(root, 'sheets', 'rs2024'), 'rs2024');
  const sheets = records.map((r) => sheet.parse(r));
  const resolve = relatedProjectResolver(sheets);

  it('links a related 予算事業ID of the same year to its sheet on the site', () => {
    // 予算事業ID 3610 (経済産業省) names 20591 as a related project; both are in the subset.
    const from = sheets.find((s) => s.id.endsWith('-rs3610'))!;
    const rel = from.relatedProjects.find((r) => r.number === '20591');
    expect(rel).toBeDefined();
    const target = resolve(from.fiscalYear, rel!.number);
    expect(target).toMatch(/-rs20591$/);
    expect(sheets.some((s) => s.id === target)).toBe(true);
  });

  it('does not link across years, to projects not on the site, or from non-numeric numbers', () => {
    expect(resolve(2023, '20591')).toBeNull();
    expect(resolve(2024, '99999999')).toBeNull();
    expect(resolve(2024, null)).toBeNull();
    expect(resolve(2024, '新27-0011')).toBeNull();
  });
});
