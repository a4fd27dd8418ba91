/**
 * The pages of one search-index part as they arrive (from the built files, or from Astro while it renders
 * them): an async iterable that build-part.ts reads page by page while the rest are still coming.
 */
export interface PageInput {
  /** The built file the page is (or will be) written to: named in problems. */
  file: string;
  /** URL path relative to the site base, with a leading "/". */
  url: string;
  /**
   * The page's HTML, as text or UTF-8 bytes; null for a page the index makes from its entry alone (a sheet
   * page or a continuation page, page-source.ts pageNeedsHtml), whose caller has seen its
   * data-pagefind-body: it then waits for its part as its URL, not as ≈ 35 KB of HTML.
   */
  html: string | Uint8Array | null;
}

export class PageQueue implements AsyncIterable<PageInput> {
  #items: PageInput[] = [];
  #ended = false;
  #wake: (() => void) | null = null;

  push(page: PageInput): void {
    if (this.#ended) throw new Error(`search index: page ${page.url} came after its part was closed`);
    this.#items.push(page);
    this.#wake?.();
  }

  /** No more pages for this part. */
  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<PageInput> {
    for (;;) {
      const page = this.#items.shift();
      if (page) {
        yield page;
      } else if (this.#ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        this.#wake = null;
      }
    }
  }
}
