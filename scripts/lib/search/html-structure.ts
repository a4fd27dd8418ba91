/**
 * What an HTML parser knows about elements that the search indexer's page reader (extract-page.ts) needs
 * to keep its element stack as a browser would: which elements have no end tag, where `<x/>` ends an
 * element, and which end tags are implied by the start of another element.
 */
/** Elements without content or end tag (HTML's void elements). */
export const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Where a self-closing tag (`<path/>`) ends its element: inside SVG and MathML, not in HTML. */
export const FOREIGN = new Set(['svg', 'math']);

/**
 * End tags an HTML parser implies when an element opens (a `<p>` is closed by the next `<div>`, an `<li>`
 * by the next `<li>` …): the open elements that opening the key closes while they are the current one
 * (htmlparser2's Parser table, which follows the HTML spec's common cases).
 */
const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
export const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']], ['th', ['th']], ['td', ['thead', 'th', 'td']], ['body', ['head', 'link', 'script']],
      ['a', ['a']], ['li', ['li']], ['p', P], ['h1', HEADINGS], ['h2', HEADINGS], ['h3', HEADINGS],
      ['h4', HEADINGS], ['h5', HEADINGS], ['h6', HEADINGS], ['select', FORM], ['input', FORM], ['output', FORM],
      ['button', FORM], ['datalist', FORM], ['textarea', FORM], ['option', ['option']],
      ['optgroup', ['optgroup', 'option']], ['dd', ['dd', 'dt']], ['dt', ['dd', 'dt']], ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']], ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']],
      ...[
        'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
        'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
      ].map((name) => [name, P] as const),
    ] as [string, string[]][]
  ).map(([name, closes]) => [name, new Set(closes)]),
);
