/**
 * Finds the inputs under the sheets folder and says which form each is in.
 * - `*.txt` → one text export of a sheet;
 * - the RS tables of one folder (`1-1_RS_2024_基本情報_組織情報.csv|zip` …) → one RS unit for that folder;
 * - `*.json` → one JUDGIT! open-data sheet; the reader recognises the form by content (an object with
 *   事業名, 府省庁, 公開年度), wherever the file lies, and reports any other JSON as not a sheet;
 * - anything else → reported as not a recognisable sheet.
 * Files and folders starting with "." or "_", `README*`, `LICENSE*` and `*.md` are documentation, not inputs.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isRsTableFile } from './readers/rs-csv/index.ts';

export type InputKind = 'text' | 'rs-csv' | 'judgit' | 'unknown';

export interface InputUnit {
  kind: InputKind;
  /** Absolute path: a file, or for `rs-csv` the folder holding the tables. */
  abs: string;
  /** Path relative to the sheets folder, with "/" separators ("." for the folder itself). */
  rel: string;
}

function isDoc(name: string): boolean {
  return /^[._]/.test(name) || /^(readme|license|licence|attribution)/i.test(name) || /\.md$/i.test(name);
}

/** What a symbolic link leads to: a folder not walked yet, a file, or nothing usable. */
async function linkedKind(abs: string, seen: Set<string>): Promise<'dir' | 'file' | 'broken'> {
  try {
    const st = await stat(abs);
    if (!st.isDirectory()) return 'file';
    const target = await realpath(abs);
    if (seen.has(target)) return 'broken';
    return 'dir';
  } catch {
    return 'broken';
  }
}

export async function discoverInputs(root: string): Promise<InputUnit[]> {
  const units: InputUnit[] = [];
  /** Real paths of the folders walked, so a link back up the tree is not walked for ever. */
  const seen = new Set<string>();
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    seen.add(await realpath(dir));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const rel = path.relative(root, dir).split(path.sep).join('/') || '.';
    let hasRs = false;
    for (const e of entries) {
      if (isDoc(e.name)) continue;
      const abs = path.join(dir, e.name);
      const fileRel = rel === '.' ? e.name : `${rel}/${e.name}`;
      // A symbolic link (a downloaded data folder linked in) counts as what it points to; a link that
      // points nowhere, or back up the tree, is reported as an input that cannot be read.
      const kind = e.isSymbolicLink() ? await linkedKind(abs, seen) : e.isDirectory() ? 'dir' : 'file';
      if (kind === 'broken') {
        units.push({ kind: 'unknown', abs, rel: fileRel });
      } else if (kind === 'dir') {
        await walk(abs);
      } else if (isRsTableFile(e.name)) {
        hasRs = true;
      } else if (/\.txt$/i.test(e.name)) {
        units.push({ kind: 'text', abs, rel: fileRel });
      } else if (/\.json$/i.test(e.name)) {
        units.push({ kind: 'judgit', abs, rel: fileRel });
      } else {
        units.push({ kind: 'unknown', abs, rel: fileRel });
      }
    }
    if (hasRs) units.push({ kind: 'rs-csv', abs: dir, rel });
  }
  await walk(root);
  return units;
}
