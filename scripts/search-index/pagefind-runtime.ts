/**
 * What the search page needs from the installed Pagefind itself, now that the index is written in Node
 * (direct-index.ts): its code files (pagefind.js, pagefind-worker.js and the wasm the entry names), which
 * only the Pagefind binary holds, and the fields it writes into `pagefind-entry.json` (its version, the
 * language's wasm, include_characters). They are taken from a Pagefind index of one tiny page, built once
 * per build by the part the search page loads (≈ 0.1 s); the other parts need only the version, read from
 * the installed package.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { EntryFields } from './direct-index.ts';
import type { BundleFile } from './pagefind-internals.ts';

/** The code files the search page loads from the primary part (the wasm's name depends on the language). */
export const PRIMARY_ONLY = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** The installed Pagefind's version (its package.json; the same binary writes it into its indexes). */
export function installedPagefindVersion(): string {
  const pkg = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(fileURLToPath(pkg), 'utf8')) as { version: string }).version;
}

export async function pagefindCall<T extends { errors: string[] }>(what: string, call: Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call;
  } catch (err) {
    throw new Error(`Pagefind ${what} failed: ${(err as Error).message}`, { cause: err });
  }
  if (result.errors.length > 0) throw new Error(`Pagefind ${what} failed: ${result.errors.join('; ')}`);
  return result;
}

/**
 * Pagefind's code files and entry fields for `language`, from an index of one page. The caller closes
 * Pagefind's service (pagefind.close()) when its thread ends.
 */
export async function pagefindRuntime(language: string): Promise<{ files: BundleFile[]; fields: EntryFields }> {
  const pagefind = await import('pagefind');
  const { index } = await pagefindCall('createIndex', pagefind.createIndex({}) as Promise<{ errors: string[]; index?: import('pagefind').PagefindIndex }>);
  if (!index) throw new Error('Pagefind createIndex returned no index');
  await pagefindCall('addCustomRecord', index.addCustomRecord({ url: '/', content: 'aa', language }));
  const { files } = await pagefindCall('getFiles', index.getFiles());
  await index.deleteIndex();
  const entryFile = files.find((f) => f.path === 'pagefind-entry.json');
  if (!entryFile) throw new Error("Pagefind wrote no pagefind-entry.json (Pagefind's format changed?)");
  const { version, languages, ...extra } = JSON.parse(Buffer.from(entryFile.content).toString('utf8')) as {
    version: string;
    languages: Record<string, { wasm: string | null }>;
  };
  const info = languages[language];
  if (!info) throw new Error(`Pagefind's entry does not name the language ${language} (Pagefind's format changed?)`);
  const installed = installedPagefindVersion();
  if (version !== installed) throw new Error(`Pagefind binary ${version} and package ${installed} differ: reinstall Pagefind`);
  const code = files.filter((f) => PRIMARY_ONLY.test(f.path)).map((f) => ({ path: f.path, content: f.content }));
  if (code.length !== 3) throw new Error(`Pagefind wrote ${code.map((f) => f.path).join(', ')}, not its two scripts and a wasm (Pagefind's format changed?)`);
  for (const f of code) if (f.path === 'pagefind.js') f.content = await minified(f.content);
  return { files: code, fields: { version, wasm: info.wasm, extra } };
}

/**
 * Pagefind's search script minified: it ships with its whitespace removed but its names whole, 47 KB that
 * every cold search loads before its first result (32 KB minified; 13.2 → 11.4 KB gzipped), against issue
 * 18's 300 KB. Only local names change (esbuild keeps properties and exports), so its calls into the
 * wasm stay as they are; the browser tests search with it.
 */
async function minified(script: Uint8Array): Promise<Uint8Array> {
  const { code } = await transform(Buffer.from(script).toString('utf8'), { minify: true, format: 'esm', legalComments: 'inline' });
  return Buffer.from(code, 'utf8');
}
