/**
 * /data/sheets/<id>.json, linked from each sheet page (a permanent URL): a small pointer to the sheet's whole
 * record in its year's bulk file (src/lib/data/sheet-data-files.ts SheetPointer).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allListings } from '../../../lib/data/collection.ts';
import { recordPlace } from '../../../lib/data/record-files.ts';
import { recordFileFromPointer, sheetPointerText } from '../../../lib/data/sheet-data-files.ts';
import type { SheetListing } from '../../../lib/data/sheet-listing.ts';
import { href, sheetHref } from '../../../lib/markup/url.ts';

export const getStaticPaths = (async () =>
  (await allListings()).map((s) => ({ params: { id: s.id }, props: { sheet: s } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { sheet } = props as { sheet: SheetListing };
  // Absolute when the site's address is known (as in sheets.json), else the path from the site root.
  const url = (path: string) => (site ? new URL(path, site).href : path);
  const { file, place } = await recordPlace(sheet.id);
  const text = sheetPointerText({
    id: sheet.id,
    fiscalYear: sheet.fiscalYear,
    ministry: sheet.ministry,
    title: sheet.title,
    page: url(sheetHref(sheet.id)),
    record: { file: recordFileFromPointer(file.name), ...place },
    schema: url(href('data/sheet.schema.json')),
  });
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
