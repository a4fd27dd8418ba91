/**
 * Reads one JUDGIT! open-data file (judgit/data: `<公開年度>/<府省庁>/<事業番号>.json`, one sheet per file)
 * into a record. The form is recognised by content: a JSON object with 事業名, 府省庁 and 公開年度; where
 * the file lies and what it is called do not matter.
 *
 * Errors cost only the file: not JSON, not an object, or without a usable 事業名 / 府省庁 / 公開年度 (the
 * record's identity and id) → an InputError naming the file and the field. Any other field of the wrong
 * type is kept as written with a warning (values.ts).
 */
import { readFileSync } from 'node:fs';
import type { InputError, ReadResult } from '../read-result.ts';
import { mapSheet, type Identity } from './map.ts';
import { isObject, shown, type Json, type JsonObject } from './values.ts';

/** The fields that make a JSON object a JUDGIT sheet, and without which it has no identity. */
export const REQUIRED_FIELDS = ['事業名', '府省庁', '公開年度'] as const;

/** Does this parsed JSON look like a JUDGIT sheet (an object with at least one of the identity fields)? */
export function looksLikeJudgit(v: unknown): v is JsonObject {
  return isObject(v) && REQUIRED_FIELDS.some((k) => k in v);
}

/** The identity fields, or the error naming the first one that is missing or unusable. */
export function identityOf(j: JsonObject): { id: Identity } | { field: string; message: string } {
  const title = j['事業名'];
  const ministry = j['府省庁'];
  const year = j['公開年度'];
  for (const k of REQUIRED_FIELDS) if (!(k in j) || j[k] === null) return { field: k, message: `${k} がありません` };
  if (typeof title !== 'string' || title.trim() === '') return { field: '事業名', message: `事業名が文字列ではないか空です(${shown(title)})` };
  if (typeof ministry !== 'string' || ministry.trim() === '') return { field: '府省庁', message: `府省庁が文字列ではないか空です(${shown(ministry)})` };
  const fy = typeof year === 'string' && /^\s*\d{4}\s*$/.test(year) ? Number(year) : year;
  if (typeof fy !== 'number' || !Number.isInteger(fy) || fy < 1900 || fy > 2100) {
    return { field: '公開年度', message: `公開年度が西暦の年度ではありません(${shown(year)})` };
  }
  // 府省庁 as the other forms keep it: spaces (full-width ones included) removed.
  return { id: { title, ministry: ministry.replace(/\s+/g, ''), fiscalYear: fy } };
}

/** Parses the text of one file; `rel` names it in errors and in the record's source. */
export function readJudgitText(textIn: string, rel: string): ReadResult {
  const fail = (where: string | null, message: string): ReadResult => ({ records: [], errors: [{ file: rel, where, message }] });
  // A UTF-8 byte order mark is not JSON, but some editors write one.
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (err) {
    return fail(null, `not valid JSON: ${(err as Error).message}`);
  }
  if (!looksLikeJudgit(parsed)) {
    return fail(null, `not a JUDGIT! review sheet: expected a JSON object with ${REQUIRED_FIELDS.join(', ')}`);
  }
  const identity = identityOf(parsed);
  if ('field' in identity) return fail(`field ${identity.field}`, identity.message);
  return { records: [mapSheet(parsed, identity.id, rel)], errors: [] };
}

/** Reads one file. */
export function readJudgitFile(abs: string, rel: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const e: InputError = { file: rel, where: null, message: `cannot be read: ${(err as Error).message}` };
    return { records: [], errors: [e] };
  }
  return readJudgitText(text, rel);
}
