/**
 * `node scripts/page-bytes.ts [dist] [--content DIR] [--page ID …]`: where a built site's sheet pages spend
 * their HTML bytes (docs/BENCHMARKS.md, "Where a sheet page's bytes go"). Raw bytes, as stored in `dist/`
 * (GitHub Pages' 1 GB counts stored bytes, not what gzip sends):
 *
 * - per source form (text, RS, JUDGIT; read from the entries in `--content`, default CONTENT_DIR or
 *   content): pages, average and largest page;
 * - over all sheet pages: bytes in text, in tags' names and brackets, in each attribute name (name and
 *   value), in inline scripts and styles; per top-level `<section id>` of the article;
 * - for each `--page` (or the largest of each form): the same, for that page alone;
 * - every HTML page of the site by kind (sheet, its continuation pages, project, ministry and year lists,
 *   ranking, payee profile, other): pages, average KB, and the layout's fixed part (everything outside
 *   `<main>`: head, skip link, header, footer, scripts), which every page carries.
 *
 * Tags are read with htmlparser2's Tokenizer (the one the search extractor uses), so `>` inside a quoted
 * attribute value does not end a tag.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { parseEntry } from '../src/schema/entry-file.ts';
import { bodyLengths, parseBodyRef, placeholderRef } from '../src/lib/markup/page-body.ts';

export interface PageBytes {
  total: number;
  /** Text between tags (entities as written), outside <script>/<style>. */
  text: number;
  /** `<name`, `>`, `</name>`: the tags without their attributes. */
  tags: number;
  /** Per attribute name: its bytes (` name="value"`). */
  attrs: Map<string, number>;
  /** Inline <script> bodies (the chart data is JSON in <script type="application/json">). */
  script: number;
  /** Inline <style> bodies. */
  style: number;
  /** Per top-level `<section id>` inside the article (or `summary`/"outside sections"): its bytes. */
  sections: Map<string, number>;
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

/** The byte breakdown of one page (byte counts are UTF-8 bytes of each span). */
export function pageBytes(html: string): PageBytes {
  const buf = Buffer.from(html, 'utf8');
  const b: PageBytes = { total: buf.length, text: 0, tags: 0, attrs: new Map(), script: 0, style: 0, sections: new Map() };
  // Work on bytes: the tokenizer's indexes are string indexes, so measure spans of the string and convert.
  const len = (from: number, to: number) => Buffer.byteLength(html.slice(from, to), 'utf8');
  let tagName = '';
  let inRaw: 'script' | 'style' | null = null;
  let attrStart = -1;
  let attrName = '';
  let tagStart = -1;
  let attrBytes = 0;
  // Section attribution by byte ranges: top-level <section> elements of the article.
  const sectionMarks: { at: number; name: string }[] = [];
  let depth = 0;
  let pendingId: string | null = null;
  let pendingClass: string | null = null;
  const cbs: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      tagStart = start - 1;
      attrBytes = 0;
      pendingId = null;
      pendingClass = null;
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrStart = start;
    },
    onattribdata(start, end) {
      if (tagName === 'section' && (attrName === 'id' || attrName === 'class')) {
        const v = html.slice(start, end);
        if (attrName === 'id') pendingId = v;
        else pendingClass = v;
      }
    },
    onattribentity() {},
    onattribend(_quote, end) {
      // The attribute with its leading space and quotes.
      const n = len(attrStart - 1, end + (html[end] === '"' || html[end] === "'" ? 1 : 0));
      add(b.attrs, attrName, n);
      attrBytes += n;
    },
    onopentagend(end) {
      b.tags += len(tagStart, end + 1) - attrBytes;
      if (tagName === 'script' || tagName === 'style') inRaw = tagName;
      if (tagName === 'section') {
        if (depth === 0) sectionMarks.push({ at: tagStart, name: pendingId ?? pendingClass ?? '(section)' });
        depth += 1;
      }
    },
    onselfclosingtag(end) {
      b.tags += len(tagStart, end + 1) - attrBytes;
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      b.tags += len(start - 2, end + 1);
      if (name === 'script' || name === 'style') inRaw = null;
      if (name === 'section') {
        depth -= 1;
        if (depth === 0) sectionMarks.push({ at: end + 1, name: '(outside sections)' });
      }
    },
    ontext(start, end) {
      const n = len(start, end);
      if (inRaw === 'script') b.script += n;
      else if (inRaw === 'style') b.style += n;
      else b.text += n;
    },
    ontextentity() {},
    oncomment(start, end) {
      b.text += len(start - 4, end + 3);
    },
    oncdata() {},
    ondeclaration(start, end) {
      b.tags += len(start - 2, end + 1);
    },
    onprocessinginstruction(start, end) {
      b.tags += len(start - 1, end + 1);
    },
    onend() {},
  };
  const tok = new Tokenizer({ decodeEntities: false, xmlMode: false }, cbs);
  tok.write(html);
  tok.end();
  let from = 0;
  let name = '(outside sections)';
  for (const m of sectionMarks) {
    add(b.sections, name, len(from, m.at));
    from = m.at;
    name = m.name;
  }
  add(b.sections, name, len(from, html.length));
  return b;
}

function merge(into: PageBytes, b: PageBytes): void {
  into.total += b.total;
  into.text += b.text;
  into.tags += b.tags;
  into.script += b.script;
  into.style += b.style;
  for (const [k, v] of b.attrs) add(into.attrs, k, v);
  for (const [k, v] of b.sections) add(into.sections, k, v);
}

function report(title: string, b: PageBytes, pages: number): void {
  const kb = (n: number) => `${(n / pages / 1024).toFixed(1)}`;
  const pct = (n: number) => `${((100 * n) / b.total).toFixed(0)} %`;
  const attrTotal = [...b.attrs.values()].reduce((s, n) => s + n, 0);
  console.log(`\n### ${title}${pages > 1 ? ` (${pages} pages, KB a page on average)` : ' (KB)'}\n`);
  console.log('| part | KB | share |');
  console.log('|---|---:|---:|');
  console.log(`| whole page | ${kb(b.total)} | 100 % |`);
  console.log(`| text | ${kb(b.text)} | ${pct(b.text)} |`);
  console.log(`| tags (names, brackets) | ${kb(b.tags)} | ${pct(b.tags)} |`);
  console.log(`| attributes | ${kb(attrTotal)} | ${pct(attrTotal)} |`);
  for (const [k, v] of [...b.attrs].sort((x, y) => y[1] - x[1]).slice(0, 12)) {
    console.log(`| · \`${k}\` | ${kb(v)} | ${pct(v)} |`);
  }
  console.log(`| inline scripts (chart data JSON …) | ${kb(b.script)} | ${pct(b.script)} |`);
  console.log(`| inline styles | ${kb(b.style)} | ${pct(b.style)} |`);
  console.log('\n| section | KB | share |');
  console.log('|---|---:|---:|');
  for (const [k, v] of [...b.sections].sort((x, y) => y[1] - x[1])) {
    if (v / b.total < 0.005) continue;
    console.log(`| ${k} | ${kb(v)} | ${pct(v)} |`);
  }
}

/** A page's kind, from its path under dist (see the header). */
export const SEARCH_PAGE_KIND = 'search page';

export function pageKind(rel: string): string {
  const p = rel.split(/[\\/]/);
  if (p[0] === 'sheets') return p.length === 3 ? 'sheet' : 'sheet continuation (blocks, payees n)';
  if (p[0] === 'projects' && p.length === 3) return 'project';
  if (p[0] === 'ministries' && p.length > 2) return 'ministry list';
  if (p[0] === 'years' && p.length > 2) return 'year list';
  if (p[0] === 'rankings') return 'ranking';
  if (p[0] === 'payees' && p.length > 2) return 'payee profile';
  // Its own kind: its frame carries the site's stylesheet and icon (src/layouts/PageFrame.astro, selfContained).
  if (p[0] === 'search') return SEARCH_PAGE_KIND;
  return 'other (home, indexes, about, search …)';
}

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(f);
    else if (e.name.endsWith('.html')) yield f;
  }
}

/** Body files already read (their size and their bodies' lengths), by path. */
export type BodyFileCache = Map<string, { bytes: number; lengths: number[]; total: number }>;

/**
 * What a page costs the published site: its file's bytes, and for a page whose body is published apart
 * (src/lib/markup/page-body.ts) its body's share of its body file's bytes, by the body's length.
 */
export function publishedBytes(file: string, html: string, cache: BodyFileCache): number {
  const own = Buffer.byteLength(html);
  const ref = placeholderRef(html);
  if (ref === null) return own;
  const { file: rel, n } = parseBodyRef(ref)!;
  const bodyFile = path.resolve(path.dirname(file), rel);
  let f = cache.get(bodyFile);
  if (!f) {
    const { lengths } = bodyLengths(gunzipSync(readFileSync(bodyFile)));
    cache.set(bodyFile, (f = { bytes: statSync(bodyFile).size, lengths, total: lengths.reduce((a, b) => a + b, 0) }));
  }
  return own + (f.bytes * f.lengths[n]!) / f.total;
}

/**
 * Per page kind: pages, bytes (each page's published bytes, its body's share included), and bytes
 * outside <main> (the layout's fixed part).
 */
export function kindBytes(dist: string): Map<string, { n: number; bytes: number; frame: number }> {
  const kinds = new Map<string, { n: number; bytes: number; frame: number }>();
  const bodies: BodyFileCache = new Map();
  for (const f of htmlFiles(dist)) {
    const html = readFileSync(f, 'utf8');
    const from = html.indexOf('<main');
    const to = html.indexOf('</main>');
    const bytes = publishedBytes(f, html, bodies);
    const frame = from < 0 || to < 0 ? 0 : Buffer.byteLength(html) - Buffer.byteLength(html.slice(from, to + '</main>'.length));
    for (const kind of [pageKind(path.relative(dist, f)), 'all pages']) {
      const k = kinds.get(kind) ?? { n: 0, bytes: 0, frame: 0 };
      k.n += 1;
      k.bytes += bytes;
      k.frame += frame;
      kinds.set(kind, k);
    }
  }
  return kinds;
}

/** Sheet pages of a built site with their source form (from the entries), id → { file, form }. */
export function sheetPages(dist: string, contentDir: string): { id: string; file: string; form: string }[] {
  const dir = path.join(dist, 'sheets');
  return readdirSync(dir)
    .map((id) => ({ id, file: path.join(dir, id, 'index.html') }))
    .filter((p) => existsSync(p.file))
    .map((p) => {
      const entry = path.join(contentDir, 'sheets', `${p.id}.md`);
      let form = '?';
      if (existsSync(entry)) {
        const data = parseEntry(readFileSync(entry, 'utf8'), entry).data as { source?: { form?: string } };
        form = data.source?.form ?? '?';
      }
      return { ...p, form };
    });
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const contentDir = path.resolve(opt('--content') ?? process.env.CONTENT_DIR ?? 'content');
  const picked: string[] = [];
  for (let v = opt('--page'); v !== undefined; v = opt('--page')) picked.push(v);
  const dist = path.resolve(args[0] ?? process.env.OUT_DIR ?? 'dist');
  const pages = sheetPages(dist, contentDir);
  const forms = new Map<string, { n: number; sum: number; max: number; maxId: string; over: number }>();
  const all: PageBytes = pageBytes('');
  const byForm = new Map<string, PageBytes>();
  const sizes: { id: string; form: string; size: number }[] = [];
  for (const p of pages) {
    const b = pageBytes(readFileSync(p.file, 'utf8'));
    merge(all, b);
    if (!byForm.has(p.form)) byForm.set(p.form, pageBytes(''));
    merge(byForm.get(p.form)!, b);
    const f = forms.get(p.form) ?? { n: 0, sum: 0, max: 0, maxId: '', over: 0 };
    f.n += 1;
    f.sum += b.total;
    if (b.total > f.max) {
      f.max = b.total;
      f.maxId = p.id;
    }
    if (b.total > 200 * 1024) f.over += 1;
    forms.set(p.form, f);
    sizes.push({ id: p.id, form: p.form, size: b.total });
  }
  console.log(`Sheet pages in ${dist}: ${pages.length}. Raw HTML bytes (KB = 1,024 bytes).\n`);
  console.log('| source form | pages | average KB | median KB | largest KB (page) | pages over 200 KB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const median = (form: string | null) => {
    const s = sizes.filter((x) => form === null || x.form === form).map((x) => x.size).sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? 0;
  };
  const k = (n: number) => (n / 1024).toFixed(1);
  let n = 0;
  let sum = 0;
  let over = 0;
  let max = { size: 0, id: '' };
  for (const [form, f] of [...forms].sort()) {
    console.log(`| ${form} | ${f.n} | ${k(f.sum / f.n)} | ${k(median(form))} | ${k(f.max)} (${f.maxId}) | ${f.over} |`);
    n += f.n;
    sum += f.sum;
    over += f.over;
    if (f.max > max.size) max = { size: f.max, id: f.maxId };
  }
  console.log(`| all | ${n} | ${k(sum / n)} | ${k(median(null))} | ${k(max.size)} (${max.id}) | ${over} |`);
  console.log('\n### Every page of the site, by kind\n');
  console.log('| page kind | pages | average KB | outside `<main>` (layout) KB |');
  console.log('|---|---:|---:|---:|');
  for (const [kind, x] of [...kindBytes(dist)].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`| ${kind} | ${x.n} | ${k(x.bytes / x.n)} | ${(x.frame / x.n / 1024).toFixed(2)} |`);
  }
  report('All sheet pages', all, pages.length);
  for (const [form, b] of [...byForm].sort()) report(`${form} pages`, b, forms.get(form)!.n);
  const largest = picked.length > 0 ? picked : [...forms.values()].map((f) => f.maxId);
  for (const id of largest) {
    const p = pages.find((x) => x.id === id);
    if (p) report(`${id} (${p.form})`, pageBytes(readFileSync(p.file, 'utf8')), 1);
  }
}
