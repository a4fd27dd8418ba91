import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { sheet } from '../../src/schema/sheet.ts';

const dir = path.resolve('tests/fixtures/bad-text');
const read = (name: string) => readTextSheet(path.join(dir, name), `bad-text/${name}`);

describe('inputs that are not readable sheets give one error naming file, place and reason, and no record', () => {
  it.each([
    ['empty.txt', null, 'the file is empty'],
    ['blank-lines.txt', null, 'the file holds no text (only blank lines)'],
    ['binary.txt', null, 'binary data, not a text export (NUL byte at offset 8; UTF-16 files need a byte order mark)'],
    ['utf16-no-bom.txt', null, 'binary data, not a text export (NUL byte at offset 1; UTF-16 files need a byte order mark)'],
    ['random.txt', 'line 1', 'not a review sheet: no title line "<年度>行政事業レビューシート (<府省庁>)" in the first 30 lines'],
    ['no-title.txt', 'lines 4–11', 'no 事業名 (project name) in the basic information after the title line (line 3)'],
    ['truncated.txt', 'section 点検・改善結果', 'section 「点検・改善結果」 is missing: the sheet ends at line 60 (file cut off?)'],
    ['truncated-blocks.txt', 'section 費目・用途', 'the 費目・用途 table is cut off at line 110: block A has no 計 row and the file ends there'],
  ])('%s', async (name, where, message) => {
    const r = await read(name);
    expect(r.records).toEqual([]);
    expect(r.errors).toEqual([{ file: `bad-text/${name}`, where, message }]);
  });

  it('a missing file is an error, not an exception', async () => {
    const r = await read('does-not-exist.txt');
    expect(r.records).toEqual([]);
    expect(r.errors[0]).toMatchObject({ file: 'bad-text/does-not-exist.txt', where: null });
    expect(r.errors[0]!.message).toMatch(/^cannot read the file: ENOENT/);
  });
});

describe('other encodings of real sheets convert like the UTF-8 originals', () => {
  async function original(name: string) {
    const r = await readTextSheet(path.resolve('sheets/text', name), `bad-text/${name}`);
    return sheet.parse(r.records[0]);
  }

  it('shift_jis.txt (the R4 sample in CP932) converts, with a notice', async () => {
    const r = await read('shift_jis.txt');
    expect(r.errors).toEqual([]);
    expect(r.notices).toEqual([{ file: 'bad-text/shift_jis.txt', where: null, message: 'decoded as Shift_JIS (CP932)' }]);
    const rec = sheet.parse(r.records[0]);
    const utf8 = await original('000_ef263abaeb28aada.txt');
    expect({ ...rec, source: null }).toEqual({ ...utf8, source: null });
    expect(rec.title).toBe('サイバーセキュリティ情報共有推進事業');
    expect(rec.overview).toContain('① 通信事業者'); // CP932 has ①
  });

  it('utf16.txt (the H28 sample in UTF-16LE with BOM) converts, with a notice', async () => {
    const r = await read('utf16.txt');
    expect(r.errors).toEqual([]);
    expect(r.notices).toEqual([{ file: 'bad-text/utf16.txt', where: null, message: 'decoded as UTF-16LE' }]);
    const rec = sheet.parse(r.records[0]);
    expect({ ...rec, source: null }).toEqual({ ...(await original('004_b3591854bc0903ef.txt')), source: null });
  });

  it('shift_jis-damaged.txt decodes what is decodable and says how much was not', async () => {
    const r = await read('shift_jis-damaged.txt');
    expect(r.errors).toEqual([]);
    expect(r.notices?.map((n) => n.message)).toEqual(['decoded as Shift_JIS (CP932)', '1 undecodable byte sequence(s) replaced by U+FFFD']);
    expect(sheet.parse(r.records[0]).title).toBe('M2Mセキュリティ実証事業');
  });
});
