/**
 * The search page's behaviour (progressive enhancement of the GET form in SearchUi.astro; no framework):
 * reads the state from the URL, runs it through the SearchEngine, renders the count (in a live region),
 * the results with highlighted excerpts and a pager. Submitting the form, changing a filter or the order,
 * and following a pager link push a new URL (history.pushState); the back and forward buttons restore the
 * state they return to (popstate). Sheet text reaches the page only as text nodes.
 */
import { queryTerms } from '../../shared/search/tokens.ts';
import { parseRecordMeta, RECORD_META, type RecordAt } from '../../shared/search/record-place.ts';
import { MANIFEST_ATTRIBUTE, type SearchManifest } from '../../shared/search/manifest.ts';
import { buildExcerpt, highlight, type ExcerptPart } from './excerpt.ts';
import { ui } from '../../i18n/ja.ts';
import { SearchEngine, type Hit, type ResultPage, type SearchOutcome } from './search-engine.ts';
// Loaded with the page, not when the first result comes into view: the results of the search a reader
// opens the page with need it at once, and a later import cost a cold search three more requests (this
// module, the chunk it shares with the chart CSV button and Vite's preload helper; issue 18's 25).
import { recordPage } from './record-text.ts';
import {
  FILTER_PARAMS,
  pagefindFilters,
  parseState,
  sameState,
  sortSpec,
  stateToSearch,
  type FilterParam,
  type SearchState,
  type SortOption,
} from './url-state.ts';

/**
 * Results shown a page. Each shown result fetches its fragment (its title and facts): 10, not 20, keeps a
 * cold search within the issue's 25 requests with the index's own (≈ 6–13) and halves the fragments'
 * bytes (docs/BENCHMARKS.md, "Search: a lighter cold search").
 */
export const PAGE_SIZE = 10;

/**
 * How far below the visible part of the page a result's excerpt starts loading: none. A result made from a
 * sheet's record (its fragment names the record's place, src/shared/search/record-place.ts) gets its
 * excerpt, or without words its summary, made from the record (record-text.ts: one Range request a
 * block); only the results a reader scrolls to cost that request (a cold search's requests, issue 18: the
 * ten fragments and the index's own leave room for the few results a screen shows).
 */
const EXCERPT_MARGIN = '0px';

/** How a listing without words is ordered, for the status line (the form's own labels, SearchUi.astro). */
const SORT_LABELS: Record<SortOption, string> = {
  'budget-desc': '予算額の大きい順',
  'budget-asc': '予算額の小さい順',
  'rate-desc': '執行率の高い順',
  'rate-asc': '執行率の低い順',
  'year-desc': '年度の新しい順',
  'year-asc': '年度の古い順',
};

interface Elements {
  form: HTMLFormElement;
  q: HTMLInputElement;
  filters: Partial<Record<FilterParam, HTMLSelectElement>>;
  sort: HTMLSelectElement;
  status: HTMLElement;
  heading: HTMLElement;
  list: HTMLOListElement;
  pager: HTMLElement;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search page: missing ${selector}`);
  return el;
}

function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const p of parts) {
    if (p.mark) {
      const m = document.createElement('mark');
      m.textContent = p.text;
      parent.append(m);
    } else {
      parent.append(p.text);
    }
  }
}

/**
 * Pages of a pager: first, last, and two either side of the current one; `null` is a gap of two or more
 * pages (a gap of one page shows that page instead).
 */
export function pagerPages(current: number, last: number): (number | null)[] {
  const shown = (p: number) => p === 1 || p === last || Math.abs(p - current) <= 2;
  const pages: (number | null)[] = [];
  for (let p = 1; p <= last; p += 1) {
    if (shown(p) || (shown(p - 1) && shown(p + 1))) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

/** The manifest the built page carries (src/shared/search/manifest.ts, MANIFEST_ATTRIBUTE); null when it has none. */
function embeddedManifest(): SearchManifest | null {
  const text = document.querySelector(`script[${MANIFEST_ATTRIBUTE}]`)?.textContent?.trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as SearchManifest;
  } catch {
    return null;
  }
}

export class SearchApp {
  private readonly el: Elements;
  private readonly bundleBase: string;
  /** The site's root path (records' places are relative to it). */
  private readonly siteRoot: string;
  /** Loads the excerpts of results as they come near the visible part of the page (null: no observer in this browser). */
  private readonly excerptObserver: IntersectionObserver | null;
  private readonly excerptLoaders = new WeakMap<Element, () => void>();
  /** The page's own title; result pages prefix it with the query. */
  private readonly pageTitle: string;
  private enginePromise: Promise<SearchEngine> | null = null;
  private state: SearchState;
  private outcome: { key: string; result: SearchOutcome } | null = null;
  /** Increases with every render; a slower, older search never overwrites a newer one. */
  private generation = 0;
  /** The result ids the list shows, in order. */
  private shownIds = '';

  constructor(form: HTMLFormElement) {
    const root = form.closest('[data-search-root]') ?? document;
    const filters: Elements['filters'] = {};
    for (const key of Object.keys(FILTER_PARAMS) as FilterParam[]) {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${key}"]`);
      if (select) filters[key] = select;
    }
    this.el = {
      form,
      q: required(form, 'input[name="q"]'),
      filters,
      sort: required(form, 'select[name="sort"]'),
      status: required(root, '[data-search-status]'),
      heading: required(root, '[data-search-heading]'),
      list: required(root, '[data-search-results]'),
      pager: required(root, '[data-search-pager]'),
    };
    this.bundleBase = form.dataset.bundle ?? '/pagefind/';
    this.siteRoot = form.dataset.site ?? '/';
    this.excerptObserver =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const e of entries) {
                if (!e.isIntersecting) continue;
                this.excerptObserver!.unobserve(e.target);
                this.excerptLoaders.get(e.target)?.();
              }
            },
            { rootMargin: `0px 0px ${EXCERPT_MARGIN} 0px` },
          );
    this.state = parseState(location.search);
    this.pageTitle = document.title;
  }

  start(): void {
    const { form, q, sort } = this.el;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.navigate({ ...this.formState(), page: 1 });
    });
    // A short wait after a filter or order change: keyboard users stepping through a closed <select>
    // with the arrow keys get one search (and one history entry) for where they stop, not one per step.
    let pending: ReturnType<typeof setTimeout> | undefined;
    for (const select of [...Object.values(this.el.filters), sort]) {
      select.addEventListener('change', () => {
        clearTimeout(pending);
        pending = setTimeout(() => this.navigate({ ...this.formState(), page: 1 }), 250);
      });
    }
    // Warm up on first use: pagefind.js, its wasm and the index metadata load while the reader types.
    q.addEventListener('focus', () => void this.engine().catch(() => {}), { once: true });
    window.addEventListener('popstate', () => {
      this.state = parseState(location.search);
      this.fillForm();
      void this.render(false);
    });
    // The no-script form sends every field ("ministry=&sort=…"); the URL shown is the canonical one.
    const canonical = `${location.pathname}${stateToSearch(this.state)}`;
    if (canonical !== `${location.pathname}${location.search}`) history.replaceState(null, '', canonical);
    this.fillForm();
    void this.render(false);
  }

  private engine(): Promise<SearchEngine> {
    this.enginePromise ??= SearchEngine.open(this.bundleBase, embeddedManifest());
    this.enginePromise.catch(() => {
      this.enginePromise = null;
    });
    return this.enginePromise;
  }

  private formState(): SearchState {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of Object.entries(this.el.filters)) {
      if (select.value) filters[key as FilterParam] = select.value;
    }
    return {
      q: this.el.q.value.trim(),
      filters,
      sort: (this.el.sort.value || null) as SortOption | null,
      page: 1,
    };
  }

  private fillForm(): void {
    this.el.q.value = this.state.q;
    for (const [key, select] of Object.entries(this.el.filters)) {
      const value = this.state.filters[key as FilterParam] ?? '';
      // A value from a shared URL that the page does not list (yet) is added, so the state round-trips.
      if (value && ![...select.options].some((o) => o.value === value)) select.add(new Option(value, value));
      select.value = value;
    }
    this.el.sort.value = this.state.sort ?? '';
  }

  private navigate(next: SearchState, focusResults = false): void {
    if (!sameState(next, this.state)) {
      this.state = next;
      history.pushState(null, '', `${location.pathname}${stateToSearch(next)}`);
    }
    void this.render(focusResults);
  }

  /**
   * Sets the live region's text. `data-total` (the result count, absent while searching) and the list's
   * `data-page` say what is on screen to scripts and tests.
   */
  private setStatus(text: string, total?: number): void {
    this.el.status.textContent = text;
    if (total === undefined) delete this.el.status.dataset.total;
    else this.el.status.dataset.total = String(total);
  }

  /** `again`: the same search over the whole index, after the payee profiles were loaded (searchDeferred). */
  private async render(focusResults: boolean, again = false): Promise<void> {
    const generation = ++this.generation;
    const state = this.state;
    const terms = queryTerms(state.q);
    const filters = pagefindFilters(state);
    const { list, pager } = this.el;
    // No words, no filter and no order: nothing asked yet. An order alone lists every sheet in it (how a
    // reader ranks projects), as a filter alone lists the sheets it keeps.
    if (terms.length === 0 && Object.keys(filters).length === 0 && state.sort === null) {
      list.replaceChildren();
      this.shownIds = '';
      pager.replaceChildren();
      this.el.heading.hidden = true;
      delete list.dataset.page;
      this.setStatus('');
      document.title = this.pageTitle;
      return;
    }
    // Searched again: the status line keeps saying what is on screen until the whole list is there.
    if (!again) {
      this.setStatus('検索しています…');
      list.setAttribute('aria-busy', 'true');
    }
    let outcome: SearchOutcome;
    /** Pages of a deferred part (the payee profiles) may match too: this list is shown, then the whole one. */
    let more: SearchEngine | null = null;
    /** Pages of a deferred part may match, but it could not be loaded: the status line says so. */
    let missing = false;
    try {
      const engine = await this.engine();
      const query = { terms, filters, sort: sortSpec(state.sort) };
      if (engine.wantsDeferred(query)) more = engine;
      missing = engine.missesDeferred(query);
      const key = JSON.stringify([terms, filters, state.sort]);
      if (this.outcome?.key === key) {
        outcome = this.outcome.result;
      } else {
        outcome = await engine.search(query);
        this.outcome = { key, result: outcome };
      }
    } catch (err) {
      if (generation !== this.generation) return;
      list.removeAttribute('aria-busy');
      this.setStatus(`検索を実行できませんでした（${(err as Error).message}）。ページを再読み込みしてください。`);
      return;
    }
    const total = outcome.hits.length;
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (state.page > lastPage && more) {
      // The page may be there once the rest is searched.
      await this.searchDeferred(more, generation, '');
      return;
    }
    if (state.page > lastPage) {
      // An out-of-range page (an edited or outdated URL) shows the last page and says so in the URL.
      this.state = { ...state, page: lastPage };
      history.replaceState(null, '', `${location.pathname}${stateToSearch(this.state)}`);
      if (generation === this.generation) void this.render(focusResults);
      return;
    }
    const from = (state.page - 1) * PAGE_SIZE;
    const shown = outcome.hits.slice(from, from + PAGE_SIZE);
    const shownIds = shown.map((h) => h.id).join(' ');
    // Searched again and the same results come first (no payee profile among them): the list on screen
    // stays as it is, with the reader's place, focus and loaded excerpts.
    if (!(again && shownIds === this.shownIds)) {
      let pages: ResultPage[];
      try {
        pages = await Promise.all(shown.map((h: Hit) => h.load()));
      } catch (err) {
        if (generation !== this.generation) return;
        list.removeAttribute('aria-busy');
        this.setStatus(`検索結果を読み込めませんでした（${(err as Error).message}）。`);
        return;
      }
      if (generation !== this.generation) return;

      // A link the reader had focused in the list is focused again in the new one, if it is still there.
      const focused = list.contains(document.activeElement) ? document.activeElement?.getAttribute('href') : null;
      this.excerptObserver?.disconnect();
      list.replaceChildren(...pages.map((p) => this.resultItem(p, terms)));
      this.shownIds = shownIds;
      if (focused) {
        const link = [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === focused);
        if (link) link.focus();
        else this.el.heading.focus();
      }
    }
    list.start = from + 1;
    list.removeAttribute('aria-busy');
    this.el.heading.hidden = false;
    this.renderPager(state, lastPage);
    list.dataset.page = String(state.page);
    const status = this.statusText(state, terms, total, from, shown.length, more !== null || missing);
    document.title = `${state.q ? `「${state.q}」の` : ''}検索結果 | ${this.pageTitle}`;
    if (focusResults) {
      this.el.heading.focus();
      this.el.heading.scrollIntoView({ block: 'start' });
    }
    if (more) await this.searchDeferred(more, generation, total > 0 ? `${status}。` : '');
    else this.setStatus(missing ? `${status.endsWith('。') ? status : `${status}。`}${ui.search.payeesFailed}` : status, total);
  }

  /**
   * The sheets' results are on screen (their count in `shown`): loads the deferred part of the index and
   * renders the search again over all of it (or, when it could not be loaded, over the rest, saying so).
   * `data-total` is set only by that list.
   */
  private async searchDeferred(engine: SearchEngine, generation: number, shown: string): Promise<void> {
    this.setStatus(`${shown}${ui.search.payeesPending}`);
    // A failure is said by the status line of the search run again (SearchEngine.missesDeferred).
    await engine.loadDeferred().catch((err: unknown) => console.warn(`payee profiles' index: ${String(err)}`));
    if (generation !== this.generation) return;
    this.outcome = null;
    await this.render(false, true);
  }

  /** The status line; `sheetsOnly`: the list before the payee profiles are searched (searchDeferred). */
  private statusText(state: SearchState, terms: string[], total: number, from: number, count: number, sheetsOnly = false): string {
    // Words find pages of every kind (sheets, their continuation pages, payee profiles); a listing without
    // words lists sheets only (search-engine.ts).
    const what = terms.length > 0 ? `「${terms.join(' ')}」を含む${sheetsOnly ? 'シートのページ' : 'ページ'}` : 'すべてのシート';
    const conditions = Object.entries(state.filters)
      .map(([k, v]) => `${FILTER_PARAMS[k as FilterParam]}: ${v}`)
      .join('、');
    const within = conditions ? `（${conditions}）` : '';
    if (total === 0) return `${what}${within}は見つかりませんでした。`;
    const range = total > count ? `、${from + 1}〜${from + count}件目を表示` : '';
    const order = terms.length === 0 ? `・${SORT_LABELS[state.sort ?? 'budget-desc']}` : '';
    return `${what}${within}: ${total.toLocaleString('ja-JP')}件${order}${range}`;
  }

  private resultItem(page: ResultPage, terms: string[]): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = page.url;
    const title = page.meta.title ?? page.url;
    appendParts(a, highlight(title, terms));
    h.append(a);
    li.append(h);

    const facts: string[] = [];
    // A payee profile (src/lib/view/search-attributes.ts payeeSearchRecord): what it is, and its 法人番号.
    if (page.meta.kind === 'payee') facts.push('支出先', `法人番号 ${page.meta.corporateNumber ?? ''}`);
    const ministry = page.meta.ministry ?? page.filters['府省庁']?.[0];
    const year = page.meta.year ?? page.filters['年度']?.[0];
    if (ministry) facts.push(ministry);
    if (year) facts.push(year);
    if (page.meta.budget && page.meta.budget !== '—') facts.push(`予算 ${page.meta.budget}`);
    if (page.meta.rate && page.meta.rate !== '—') facts.push(`執行率 ${page.meta.rate}`);
    if (page.filters['一者応札']?.[0] === 'あり') facts.push('一者応札あり');
    if (facts.length > 0) {
      const meta = document.createElement('p');
      meta.className = 'meta-line';
      for (const f of facts) {
        const span = document.createElement('span');
        span.textContent = f;
        meta.append(span);
      }
      li.append(meta);
    }

    const at = parseRecordMeta(page.meta[RECORD_META]);
    const p = document.createElement('p');
    p.className = 'search-excerpt';
    if (at !== null) {
      // Made from its sheet's record: the excerpt (with words) or the summary (without), once in view.
      li.append(p);
      this.fromRecord(p, page, at, terms, title);
    } else if (terms.length > 0) {
      appendParts(p, buildExcerpt(page.text, terms, 120, title).parts);
      li.append(p);
    } else if (page.meta.summary) {
      p.textContent = page.meta.summary;
      li.append(p);
    }
    return li;
  }

  /** Fills `p` with the excerpt (or, without words, the summary) made from the record at `at`, once `p` is in view. */
  private fromRecord(p: HTMLElement, page: ResultPage, at: RecordAt, terms: string[], title: string): void {
    p.dataset.excerpt = 'pending';
    const load = () => {
      recordPage(page.url, at, this.siteRoot)
        .then(({ text, summary }) => {
          if (terms.length > 0) appendParts(p, buildExcerpt(text, terms, 120, title).parts);
          else p.textContent = summary;
          p.dataset.excerpt = 'ready';
        })
        .catch((err: unknown) => {
          // The result and its link are whole without it.
          console.warn(`excerpt of ${page.url}: ${String(err)}`);
          p.dataset.excerpt = 'failed';
        });
    };
    if (this.excerptObserver === null) {
      load();
      return;
    }
    this.excerptLoaders.set(p, load);
    this.excerptObserver.observe(p);
  }

  private renderPager(state: SearchState, lastPage: number): void {
    const { pager } = this.el;
    pager.replaceChildren();
    if (lastPage <= 1) {
      pager.hidden = true;
      return;
    }
    pager.hidden = false;
    const ul = document.createElement('ul');
    const link = (page: number, label: string, rel?: string, ariaLabel?: string) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${location.pathname}${stateToSearch({ ...state, page })}`;
      a.textContent = label;
      if (rel) a.rel = rel;
      if (ariaLabel) a.setAttribute('aria-label', ariaLabel);
      if (page === state.page && !rel) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        this.navigate({ ...state, page }, true);
      });
      li.append(a);
      ul.append(li);
    };
    if (state.page > 1) link(state.page - 1, '前へ', 'prev', '前のページ');
    for (const p of pagerPages(state.page, lastPage)) {
      if (p === null) {
        const li = document.createElement('li');
        li.className = 'gap';
        li.textContent = '…';
        li.setAttribute('aria-hidden', 'true');
        ul.append(li);
      } else {
        link(p, String(p), undefined, `${p}ページ目`);
      }
    }
    if (state.page < lastPage) link(state.page + 1, '次へ', 'next', '次のページ');
    pager.append(ul);
  }
}
