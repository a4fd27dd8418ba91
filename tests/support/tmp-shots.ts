// Temporary (not committed): screenshots of the 資金の流れ section.
import { serveDist } from './server.ts';
import { launchBrowser } from './browser.ts';
const dist = process.argv[2]!;
const ids = process.argv.slice(3);
const server = await serveDist(dist, { base: '/' });
const browser = await launchBrowser();
for (const id of ids) {
  for (const width of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url(`sheets/${id}/`));
    const sec = page.locator('section#flow');
    await sec.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(id, width, 'sideways scroll px', scroll);
    await sec.screenshot({ path: `/tmp/hslim-shots/${id}-${width}.png` });
    await ctx.close();
  }
}
await browser.close();
await server.close();
