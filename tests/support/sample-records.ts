/**
 * The project's real sample sheets as validated records, read the way the converter reads them (reader →
 * schema → data-quality checks), for unit tests of the site's modules.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { readJudgitText } from '../../scripts/converter/readers/judgit/index.ts';
import { checkSheet } from '../../scripts/converter/quality-warnings.ts';
import { sheet, type Sheet } from '../../src/schema/sheet.ts';

function validate(input: unknown): Sheet {
  const record = sheet.parse(input);
  record.warnings.push(...checkSheet(record));
  return record;
}

/** A text sample under sheets/text/ (e.g. "000_ef263abaeb28aada.txt"). */
export async function textSample(name: string): Promise<Sheet> {
  const result = await readTextSheet(path.resolve('sheets/text', name), `text/${name}`);
  if (result.errors.length || result.records.length !== 1) {
    throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  }
  return validate(result.records[0]);
}

let rsCache: Promise<Sheet[]> | null = null;

/** Every record of the RS 2024 sample (sheets/rs2024/). */
export function rsSamples(): Promise<Sheet[]> {
  rsCache ??= readRsFolder(path.resolve('sheets/rs2024'), 'rs2024').then((r) => r.records.map(validate));
  return rsCache;
}

export async function rsSample(budgetProjectId: number): Promise<Sheet> {
  const found = (await rsSamples()).find((s) => s.id.endsWith(`-rs${budgetProjectId}`));
  if (!found) throw new Error(`RS sample 予算事業ID ${budgetProjectId} not found`);
  return found;
}

let judgitCache: Promise<Sheet[]> | null = null;

/** Every record of the shipped JUDGIT sample (sheets/judgit/: 公開年度 2015–2023, 138 files), oldest year first. */
export function judgitSamples(): Promise<Sheet[]> {
  judgitCache ??= (async () => {
    const dir = path.resolve('sheets/judgit');
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
    return Promise.all(
      files.map(async (rel) => {
        const result = readJudgitText(await readFile(path.join(dir, rel), 'utf8'), `judgit/${rel}`);
        if (result.errors.length || result.records.length !== 1) throw new Error(`${rel}: ${JSON.stringify(result.errors)}`);
        return validate(result.records[0]);
      }),
    );
  })();
  return judgitCache;
}
