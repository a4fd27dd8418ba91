/**
 * Every internal link and asset path goes through here, so the site works at the root of a domain and
 * under a project path (GitHub Pages: /review-sheet-site/). The base comes from Astro's `base`
 * (BASE env in astro.config.mjs) via import.meta.env.BASE_URL, which may or may not end in "/".
 */

function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The site's base path, always with leading and trailing "/". */
export function basePath(): string {
  // Outside Vite (the search indexer's worker threads run the view helpers in plain Node) there is no
  // import.meta.env: links are then made from the root, and only their text is used there.
  return normalizeBase(import.meta.env?.BASE_URL);
}

/**
 * A site path relative to the base: `href('sheets/x/')` → "/review-sheet-site/sheets/x/".
 * A leading "/" on `path` is ignored; `#fragment` and `?query` are kept.
 */
export function href(path = '', base: string = basePath()): string {
  return `${normalizeBase(base)}${path.replace(/^\/+/, '')}`;
}

export function sheetHref(id: string): string {
  return href(`sheets/${encodeURIComponent(id)}/`);
}

export function sheetJsonHref(id: string, base: string = basePath()): string {
  return href(`data/sheets/${encodeURIComponent(id)}.json`, base);
}

export function ministryHref(slug: string): string {
  return href(`ministries/${encodeURIComponent(slug)}/`);
}

export function yearHref(year: number): string {
  return href(`years/${year}/`);
}

export function searchHref(query?: string): string {
  return href(query ? `search/?q=${encodeURIComponent(query)}` : 'search/');
}

/**
 * The search page with URL parameters set (src/client/search/url-state.ts names them), e.g.
 * `searchParamsHref({ year: '2024', sort: 'rate-asc' })`: every sheet of a year, lowest 執行率 first.
 */
export function searchParamsHref(params: Record<string, string>): string {
  const q = new URLSearchParams(params).toString();
  return href(q ? `search/?${q}` : 'search/');
}

/**
 * Only http(s) links from sheet text become anchors (sheet text is untrusted: no javascript:, data:
 * …). Returns the normalised URL or `null`.
 */
export function safeExternalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}

/** A project history page (/projects/<key>/, key from src/lib/history/chains.ts, docs/IDS.md). */
export function projectHref(key: string): string {
  return href(`projects/${encodeURIComponent(key)}/`);
}

/** A payee profile (/payees/<法人番号>/, page 2 on at /payees/<法人番号>/<page>/). */
export function payeeHref(corporateNumber: string, page = 1): string {
  return href(`payees/${encodeURIComponent(corporateNumber)}/${page > 1 ? `${page}/` : ''}`);
}

/** /rankings/, /rankings/<year>/, /rankings/<year>/<ministry slug>/ (and their CSVs, `list` given). */
export function rankingsHref(year?: number, ministrySlug?: string, list?: string): string {
  const parts = [year === undefined ? null : String(year), ministrySlug ? encodeURIComponent(ministrySlug) : null].filter(Boolean);
  return href(`rankings/${parts.map((p) => `${p}/`).join('')}${list ? `${list}.csv` : ''}`);
}
