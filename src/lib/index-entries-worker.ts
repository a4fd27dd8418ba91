/**
 * Worker thread of index-entries.ts: reads, validates and indexes the entries it is given and answers
 * with the results (small projections and listings, never whole records) and the problems found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexSheet, type IndexJob } from './index-entries.ts';
import { collectSheets } from './load-sheets.ts';

const { dir, files } = workerData as IndexJob;
parentPort!.postMessage(collectSheets(dir, files, indexSheet));
