/**
 * Where the converter writes entries and where the site reads them. Both can be moved with environment
 * variables so tests and benchmarks can build other sets of sheets without touching the project's own.
 */
import path from 'node:path';

/** Folder holding `sheets/<id>.md` entries. Default: ./content. Override: CONTENT_DIR. */
export function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

/** Folder of input sheets. Default: ./sheets. Override: SHEETS_DIR. */
export function sheetsDir(): string {
  return path.resolve(process.env.SHEETS_DIR ?? 'sheets');
}
