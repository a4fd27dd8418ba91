/**
 * Golden cases, one per source form: tests/golden/<case>/input/ is a sheets folder (laid out as under
 * sheets/, so each record's `source.file` is the one the shipped samples give), and
 * tests/golden/<case>/expected/ holds what comes out of it:
 * - `<id>.md`: each entry, exactly as the real converter writes it (scripts/converter/run.ts convertAll:
 *   discover → read → validate → data-quality warnings → serialise), compared in tests/unit/golden.test.ts;
 * - `summary.json`: the run's counts, errors and notices;
 * - `<id>.page.txt`: the key text of the sheet's built page (pageKeyText), compared against the built
 *   sample site in tests/site/golden-pages.test.ts (the shipped samples hold every case's input).
 *
 * Cases: `text` (the two text sheets), `rs` (RS tables cut to 予算事業ID 432 and 2620 by cut-rs.ts),
 * `judgit` (one JUDGIT! JSON sheet, 2019 復興庁 0020). Regenerate with `node tests/golden/update.ts`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element, Text } from 'domhandler';
import { convertAll } from '../../scripts/converter/run.ts';

export const GOLDEN_DIR = path.resolve('tests/golden');

/** The golden cases: folders of tests/golden/ with an input/ folder. */
export function goldenCases(): string[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(GOLDEN_DIR, d.name, 'input')))
    .map((d) => d.name)
    .sort();
}

export function inputDir(name: string): string {
  return path.join(GOLDEN_DIR, name, 'input');
}

export function expectedDir(name: string): string {
  return path.join(GOLDEN_DIR, name, 'expected');
}

/** Output files of a case: file name → text. */
export type CaseOutput = Map<string, string>;

/** Runs the real converter on the case's input into a temporary folder: the entries and the summary. */
export async function convertCase(name: string): Promise<CaseOutput> {
  const contentDir = mkdtempSync(path.join(tmpdir(), `golden-${name}-`));
  try {
    const s = await convertAll({ sheetsDir: inputDir(name), contentDir, log: () => {} });
    const out: CaseOutput = new Map();
    const sheetsDir = path.join(contentDir, 'sheets');
    for (const f of readdirSync(sheetsDir).filter((f) => f.endsWith('.md')).sort()) {
      out.set(f, readFileSync(path.join(sheetsDir, f), 'utf8'));
    }
    const summary = {
      inputs: s.inputs,
      converted: s.converted,
      warnings: s.warnings,
      sheetsWithWarnings: s.sheetsWithWarnings,
      failedInputs: s.failedInputs,
      errors: s.errors,
      notices: s.notices,
    };
    out.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    return out;
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
}

/** The golden files of a case that come from the converter (entries and summary; not the page texts). */
export function expectedConverterFiles(name: string): string[] {
  const dir = expectedDir(name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => (f.endsWith('.md') && !f.endsWith('-changed.md')) || f === 'summary.json').sort();
}

/** The ids of a case's expected entries. */
export function expectedIds(name: string): string[] {
  return expectedConverterFiles(name).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
}

/** Where a differing output is left for review beside its golden (gitignored: *-changed.*). */
export function changedPath(file: string): string {
  return file.replace(/(\.page\.txt|\.md|\.json)$/, '-changed$1');
}

/**
 * An element's text nodes, each with its white space collapsed, joined by one space: the same whatever
 * white space the markup puts (or does not put) between its elements.
 */
function text(el: Element): string {
  return textNodes(el).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '').join(' ');
}

function textNodes(node: ChildNode): string[] {
  if (node.type === 'text') return [(node as Text).data];
  return 'children' in node ? (node.children as ChildNode[]).flatMap(textNodes) : [];
}

/**
 * The key text of a built sheet page, one line each: the title (`# `), the summary section's heading and
 * its figures and sentences as a reader sees them (`summary: `), and the page's section headings (`## `).
 * Text only, by element role and heading ids, so markup and styling may change without touching it; what
 * the page says about the record may not.
 */
export function pageKeyText(html: string): string {
  const doc = parseDocument(html);
  const lines: string[] = [];
  const article = DomUtils.findOne((e) => e.name === 'article', doc.children, true);
  if (!article) throw new Error('no <article> in the page');
  const h1 = DomUtils.findOne((e) => e.name === 'h1', [article], true);
  lines.push(`# ${h1 ? text(h1) : '(no h1)'}`);
  const summary = DomUtils.findOne((e) => e.name === 'section' && e.attribs['aria-labelledby'] === 'summary-heading', [article], true);
  if (summary) {
    // One line per term/value pair and per paragraph, in page order.
    for (const el of DomUtils.findAll((e) => e.name === 'dt' || e.name === 'dd' || e.name === 'p', [summary])) {
      if (el.name === 'dd') continue;
      if (el.name === 'dt') {
        const dd = DomUtils.nextElementSibling(el);
        lines.push(`summary: ${text(el)}: ${dd && dd.name === 'dd' ? text(dd) : ''}`);
      } else lines.push(`summary: ${text(el)}`);
    }
  }
  for (const h2 of DomUtils.findAll((e) => e.name === 'h2', [article])) lines.push(`## ${text(h2)}`);
  return `${lines.join('\n')}\n`;
}
