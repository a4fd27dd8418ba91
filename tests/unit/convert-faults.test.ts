/**
 * The converter's output under faults: an input that fails keeps its last good entries whole (a corrupt
 * RS table does not rewrite the folder's entries without that table's data), a record-level failure
 * costs only its record, and a converter killed at any point leaves content/sheets as one run left it
 * (entries-store.ts: staged entries, the manifest as the commit point).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAll } from '../../scripts/converter/run.ts';
import { finishCommit } from '../../scripts/converter/entries-store.ts';
import { generateRsFolder } from '../../scripts/bench/generate-rs.ts';
import { readReport } from '../../src/schema/convert-report.ts';

const root = mkdtempSync(join(tmpdir(), 'convert-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const T11 = '1-1_RS_2024_基本情報_組織情報';
let n = 0;

/** Every entry of a content folder, by file name → text. */
function entries(contentDir: string): Map<string, string> {
  const dir = join(contentDir, 'sheets');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function manifestIds(contentDir: string): { ids: string[]; pending: unknown } {
  const m = JSON.parse(readFileSync(join(contentDir, 'sheets', '.manifest.json'), 'utf8')) as { inputs: Record<string, string[]>; pending?: unknown };
  return { ids: Object.values(m.inputs).flat().sort(), pending: m.pending };
}

/** Prefixes every 事業名 of table 1-1 with "【改】": every RS entry changes. */
function retitle(rsDir: string): void {
  const file = join(rsDir, `${T11}.csv`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\uFEFF?[^,\r\n]*,2024,\d+,)/gm, '$1【改】'));
}

async function setup(projects: number): Promise<{ sheetsDir: string; contentDir: string; rsDir: string }> {
  const dir = join(root, `case${++n}`);
  const sheetsDir = join(dir, 'sheets');
  const rsDir = join(sheetsDir, 'rs2024');
  await generateRsFolder(resolve('sheets/rs2024'), rsDir, projects);
  writeFileSync(join(sheetsDir, 'sheet.txt'), readFileSync(resolve('sheets/text/000_ef263abaeb28aada.txt')));
  return { sheetsDir, contentDir: join(dir, 'content'), rsDir };
}

describe('an input that fails keeps its last good entries whole', () => {
  it('a corrupt 1-1 zip: the RS entries stay as they were, the text sheet is converted, the report names the zip', async () => {
    const { sheetsDir, contentDir, rsDir } = await setup(6);
    await convertAll({ sheetsDir, contentDir });
    const before = entries(contentDir);
    expect(before.size).toBe(7);
    // The 1-1 table as a zip that is not one, the other tables changed (what a new download brings);
    // and the text sheet's entry gone, to see it written again.
    retitle(rsDir);
    unlinkSync(join(rsDir, `${T11}.csv`));
    writeFileSync(join(rsDir, `${T11}.zip`), 'PK\u0003\u0004 not really a zip');
    unlinkSync(join(contentDir, 'sheets', '2022-soumu-t7ba6565b.md'));
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.failedInputs).toEqual(['rs2024']);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.file).toBe(`rs2024/${T11}.zip`);
    expect(s.errors[0]!.message).toMatch(/table 1-1 is not used$/);
    const after = entries(contentDir);
    // Every entry byte for byte as before: the RS ones kept (not rewritten without their 1-1 data), the
    // text sheet's written again.
    expect(after).toEqual(before);
    const report = readReport(contentDir)!;
    expect(report.failedInputs).toEqual(['rs2024']);
    const rs = report.inputs.find((i) => i.file === 'rs2024')!;
    expect(rs.entries).toBe(6);
    expect(rs.errors).toEqual([{ file: `rs2024/${T11}.zip`, where: 'table 1-1 基本情報_組織情報', message: s.errors[0]!.message }]);
  });

  it('on a fresh checkout a failed input simply has no entries', async () => {
    const { sheetsDir, contentDir, rsDir } = await setup(3);
    const file = join(rsDir, '2-1_RS_2024_予算・執行_サマリ.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('予算事業ID', '予算事業番号'));
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.failedInputs).toEqual(['rs2024']);
    expect(s.errors[0]!.message).toMatch(/required column "予算事業ID" is missing/);
    expect([...entries(contentDir).keys()]).toEqual(['2022-soumu-t7ba6565b.md']);
  });

  it('a row that fails costs only its project: the others are written', async () => {
    const { sheetsDir, contentDir, rsDir } = await setup(3);
    await convertAll({ sheetsDir, contentDir });
    const before = entries(contentDir);
    retitle(rsDir);
    const file = join(rsDir, '2-1_RS_2024_予算・執行_サマリ.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    lines[1] = lines[1]!.split(',').slice(0, 20).join(','); // project 1: a row with too few fields
    writeFileSync(file, lines.join('\r\n'));
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.errors.map((e) => e.record)).toEqual(['2024:1']);
    const after = entries(contentDir);
    expect(after.get('2024-cas-rs1.md')).toBe(before.get('2024-cas-rs1.md')); // its last good entry
    expect(after.get('2024-digital-rs4.md')).toMatch(/\ntitle: "【改】情報システムの整備/);
  });
});

describe('a converter killed at any point', () => {
  let sheetsDir: string;
  let contentDir: string;
  let rsDir: string;
  let old: Map<string, string>;
  let fresh: Map<string, string>;

  beforeAll(async () => {
    ({ sheetsDir, contentDir, rsDir } = await setup(120));
    // The entries of the changed sheets, made once in a folder of their own, to compare with.
    retitle(rsDir);
    await convertAll({ sheetsDir, contentDir: join(root, 'fresh') });
    fresh = entries(join(root, 'fresh'));
    // Back to the first version for the runs that get killed.
    const file = join(rsDir, `${T11}.csv`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\uFEFF?[^,\r\n]*,2024,\d+,)【改】/gm, '$1'));
    await convertAll({ sheetsDir, contentDir });
    old = entries(contentDir);
    expect(old.size).toBe(121);
    expect([...old.values()].filter((t) => /\ntitle: "【改】/.test(t))).toEqual([]);
    expect([...fresh.values()].filter((t) => /\ntitle: "【改】/.test(t))).toHaveLength(120);
    retitle(rsDir);
  }, 60_000);

  it("clears a killed writer's temporaries, the manifest's as well as an entry's", () => {
    // A kill between writing a temporary and renaming it leaves it (writeAtomic, in entries-store.ts).
    const dir = join(contentDir, 'sheets');
    const left = ['.manifest.json.tmp-4242', `${[...old.keys()][0]}.tmp-4242`];
    for (const f of left) writeFileSync(join(dir, f), 'partial');
    finishCommit(dir);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(entries(contentDir)).toEqual(old);
  });

  it('leaves the last run or the new one, whole, and the next run finishes the job', { timeout: 90_000 }, async () => {
    const outcomes: string[] = [];
    for (const delay of [150, 400, 700, 1000, 1300, 1700]) {
      const child = spawn(process.execPath, [resolve('scripts/convert.ts')], {
        env: { ...process.env, SHEETS_DIR: sheetsDir, CONTENT_DIR: contentDir },
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      // What a reader (the next run, the content loader) sees: it first finishes a committed run.
      const { pending } = manifestIds(contentDir);
      finishCommit(join(contentDir, 'sheets'));
      const now = entries(contentDir);
      expect(manifestIds(contentDir).ids).toEqual([...now.keys()].map((f) => f.slice(0, -3)).sort());
      expect(readdirSync(join(contentDir, 'sheets')).filter((f) => f.endsWith('.next') || f.includes('.tmp-'))).toEqual([]);
      const isOld = [...now].every(([f, t]) => old.get(f) === t);
      const isNew = [...now].every(([f, t]) => fresh.get(f) === t);
      expect(isOld || isNew, `killed after ${delay} ms: a mix of old and new entries`).toBe(true);
      expect(now.size).toBe(121);
      outcomes.push(`${delay} ms: ${isNew ? 'new' : 'old'}${pending !== undefined ? ' (finished a committed run)' : ''}`);
      if (isNew) {
        // Back to the old entries for the next kill.
        rmSync(contentDir, { recursive: true });
        const file = join(rsDir, `${T11}.csv`);
        const changed = readFileSync(file, 'utf8');
        writeFileSync(file, changed.replace(/^(\uFEFF?[^,\r\n]*,2024,\d+,)【改】/gm, '$1'));
        await convertAll({ sheetsDir, contentDir });
        writeFileSync(file, changed);
      }
    }
    // The runs were killed before and after their commit point (the machine's speed decides which).
    expect(outcomes).toHaveLength(6);
    // The next run after a kill completes and leaves the new entries.
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.failedInputs).toEqual([]);
    expect(entries(contentDir)).toEqual(fresh);
    expect(existsSync(join(contentDir, 'sheets', '.report.json'))).toBe(true);
  });
});
