/**
 * Reads what the search indexes from one built page's HTML: the text the reader sees in its
 * `data-pagefind-body` (what a search must find, exactly), and the search record the page states from its
 * own record (src/lib/view/search-attributes.ts: filters, sort keys, result metadata, one JSON element, taken as it is).
 *
 * The indexer makes a site's pages' text from their records instead (page-source.ts, src/lib/view/search-text.ts);
 * this reading of the HTML is what the tests hold that text to (tests/site/search-text.test.ts, and the
 * search oracle), and what the indexer falls back to for pages no entry made (its own tests' pages). A
 * built site's sheet pages state no record (the indexer makes theirs from the entries), so an index of a
 * built site is made with its entries (build-index.ts `contentDir`).
 *
 * The text follows Pagefind's own markup rules (https://pagefind.app/docs/indexing/), which the search
 * test's brute-force oracle applies to the page as the browser parses it:
 * - only text inside `data-pagefind-body` counts (a page without it is not indexed);
 * - no text from inside `data-pagefind-ignore` (any value) or Pagefind's always-removed elements
 *   (REMOVED_ELEMENTS).
 * The page is read by htmlparser2's Parser (its element stack: void elements, implied end tags), not by a
 * tree builder of our own.
 */
import { Parser } from 'htmlparser2';
import { SEARCH_RECORD_ATTRIBUTE, type SearchRecord } from '../../src/shared/search/record.ts';

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
  /** The page's search record; `null` when the page states none (the indexer reports it). */
  record: SearchRecord | null;
  /**
   * The sheet whose record the text was made from (page-source.ts): its fragment then holds the record's
   * place instead of the text (src/shared/search/record-place.ts). Absent for a page read from its HTML.
   */
  fromSheet?: string;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** What an open element means for the text inside it. */
interface Frame {
  /** Inside data-pagefind-body, and not in an ignored or removed element. */
  indexed: boolean;
  /** Inside data-pagefind-body (ignored parts included). */
  inBody: boolean;
  block: boolean;
  /** The search-record element: its text is the record's JSON. */
  record: boolean;
}

/** A SearchRecord parsed from the page's JSON; throws when it has another shape. */
export function parseSearchRecord(json: string): SearchRecord {
  const value = JSON.parse(json) as unknown;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value) || !isObject(value.filters) || !isObject(value.sort) || !isObject(value.meta)) {
    throw new Error('the search record is not {filters, sort, meta}');
  }
  for (const [k, v] of Object.entries(value.filters)) {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`search filter "${k}" is not a list of strings`);
  }
  for (const [k, v] of Object.entries(value.sort)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`search sort key "${k}" is ${JSON.stringify(v)}, not a number`);
  }
  for (const [k, v] of Object.entries(value.meta)) {
    if (typeof v !== 'string') throw new Error(`search meta "${k}" is not a string`);
  }
  return value as unknown as SearchRecord;
}

/** Extracts the searchable content of a page; `null` when the page has no `data-pagefind-body`. */
export function extractPage(html: string): ExtractedPage | null {
  const indexed: string[] = [];
  const display: string[] = [];
  let recordJson: string | null = null;
  let hasBody = false;
  const outside: Frame = { indexed: false, inBody: false, block: false, record: false };
  const stack: Frame[] = [outside];

  const addBreak = () => {
    if (display.length > 0 && display[display.length - 1] !== ' ') display.push(' ');
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const parent = stack[stack.length - 1]!;
        const body = 'data-pagefind-body' in attrs;
        if (body) hasBody = true;
        const inBody = parent.inBody || body;
        const frame: Frame = {
          inBody,
          indexed: (parent.indexed || body) && !('data-pagefind-ignore' in attrs) && !REMOVED.has(name),
          block: BLOCKS.has(name),
          record: name === 'script' && SEARCH_RECORD_ATTRIBUTE in attrs && inBody,
        };
        if (frame.record) recordJson = '';
        if (frame.block && frame.indexed) addBreak();
        stack.push(frame);
      },
      ontext(data) {
        const frame = stack[stack.length - 1]!;
        if (frame.record) recordJson += data;
        if (!frame.indexed) return;
        indexed.push(data);
        display.push(data);
      },
      onclosetag() {
        const frame = stack.pop()!;
        if (frame.block && frame.indexed) addBreak();
        if (stack.length === 0) stack.push(outside);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  if (!hasBody) return null;
  return {
    indexText: indexed.join(''),
    text: collapse(display.join('')),
    record: recordJson === null ? null : parseSearchRecord(recordJson),
  };
}
