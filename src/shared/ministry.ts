/**
 * Ministry slugs, for /ministries/<slug>/ URLs and for record ids (src/shared/ids.ts re-exports them), so a
 * ministry's list URL and its sheets' ids agree: an unlisted name gets "m" + 6 hex digits of its SHA-1,
 * so it is still stable. Lives on the site's side so the site imports no converter module.
 */
import { createHash } from 'node:crypto';

export const MINISTRY_SLUGS: Record<string, string> = {
  内閣官房: 'cas',
  内閣府: 'cao',
  内閣法制局: 'clb',
  人事院: 'jinji',
  宮内庁: 'kunaicho',
  公正取引委員会: 'jftc',
  警察庁: 'npa',
  個人情報保護委員会: 'ppc',
  カジノ管理委員会: 'jcrc',
  金融庁: 'fsa',
  消費者庁: 'caa',
  こども家庭庁: 'cfa',
  デジタル庁: 'digital',
  復興庁: 'reconstruction',
  総務省: 'soumu',
  法務省: 'moj',
  出入国在留管理庁: 'isa',
  公安調査庁: 'psia',
  外務省: 'mofa',
  財務省: 'mof',
  国税庁: 'nta',
  文部科学省: 'mext',
  文化庁: 'bunka',
  スポーツ庁: 'sports',
  厚生労働省: 'mhlw',
  中央労働委員会: 'churoi',
  農林水産省: 'maff',
  林野庁: 'rinya',
  水産庁: 'jfa',
  経済産業省: 'meti',
  資源エネルギー庁: 'enecho',
  特許庁: 'jpo',
  中小企業庁: 'chusho',
  国土交通省: 'mlit',
  観光庁: 'mlit-kanko',
  気象庁: 'jma',
  海上保安庁: 'jcg',
  運輸安全委員会: 'jtsb',
  // The RS form writes 外局 of 国土交通省 as "国土交通省　気象庁" (full-width space, removed by the reader).
  国土交通省観光庁: 'mlit-kanko',
  国土交通省気象庁: 'jma',
  国土交通省海上保安庁: 'jcg',
  国土交通省運輸安全委員会: 'jtsb',
  消防庁: 'fdma',
  総務省消防庁: 'fdma',
  公害等調整委員会: 'kouchoi',
  環境省: 'env',
  原子力規制委員会: 'nra',
  防衛省: 'mod',
  防衛装備庁: 'atla',
  会計検査院: 'jbaudit',
  国会: 'diet',
  裁判所: 'courts',
};

export function ministrySlug(ministry: string): string {
  const key = ministry.normalize('NFKC').replace(/\s+/g, '');
  return MINISTRY_SLUGS[key] ?? `m${createHash('sha1').update(key, 'utf8').digest('hex').slice(0, 6)}`;
}
