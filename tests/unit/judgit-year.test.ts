/**
 * One whole JUDGIT! year through the converter: the shared 公開年度 2023 (5,227 sheets, ../shared, unpacked
 * into a temporary folder), with 0 errors, every budget and payee amount equal to the JSON's 百万円 value
 * in 円, and within the time budget (≤ 10 s a year; the figure is in docs/BENCHMARKS.md).
 * The expected 円 are computed here independently: string and BigInt arithmetic on the number's decimal
 * string, not the reader's code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAll, type ConvertSummary } from '../../scripts/converter/run.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import type { Sheet } from '../../src/schema/sheet.ts';

const YEAR = 2023;
/**
 * The shared folder is `../shared` from the project root (its README); a git worktree one level deeper
 * sees it at `../../shared`. JUDGIT_YEARS_DIR names the folder of the `data-<year>.tar.gz` files elsewhere.
 */
const root = path.resolve(import.meta.dirname, '../..');
const archive = [
  process.env.JUDGIT_YEARS_DIR,
  path.join(root, '../shared/data/judgit-years'),
  path.join(root, '../../shared/data/judgit-years'),
].filter((d): d is string => !!d).map((d) => path.join(d, `data-${YEAR}.tar.gz`)).find(existsSync) ?? `data-${YEAR}.tar.gz (../shared/data/judgit-years)`;
let tmp: string;
let summary: ConvertSummary;
let seconds: number;
let cpuSeconds: number;
const records = new Map<string, Sheet>(); // source.file → record

/** 百万円 number → 円 as a BigInt, half away from zero, from its decimal string ("29.300000000000004", "1e-7"). */
function expectedYen(n: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n))!;
  const exp = Number(m[4] ?? 0) + 6; // ×10^6: 百万円 → 円
  let int = m[2]!;
  let frac = m[3] ?? '';
  // Move the decimal point exp places to the right (or left), padding with zeros.
  if (exp >= 0) {
    frac = frac.padEnd(exp, '0');
    int += frac.slice(0, exp);
    frac = frac.slice(exp);
  } else {
    int = int.padStart(-exp + 1, '0');
    frac = int.slice(int.length + exp) + frac;
    int = int.slice(0, int.length + exp);
  }
  const whole = BigInt(int) + (frac !== '' && frac[0]! >= '5' ? 1n : 0n);
  return m[1] ? -whole : whole;
}

function yen(v: unknown): number | null {
  return typeof v === 'number' ? Number(expectedYen(v)) : null;
}

beforeAll(() => {
  // ../shared is present in every working copy and in CI (its README); its absence is a failure, not a skip.
  if (!existsSync(archive)) throw new Error(`${archive} is missing`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'judgit-year-'));
  const untar = spawnSync('tar', ['xzf', archive, '-C', tmp]);
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe(`the whole JUDGIT year ${YEAR}`, () => {
  it('converts with 0 errors, one entry per file', async () => {
    const sheetsDir = path.join(tmp, 'judgit', 'data');
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    summary = await convertAll({ sheetsDir, contentDir: path.join(tmp, 'content') });
    const cpu = process.cpuUsage(cpu0);
    seconds = (performance.now() - t0) / 1000;
    cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`JUDGIT ${YEAR}: ${summary.converted} sheets converted in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`);
    expect(summary.errors).toEqual([]);
    expect(summary.inputs).toBe(5227);
    expect(summary.converted).toBe(5227);
    // Speed is measured in the benchmark (docs/BENCHMARKS.md: ≈ 7–8 s a year alone), not held here:
    // other test files share the 2 cores, so a time limit in a test would only measure them.
    const dir = path.join(tmp, 'content', 'sheets');
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.md')) continue;
      const r = parseEntry(readFileSync(path.join(dir, f), 'utf8'), f).data as Sheet;
      records.set(r.source.file, r);
    }
    expect(records.size).toBe(5227);
  }, 120_000);

  it('every budget and payee amount equals the JSON value in 円', () => {
    const data = path.join(tmp, 'judgit', 'data');
    let budgets = 0;
    let payees = 0;
    for (const rel of records.keys()) {
      const j = JSON.parse(readFileSync(path.join(data, rel), 'utf8'));
      const r = records.get(rel)!;
      for (const b of j['予算']) {
        if ('要求額' in b) {
          const col = r.budgets.find((x) => x.year === b['年度'] && x.isRequest)!;
          expect(col.initial, `${rel} ${b['年度']} 要求額`).toBe(yen(b['要求額']));
          budgets++;
          continue;
        }
        const col = r.budgets.find((x) => x.year === b['年度'] && !x.isRequest)!;
        const got = [col.initial, col.supplementary, col.carriedFromPrev, col.carriedToNext, col.reserve, col.total, col.executed];
        const want = ['当初予算', '補正予算', '前年度から繰越し', '翌年度へ繰越し', '予備費等', '予算計', '執行額'].map((k) => yen(b[k]));
        expect(got, `${rel} ${b['年度']}`).toEqual(want);
        budgets++;
      }
      expect(r.payees.map((p) => p.amount), rel).toEqual(j['支出先'].map((p: Record<string, unknown>) => yen(p['支出額'])));
      expect(r.payees.map((p) => p.corporateNumber), rel).toEqual(j['支出先'].map((p: Record<string, unknown>) => p['法人番号']));
      payees += j['支出先'].length;
    }
    // Every 予算 entry (5 a sheet) and every 支出先 of the year was compared.
    expect(budgets).toBe(26135);
    expect(payees).toBe(80618);
  }, 60_000);
});

describe('expectedYen (the test\'s own arithmetic)', () => {
  it.each([
    [29.300000000000004, 29300000n],
    [0.05, 50000n],
    [-0.623613, -623613n],
    [1e-7, 0n],
    [5e-7, 1n],
    [8.666666666666666, 8666667n],
    [1.5e3, 1500000000n],
  ])('%s → %s', (n, want) => expect(expectedYen(n)).toBe(want));
});
