/**
 * Link checker for a built site (used by tests/site/links.test.ts):
 *
 *   const result = await checkLinks({ dist, base: '/review-sheet-site/', siteOrigin: 'https://x.example' });
 *   result.broken   // ["<page>  a[href]=\"…\"  → why", …]
 *
 * Every internal reference in every HTML page (a, area, link, script, img, source, iframe, video, audio,
 * track, embed, object, form action, svg use/image, srcset, meta refresh) and every url() in CSS must
 * resolve to a file in the dist under the base, by the same rules the test server (and GitHub Pages)
 * uses; a fragment must name an id (or a[name]) on the target page; nothing internal may leave the base;
 * no javascript: URL anywhere. Absolute URLs on `siteOrigin` count as internal; other origins are
 * counted and not fetched.
 */
import { readFileSync } from 'node:fs';
import { resolveRequest } from './server.ts';
import { fragmentTargets, listFiles, readPage, scanTags, urlPathOf } from './site-text.ts';

export interface Reference {
  /** Site URL path of the page or stylesheet the reference is in. */
  from: string;
  /** Where in it: `a[href]`, `img[srcset]`, `css url()` … */
  where: string;
  value: string;
}

export interface LinkCheckResult {
  /** HTML files crawled. */
  pages: number;
  /** References checked against the dist. */
  internal: number;
  /** References to other origins (not checked). */
  external: number;
  /** One line per broken reference: `<from>  <where>="<value>"  → <why>`. */
  broken: string[];
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

export function htmlReferences(html: string, from: string): Reference[] {
  const refs: Reference[] = [];
  for (const tag of scanTags(html)) {
    for (const attr of URL_ATTRS[tag.name] ?? []) {
      const value = tag.attrs[attr];
      if (value === undefined) continue;
      // <link rel=preconnect|dns-prefetch> names an origin, not a resource.
      if (tag.name === 'link' && /\b(preconnect|dns-prefetch)\b/i.test(tag.attrs.rel ?? '')) continue;
      const values = attr === 'srcset' ? srcsetUrls(value) : [value];
      for (const v of values) refs.push({ from, where: `${tag.name}[${attr}]`, value: v });
    }
    if (tag.name === 'meta' && /^refresh$/i.test(tag.attrs['http-equiv'] ?? '')) {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(tag.attrs.content ?? '');
      if (m) refs.push({ from, where: 'meta[refresh]', value: m[1]!.trim() });
    }
  }
  return refs;
}

export function cssReferences(css: string, from: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    refs.push({ from, where: 'css url()', value: m[1] ?? m[2] ?? m[3] ?? '' });
  }
  return refs;
}

export interface CheckLinksOptions {
  dist: string;
  /** The base the site was built with (`/` or `/review-sheet-site/`). */
  base: string;
  /** The SITE the build used: absolute links on this origin are internal. */
  siteOrigin: string;
}

export async function checkLinks({ dist, base, siteOrigin }: CheckLinksOptions): Promise<LinkCheckResult> {
  const origin = new URL(siteOrigin).origin;
  const htmlFiles = listFiles(dist, '.html');
  const refs: Reference[] = [];
  for (const file of htmlFiles) refs.push(...htmlReferences(readPage(file), urlPathOf(dist, base, file)));
  for (const file of listFiles(dist, '.css')) {
    refs.push(...cssReferences(readFileSync(file, 'utf8'), urlPathOf(dist, base, file)));
  }

  const idsByFile = new Map<string, Set<string>>();
  const targetsIn = (file: string): Set<string> => {
    let ids = idsByFile.get(file);
    if (!ids) idsByFile.set(file, (ids = fragmentTargets(readPage(file))));
    return ids;
  };
  const broken: string[] = [];
  let internal = 0;
  let external = 0;
  for (const ref of refs) {
    const value = ref.value.trim();
    const fail = (why: string) => broken.push(`${ref.from}  ${ref.where}="${ref.value}"  → ${why}`);
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
      fail('javascript: URL');
      continue;
    }
    if (value === '') {
      fail('empty URL');
      continue;
    }
    if (/^(mailto|tel|data|blob|about):/i.test(value)) continue;
    let url: URL;
    try {
      url = new URL(value, `${origin}${ref.from}`);
    } catch {
      fail('not a valid URL');
      continue;
    }
    if (url.origin !== origin) {
      external += 1;
      continue;
    }
    internal += 1;
    if (!url.pathname.startsWith(base)) {
      fail(`leaves the base ${base}`);
      continue;
    }
    let target = await resolveRequest(dist, base, url.pathname);
    if (target.kind === 'redirect') target = await resolveRequest(dist, base, target.location);
    if (target.kind !== 'file') {
      fail(`no such file in dist (${decodeURIComponent(url.pathname)})`);
      continue;
    }
    const fragment = url.hash.slice(1);
    // `#` alone and text fragments (#:~:text=) need no target.
    if (fragment !== '' && !fragment.startsWith(':~:') && target.file.endsWith('.html')) {
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        // keep the raw fragment
      }
      if (!targetsIn(target.file).has(id)) fail(`no element with id "${id}" on ${url.pathname}`);
    }
  }
  return { pages: htmlFiles.length, internal, external, broken };
}
