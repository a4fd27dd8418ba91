/**
 * Chains and payee profiles on the real shared JUDGIT sample (../shared/data/judgit: 公開年度 2015–2023,
 * 138 files), converted by the project's own converter into a temporary content folder. Runs once the
 * JUDGIT reader (scripts/lib/judgit/) is in the tree; until then it is skipped, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildChains, type Chain } from '../../src/lib/history/chains.ts';
import { payeeProfiles } from '../../src/lib/history/payees.ts';
import { listing, type SheetListing } from '../../src/lib/collection.ts';
import { loadSheets } from '../../src/lib/load-sheets.ts';
import type { Sheet } from '../../src/schema/sheet.ts';

/** The project sees shared/ at ../shared (a worktree may sit deeper: JUDGIT_SAMPLE_DIR, else /work/shared). */
const JUDGIT = [process.env.JUDGIT_SAMPLE_DIR, path.resolve('../shared/data/judgit'), '/work/shared/data/judgit'].find((d): d is string => !!d && existsSync(d)) ?? path.resolve('../shared/data/judgit');
const HAS_READER = existsSync(path.resolve('scripts/lib/judgit'));
const HAS_DATA = existsSync(JUDGIT);
const why = !HAS_READER ? 'skipped: no JUDGIT reader in the tree (scripts/lib/judgit/)' : !HAS_DATA ? `skipped: no JUDGIT sample at ${JUDGIT}` : '';

let root = '';
let records: Sheet[] = [];
let chains: Chain<SheetListing>[] = [];

beforeAll(async () => {
  if (why) return;
  root = await mkdtemp(path.join(tmpdir(), 'history-judgit-'));
  await symlink(JUDGIT, path.join(root, 'judgit'));
  // The converter exits non-zero when any input fails; the chains are still asserted on what converted.
  try {
    execFileSync(process.execPath, ['scripts/convert.ts'], { env: { ...process.env, SHEETS_DIR: root, CONTENT_DIR: path.join(root, 'content') }, stdio: 'pipe' });
  } catch (err) {
    console.warn(`convert reported problems: ${String((err as { stdout?: Buffer }).stdout ?? err).slice(-2000)}`);
  }
  records = await loadSheets(path.join(root, 'content', 'sheets'));
  chains = buildChains(records.map(listing));
}, 240_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const chainWith = (ministry: string, title: string, year: number) =>
  chains.find((c) => c.members.some((m) => m.sheet.ministry === ministry && m.sheet.title === title && m.sheet.fiscalYear === year));

describe(`the shared JUDGIT sample ${why}`, () => {
  it.skipIf(why !== '')('converts every file', () => {
    expect(records.filter((r) => r.source.form === 'judgit')).toHaveLength(138);
  });

  it.skipIf(why !== '')('follows 内閣官房 内閣人事局経費 across 2015–2023 (事業ID 15 to 2019, by name after)', () => {
    const c = chainWith('内閣官房', '内閣人事局経費', 2015)!;
    expect(c.key).toBe('j15');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.link])).toEqual([
      [2015, 'judgit'],
      [2017, 'judgit'],
      [2019, 'judgit'],
      [2021, 'inferred'],
      [2023, 'inferred'],
    ]);
  });

  it.skipIf(why !== '')('follows 専門学校生への効果的な経済的支援… (事業ID 2898) through its 事業番号 changes', () => {
    const c = chainWith('文部科学省', '専門学校生への効果的な経済的支援の在り方に関する実証研究事業', 2015)!;
    expect(c.key).toBe('j2898');
    expect(c.members.map((m) => m.sheet.fiscalYear)).toEqual([2015, 2017, 2019, 2021, 2023]);
  });

  it.skipIf(why !== '')('個人情報保護委員会: 事業ID 2 then 1 joined by name; the renamed 2023 sheet has no stated link and stands alone', () => {
    const c = chainWith('個人情報保護委員会', '特定個人情報の監視・監督に必要な経費', 2015)!;
    expect(c.key).toBe('j2');
    expect(c.members.map((m) => [m.sheet.fiscalYear, m.link])).toEqual([
      [2015, 'judgit'],
      [2017, 'judgit'],
      [2019, 'inferred'],
      [2021, 'inferred'],
    ]);
    expect(chainWith('個人情報保護委員会', '特定個人情報の適正な取扱いの推進に必要な経費', 2023)!.members).toHaveLength(1);
  });

  it.skipIf(why !== '')('a payee profile (三菱電機株式会社, 4010001008772) lists every sheet line with its amount', () => {
    const profile = payeeProfiles(records.map(listing)).get('4010001008772')!;
    const expected = records.flatMap((s) => s.payees.filter((p) => p.corporateNumber === '4010001008772').map((p) => `${s.id} ${p.block}-${p.rank} ${p.amount}`));
    expect(expected.length).toBeGreaterThan(10);
    expect(new Set(profile.lines.map((l) => l.sheet.id)).size).toBeGreaterThan(2);
    expect(profile.lines.map((l) => `${l.sheet.id} ${l.payee.block}-${l.payee.rank} ${l.payee.amount}`).sort()).toEqual(expected.sort());
  });
});
