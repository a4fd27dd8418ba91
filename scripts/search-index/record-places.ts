/**
 * Where each sheet's record is, as the built site's pointers state it (/data/sheets/<id>.json:
 * src/lib/data/sheet-data-files.ts SheetPointer), for the fragments of the pages made from a record
 * (src/shared/search/record-place.ts): the site's own statement of it, known once the Astro build has
 * packed the bulk files, after the pages (the index's parts are built while the pages render; their merge,
 * which writes those fragments, runs after: merge-parts.ts). The Astro build takes each pointer as it is
 * rendered (src/integrations/search-index.ts); an index built over a built site reads the pointers' files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sheetJsonHref } from '../../src/lib/markup/url.ts';
import type { RecordAt } from '../../src/shared/search/record-place.ts';

interface PointerRecord {
  record?: { file?: unknown; offset?: unknown; length?: unknown; line?: unknown };
}

/** The place a pointer states (its JSON text, served at `pointerPath` from the site's root), or throws. */
export function recordAtOfPointer(pointerPath: string, json: string): RecordAt {
  const { record } = JSON.parse(json) as PointerRecord;
  const { file, offset, length, line } = record ?? {};
  if (typeof file !== 'string' || ![offset, length, line].every((n) => Number.isSafeInteger(n))) {
    throw new Error(`${pointerPath}: the pointer names no record`);
  }
  // The pointer names its file relative to itself (recordFileFromPointer): from the site's root here.
  const fromRoot = new URL(file, `http://site${pointerPath}`).pathname.slice(1);
  return { file: fromRoot, offset: offset as number, length: length as number, line: line as number };
}

/** The pointer's path from the site's root ("/data/sheets/<id>.json"). */
export function pointerPath(id: string): string {
  return sheetJsonHref(id, '/');
}

/** What a pointer's path has before and after its id (from pointerPath, which writes the path). */
const [POINTER_BEFORE, POINTER_AFTER] = pointerPath('ID').split('ID') as [string, string];

/** The sheet id of a pointer's path, or null for another path. */
export function pointerId(pathFromRoot: string): string | null {
  if (!pathFromRoot.startsWith(POINTER_BEFORE) || !pathFromRoot.endsWith(POINTER_AFTER)) return null;
  const id = pathFromRoot.slice(POINTER_BEFORE.length, pathFromRoot.length - POINTER_AFTER.length);
  return id === '' || id.includes('/') ? null : decodeURIComponent(id);
}

/** The place of sheet `id`'s record, read from its pointer in the built site `siteDir`; throws when it has none. */
export function pointerRecordAt(siteDir: string, id: string): RecordAt {
  const at = pointerPath(id);
  return recordAtOfPointer(at, readFileSync(path.join(siteDir, ...decodeURIComponent(at).split('/')), 'utf8'));
}
