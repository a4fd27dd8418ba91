/**
 * Every page, as Astro renders it into the static build, leaves here with the end tags HTML implies
 * dropped (src/lib/markup/compact-html.ts): the same documents in fewer bytes. Runs before the search
 * index reads the page (src/integrations/search-index.ts wraps the renderer outside this).
 */
import { defineMiddleware } from 'astro:middleware';
import { compactHtml } from './lib/markup/compact-html.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  return new Response(compactHtml(await response.text()), { status: response.status, statusText: response.statusText, headers: response.headers });
});
