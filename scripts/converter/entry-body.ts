/**
 * The markdown body of a content entry: the sheet's narrative text for people who open content/
 * directly (the site renders from the frontmatter record only, never from this body).
 *
 * Sheet text is untrusted, so it is written as plain text that no markdown renderer turns into markup:
 * characters that start markdown constructs (links, HTML, emphasis, code, tables) are backslash-escaped
 * wherever they occur, and line starts that would open a heading, quote, list or rule are escaped too.
 */
import type { Sheet } from '../../src/schema/sheet.ts';

/** Escapes markdown-significant characters so the text stays plain text under any renderer. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let s = line.replace(/[\\`*_[\]<>|~{}&]/g, (c) => `\\${c}`);
      // Block starts: "# heading", "> quote", "- / + list", "1. list", "1) list", "=== / --- rules".
      s = s.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
      // Four leading spaces would make an indented code block.
      return s.replace(/^ {4,}/, '');
    })
    .join('\n');
}

function section(title: string, text: string | null | undefined): string[] {
  return text ? [`## ${title}`, '', escapeMarkdown(text), ''] : [];
}

export function entryBody(record: Sheet): string {
  const f = record.findings;
  const verdict = (v: string | null, t: string | null): string | null => [v ? `【${v}】` : null, t].filter(Boolean).join('\n\n') || null;
  const lines = [
    `# ${escapeMarkdown(record.title)}`,
    '',
    ...section('事業の目的', record.purpose),
    ...section('現状・課題', record.issues),
    ...section('事業概要', record.overview),
    ...section('活動内容', record.activityDescription),
    ...section('点検結果', f.inspection),
    ...section('改善の方向性', f.direction),
    ...section('外部有識者の所見', f.externalExperts),
    ...section('行政事業レビュー推進チームの所見', verdict(f.reviewTeamVerdict, f.reviewTeam)),
    ...section('所見を踏まえた改善点/概算要求における反映状況', verdict(f.improvementsVerdict, f.improvements)),
    ...section('備考', f.remarks),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
