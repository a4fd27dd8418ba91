/** /data/sheet.schema.json: JSON Schema of /data/sheets/<id>.json, generated from src/schema/sheet.ts. */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { sheet } from '../../schema/sheet.ts';

export const GET: APIRoute = ({ site }) => {
  const schema = {
    ...z.toJSONSchema(sheet, { io: 'output', unrepresentable: 'any' }),
    // $id is an absolute URI: only when the site's address is known (SITE), never a placeholder host.
    ...(site ? { $id: new URL('data/sheet.schema.json', new URL(import.meta.env.BASE_URL, site)).href } : {}),
    title: '行政事業レビューシート レコード',
    description:
      '1シートのレコード。金額は円の整数、率は小数（92% → 0.92）、null は記載なし（空欄・「-」）、年度は西暦の会計年度。',
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
