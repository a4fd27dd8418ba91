/**
 * Reader of the RS system's (行政事業レビュー見える化サイト) bulk download: a folder of per-table files
 * `N-N_RS_<year>_<name>.zip` (one CSV each) or the CSVs extracted from them, or a mix.
 *
 * Tables are streamed one at a time, in registry order; each row is mapped at once into its project's
 * parts (join key: 事業年度 + 予算事業ID), so no table's raw rows are held. Bad input never throws:
 * - a table file that is absent, or whose header lacks a required column, or that cannot be read (not a
 *   zip, corrupt, not CSV) → an InputError (absent: a notice) and the table is listed in every record's
 *   `source.missingParts`; records are still built from the other tables;
 * - a column the registry does not know → a notice; the column is ignored;
 * - a cell that does not parse → read as blank, with an `unparsed-value` warning on the record quoting it
 *   (table, line, column); a row a mapper cannot interpret at all → the same warning, that row not used;
 * - a row with the wrong number of fields, or bytes that are not UTF-8 → an InputError naming table and
 *   line; that project gets no record;
 * - a record that fails the schema: the converter reports it (scripts/converter/run.ts validates every
 *   record of every form once, naming the record's id, which holds the 予算事業ID); no record.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SheetWarning } from '../../../../src/schema/sheet.ts';
import type { InputError, ReadResult } from '../read-result.ts';
import { assemble, type ProjectAcc } from './assemble.ts';
import { organisation, overview, policies, related, subsidies } from './map-basic.ts';
import { budgetItems, budgetSummary } from './map-budget.ts';
import { findings, remarks } from './map-findings.ts';
import { goals, links } from './map-goals.ts';
import { expenses, flows, multiYearContracts, payees } from './map-spending.ts';
import { csvBytes, decodeText, FileError, zipCsvBytes, type DecodeInfo, type ZipInfo } from './open-table.ts';
import { RowError, type Mapper, type Parts, type RowContext } from './parts.ts';
import { CsvError, readTableRows, type HeaderCheck, type Row } from './read-table.ts';
import {
  parseTableFileName,
  TABLE_IDS,
  TABLES,
  tableIdOfEntry,
  tableLabel,
  type TableFileName,
  type TableId,
} from './tables.ts';
import { ministryName, text, ValueError } from './values.ts';

export { isRsTableFile } from './tables.ts';

const MAPPERS: { [K in TableId]: Mapper<K> } = {
  '1-1': organisation,
  '1-2': overview,
  '1-3': policies,
  '1-4': subsidies,
  '1-5': related,
  '2-1': budgetSummary,
  '2-2': budgetItems,
  '3-1': goals,
  '3-2': links,
  '4-1': findings,
  '5-1': payees,
  '5-2': flows,
  '5-3': expenses,
  '5-4': multiYearContracts,
  '6-1': remarks,
};

/** The record section a table's warnings belong to (src/lib/view/warnings.ts places them on the page). */
const TABLE_SECTIONS: { [K in TableId]: string } = {
  '1-1': 'basics',
  '1-2': 'purpose',
  '1-3': 'basics',
  '1-4': 'basics',
  '1-5': 'relatedProjects',
  '2-1': 'budgets',
  '2-2': 'budgetItems',
  '3-1': 'outcomes',
  '3-2': 'logicLinks',
  '4-1': 'findings',
  '5-1': 'payees',
  '5-2': 'flows',
  '5-3': 'blocks',
  '5-4': 'payees',
  '6-1': 'findings',
};

interface TableFile extends TableFileName {
  name: string;
  abs: string;
  rel: string;
}

/** Who a row is about: the project fields every table repeats (see ProjectAcc). */
type Identity = Omit<ProjectAcc, 'parts' | 'warnings'>;

interface Entry<K extends TableId> {
  part: Parts[K];
  warnings: SheetWarning[];
  /** The project's row context (its fiscal year, its warnings), made once per project. */
  ctx: RowContext;
}

/** NFKC leaves ASCII text as it is. */
const ASCII = /^[\x00-\x7f]*$/;

function posixJoin(dir: string, name: string): string {
  return dir === '' || dir === '.' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

function identityOf(row: Row, fiscalYear: number, rsId: string): Identity {
  const division = ['部', '課', '室', '班', '係'].map((c) => text(row.get(c))).filter((v): v is string => v !== null);
  return {
    fiscalYear,
    rsId,
    title: row.get('事業名').trim(),
    ministry: ministryName(row.get('府省庁')),
    policyMinistry: ministryName(row.get(row.has('政策所管府省庁') ? '政策所管府省庁' : '所管府省庁')),
    bureau: text(row.get('局・庁')),
    division: division.length > 0 ? division.join(' ') : null,
  };
}

/** Reads one table file into per-project entries; returns null when the file cannot be used at all. */
async function readTable<K extends TableId>(
  file: TableFile,
  id: K,
  state: { projects: Map<string, ProjectAcc>; failed: Set<string>; errors: InputError[]; notices: InputError[] },
): Promise<{ entries: Map<string, Entry<K>>; identities: Map<string, Identity> } | null> {
  const spec = TABLES[id];
  const label = tableLabel(id);
  const zipInfo: ZipInfo = { entry: null, ignored: [] };
  const decodeInfo: DecodeInfo = { encoding: null, invalidAt: [] };
  const bytes = file.kind === 'zip' ? zipCsvBytes(file.abs, zipInfo) : csvBytes(file.abs);
  const entries = new Map<string, Entry<K>>();
  const identities = new Map<string, Identity>();
  const mapper = MAPPERS[id] as Mapper<K>;
  /** The project gets no record: its rows in this and later tables are skipped. */
  /** The project of the previous row (rows of a project are consecutive): spares the lookups by key. */
  let last: { idText: string; fiscalYearText: string; key: string; rsId: string; known: Identity; entry: Entry<K> } | null = null;
  const fail = (key: string, error: InputError): void => {
    last = null;
    // The error costs this project's record only (InputError.record).
    state.errors.push({ ...error, record: key });
    state.failed.add(key);
    entries.delete(key);
    identities.delete(key);
    state.projects.delete(key);
  };
  /** Set when the table turns out unusable before its rows (wrong zip entry, required columns missing). */
  let unusable = false;
  const header = (check: HeaderCheck): boolean => {
    if (file.kind === 'zip') {
      const entryId = zipInfo.entry ? tableIdOfEntry(zipInfo.entry) : null;
      if (entryId !== null && entryId !== id) {
        state.errors.push({ file: file.rel, where: `zip entry ${zipInfo.entry}`, message: `the zip of table ${id} holds table ${entryId}; not used` });
        unusable = true;
        return false;
      }
      for (const ignored of zipInfo.ignored) {
        state.notices.push({ file: file.rel, where: `zip entry ${ignored}`, message: 'not the table CSV; ignored' });
      }
    }
    if (decodeInfo.encoding === 'cp932') {
      state.notices.push({ file: file.rel, where: null, message: 'not UTF-8: read as Shift_JIS (cp932)' });
    }
    for (const column of check.unknown) {
      state.notices.push({ file: file.rel, where: `table ${label}, header`, message: `unknown column "${column}" is ignored` });
    }
    if (check.missing.length > 0) {
      const names = check.missing.map((c) => `"${c}"`).join(', ');
      state.errors.push({
        file: file.rel,
        where: `table ${label}, header`,
        message: `required column${check.missing.length > 1 ? `s ${names} are` : ` ${names} is`} missing (renamed or removed); table ${id} is not used`,
      });
      unusable = true;
      return false;
    }
    return true;
  };
  const row = (row: Row): void => {
    const fiscalYearText = row.get('事業年度').trim();
    const idText = row.get('予算事業ID').trim();
    if (last !== null && idText === last.idText && fiscalYearText === last.fiscalYearText && row.problem === null) {
      // Same project as the row before, which was not failed since: same identity and entry.
      const known = last.known;
      if (known.title === '' || known.ministry === '' || known.policyMinistry === '') {
        const more = identityOf(row, known.fiscalYear, known.rsId);
        known.title ||= more.title;
        known.ministry ||= more.ministry;
        known.policyMinistry ||= more.policyMinistry;
      }
      addRow(row, last.key, last.rsId, last.entry);
      return;
    }
    const rsId = ASCII.test(idText) ? idText : idText.normalize('NFKC');
    const fiscalYear = /^\d{4}$/.test(fiscalYearText) ? Number(fiscalYearText) : NaN;
    // An ID with a byte that was not UTF-8 in it (U+FFFD) names no project: the row is reported, not given
    // to a project that does not exist.
    const noId = rsId === '' || rsId.includes('\uFFFD');
    if (!(fiscalYear >= 1900 && fiscalYear <= 2100) || noId) {
      const column = noId ? '予算事業ID' : '事業年度';
      state.errors.push({
        file: file.rel,
        where: `table ${id}, line ${row.line}, column ${column}`,
        message: `${column} "${row.get(column).trim()}" cannot identify a project${row.problem ? ` (${row.problem})` : ''}; row skipped`,
      });
      return;
    }
    const key = `${fiscalYear}:${rsId}`;
    if (state.failed.has(key)) return;
    if (row.problem !== null) {
      fail(key, { file: file.rel, where: `table ${id}, line ${row.line}`, message: `${row.problem} (予算事業ID ${rsId}); no record for this project` });
      return;
    }
    // Some rows leave 府省庁 or 事業名 blank (5-2 of ID 422): a later row or table fills them in.
    let known = state.projects.get(key) ?? identities.get(key);
    if (!known) {
      known = identityOf(row, fiscalYear, rsId);
      identities.set(key, known);
    } else if (known.title === '' || known.ministry === '' || known.policyMinistry === '') {
      const more = identityOf(row, fiscalYear, rsId);
      known.title ||= more.title;
      known.ministry ||= more.ministry;
      known.policyMinistry ||= more.policyMinistry;
    }
    let entry = entries.get(key);
    if (!entry) {
      const warnings: SheetWarning[] = [];
      entry = {
        part: mapper.init(),
        warnings,
        ctx: { table: id, fiscalYear, warn: (w) => warnings.push({ code: w.code, section: w.section, ref: w.ref ?? null, message: w.message }) },
      };
      entries.set(key, entry);
    }
    last = { idText, fiscalYearText, key, rsId, known, entry };
    addRow(row, key, rsId, entry);
  };
  /** The rows of the project being read, by signature → line: a row that repeats one exactly is named. */
  let projectRows: { key: string; lines: Map<string, number> } | null = null;
  const addRow = (row: Row, key: string, rsId: string, entry: Entry<K>): void => {
    if (row.isBlankData()) return;
    // Rows of a project are consecutive in the published tables, so only its own rows are kept to compare.
    if (projectRows?.key !== key) projectRows = { key, lines: new Map() };
    const signature = row.signature();
    const first = projectRows.lines.get(signature);
    if (first === undefined) projectRows.lines.set(signature, row.line);
    else {
      // Both rows are read, as the source states them; the warning says an amount may be counted twice.
      entry.ctx.warn({
        code: 'duplicate-row',
        section: `table ${id}`,
        ref: `line ${row.line}`,
        message: `table ${label}, line ${row.line} repeats line ${first} cell for cell; both rows are kept as the source states them (an amount in them may be counted twice)`,
      });
    }
    try {
      mapper.add(entry.part, row, entry.ctx);
    } catch (e) {
      if (!(e instanceof RowError || e instanceof ValueError)) throw e;
      // A row the mapper cannot interpret costs only that row, never the record: it is named, with the
      // cell as written, in a warning on the record.
      const what = e instanceof RowError ? `「${e.column}」の「${row.get(e.column).trim()}」` : `（${e.message}）`;
      entry.warnings.push({
        code: 'unparsed-value',
        section: TABLE_SECTIONS[id],
        ref: null,
        message: `表${id}の${row.line}行目${what}を読み取れないため、この行を使っていません。`,
      });
    }
  };
  try {
    await readTableRows(decodeText(bytes, decodeInfo), spec, { header, row }, decodeInfo.invalidAt);
  } catch (e) {
    if (e instanceof FileError) {
      state.errors.push({ file: file.rel, where: `table ${label}`, message: `${e.message}; table ${id} is not used` });
    } else if (e instanceof CsvError) {
      state.errors.push({
        file: file.rel,
        where: `table ${id}, line ${e.line}`,
        message: `not valid CSV (${e.message}); table ${id} is not used`,
      });
    } else {
      throw e;
    }
    return null;
  }
  if (unusable) return null;
  return { entries, identities };
}

async function listTableFiles(absDir: string, relDir: string, notices: InputError[]): Promise<TableFile[]> {
  const names = (await readdir(absDir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  const files: TableFile[] = [];
  for (const name of names) {
    const parsed = parseTableFileName(name);
    if (!parsed) continue;
    const dup = files.find((f) => f.id === parsed.id && f.year === parsed.year);
    const file = { ...parsed, name, abs: join(absDir, name), rel: posixJoin(relDir, name) };
    if (dup) {
      // The CSV extracted from a zip is preferred over the zip; a second file of the same table is not read.
      const keep = dup.kind === 'csv' || file.kind === 'zip' ? dup : file;
      const drop = keep === dup ? file : dup;
      if (keep === file) files.splice(files.indexOf(dup), 1, file);
      notices.push({ file: drop.rel, where: null, message: `a second file of table ${parsed.id} for ${parsed.year}; ${keep.name} is read instead` });
      continue;
    }
    files.push(file);
  }
  return files;
}

export async function readRsFolder(absDir: string, relDir: string): Promise<ReadResult> {
  const errors: InputError[] = [];
  const notices: InputError[] = [];
  let files: TableFile[];
  try {
    files = await listTableFiles(absDir, relDir, notices);
  } catch (e) {
    return { records: [], errors: [{ file: relDir, where: null, message: `cannot list the folder (${(e as Error).message})` }], notices };
  }
  if (files.length === 0) {
    return { records: [], errors: [{ file: relDir, where: null, message: 'no RS table files (N-N_RS_YYYY_*.csv|zip) in the folder' }], notices };
  }
  const state = { projects: new Map<string, ProjectAcc>(), failed: new Set<string>(), errors, notices };
  /** Tables read in full, by the year in their file names. */
  const readByYear = new Map<number, Set<TableId>>();
  const years = [...new Set(files.map((f) => f.year))].sort();
  for (const id of TABLE_IDS) {
    for (const file of files.filter((f) => f.id === id)) {
      const result = await readTable(file, id, state);
      if (!result) continue;
      for (const [key, identity] of result.identities) {
        if (!state.projects.has(key)) state.projects.set(key, { ...identity, parts: {}, warnings: [] });
      }
      for (const [key, entry] of result.entries) {
        const project = state.projects.get(key);
        if (!project) continue;
        (project.parts as Record<string, unknown>)[id] = entry.part;
        project.warnings.push(...entry.warnings);
      }
      if (!readByYear.has(file.year)) readByYear.set(file.year, new Set());
      readByYear.get(file.year)!.add(id);
    }
  }
  for (const y of years) {
    for (const id of TABLE_IDS) {
      if (!files.some((f) => f.year === y && f.id === id)) {
        notices.push({ file: relDir, where: null, message: `table ${tableLabel(id)} for ${y} is not in the folder; records list it in missingParts` });
      }
    }
  }
  const allRead = new Set([...readByYear.values()].flatMap((s) => [...s]));
  const records = [];
  for (const [key, project] of state.projects) {
    if (state.failed.has(key)) continue;
    const read = readByYear.get(project.fiscalYear) ?? allRead;
    const missingParts = TABLE_IDS.filter((id) => !read.has(id)).map(tableLabel);
    const record = assemble(project, relDir, missingParts);
    records.push(record);
  }
  return { records, errors, notices };
}
