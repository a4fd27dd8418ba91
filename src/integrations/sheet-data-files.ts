/**
 * Astro integration that writes the per-sheet JSON files (/data/sheets/<id>.json, src/lib/sheet-data-files.ts)
 * during `astro build`: each sheet page hands over its validated record as it renders (emitSheetData), and
 * the file is written at once, so no entry is read a second time for it. In `astro dev` the same files are
 * served on request from the entries. A failed write fails the page, and so the build; so does a build in
 * which not every sheet's file was written. (Chart CSVs are made in the browser from this JSON:
 * src/scripts/chart-csv-download.ts.)
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listEntryFiles, loadSheet } from '../lib/load-sheets.ts';
import { contentDir } from '../lib/paths.ts';
import { href } from '../lib/url.ts';
import { setSheetDataSink, sheetDataFile, type DataFile } from '../lib/sheet-data-files.ts';

export default function sheetDataFilesIntegration(): AstroIntegration {
  let outDir = '';
  let base = '/';
  let files = 0;
  let bytes = 0;
  return {
    name: 'sheet-data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = href('', config.base);
      },
      'astro:build:start': () => {
        files = 0;
        bytes = 0;
        const made = new Set<string>();
        // Synchronous on purpose: the page is rendering on this thread anyway, and an asynchronous write
        // would queue on libuv's shared threads behind Astro's own page writes (docs/BENCHMARKS.md).
        setSheetDataSink((file: DataFile) => {
          const target = path.join(outDir, ...file.path.split('/'));
          const dir = path.dirname(target);
          if (!made.has(dir)) {
            mkdirSync(dir, { recursive: true });
            made.add(dir);
          }
          writeFileSync(target, file.text);
          files += 1;
          bytes += Buffer.byteLength(file.text);
        });
      },
      'astro:build:done': async ({ logger }) => {
        setSheetDataSink(undefined);
        const sheets = (await listEntryFiles(path.join(contentDir(), 'sheets'))).length;
        if (files !== sheets) {
          throw new Error(`per-sheet data files: ${files} JSON files written for ${sheets} sheets (every sheet page hands over its record)`);
        }
        logger.info(`${files} sheet JSON files for ${sheets} sheets (${(bytes / 2 ** 20).toFixed(1)} MB)`);
      },
      'astro:server:setup': ({ server }) => {
        // Dev only: answer /data/sheets/<id>.json from the entry as it is now.
        server.middlewares.use(async (req, res, next) => {
          const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!url.startsWith(base)) return next();
          const wanted = url.slice(base.length);
          const id = /^data\/sheets\/([^/]+)\.json$/.exec(wanted)?.[1];
          if (!id) return next();
          try {
            const sheet = loadSheet(path.join(contentDir(), 'sheets'), id);
            const file = sheet && sheetDataFile(sheet);
            if (!file || file.path !== wanted) return next();
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(file.text);
          } catch (err) {
            next(err);
          }
        });
      },
    },
  };
}
