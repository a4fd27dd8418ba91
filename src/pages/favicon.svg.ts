/**
 * /favicon.svg, the site's icon (src/assets/favicon.svg: the search page carries the same one inline,
 * src/layouts/PageFrame.astro).
 */
import icon from '../assets/favicon.svg?raw';

export function GET(): Response {
  return new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
}
