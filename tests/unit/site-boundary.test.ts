/**
 * The site does not import the converter (issue 16): no module under src/ (pages, components, lib,
 * schema, content config) imports anything under scripts/, so the dependencies between the two point one
 * way (the converter uses the schema and the shared helpers in src/lib) and no import cycle can close
 * through them. The one exception is the search-index integration, which runs the index builder that
 * `scripts/build-search.ts` runs too (scripts/lib/search/, owned by the search work of issue 16 point 3).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve('src');
const ALLOWED = new Set(['src/integrations/search-index.ts']);
/** Any static or dynamic import, re-export or `import type` of a path. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : /\.(ts|astro|mjs)$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

describe('the site → converter boundary', () => {
  it('no module under src/ imports scripts/ (but the search-index integration)', () => {
    const all = files(SRC);
    expect(all.length).toBeGreaterThan(100);
    const crossing: string[] = [];
    for (const file of all) {
      const rel = path.relative(path.resolve('.'), file);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const target = path.relative(path.resolve('.'), path.resolve(path.dirname(file), spec));
        if (target.startsWith(`scripts${path.sep}`) && !ALLOWED.has(rel)) crossing.push(`${rel} → ${target}`);
      }
    }
    expect(crossing).toEqual([]);
  });
});
