/**
 * Puts a page's body (a sheet page's sections, a payee profile's lines) back where the build cut it out
 * (src/lib/markup/page-body.ts): fetches the body file the placeholder names (one gzip file for a few
 * pages), decompresses it (DecompressionStream), takes this page's body and inserts it, then tells the
 * page's other scripts (onPageContent) and goes to the address's #fragment, which could not be found
 * before. The placeholder's state is in data-state: "loaded", or "failed", its status then saying so
 * beside where else the content is (the sheet's JSON, the payees' CSV).
 *
 * The body is the page's own markup as Astro rendered it (sheet text escaped there), fetched from the same
 * site as the page: inserting it as markup adds nothing a page could not already hold.
 */
import { bodyInFile, parseBodyRef } from '../lib/markup/page-body.ts';
import { ui } from '../i18n/ja.ts';
import { BODY_EVENT } from './page-content.ts';

/** The file's bytes, decompressed. A server may send a .gz file with Content-Encoding: gzip, which the browser has undone. */
async function fileBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

async function load(box: HTMLElement): Promise<void> {
  const ref = parseBodyRef(box.dataset.pageBody ?? '');
  if (!ref) return;
  try {
    const body = bodyInFile(await fileBytes(new URL(ref.file, location.href).href), ref.n);
    box.innerHTML = body;
    box.dataset.state = 'loaded';
    document.dispatchEvent(new CustomEvent(BODY_EVENT, { detail: box }));
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && box.contains(target)) target.scrollIntoView();
  } catch (err) {
    const status = box.querySelector('[role="status"]');
    if (status) status.textContent = ui.pageBody.failed;
    box.dataset.state = 'failed';
    console.error('page body failed', err);
  }
}

for (const box of document.querySelectorAll<HTMLElement>('div[data-page-body]')) void load(box);
