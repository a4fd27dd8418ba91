/**
 * The labelled text fields of a sheet's 基本情報 and 所見 sections, in the page's order. Written once for the
 * page (src/components/sheet/BasicsSection.astro, FindingsSection.astro) and for its search text
 * (search-text.ts), so the two cannot list different fields.
 */
import { eGovLawUrl, html, textHtml, type Html } from '../markup/html.ts';
import type { Sheet } from '../../schema/sheet.ts';

/** A label with its plain text, or with markup (RS entries with their links), which wins when present. */
export type BasicsField = [label: string, text: string | null, rich: Html | null];

/** A list of entries, one a line; `null` (the plain text field is shown instead) when there are none. */
function list<T>(entries: T[], one: (e: T) => Html): Html | null {
  return entries.length === 0 ? null : html`<ul class="plain">${entries.map((e) => html`<li>${one(e)}</li>`)}</ul>`;
}

const link = (text: string, url: string | null | undefined): Html =>
  url ? html`<a href="${url}" rel="noopener noreferrer nofollow">${text}</a>` : html`${text}`;

/** 基本情報 from 担当部局庁 to 事業区分 (the fields before and after are the page's own markup). */
export function basicsFields(s: Sheet): BasicsField[] {
  // RS 1-3: each law with its 法令番号, linked to e-Gov 法令検索 by its 法令ID.
  const laws = list(s.laws, (l) => {
    const where = [l.article, l.paragraph === null ? null : /^\d+$/.test(l.paragraph.normalize('NFKC')) ? `第${l.paragraph}項` : l.paragraph, l.item];
    const name = l.name ?? l.lawNumber ?? l.lawId ?? '';
    return html`${link(name, eGovLawUrl(l.lawId))}${where.filter((v) => v !== null).map((v) => ` ${v}`).join('')}${
      l.lawNumber !== null && l.name !== null ? html`（${l.lawNumber}）` : ''}${l.lawId !== null ? html` <span class="muted">法令ID ${l.lawId}</span>` : ''}`;
  });
  const plans = list(s.plans, (p) => html`${p.name ?? ''}${p.url !== null ? html` ${textHtml(p.url, true)}` : ''}`);
  const policies = list(s.policies, (p) => html`${[p.policy, p.measure].filter((v) => v !== null).join(' ／ ')}${
    p.ministry !== null ? html` <span class="muted">（${p.ministry}）</span>` : ''}${p.url !== null ? html` ${textHtml(p.url, true)}` : ''}`);
  const others = list(s.otherOrganisations, (o) => html`${o}`);
  return [
    ['担当部局庁', s.bureau, null],
    ['担当課室', s.division, null],
    ...(others ? [['その他担当組織', null, others] satisfies BasicsField] : []),
    ['作成責任者', s.manager, null],
    ['会計区分', s.accountType, null],
    ['根拠法令', s.legalBasis, laws],
    ['関係する計画、通知等', s.relatedPlans, plans],
    ['主要政策・施策', s.majorPolicy, null],
    ['主要経費', s.majorExpense, null],
    ...(policies
      ? [['政策・施策', null, policies] satisfies BasicsField]
      : [['政策', s.policy, null] satisfies BasicsField, ['施策', s.measure, null] satisfies BasicsField]),
    ['事業区分', s.category, null],
  ];
}

/** 所見: label, the verdict stated beside it (null when the section has none), the text. */
export function findingFields(f: Sheet['findings']): [label: string, verdict: string | null, text: string | null][] {
  return [
    ['点検結果（事業所管部局）', null, f.inspection],
    ['改善の方向性', null, f.direction],
    ['外部有識者の所見', null, f.externalExperts],
    ['行政事業レビュー推進チームの所見', f.reviewTeamVerdict, f.reviewTeam],
    ['所見を踏まえた改善点／概算要求における反映状況', f.improvementsVerdict, f.improvements],
    ['備考', null, f.remarks],
  ];
}
