/**
 * Reading a built site from disk, without a browser: its files, the URL each HTML file is served at,
 * the tags and attributes in its HTML, its ids, and its text.
 *
 *   for (const file of listFiles(site.dist, '.html')) {
 *     const html = readPage(file);   // a page with its body put back, as a browser shows it
 *     for (const tag of scanTags(html)) tag.name, tag.attrs.href …
 *   }
 *   pageText(html)   // what a reader sees, entities decoded, whitespace collapsed
 *
 * The scanner is a tokenizer, not a full HTML parser: it reads tags with quoted attribute values
 * correctly (a `>` inside quotes does not end the tag), skips comments, and does not look for tags
 * inside <script>, <style>, <textarea> and <title> (raw text). That is exact for the HTML Astro writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { bodyInFile, parseBodyRef, placeholderRef, splicePageBody } from '../../src/lib/markup/page-body.ts';

/**
 * A built HTML page as a reader's browser has it: a page's body (a sheet page's sections, a payee profile's lines), published apart
 * (src/lib/markup/page-body.ts), is put back from its file, as src/client/page-body.ts does.
 */
export function readPage(file: string): string {
  const html = readFileSync(file, 'utf8');
  const ref = placeholderRef(html);
  if (ref === null) return html;
  const { file: bodyFile, n } = parseBodyRef(ref)!;
  return splicePageBody(html, bodyInFile(gunzipSync(readFileSync(path.resolve(path.dirname(file), bodyFile))), n));
}

/**
 * A page's HTML with its relative href, src and action values (src/lib/markup/relative-links.ts) written
 * from the site's root, as the page at `pageUrl` (its URL path, with the base) resolves them: for tests that
 * name where a link leads. tests/site/links.test.ts checks the links as published.
 */
export function withRootLinks(html: string, pageUrl: string): string {
  return html.replace(/ (href|src|action)="([^"]*)"/g, (whole, name: string, value: string) => {
    if (value === '' || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) return whole;
    const url = new URL(value, `http://site${pageUrl}`);
    return ` ${name}="${url.pathname}${url.search}${url.hash}"`;
  });
}

/**
 * A zipped download (src/lib/data/zip-download.ts: `data/payees.csv.zip` …) as its one file's text; the
 * archive must hold exactly that file, named as the download without `.zip`.
 */
export function readZipped(file: string): string {
  const files = unzipSync(readFileSync(file));
  const name = path.basename(file).replace(/\.zip$/, '');
  const names = Object.keys(files);
  if (names.length !== 1 || names[0] !== name) throw new Error(`${file}: holds ${names.join(', ')}, not ${name} alone`);
  // Buffer, not TextDecoder (strFromU8), which would drop the BOM the CSVs start with for Excel.
  return Buffer.from(files[name]!).toString('utf8');
}

/** All files under `dir` whose name ends with one of `extensions` (all files if none), sorted. */
export function listFiles(dir: string, ...extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (extensions.length === 0 || extensions.some((e) => entry.name.endsWith(e))) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The URL path a file in `dist` is served at under `base`: `index.html` → `<base>`,
 * `sheets/x/index.html` → `<base>sheets/x/`, `404.html` → `<base>404.html`. Percent-encoded.
 */
export function urlPathOf(dist: string, base: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep);
  if (rel.at(-1) === 'index.html') rel[rel.length - 1] = '';
  return base + rel.map((seg) => encodeURIComponent(seg)).join('/');
}

/** The file under `dist` for a site path relative to the base (`sheets/x/` → dist/sheets/x/index.html). */
export function fileOf(dist: string, sitePath: string): string {
  const rel = decodeURIComponent(sitePath.replace(/^\/+/, ''));
  return path.join(dist, rel === '' || rel.endsWith('/') ? path.join(rel, 'index.html') : rel);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  yen: '¥',
  times: '×',
  minus: '−',
};

/** Decodes character references (numeric, and the named ones Astro and markdown-it emit). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

export interface Tag {
  /** Lower-case tag name. */
  name: string;
  /** Attribute values with entities decoded; lower-case names; `''` for a bare attribute. */
  attrs: Record<string, string>;
  /** Offset of `<` in the HTML. */
  offset: number;
  /** For <script>, <style>, <textarea>, <title>: the raw text up to the closing tag. */
  rawText?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const TAG_RE =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*>|<\/[a-zA-Z][^>]*>/g;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR_RE)) {
    const name = m[1]!.toLowerCase();
    if (name in attrs) continue; // HTML keeps the first of duplicate attributes
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Every start tag in document order (comments, doctype and end tags skipped). */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(html)) !== null) {
    if (m[1] === undefined) continue;
    const name = m[1].toLowerCase();
    const tag: Tag = { name, attrs: parseAttrs(m[2] ?? ''), offset: m.index };
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s>/]`, 'ig');
      close.lastIndex = TAG_RE.lastIndex;
      const end = close.exec(html);
      const stop = end ? end.index : html.length;
      tag.rawText = html.slice(TAG_RE.lastIndex, stop);
      TAG_RE.lastIndex = stop;
    }
    tags.push(tag);
  }
  return tags;
}

/** Values of `id` attributes and of `name` on <a> (both are fragment targets). */
export function fragmentTargets(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of scanTags(html)) {
    if (tag.attrs.id !== undefined) ids.add(tag.attrs.id);
    if (tag.name === 'a' && tag.attrs.name !== undefined) ids.add(tag.attrs.name);
  }
  return ids;
}

/**
 * The text of an HTML document or fragment as a reader sees it: tags removed (script, style, template
 * and comments dropped entirely), entities decoded, runs of whitespace collapsed to one space.
 */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(TAG_RE, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The markup of the first table row of `html` that contains `needle`: from its `<tr` to the next row or
 * the end of its table section (pages omit the end tags HTML implies, src/lib/markup/compact-html.ts).
 */
export function rowWith(html: string, needle: string): string {
  return html.split(/(?=<tr[ >])|<\/t(?:body|head|foot|able)>/).find((r) => r.startsWith('<tr') && r.includes(needle)) ?? '';
}
