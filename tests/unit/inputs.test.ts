import { mkdirSync, mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverInputs } from '../../scripts/converter/inputs.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'inputs-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('discoverInputs', () => {
  it('follows a linked folder (a downloaded data folder linked in) and names its files under the link', async () => {
    const data = path.join(tmp, 'download', '2019', '内閣官房');
    mkdirSync(data, { recursive: true });
    copyFileSync(path.join(root, 'sheets', 'judgit', '2019', '内閣官房', '0001.json'), path.join(data, '0001.json'));
    const sheets = path.join(tmp, 'sheets');
    mkdirSync(sheets);
    symlinkSync(path.join(tmp, 'download'), path.join(sheets, 'judgit'));
    copyFileSync(path.join(root, 'sheets', 'text', '004_b3591854bc0903ef.txt'), path.join(sheets, 'h28.txt'));
    const units = await discoverInputs(sheets);
    expect(units.map((u) => [u.kind, u.rel])).toEqual([
      ['text', 'h28.txt'],
      ['judgit', 'judgit/2019/内閣官房/0001.json'],
    ]);
  });

  it('reports a link that points nowhere, or back up the tree, as an input of its own instead of walking it', async () => {
    const sheets = path.join(tmp, 'loops');
    mkdirSync(sheets);
    symlinkSync(path.join(tmp, 'nowhere'), path.join(sheets, 'broken'));
    symlinkSync(sheets, path.join(sheets, 'self'));
    const units = await discoverInputs(sheets);
    expect(units.map((u) => [u.kind, u.rel])).toEqual([
      ['unknown', 'broken'],
      ['unknown', 'self'],
    ]);
  });
});
