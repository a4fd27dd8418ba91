/**
 * The fragments of a built search bundle, as the search page gets them: a bundle's `fragment/` folder
 * holds groups of consecutive pages, each file a JSON object page name → fragment
 * (scripts/search-index/pagefind-internals.ts, 11).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeFragmentGroup, type Fragment } from '../../scripts/search-index/pagefind-internals.ts';

/** Every page's fragment in `fragmentDir`, with its page name and the file it is in. */
export function bundleFragments(fragmentDir: string): { file: string; name: string; fragment: Fragment }[] {
  if (!existsSync(fragmentDir)) return [];
  return readdirSync(fragmentDir).flatMap((file) =>
    Object.entries(decodeFragmentGroup(readFileSync(path.join(fragmentDir, file)), file)).map(([name, fragment]) => ({ file, name, fragment })),
  );
}
