/**
 * The converter as a whole on real sample sheets in a temporary inputs folder: writes, idempotence,
 * removal of entries of removed inputs, bad inputs reported while the rest convert, and a failed run
 * keeping the last good entries.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { convertAll } from '../../scripts/converter/run.ts';
import { parseEntry } from '../../src/schema/entry-file.ts';
import { sheet } from '../../src/schema/sheet.ts';

const root = path.resolve(import.meta.dirname, '../..');
const R4 = '000_ef263abaeb28aada.txt';
const H28 = '004_b3591854bc0903ef.txt';
let sheetsDir: string;
let contentDir: string;

async function entries(): Promise<string[]> {
  return (await readdir(path.join(contentDir, 'sheets'))).filter((f) => f.endsWith('.md')).sort();
}

beforeEach(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'convert-test-'));
  sheetsDir = path.join(tmp, 'sheets');
  contentDir = path.join(tmp, 'content');
  await cp(path.join(root, 'sheets', 'text'), path.join(sheetsDir, 'text'), { recursive: true });
  return () => rm(tmp, { recursive: true, force: true });
});

describe('convertAll', () => {
  it('converts both text samples into entries that validate against the schema', async () => {
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.errors).toEqual([]);
    expect(s.converted).toBe(2);
    const files = await entries();
    expect(files).toHaveLength(2);
    for (const f of files) {
      const { data } = parseEntry(await readFile(path.join(contentDir, 'sheets', f), 'utf8'), f);
      const rec = sheet.parse(data);
      expect(`${rec.id}.md`).toBe(f);
      expect(rec.source.form).toBe('text');
    }
  });

  it('is idempotent: a second run writes nothing and leaves files untouched', async () => {
    await convertAll({ sheetsDir, contentDir });
    const [f] = await entries();
    const before = (await stat(path.join(contentDir, 'sheets', f))).mtimeMs;
    const again = await convertAll({ sheetsDir, contentDir });
    expect(again.converted).toBe(2);
    expect(again.written).toBe(0);
    expect((await stat(path.join(contentDir, 'sheets', f))).mtimeMs).toBe(before);
  });

  it('removes the entry of a removed sheet', async () => {
    await convertAll({ sheetsDir, contentDir });
    await rm(path.join(sheetsDir, 'text', H28));
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.removed).toHaveLength(1);
    expect(s.removed[0]).toMatch(/^2016-soumu-/);
    expect(await entries()).toHaveLength(1);
  });

  it('reports a bad input by name, converts the others, and keeps the last good entry of a sheet that broke', async () => {
    await convertAll({ sheetsDir, contentDir });
    const goodBefore = await entries();
    // Break the H28 sheet (truncate it to its first lines) and add a file that is no sheet at all.
    const h28 = path.join(sheetsDir, 'text', H28);
    await writeFile(h28, (await readFile(h28, 'utf8')).split('\n').slice(0, 4).join('\n'));
    await writeFile(path.join(sheetsDir, 'text', 'notes.txt'), 'これはレビューシートではありません。\n');
    await writeFile(path.join(sheetsDir, 'scan.pdf'), '%PDF-1.4\n');
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.converted).toBe(1);
    expect(s.failedInputs.sort()).toEqual(['scan.pdf', `text/${H28}`, 'text/notes.txt'].sort());
    for (const e of s.errors) expect(e.message.length).toBeGreaterThan(10);
    expect(s.errors.find((e) => e.file === 'scan.pdf')?.message).toMatch(/not a recognisable review sheet/);
    // The broken sheet's previous entry is still there, unchanged; nothing else was added.
    expect(await entries()).toEqual(goodBefore);
    expect((await readdir(path.join(contentDir, 'sheets'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reports an entry it could not write against its input, writes the others, and leaves no temporary file', async () => {
    await convertAll({ sheetsDir, contentDir });
    const [first, second] = await entries();
    // Make the first entry's path a folder holding a file: the rename into place fails there.
    const blocked = path.join(contentDir, 'sheets', first!);
    await rm(blocked);
    await mkdir(blocked);
    await writeFile(path.join(blocked, 'keep'), 'x');
    await rm(path.join(contentDir, 'sheets', second!));
    const s = await convertAll({ sheetsDir, contentDir });
    expect(s.converted).toBe(2);
    expect(s.written).toBe(1);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.where).toBe(`entry ${first}`);
    expect(s.errors[0]!.message).toMatch(/^could not be written: /);
    expect(s.failedInputs).toEqual([s.errors[0]!.file]);
    expect(s.errors[0]!.file).toMatch(/^text\//);
    // The other entry was written again; no temporary file is left behind.
    const { data } = parseEntry(await readFile(path.join(contentDir, 'sheets', second!), 'utf8'), second!);
    expect(`${sheet.parse(data).id}.md`).toBe(second);
    expect((await readdir(path.join(contentDir, 'sheets'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('the CLI prints a summary and exits non-zero when an input failed', async () => {
    await writeFile(path.join(sheetsDir, 'text', 'empty.txt'), '');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'convert.ts')], {
      env: { ...process.env, SHEETS_DIR: sheetsDir, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/convert: 2 sheets converted from 3 inputs .* 1 inputs failed/);
    expect(r.stderr).toMatch(/error: text\/empty\.txt/);
    expect(r.stderr).toMatch(/FAILED inputs: text\/empty\.txt/);
  });

  it(`names the sample ${R4} by its own identifiers, not its file name`, async () => {
    await convertAll({ sheetsDir, contentDir });
    const files = await entries();
    expect(files.some((f) => f.startsWith('2022-soumu-t'))).toBe(true);
    expect(files.some((f) => f.includes('ef263abaeb28aada'))).toBe(false);
  });
});
