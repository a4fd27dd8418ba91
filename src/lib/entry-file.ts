/**
 * The content entry file format, shared by the converter (writes) and the content collection (reads):
 * YAML frontmatter holding the whole record, then a markdown body with the narrative text for people who
 * open content/ directly. The site renders from the record, never from the body.
 */
import * as yaml from 'js-yaml';
import type { Sheet } from '../schema/sheet.ts';

const FENCE = '---\n';

export function serializeEntry(record: Sheet, body: string): string {
  // noRefs: identical sub-objects must be written out, not as YAML anchors; lineWidth -1: no folding,
  // so long Japanese text stays on one line and diffs stay readable.
  const front = yaml.dump(record, { noRefs: true, lineWidth: -1, sortKeys: false });
  return `${FENCE}${front}${FENCE}\n${body.trimEnd()}\n`;
}

export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
}

export function parseEntry(text: string, file: string): ParsedEntry {
  if (!text.startsWith(FENCE)) throw new Error(`${file}: entry does not start with a frontmatter fence`);
  const end = text.indexOf(`\n${FENCE}`, FENCE.length - 1);
  if (end < 0) throw new Error(`${file}: frontmatter is not closed`);
  const data = yaml.load(text.slice(FENCE.length, end + 1), { filename: file });
  if (typeof data !== 'object' || data === null) throw new Error(`${file}: frontmatter is not a mapping`);
  return { data: data as Record<string, unknown>, body: text.slice(end + 1 + FENCE.length) };
}
