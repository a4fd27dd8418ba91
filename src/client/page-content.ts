/**
 * Runs a page script's set-up on the page's content: now, on the document, and again on a page's
 * body when it is put in (src/client/page-body.ts), which may be before or after this script runs.
 * Set-up run on the document covers a body already in; the event covers one that comes later.
 */
export const BODY_EVENT = 'page-body';

export function onPageContent(setUp: (root: Document | Element) => void): void {
  setUp(document);
  document.addEventListener(BODY_EVENT, (e) => setUp((e as CustomEvent<Element>).detail));
}
