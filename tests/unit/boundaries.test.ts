/**
 * The project's dependency rules, checked on every import (the model is Starlight's
 * no-internal-barrel-imports test): the converter and the site both depend on the record schema and on
 * shared helpers, never on each other; browser code depends on nothing Node-only; no file and no folder
 * is part of an import cycle. docs/ARCHITECTURE.md draws the layers these rules keep.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE = /\.(ts|mts|mjs|astro)$/;

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return walk(rel);
    return CODE.test(d.name) ? [rel] : [];
  });
}

/**
 * An import or re-export's specifier, a dynamic import, or a worker's `new URL('./x.ts', import.meta.url)`.
 * `import type` / `export type` are left out: TypeScript erases them, so they add no runtime edge.
 */
const SPECIFIER =
  /(?:\b(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?|\bimport\s*\(\s*|new URL\(\s*)(['"])([^'"]+)\2/g;

interface Import {
  from: string;
  /** Repo-relative path of a local file, or the package / `node:` name. */
  to: string;
  local: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    if (m[1]) continue;
    const spec = m[3];
    if (spec.startsWith('.')) out.push({ from: file, to: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)), local: true });
    else if (!m[0].startsWith('new URL')) out.push({ from: file, to: spec, local: false });
  }
  return out;
}

const files = [...walk('src'), ...walk('scripts')];
const imports = files.flatMap(importsOf);
const localImports = imports.filter((i) => i.local && !i.to.endsWith('.json') && !i.to.endsWith('.css'));

/** The layer a file belongs to, by its folder. */
function layer(file: string): string {
  const rules: [RegExp, string][] = [
    [/^src\/shared\//, 'shared'],
    [/^src\/schema\//, 'schema'],
    [/^src\/client\//, 'client'],
    [/^scripts\/converter\//, 'converter'],
    [/^scripts\/search-index\//, 'search-index'],
    [/^scripts\/(bench|build)\//, 'tools'],
    [/^scripts\/[^/]+$/, 'tools'],
    [/^src\/(lib\/(view|markup)|i18n)\//, 'view'],
    [/^src\//, 'site'],
    [/^tests\//, 'tests'],
  ];
  return rules.find(([re]) => re.test(file))?.[1] ?? 'other';
}

/** What each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  schema: ['shared'],
  converter: ['schema', 'shared'],
  client: ['schema', 'shared', 'view'],
  'search-index': ['schema', 'shared', 'client', 'view'],
  view: ['schema', 'shared'],
  site: ['schema', 'shared', 'view', 'client', 'search-index'],
  tools: ['converter', 'search-index', 'schema', 'shared', 'view', 'site', 'tests'],
};

describe('dependency boundaries', () => {
  it('finds the code it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(localImports.length).toBeGreaterThan(300);
    expect(layer('src/shared/era.ts')).toBe('shared');
    expect(layer('scripts/converter/run.ts')).toBe('converter');
  });

  it('every local import stays within what its layer may import', () => {
    const broken = localImports
      .filter((i) => layer(i.to) !== layer(i.from) && !ALLOWED[layer(i.from)]?.includes(layer(i.to)))
      .map((i) => `${i.from} (${layer(i.from)}) → ${i.to} (${layer(i.to)})`);
    expect(broken).toEqual([]);
  });

  it('browser code reaches nothing Node-only, through any chain of imports', () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
    const nodeOnly: string[] = [];
    for (const entry of files.filter((f) => layer(f) === 'client')) {
      const seen = new Set([entry]);
      const queue = [entry];
      while (queue.length) {
        for (const i of byFile.get(queue.pop()!) ?? []) {
          if (!i.local && i.to.startsWith('node:')) nodeOnly.push(`${entry} … ${i.from} → ${i.to}`);
          if (i.local && !seen.has(i.to)) seen.add(i.to), queue.push(i.to);
        }
      }
    }
    expect(nodeOnly).toEqual([]);
  });

  it('no import cycle between files', () => {
    expect(cycles(graph(localImports.map((i) => [i.from, i.to])))).toEqual([]);
  });

  it('no import cycle between folders', () => {
    const dir = (f: string) => path.posix.dirname(f);
    const edges = localImports.map((i) => [dir(i.from), dir(i.to)] as [string, string]).filter(([a, b]) => a !== b);
    expect(cycles(graph(edges))).toEqual([]);
  });
});

function graph(edges: [string, string][]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!g.has(a)) g.set(a, new Set());
    g.get(a)!.add(b);
  }
  return g;
}

/** Strongly connected components of more than one node (Tarjan), each as a sorted list. */
function cycles(g: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}
