/**
 * The input of the 52,000-sheet bench (issue 18: ten review years on one site, `npm run bench:52000`):
 *
 * - the real JUDGIT! years as they are (the five shared years, 公開年度 2015, 2017, 2019, 2021, 2023:
 *   26,395 sheets), linked into the input folder (hard links: no copy on disk);
 * - a generated RS year of 5,664 sheets (事業年度 2024, scripts/bench/generate-rs.ts, with table 5-1 a little
 *   above its real size);
 * - the rest, 19,941 at 52,000, as **copies of real JUDGIT sheets moved to the review years between the
 *   shared ones** (2016 ← 2015, 2018 ← 2017, 2020 ← 2019, 2022 ← 2021: each year y + 1 that is neither a
 *   real year nor the RS year or later), split as evenly over those years as their source years allow
 *   (19,941 at 52,000: 4,986 for the smallest source year, 2017, 4,985 for each other), each taking sheets
 *   of its source year evenly spaced in path order. A copy is its source sheet one review year later (moveSheet):
 *   公開年度 and every 年度 of its columns (予算, 支出先, 活動実績, 成果実績, 関連する過去のレビューシート) + 1;
 *   the review year that leads a 2021+ 事業番号 ("2021-個情-20-0001" → "2022-個情-20-0001", and its file
 *   name) + 1; JUDGIT's own sheet key ID + 1,000,000 (unique: the real IDs are below 100,000); everything
 *   else as written — 事業ID (so a copy joins its project's chain as the year it lacked, as a real sheet
 *   of that year would), 開始年度, 終了年度, 目標最終年度 (facts of the project, not of the sheet), and every
 *   text, so the search index holds real text. Ids stay unique: an id is the review year, the 府省庁 and the
 *   事業番号 (or the title's hash), and no copy year holds a real sheet.
 *
 * Below 52,000 sheets (`--sheets N` to try the pipeline small) every part is scaled by N / 52,000: each real
 * year keeps round(its sheets × N / 52,000) of its sheets (evenly spaced), the RS year round(5,664 × N /
 * 52,000), and copies make up the rest. Above 52,000 only the copies grow, up to their source years' sheets.
 * Deterministic: the same real files and N give the same files, byte for byte.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { generateRsFolder } from './generate-rs.ts';

/** The decade the bench stands for: 2015–2024, ≈ 5,200 sheets a year. */
export const DECADE_SHEETS = 52_000;
/** A real RS year (2024: 5,664 projects). */
export const RS_YEAR_SHEETS = 5_664;
/** The RS year: copies are made only for JUDGIT years before it. */
export const RS_YEAR = 2024;
/** Added to a copy's JUDGIT ID (JUDGIT's key of one sheet), so copies never share a real sheet's. */
export const JUDGIT_ID_OFFSET = 1_000_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** A real year's sheets: paths under the real folder (`<公開年度>/<府省庁>/<file>.json`), sorted. */
export interface YearFiles {
  year: number;
  files: string[];
}

export interface DecadePlan {
  sheets: number;
  /** Real sheets taken from each real year. */
  real: YearFiles[];
  /** Projects of the generated RS year. */
  rs: number;
  /** Copies: sheets of year `from` (paths as in `real`) moved to year `to`. */
  copies: { from: number; to: number; files: string[] }[];
}

/** The real years under `dir` (a JUDGIT `data/` folder: `<公開年度>/<府省庁>/<file>.json`). */
export function listRealYears(dir: string): YearFiles[] {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return readdirSync(dir)
    .filter((y) => /^\d{4}$/.test(y))
    .sort(byName)
    .map((y) => ({
      year: Number(y),
      files: readdirSync(path.join(dir, y))
        .sort(byName)
        .flatMap((m) => readdirSync(path.join(dir, y, m)).filter((f) => f.endsWith('.json')).sort(byName).map((f) => `${y}/${m}/${f}`)),
    }));
}

/** `k` of `items`, evenly spaced (the first, then every len / k-th), in their order. */
export function evenlySpaced<T>(items: readonly T[], k: number): T[] {
  if (k > items.length) throw new Error(`evenlySpaced: ${k} of ${items.length}`);
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)]!);
}

/**
 * Which sheets make a site of `sheets` sheets (see the header). `full` and `rsFull` are the decade's size
 * and its RS year's (the tests pass small ones to plan a small decade from the samples).
 */
export function planDecade(years: readonly YearFiles[], sheets: number, full = DECADE_SHEETS, rsFull = RS_YEAR_SHEETS): DecadePlan {
  if (!(Number.isInteger(sheets) && sheets > 0)) throw new Error(`planDecade: sheets must be a positive integer, not ${sheets}`);
  const realYears = new Set(years.map((y) => y.year));
  const scale = Math.min(1, sheets / full);
  const real = years.map((y) => ({ year: y.year, files: evenlySpaced(y.files, Math.round(y.files.length * scale)) }));
  const rs = Math.round(rsFull * scale);
  const sources = years.filter((y) => !realYears.has(y.year + 1) && y.year + 1 < RS_YEAR);
  const copiesWanted = sheets - real.reduce((n, y) => n + y.files.length, 0) - rs;
  if (copiesWanted < 0) throw new Error(`planDecade: ${sheets} sheets are fewer than the real and RS parts`);
  const capacity = sources.reduce((n, y) => n + y.files.length, 0);
  if (copiesWanted > capacity) {
    throw new Error(`planDecade: ${sheets} sheets need ${copiesWanted} copies; the years ${sources.map((y) => y.year).join(', ')} have ${capacity} sheets to copy (at most ${sheets - copiesWanted + capacity} sheets)`);
  }
  // As even a split as the source years allow: the smallest year first takes its share or all it has.
  const take = new Map<number, number>();
  let left = copiesWanted;
  const bySize = [...sources].sort((a, b) => a.files.length - b.files.length || a.year - b.year);
  bySize.forEach((y, i) => {
    const k = Math.min(y.files.length, Math.ceil(left / (bySize.length - i)));
    take.set(y.year, k);
    left -= k;
  });
  const copies = sources.map((y) => ({ from: y.year, to: y.year + 1, files: evenlySpaced(y.files, take.get(y.year)!) }));
  return { sheets, real, rs, copies };
}

/** "2021-カジノ-20-0001" of a sheet of 2021 → "2022-カジノ-20-0001": the review year that leads the number. */
export function movedNumber(text: string, from: number, to: number): string {
  return text.startsWith(`${from}-`) ? `${to}${text.slice(String(from).length)}` : text;
}

/** Every 年度 that is a year number, at any depth, moved by `shift`. */
function shiftYears(v: Json, shift: number): Json {
  if (Array.isArray(v)) return v.map((x) => shiftYears(x, shift));
  if (v === null || typeof v !== 'object') return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === '年度' && typeof x === 'number' && Number.isInteger(x) ? x + shift : shiftYears(x, shift);
  return out;
}

/** A JUDGIT sheet of review year `from` as the same project's sheet of review year `to` (see the header). */
export function moveSheet(j: JsonObject, from: number, to: number): JsonObject {
  if (j['公開年度'] !== from) throw new Error(`moveSheet: the sheet's 公開年度 is ${String(j['公開年度'])}, not ${from}`);
  const out = shiftYears(j, to - from) as JsonObject;
  out['公開年度'] = to;
  if (typeof j['ID'] === 'number') out['ID'] = j['ID'] + JUDGIT_ID_OFFSET;
  if (typeof j['事業番号1'] === 'string' && j['事業番号1'] === String(from)) out['事業番号1'] = String(to);
  if (typeof j['事業番号'] === 'string') out['事業番号'] = movedNumber(j['事業番号'], from, to);
  return out;
}

/** Hard link (no bytes copied), or a copy where the folders are on different disks. */
function linkOrCopy(src: string, dest: string): void {
  try {
    linkSync(src, dest);
  } catch {
    copyFileSync(src, dest);
  }
}

/**
 * Writes the decade's input under `outDir` (made empty first by the caller): `judgit/<year>/…` the real
 * sheets, `judgit-copies/<year>/…` the copies, `rs2024/` the RS tables. `realDir` is a JUDGIT `data/`
 * folder, `rsSample` the RS tables the RS year is generated from (sheets/rs2024).
 */
export async function assembleDecade(opts: { realDir: string; rsSample: string; outDir: string; sheets: number; full?: number; rsFull?: number }): Promise<DecadePlan> {
  const plan = planDecade(listRealYears(opts.realDir), opts.sheets, opts.full, opts.rsFull);
  const madeDirs = new Set<string>();
  const dirFor = (file: string) => {
    const dir = path.dirname(file);
    if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
    return file;
  };
  for (const y of plan.real) for (const f of y.files) linkOrCopy(path.join(opts.realDir, f), dirFor(path.join(opts.outDir, 'judgit', f)));
  for (const c of plan.copies) {
    for (const f of c.files) {
      const [, ministry, name] = f.split('/') as [string, string, string];
      const moved = moveSheet(JSON.parse(readFileSync(path.join(opts.realDir, f), 'utf8')) as JsonObject, c.from, c.to);
      // Compact: the copies are an input only (the real files' own indentation does not matter to the reader).
      writeFileSync(dirFor(path.join(opts.outDir, 'judgit-copies', String(c.to), ministry, movedNumber(name, c.from, c.to))), JSON.stringify(moved));
    }
  }
  if (plan.rs > 0) await generateRsFolder(opts.rsSample, path.join(opts.outDir, `rs${RS_YEAR}`), plan.rs);
  return plan;
}

/** The decade's input is complete when its marker names the same plan size (written last). */
export function decadeComplete(outDir: string, sheets: number): boolean {
  const marker = path.join(outDir, '.complete');
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === String(sheets);
}

export function markDecadeComplete(outDir: string, sheets: number): void {
  writeFileSync(path.join(outDir, '.complete'), `${sheets}\n`);
}
