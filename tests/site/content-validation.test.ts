/**
 * The content collection validates every entry with the sheet schema at build time: an entry that does
 * not match fails `astro build`, naming the file and the field.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readTextSheet } from '../../scripts/converter/readers/text-sheet/index.ts';
import { sheet } from '../../src/schema/sheet.ts';
import { serializeEntry } from '../../src/schema/entry-file.ts';
import { PROJECT_ROOT } from '../support/sites.ts';

describe('content collection validation at build time', () => {
  it('an entry whose field breaks the schema is left out and named (file, field, value), and astro build exits non-zero', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'content-validation-'));
    try {
      const rel = 'text/000_ef263abaeb28aada.txt';
      const { records } = await readTextSheet(path.join(PROJECT_ROOT, 'sheets', rel), rel);
      const good = sheet.parse(records[0]);
      await mkdir(path.join(tmp, 'content', 'sheets'), { recursive: true });
      // A blank turned into a string where the schema wants integer 円 or null.
      const bad = { ...good, budgets: good.budgets.map((b, i) => (i === 0 ? { ...b, initial: '339' } : b)) };
      const file = path.join(tmp, 'content', 'sheets', `${good.id}.md`);
      await writeFile(file, serializeEntry(bad as unknown as typeof good, '# x\n'));
      expect(await readFile(file, 'utf8')).toContain('"initial":"339"');
      const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, CONTENT_DIR: path.join(tmp, 'content'), OUT_DIR: path.join(tmp, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
      });
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain(`${good.id}.md: does not match the sheet schema: budgets[0].initial = "339": `);
      expect(existsSync(path.join(tmp, 'dist', 'sheets', good.id, 'index.html'))).toBe(false);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
