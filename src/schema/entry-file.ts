/**
 * The content entry file format, shared by the converter (writes) and the content collection (reads):
 * YAML frontmatter holding the whole record, then a markdown body with the narrative text for people who
 * open content/ directly. The site renders from the record, never from the body.
 *
 * The frontmatter is YAML written one top-level key per line, each value in JSON form:
 *
 *     id: "2024-cas-rs1"
 *     budgets: [{"year":2023,"initial":33328000,…}]
 *
 * JSON is valid YAML 1.2 (flow style), so any YAML tool reads these entries; and because the writer
 * guarantees one key per line, the reader can take each value with JSON.parse. Why not block-style YAML:
 * at a year of sheets (5,664 entries, ~25 kB each) js-yaml's dump and load took ~16 s and ~6 s, about as
 * long as the rest of the pipeline; this form takes well under a second either way. Hand-edited entries in
 * any other YAML style still load, through js-yaml.
 */
import * as yaml from 'js-yaml';
import type { Sheet } from './sheet.ts';

const FENCE = '---\n';
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*): (.*)$/;

/**
 * JSON text that is also safe YAML inside a flow scalar: JSON.stringify leaves U+2028/U+2029, NEL and
 * the BOM raw, which YAML 1.1 readers treat as line breaks or reject; escape them the JSON way.
 */
function yamlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function serializeEntry(record: Sheet, body: string): string {
  const lines = Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${yamlSafeJson(v)}`);
  return `${FENCE}${lines.join('\n')}\n${FENCE}\n${body.trimEnd()}\n`;
}

export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
}

/** One-key-per-line JSON values, as serializeEntry writes them; `null` when the text is in any other form. */
function parseJsonLines(front: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const line of front.split('\n')) {
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return null;
    try {
      data[m[1]] = JSON.parse(m[2]);
    } catch {
      return null;
    }
  }
  return data;
}

export function parseEntry(text: string, file: string): ParsedEntry {
  if (!text.startsWith(FENCE)) throw new Error(`${file}: entry does not start with a frontmatter fence`);
  const end = text.indexOf(`\n${FENCE}`, FENCE.length - 1);
  if (end < 0) throw new Error(`${file}: frontmatter is not closed`);
  const front = text.slice(FENCE.length, end + 1);
  const body = text.slice(end + 1 + FENCE.length);
  const fast = parseJsonLines(front);
  if (fast) return { data: fast, body };
  const data = yaml.load(front, { filename: file });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: frontmatter is not a mapping`);
  }
  return { data: data as Record<string, unknown>, body };
}

/** The escapes yamlSafeJson adds (not preceded by an escaped backslash), undone to give JSON.stringify's text. */
const YAML_SAFE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(0085|2028|2029|feff)/g;
const ESCAPES = ['\\u0085', '\\u2028', '\\u2029', '\\ufeff'].map((e) => Buffer.from(e, 'latin1'));
const FENCE_BYTES = Buffer.from(FENCE, 'latin1');
const CLOSE_BYTES = Buffer.from(`\n${FENCE}`, 'latin1');
const NEWLINE = 0x0a;

/** Whether byte `c` may start (`first`) or continue a key of KEY_LINE. */
function keyByte(c: number, first: boolean): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (!first && c >= 0x30 && c <= 0x39);
}

/**
 * The record of an entry as compact JSON — exactly the UTF-8 bytes of `JSON.stringify` of what
 * parseEntry gives — made from the frontmatter lines without parsing or even decoding them; `null` when
 * the frontmatter is not in the one key per line form serializeEntry writes. For the per-sheet download
 * of an entry the converter validated: at a year of sheets (5,664 entries, 256 MB) decoding and parsing
 * each entry again for its JSON file cost ≈ 0.5–0.7 ms a sheet (docs/BENCHMARKS.md).
 */
export function entryJson(entry: Uint8Array): Buffer | null {
  const buf = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  if (!buf.subarray(0, FENCE_BYTES.length).equals(FENCE_BYTES)) return null;
  const end = buf.indexOf(CLOSE_BYTES, FENCE_BYTES.length - 1);
  if (end < 0) return null;
  const front = buf.subarray(FENCE_BYTES.length, end + 1);
  // The rare entry with a character yamlSafeJson escaped goes the string way (JSON.stringify leaves it raw).
  if (ESCAPES.some((e) => front.includes(e))) return entryJsonText(front.toString('utf8'));
  const parts: Buffer[] = [Buffer.from('{')];
  let pos = 0;
  let keys = 0;
  while (pos < front.length) {
    const nl = front.indexOf(NEWLINE, pos);
    const line = front.subarray(pos, nl < 0 ? front.length : nl);
    pos = nl < 0 ? front.length : nl + 1;
    if (line.length === 0) continue;
    const colon = line.indexOf(0x3a);
    if (colon < 1 || line[colon + 1] !== 0x20) return null;
    for (let i = 0; i < colon; i++) if (!keyByte(line[i]!, i === 0)) return null;
    parts.push(Buffer.from(`${keys++ ? ',' : ''}"`), line.subarray(0, colon), Buffer.from('":'), line.subarray(colon + 2));
  }
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}

/** entryJson of frontmatter text, with yamlSafeJson's escapes undone. */
function entryJsonText(front: string): Buffer | null {
  const parts: string[] = [];
  for (const line of front.split('\n')) {
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return null;
    parts.push(`"${m[1]}":${m[2].replace(YAML_SAFE_ESCAPE, (_, slashes: string, hex: string) => slashes + String.fromCharCode(parseInt(hex, 16)))}`);
  }
  return Buffer.from(`{${parts.join(',')}}`);
}
