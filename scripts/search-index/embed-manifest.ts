/**
 * Writes the index's manifest into the built search page (src/shared/search/manifest.ts,
 * MANIFEST_ATTRIBUTE), once the index is in place: the page is rendered before the index is complete, so
 * its element is empty until then. Escaped for a script element (src/lib/markup/json-embed.ts).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { MANIFEST_ATTRIBUTE, type SearchManifest } from '../../src/shared/search/manifest.ts';
import { jsonForScriptElement } from '../../src/lib/markup/json-embed.ts';

const ELEMENT = new RegExp(`(<script type="application/json" ${MANIFEST_ATTRIBUTE}[^>]*>)[^<]*(</script>)`);

/** Puts `manifest` into the page at `file`; false when there is no such page or it has no manifest element. */
export async function embedManifest(file: string, manifest: SearchManifest): Promise<boolean> {
  if (!existsSync(file)) return false;
  const html = await readFile(file, 'utf8');
  if (!ELEMENT.test(html)) return false;
  await writeFile(file, html.replace(ELEMENT, (_m, open: string, close: string) => `${open}${jsonForScriptElement(manifest)}${close}`));
  return true;
}
