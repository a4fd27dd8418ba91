/**
 * Astro integration that writes the per-sheet JSON files (/data/sheets/<id>.json, src/lib/sheet-data-files.ts)
 * during `astro build`: a worker thread starts once the config is done (sheet-data-worker.ts), writes them
 * to a folder beside the output (Astro empties the output folder at build:start) and they are moved in when
 * the pages are done. In `astro dev` the same files are served on request. A bad entry or a failed write
 * fails the build. (Chart CSVs are made in the browser from this JSON: src/scripts/chart-csv-download.ts.)
 */
import type { AstroIntegration } from 'astro';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSheet } from '../lib/load-sheets.ts';
import { contentDir } from '../lib/paths.ts';
import { href } from '../lib/url.ts';
import { sheetDataFile } from '../lib/sheet-data-files.ts';
import type { SheetDataJob, SheetDataResult } from './sheet-data-worker.ts';

type WorkerReply = { ok: true; result: SheetDataResult } | { ok: false; error: string };

function runWorker(script: string, job: SheetDataJob): Promise<SheetDataResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`per-sheet data files: ${reply.error}`));
    });
    worker.once('error', (err: Error) => reject(new Error(`per-sheet data files: ${err.message}`)));
    worker.once('exit', (code) => reject(new Error(`per-sheet data files: worker exited with code ${code}`)));
  });
}

export default function sheetDataFilesIntegration(): AstroIntegration {
  let root = '';
  let outDir = '';
  let base = '/';
  let stageDir = '';
  let job: Promise<SheetDataResult> | null = null;
  let building = false;
  return {
    name: 'sheet-data-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        base = href('', config.base);
        stageDir = path.join(path.dirname(path.resolve(outDir)), `.${path.basename(path.resolve(outDir))}-sheet-data`);
        if (!building) return;
        // Started here, not at build:start: Astro's start-up (the content sync, Vite's bundling, ≈ 8 s at
        // a year of sheets) leaves part of the second core idle. The files go beside the output folder,
        // which Astro empties at build:start.
        const script = path.join(root, 'src', 'integrations', 'sheet-data-worker.ts');
        job = rm(stageDir, { recursive: true, force: true }).then(() =>
          runWorker(script, { entriesDir: path.join(contentDir(), 'sheets'), stageDir }),
        );
        // Keep an early failure from being reported as unhandled before build:done awaits it.
        job.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!job) throw new Error('per-sheet data files: the worker was not started');
        try {
          const { sheets, files, bytes } = await job;
          const from = path.join(stageDir, 'data', 'sheets');
          const to = path.join(outDir, 'data', 'sheets');
          await rm(to, { recursive: true, force: true });
          if (files > 0) await rename(from, to);
          logger.info(`${files} sheet JSON files for ${sheets} sheets (${(bytes / 2 ** 20).toFixed(1)} MB)`);
        } finally {
          await rm(stageDir, { recursive: true, force: true });
        }
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
