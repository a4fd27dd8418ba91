/**
 * The five shared JUDGIT years (../shared/data/judgit-years/data-<year>.tar.gz: 2015, 2017, 2019, 2021,
 * 2023; 26,395 sheets), unpacked into a temporary folder for tests that read whole real years.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const JUDGIT_YEARS = [2015, 2017, 2019, 2021, 2023];

const root = path.resolve(import.meta.dirname, '../..');

/** Where the archives are: JUDGIT_YEARS_DIR, or shared/ beside the project (or beside its worktree). */
export const judgitYearsDir = [process.env.JUDGIT_YEARS_DIR, path.join(root, '../shared/data/judgit-years'), path.join(root, '../../shared/data/judgit-years')]
  .filter((d): d is string => !!d)
  .find((d) => existsSync(path.join(d, 'data-2015.tar.gz')));

/**
 * Unpacks every year and gives each sheet's path (`<年度>/<府省庁>/<file>`) and text, in folder order.
 * `remove()` deletes the temporary folder.
 */
export function unpackJudgitYears(prefix: string): { files: { rel: string; text: string }[]; remove: () => void } {
  if (!judgitYearsDir) throw new Error('../shared/data/judgit-years is missing');
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => rmSync(tmp, { recursive: true, force: true });
  for (const y of JUDGIT_YEARS) {
    const r = spawnSync('tar', ['xzf', path.join(judgitYearsDir, `data-${y}.tar.gz`), '-C', tmp]);
    if (r.status !== 0) {
      remove();
      throw new Error(`tar failed for ${y}: ${r.stderr}`);
    }
  }
  const data = path.join(tmp, 'judgit', 'data');
  const files: { rel: string; text: string }[] = [];
  for (const y of readdirSync(data)) {
    for (const m of readdirSync(path.join(data, y))) {
      for (const f of readdirSync(path.join(data, y, m))) files.push({ rel: `${y}/${m}/${f}`, text: readFileSync(path.join(data, y, m, f), 'utf8') });
    }
  }
  return { files, remove };
}
