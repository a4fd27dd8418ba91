/**
 * Seeded fuzzing of the real samples: each mutant is a sample with one line deleted, duplicated or swapped
 * with the next, or one cell cut out of a line (a text sheet, or a table of a 4-project RS folder cut
 * from sheets/rs2024). Every mutant must either convert or be named (an error with file, place and a
 * message), never throw and never carry a stack trace; and no number of the record may change without a
 * new warning (or an error): a number at a place of the record that differs from the unmutated sample's,
 * or a number the sample's record does not hold anywhere.
 *
 * The seeds and counts are fixed so a failure reproduces; the seeds listed are the ones at which a silent
 * case was found and fixed (the default first). FUZZ_SEEDS (a list "1,5,9" or a range "1-30") and
 * FUZZ_COUNT explore further.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetInput } from '../../src/schema/sheet.ts';
import { validateRecord } from '../../scripts/converter/run.ts';
import { checkSheet } from '../../scripts/converter/quality-warnings.ts';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { readRsFolder } from '../../scripts/converter/readers/rs-csv/index.ts';
import { generateRsFolder } from '../../scripts/bench/generate-rs.ts';
import type { ReadResult } from '../../scripts/converter/readers/read-result.ts';

/** `"1,5,9"` or `"1-30"`. */
function seedList(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text.trim());
  if (range) return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  return text.split(',').map(Number);
}
/**
 * Seeds 10, 12 and 20 found text sheets read silently with indicator rows out of order (each year
 * twice); a sweep of seeds 1–40 found nothing else. The RS tables found nothing at seeds 1–40: only the
 * first seed runs for them unless FUZZ_SEEDS is given.
 */
const SEEDS = seedList(process.env.FUZZ_SEEDS ?? process.env.FUZZ_SEED ?? '20261203,10,12,20');
const RS_SEEDS = process.env.FUZZ_SEEDS || process.env.FUZZ_SEED ? SEEDS : SEEDS.slice(0, 1);
const COUNT = Number(process.env.FUZZ_COUNT ?? 120);
const TEXT = ['000_ef263abaeb28aada.txt', '004_b3591854bc0903ef.txt'];
const root = mkdtempSync(join(tmpdir(), 'fuzz-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, so every run makes the same mutants. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = 'delete' | 'duplicate' | 'swap' | 'cut-cell';
const MUTATIONS: Mutation[] = ['delete', 'duplicate', 'swap', 'cut-cell'];

/** One mutation of `text` at a line picked by `rand` (never the first line of a CSV: its header). */
function mutate(text: string, rand: () => number, sep: string, from: number): { text: string; what: string } | null {
  const lines = text.split('\n');
  const i = from + Math.floor(rand() * (lines.length - from - 1));
  const m = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
  const out = [...lines];
  if (m === 'delete') out.splice(i, 1);
  else if (m === 'duplicate') out.splice(i, 0, lines[i]!);
  else if (m === 'swap') [out[i], out[i + 1]] = [lines[i + 1]!, lines[i]!];
  else {
    const cells = lines[i]!.split(sep);
    if (cells.length < 2) return null;
    cells.splice(Math.floor(rand() * cells.length), 1);
    out[i] = cells.join(sep);
  }
  const mutated = out.join('\n');
  return mutated === text ? null : { text: mutated, what: `${m} at line ${i + 1}` };
}

/**
 * Every number of a record by its place ("budgets[2].initial"), warnings and source left out, and parts
 * marked as derived (`inferred: true`: a text sheet's money flows, summed from its payees) too: those
 * follow what the sheet states by design.
 */
function numbers(value: unknown, at = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(at, value);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object' && (value as { inferred?: unknown }).inferred !== true) {
    for (const [k, v] of Object.entries(value)) if (k !== 'warnings' && k !== 'source') numbers(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

interface Outcome {
  /** Records by id with their numbers and warning messages; empty when the input was named as failed. */
  records: Map<string, { numbers: Map<string, number>; warnings: Set<string> }>;
  failed: boolean;
}

/** What the converter makes of a read result: validated, checked records, or named errors. */
function outcome(result: ReadResult, file: string): Outcome {
  const records: Outcome['records'] = new Map();
  const errors = [...result.errors];
  for (const input of result.records) {
    const { record, error } = validateRecord(input as SheetInput, file);
    if (!record) {
      errors.push(error!);
      continue;
    }
    record.warnings.push(...checkSheet(record));
    records.set(record.id, { numbers: numbers(record), warnings: new Set(record.warnings.map((w) => `${w.code} ${w.ref} ${w.message}`)) });
  }
  for (const e of [...errors, ...(result.notices ?? [])]) {
    // Named: the file, and a message in words; a stack trace would mean a reader bug.
    expect(e.file.length).toBeGreaterThan(0);
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.message).not.toMatch(/\n\s+at /);
  }
  return { records, failed: errors.length > 0 };
}

/** A record's numbers by place with list positions left out ("payees[].amount"), each with its count. */
function byField(numbers: Map<string, number>): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [at, v] of numbers) {
    const field = at.replace(/\[\d+\]/g, '[]');
    if (!out.has(field)) out.set(field, new Map());
    const counts = out.get(field)!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return out;
}

/**
 * The numbers a mutant's record states that the sample's record does not, field by field (a value new
 * to the field, or stated more often: a line that was deleted takes its numbers away, which is what the
 * mutant states), when the mutant has no warning the sample has not.
 */
function silentChanges(base: Outcome, mutant: Outcome): string[] {
  const found: string[] = [];
  for (const [id, m] of mutant.records) {
    const b = base.records.get(id);
    if (!b) continue; // a record of another id: its numbers have no counterpart to compare with
    if ([...m.warnings].some((w) => !b.warnings.has(w))) continue;
    const before = byField(b.numbers);
    for (const [field, counts] of byField(m.numbers)) {
      for (const [v, n] of counts) {
        const was = before.get(field)?.get(v) ?? 0;
        if (n > was) found.push(`${id} ${field}: ${v} ×${n} (the sample: ×${was})`);
      }
    }
  }
  return found;
}

/**
 * FUZZ_EXHAUSTIVE=1: every single-line mutant of the text samples, not a seeded pick — each line deleted,
 * duplicated, swapped with the next, and each of its cells cut (≈ 40 s; 0 silent changes on 2026-12-03
 * after the indicator-order and 予算内訳 fixes).
 */
describe.runIf(process.env.FUZZ_EXHAUSTIVE)('every single-line mutant of the text samples', () => {
  it('converts or is named, and changes no number silently', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    for (const name of TEXT) {
      const original = readFileSync(resolve('sheets/text', name), 'utf8');
      const file = join(root, name);
      writeFileSync(file, original);
      const base = outcome(await readTextSheet(file, name), name);
      const lines = original.split('\n');
      const mutants: { text: string; what: string }[] = [];
      for (let i = 0; i < lines.length - 1; i++) {
        const del = [...lines];
        del.splice(i, 1);
        const dup = [...lines];
        dup.splice(i, 0, lines[i]!);
        const swap = [...lines];
        [swap[i], swap[i + 1]] = [lines[i + 1]!, lines[i]!];
        mutants.push({ text: del.join('\n'), what: `delete at line ${i + 1}` }, { text: dup.join('\n'), what: `duplicate at line ${i + 1}` }, { text: swap.join('\n'), what: `swap at line ${i + 1}` });
        const cells = lines[i]!.split('\t');
        for (let c = 0; cells.length > 1 && c < cells.length; c++) {
          const cut = [...lines];
          cut[i] = cells.filter((_, k) => k !== c).join('\t');
          mutants.push({ text: cut.join('\n'), what: `cut-cell ${c} at line ${i + 1}` });
        }
      }
      for (const m of mutants) {
        if (m.text === original) continue;
        writeFileSync(file, m.text);
        for (const c of silentChanges(base, outcome(await readTextSheet(file, name), name))) problems.push(`${name} (${m.what}): ${c}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(SEEDS)('fuzzed samples (seed %i)', (SEED) => {
  it(`${COUNT} text-sheet mutants each convert or are named, and change no number silently`, { timeout: 60_000 }, async () => {
    const rand = rng(SEED);
    const problems: string[] = [];
    let named = 0;
    for (const name of TEXT) {
      const original = readFileSync(resolve('sheets/text', name), 'utf8');
      const file = join(root, name);
      writeFileSync(file, original);
      const base = outcome(await readTextSheet(file, name), name);
      expect(base.failed).toBe(false);
      for (let k = 0; k < COUNT / TEXT.length; k++) {
        const m = mutate(original, rand, '\t', 0);
        if (!m) continue;
        writeFileSync(file, m.text);
        const result = await readTextSheet(file, name);
        const o = outcome(result, name);
        if (o.failed) named++;
        for (const c of silentChanges(base, o)) problems.push(`${name} (${m.what}): ${c}`);
      }
    }
    expect(problems).toEqual([]);
    // Some mutants break the sheet (a section heading deleted …); they are named, not read wrongly. At
    // the default seed some do; at others none may (seed 33: every mutant converts, none is named).
    if (SEED === 20261203) expect(named).toBeGreaterThan(0);
  });

  describe.runIf(RS_SEEDS.includes(SEED))('RS tables', () => {
    let src: string;
    beforeAll(async () => {
      src = join(root, 'rs-src');
      await generateRsFolder(resolve('sheets/rs2024'), src, 4);
    });

    it(`${COUNT} RS mutants each convert or are named, and change no number silently`, { timeout: 60_000 }, async () => {
      const rand = rng(SEED + 1);
      const tables = readdirSync(src).filter((f) => f.endsWith('.csv')).sort();
      const base = outcome(await readRsFolder(src, 'rs'), 'rs');
      expect(base.failed).toBe(false);
      expect(base.records.size).toBe(4);
      const problems: string[] = [];
      for (let k = 0; k < COUNT; k++) {
        const table = tables[Math.floor(rand() * tables.length)]!;
        const original = readFileSync(join(src, table), 'utf8');
        const m = mutate(original, rand, ',', 1);
        if (!m) continue;
        const dir = join(root, `rs-${k}`);
        mkdirSync(dir);
        for (const t of tables) if (t !== table) copyFileSync(join(src, t), join(dir, t));
        writeFileSync(join(dir, table), m.text);
        const o = outcome(await readRsFolder(dir, 'rs'), 'rs');
        for (const c of silentChanges(base, o)) problems.push(`${table} (${m.what}): ${c}`);
        rmSync(dir, { recursive: true });
      }
      expect(problems).toEqual([]);
    });
  });
});
