/**
 * The site-wide lists (sheets.json, sheets.csv, payees.csv, projects.csv) are published zipped: at ten
 * review years they are ≈ 100 MB as text and ≈ 15 MB zipped, of a site that must stay under GitHub Pages'
 * 1 GB (issue 18). Zip rather than gzip because Excel users open CSV, and Windows opens a zip by itself,
 * as it does the RS system's own bulk downloads. Each archive holds its one file under the name the
 * download had before, so a script that read `payees.csv` reads the same bytes after unzipping.
 */
import { strToU8, zipSync } from 'fflate';

/**
 * A fixed modification time, so the same data gives the same archive bytes in every build (a page's
 * data does not change its cache key). Zip stores local DOS time; 2000-01-01 is inside its range.
 */
const MTIME = new Date(2000, 0, 1);

/** A zip archive holding `text` (UTF-8) as the one file `name`. */
export function zipOneFile(name: string, text: string): Uint8Array {
  return zipSync({ [name]: [strToU8(text), { level: 6, mtime: MTIME }] });
}

/** An endpoint's response: `text` zipped as `name`. */
export function zipResponse(name: string, text: string): Response {
  // fflate's output is a plain Uint8Array over an ArrayBuffer (never shared memory), as Response wants.
  return new Response(zipOneFile(name, text) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
}
