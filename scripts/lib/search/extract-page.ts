/**
 * Reads what the search indexes from one built HTML page, following Pagefind's own markup (so pages are
 * written for Pagefind in the standard way, https://pagefind.app/docs/):
 *
 * - `data-pagefind-body`: the content to index. A page without it is not indexed (only sheet pages have it).
 * - `data-pagefind-ignore` (no value, "index", "true"): its text is not indexed, its filters/meta still are;
 *   `data-pagefind-ignore="all"`: nothing inside it counts.
 * - Pagefind's always-removed elements (REMOVED_ELEMENTS) contribute no text.
 * - `data-pagefind-filter`, `data-pagefind-sort`, `data-pagefind-meta`: comma-separated captures, each
 *   `key` (the element's text), `key[attr]` (an attribute) or `key:value` (inline; only last in a list).
 *   A filter may have several values per page; sort and meta one (the last wins).
 * (`data-pagefind-weight` is not read: results are ranked by where the match is, see search-engine.ts.)
 * - `title` meta defaults to the text of the first <h1> (inside the body if there is one there).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { FOREIGN, IMPLIED_CLOSE, VOID } from './html-structure.ts';

/** Elements Pagefind never indexes text from (pagefind/src/fossick/parser.rs REMOVE_SELECTORS). */
export const REMOVED_ELEMENTS: readonly string[] = [
  'head',
  'style',
  'script',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
];
const REMOVED = new Set(REMOVED_ELEMENTS);

/** Elements after which a reader sees a break: the display text gets a space there. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'output', 'data', 'dialog', 'fieldset', 'legend', 'menu', 'search',
]);

export interface ExtractedPage {
  /** The indexed text as written (entities decoded, not normalised): the body's text nodes, joined. */
  indexText: string;
  /** The indexed text for display (excerpts): whitespace collapsed, a space at block boundaries. */
  text: string;
  /** Filter values by filter name (whitespace-collapsed, in document order, distinct). */
  filters: Record<string, string[]>;
  /** Sort keys as written on the page. */
  sort: Record<string, string>;
  /** Metadata (title, …). */
  meta: Record<string, string>;
  /** `<html lang>`, lower case; `null` when absent. */
  language: string | null;
}

type Status = 'outside' | 'body' | 'ignored' | 'excluded';

interface Capture {
  kind: 'filter' | 'sort' | 'meta';
  key: string;
}

interface Frame {
  name: string;
  tag: TagInfo;
  status: Status;
  removed: boolean;
  /** Captures that need this element's text; `text` collects it while they are open. */
  captures: Capture[];
  text: string | null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

interface ParsedCapture {
  key: string;
  /** Fixed value (`key:value` or `key[attr]`), or `null` for the element's text. */
  value: string | null;
}

/**
 * Parses a `data-pagefind-{filter,sort,meta}` value: "a, b[attr], c:free text, with commas".
 */
export function parseCaptures(attr: string, attrs: Record<string, string>): ParsedCapture[] {
  const out: ParsedCapture[] = [];
  let rest = attr;
  while (rest.trim() !== '') {
    const colon = rest.indexOf(':');
    const comma = rest.indexOf(',');
    if (colon >= 0 && (comma < 0 || colon < comma)) {
      // Inline value: captured to the end of the attribute.
      const key = rest.slice(0, colon).trim();
      if (key !== '') out.push({ key, value: rest.slice(colon + 1).trim() });
      break;
    }
    const item = (comma < 0 ? rest : rest.slice(0, comma)).trim();
    rest = comma < 0 ? '' : rest.slice(comma + 1);
    if (item === '') continue;
    const m = /^([^[\]]+)\[(.+)\]$/.exec(item);
    if (m) {
      const value = attrs[m[2]!.trim().toLowerCase()];
      if (value !== undefined) out.push({ key: m[1]!.trim(), value });
    } else {
      out.push({ key: item, value: null });
    }
  }
  return out;
}

const NO_CAPTURES: Capture[] = [];

/** What the reader needs to know about an element, by its (lower-case) name: looked up once per tag. */
interface TagInfo {
  /** Lower-case name. */
  name: string;
  /** Open elements that this one's start tag closes (IMPLIED_CLOSE), if any. */
  closes: ReadonlySet<string> | undefined;
  removed: boolean;
  block: boolean;
  isVoid: boolean;
  foreign: boolean;
}

const TAGS = new Map<string, TagInfo>();

function tagInfo(name: string): TagInfo {
  let info = TAGS.get(name);
  if (info === undefined) {
    info = {
      name,
      closes: IMPLIED_CLOSE.get(name),
      removed: REMOVED.has(name),
      block: BLOCKS.has(name),
      isVoid: VOID.has(name),
      foreign: FOREIGN.has(name),
    };
    // Tag names come from the page: bound the table so an odd page cannot grow it without end.
    if (TAGS.size < 1000) TAGS.set(name, info);
  }
  return info;
}

/**
 * The TagInfo of the tag name at `html[start, end)`, without making a string for the names met before:
 * candidates are found by length and first character, then compared in place (a sheet page has ≈ 1,300
 * tags, and hashing a new string for each cost more than the rest of the lookup).
 */
const BY_SHAPE = new Map<number, TagInfo[]>();

function lookupTag(html: string, start: number, end: number): TagInfo {
  const shape = (end - start) * 65536 + html.charCodeAt(start);
  const candidates = BY_SHAPE.get(shape);
  if (candidates) {
    for (const info of candidates) if (html.startsWith(info.name, start)) return info;
  }
  const raw = html.slice(start, end);
  const lower = raw.toLowerCase();
  const info = tagInfo(lower);
  // Only names written in lower case are found by comparing in place.
  if (lower === raw && TAGS.has(lower)) {
    if (candidates) candidates.push(info);
    else BY_SHAPE.set(shape, [info]);
  }
  return info;
}

const PAGEFIND_PREFIX = 'data-pagefind-';

/** Whether the attribute name at `html[start, end)` starts with "data-pagefind-", in any case. */
function isPagefindAttribute(html: string, start: number, end: number): boolean {
  if (end - start <= PAGEFIND_PREFIX.length) return false;
  if (html.startsWith(PAGEFIND_PREFIX, start)) return true;
  const c = html.charCodeAt(start);
  if (c !== 68 && c !== 100) return false; // "D" or "d": else it cannot be one
  return html.slice(start, start + PAGEFIND_PREFIX.length).toLowerCase() === PAGEFIND_PREFIX;
}

/**
 * Extracts the searchable content of a page; `null` when the page has no `data-pagefind-body`.
 *
 * Reads the page with htmlparser2's Tokenizer and keeps the element stack itself (html-structure.ts: void
 * elements, implied end tags; end tags without a matching start are ignored), rather than with its
 * Parser: the Parser's bookkeeping (an attribute object per element, foreign-content name tables) cost
 * about as much as the tokenizing of a sheet page, ≈ 40 KB of attribute-heavy table markup. Reading one
 * takes ≈ 1.3 ms instead of ≈ 2.4 ms once the code is warm (docs/BENCHMARKS.md).
 */
export function extractPage(html: string): ExtractedPage | null {
  const indexed: string[] = [];
  const display: string[] = [];
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  const meta: Record<string, string> = {};
  let language: string | null = null;
  let hasBody = false;
  let firstH1: string | null = null;
  let firstH1InBody: string | null = null;

  const root: Frame = {
    name: '#root',
    tag: tagInfo('#root'),
    status: 'outside',
    removed: false,
    captures: [],
    text: null,
  };
  const stack: Frame[] = [root];
  /** Open frames that collect their text for captures (so text is only copied where someone reads it). */
  let capturing = 0;
  let foreign = 0;

  const record = (capture: Capture, value: string) => {
    if (capture.kind === 'filter') {
      const v = collapse(value);
      if (v === '') return;
      const list = (filters[capture.key] ??= []);
      if (!list.includes(v)) list.push(v);
    } else if (capture.kind === 'sort') {
      sort[capture.key] = value.trim();
    } else {
      meta[capture.key] = collapse(value);
    }
  };

  const addBreak = () => {
    if (display.length > 0 && display[display.length - 1] !== ' ') display.push(' ');
  };

  const addText = (data: string) => {
    const frame = stack[stack.length - 1]!;
    if (frame.removed) return;
    // Captured element text (for filters, sort keys, meta) includes ignored descendants, as Pagefind.
    if (capturing > 0) {
      for (let i = stack.length - 1; i > 0; i -= 1) {
        const f = stack[i]!;
        if (f.text !== null) f.text += data;
      }
    }
    if (frame.status !== 'body') return;
    indexed.push(data);
    display.push(data);
  };

  const close = () => {
    const frame = stack.pop()!;
    if (frame.tag.foreign) foreign -= 1;
    if (frame.text !== null) {
      capturing -= 1;
      for (const c of frame.captures) {
        if (c.key === '#h1') {
          const t = collapse(frame.text);
          if (firstH1 === null && t !== '') firstH1 = t;
          if (firstH1InBody === null && t !== '' && frame.status === 'body') firstH1InBody = t;
        } else {
          record(c, frame.text);
        }
      }
    }
    if (frame.tag.block && frame.status === 'body' && !frame.removed) addBreak();
  };

  // The tag being read: its name and attributes, kept as offsets into `html` (a sheet page has ≈ 2,000
  // attributes — role, class, data-label … — and only a few are ever read), materialised as an object of
  // lower-case names and entity-decoded values only for the tags that carry Pagefind's attributes.
  let tag: TagInfo = tagInfo('');
  let attrCount = 0;
  const nameStarts: number[] = [];
  const nameEnds: number[] = [];
  const valueStarts: number[] = [];
  const valueEnds: number[] = [];
  /** A value that is not one plain slice of `html` (it had an entity): the string itself, else `null`. */
  const valueStrings: (string | null)[] = [];
  let valueStart = -1;
  let valueEnd = -1;
  let valueString: string | null = null;
  let marked = false;

  const attributes = (): Record<string, string> => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < attrCount; i += 1) {
      const name = html.slice(nameStarts[i], nameEnds[i]).toLowerCase();
      // The first of a repeated attribute counts, as in an HTML parser.
      if (name in attrs) continue;
      const start = valueStarts[i]!;
      attrs[name] = valueStrings[i] ?? (start < 0 ? '' : html.slice(start, valueEnds[i]));
    }
    return attrs;
  };

  const open = () => {
    const name = tag.name;
    const closes = tag.closes;
    if (closes) while (stack.length > 1 && closes.has(stack[stack.length - 1]!.name)) close();
    const parent = stack[stack.length - 1]!;
    let status: Status = parent.status;
    let captures: Capture[] = NO_CAPTURES;
    if (name === 'html') {
      const lang = attributes().lang;
      if (lang) language = lang.toLowerCase();
    }
    if (marked) {
      const attrs = attributes();
      const ignore = attrs['data-pagefind-ignore'];
      if (status !== 'excluded') {
        if ('data-pagefind-body' in attrs) {
          status = 'body';
          hasBody = true;
        } else if (ignore !== undefined) {
          status = ['', 'index', 'true'].includes(ignore.toLowerCase()) ? 'ignored' : 'excluded';
        }
      }
      if (status !== 'excluded') {
        const kinds = [
          ['filter', attrs['data-pagefind-filter']],
          ['sort', attrs['data-pagefind-sort']],
          ['meta', attrs['data-pagefind-meta']],
        ] as const;
        for (const [kind, attr] of kinds) {
          if (attr === undefined) continue;
          for (const c of parseCaptures(attr, attrs)) {
            if (c.value !== null) record({ kind, key: c.key }, c.value);
            else (captures === NO_CAPTURES ? (captures = []) : captures).push({ kind, key: c.key });
          }
        }
      }
    }
    const removed = parent.removed || tag.removed;
    const block = tag.block && status === 'body' && !removed;
    if (tag.isVoid) {
      if (block) addBreak();
      return;
    }
    if (name === 'h1') (captures === NO_CAPTURES ? (captures = []) : captures).push({ kind: 'meta', key: '#h1' });
    const frame: Frame = { name, tag, status, removed, captures, text: captures.length > 0 ? '' : null };
    if (frame.text !== null) capturing += 1;
    if (tag.foreign) foreign += 1;
    stack.push(frame);
    if (block) addBreak();
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = lookupTag(html, start, end);
      attrCount = 0;
      marked = false;
    },
    onattribname(start, end) {
      nameStarts[attrCount] = start;
      nameEnds[attrCount] = end;
      valueStart = -1;
      valueString = null;
    },
    onattribdata(start, end) {
      if (valueString !== null) valueString += html.slice(start, end);
      else if (valueStart < 0) {
        valueStart = start;
        valueEnd = end;
      } else if (valueEnd === start) valueEnd = end;
      else valueString = html.slice(valueStart, valueEnd) + html.slice(start, end);
    },
    onattribentity(codepoint) {
      valueString = (valueString ?? (valueStart < 0 ? '' : html.slice(valueStart, valueEnd))) + String.fromCodePoint(codepoint);
    },
    onattribend() {
      valueStarts[attrCount] = valueStart;
      valueEnds[attrCount] = valueEnd;
      valueStrings[attrCount] = valueString;
      if (!marked && isPagefindAttribute(html, nameStarts[attrCount]!, nameEnds[attrCount]!)) marked = true;
      attrCount += 1;
    },
    onopentagend() {
      open();
    },
    onselfclosingtag() {
      open();
      // `<x/>` ends its element only in SVG and MathML (and void elements have none to end).
      if (foreign > 0 && !tag.isVoid && stack[stack.length - 1]!.name === tag.name) close();
    },
    onclosetag(start, end) {
      const { name, isVoid } = lookupTag(html, start, end);
      if (isVoid) return;
      for (let i = stack.length - 1; i > 0; i -= 1) {
        if (stack[i]!.name !== name) continue;
        while (stack.length > i) close();
        return;
      }
      // An end tag without a start: ignored, as an HTML parser does.
    },
    ontext(start, end) {
      addText(html.slice(start, end));
    },
    ontextentity(codepoint) {
      addText(String.fromCodePoint(codepoint));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      while (stack.length > 1) close();
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();

  if (!hasBody) return null;
  if (meta.title === undefined) {
    const title = firstH1InBody ?? firstH1;
    if (title !== null) meta.title = title;
  }
  return {
    indexText: indexed.join(''),
    text: collapse(display.join('')),
    filters,
    sort,
    meta,
    language,
  };
}
