/**
 * Record ids: permanent, ASCII, stable across rebuilds, derived from the sheet's own identifiers.
 *
 *   <fiscalYear>-<ministry>-<number>
 *
 * - <ministry>: romanised slug of the 府省庁 (MINISTRY_SLUGS); an unlisted name gets "m" + 6 hex digits of
 *   its SHA-1, so it is still stable.
 * - <number>: the sheet's own identifier, lower-case ASCII:
 *   - RS form: "rs" + 予算事業ID (2024-naikakukanbo-rs1);
 *   - a printed 事業番号: its ASCII form, a ministry abbreviation → its slug (NUMBER_ABBREVIATION_SLUGS),
 *     新 → "shin", other non-ASCII dropped, runs of separators → "-"
 *     ("新31-0015" → "shin31-0015", "2021-総務-20-0083" → "2021-soumu-20-0083");
 *   - no number printed: "t" + 8 hex digits of the SHA-1 of the 事業名 (NFKC), so renaming the input file
 *     does not change the id.
 */
import { createHash } from 'node:crypto';
import { numberSlug, NUMBER_ABBREVIATION_SLUGS } from '../../src/lib/project-number.ts';

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

function sha1hex(s: string, len: number): string {
  return createHash('sha1').update(s, 'utf8').digest('hex').slice(0, len);
}

export function ministrySlug(ministry: string): string {
  const key = ministry.normalize('NFKC').replace(/\s+/g, '');
  return MINISTRY_SLUGS[key] ?? `m${sha1hex(key, 6)}`;
}

/** The 事業番号 rule is shared with the site's past-sheet and project-chain links (browser-safe there). */
export { numberSlug, NUMBER_ABBREVIATION_SLUGS };

export interface IdParts {
  fiscalYear: number;
  ministry: string;
  /** RS 予算事業ID, when the record comes from the RS form. */
  rsBudgetProjectId?: string | number | null;
  projectNumber?: string | null;
  title: string;
}

export function sheetId(p: IdParts): string {
  const prefix = `${p.fiscalYear}-${ministrySlug(p.ministry)}`;
  if (p.rsBudgetProjectId !== undefined && p.rsBudgetProjectId !== null && `${p.rsBudgetProjectId}` !== '') {
    return `${prefix}-rs${String(p.rsBudgetProjectId).replace(/[^0-9a-zA-Z]/g, '').toLowerCase()}`;
  }
  const num = p.projectNumber ? numberSlug(p.projectNumber) : null;
  if (num) return `${prefix}-${num}`;
  return `${prefix}-t${sha1hex(p.title.normalize('NFKC'), 8)}`;
}
