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
    if (FOREIGN.has(frame.name)) foreign -= 1;
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
    if (BLOCKS.has(frame.name) && frame.status === 'body' && !frame.removed) addBreak();
  };

  // The tag being read: its name and attributes (names lower case, values with entities decoded), kept in
  // two arrays; an object of them is made only for the few tags that carry Pagefind's attributes.
  let tagName = '';
  let attrName = '';
  let attrValue = '';
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  let marked = false;

  const attributes = (): Record<string, string> => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < attrNames.length; i += 1) {
      // The first of a repeated attribute counts, as in an HTML parser.
      if (!(attrNames[i]! in attrs)) attrs[attrNames[i]!] = attrValues[i]!;
    }
    return attrs;
  };

  const open = () => {
    const name = tagName;
    const closes = IMPLIED_CLOSE.get(name);
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
    const removed = parent.removed || REMOVED.has(name);
    const block = BLOCKS.has(name) && status === 'body' && !removed;
    if (VOID.has(name)) {
      if (block) addBreak();
      return;
    }
    if (name === 'h1') (captures === NO_CAPTURES ? (captures = []) : captures).push({ kind: 'meta', key: '#h1' });
    const frame: Frame = { name, status, removed, captures, text: captures.length > 0 ? '' : null };
    if (frame.text !== null) capturing += 1;
    if (FOREIGN.has(name)) foreign += 1;
    stack.push(frame);
    if (block) addBreak();
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      attrNames.length = 0;
      attrValues.length = 0;
      marked = false;
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      attrNames.push(attrName);
      attrValues.push(attrValue);
      if (attrName.startsWith('data-pagefind-')) marked = true;
    },
    onopentagend() {
      open();
    },
    onselfclosingtag() {
      open();
      // `<x/>` ends its element only in SVG and MathML (and void elements have none to end).
      if (foreign > 0 && !VOID.has(tagName) && stack[stack.length - 1]!.name === tagName) close();
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (VOID.has(name)) return;
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
