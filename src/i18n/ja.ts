/**
 * UI strings in one place (the site is Japanese only; English identifiers in code map to these).
 * Labels that name a sheet's own parts use the sheet's wording.
 */
import type { WarningCode } from '../schema/sheet.ts';

export const ui = {
  siteName: '行政事業レビューシート・ビューア',
  siteTagline: '国の事業の予算・執行・成果・支出先を、レビューシートから読みやすく',
  skipToContent: '本文へ移動',
  nav: {
    home: 'ホーム',
    ministries: '府省庁別',
    years: '年度別',
    rankings: 'ランキング',
    search: '検索',
    about: 'このサイトについて・データ',
    label: 'サイト内メニュー',
    breadcrumb: 'パンくずリスト',
  },
  search: {
    /** Results are sheet pages (and their continuation pages) and payee profiles, so not "シート" alone. */
    label: 'シート・支出先を検索',
    placeholder: '事業名・支出先・法人番号など',
    submit: '検索',
    /** After the sheets' results, while the payee profiles are searched (src/client/search/search-app.ts). */
    payeesPending: '支出先のページを探しています…',
    /** The payee profiles' part of the index could not be loaded: the results are the sheets' only. */
    payeesFailed: '支出先のページは検索できませんでした。',
  },
  chart: {
    download: 'CSVをダウンロード',
    /** Shown beside a sheet chart's CSV button when the browser could not make the file. */
    downloadFailed: 'CSVを作成できませんでした。表の数値またはJSONをご利用ください。',
  },
  /**
   * A page's body, loaded after the page (src/lib/markup/page-body.ts): its status, and where else its content
   * is (a sheet's record, a project's figures and a payee's lines in the bulk CSVs). No markup: written into the page as is.
   */
  pageBody: {
    loading: '読み込んでいます。',
    failed: '読み込めませんでした。ページを再読み込みしてください。',
    sheetElsewhere: 'シートの全項目は、シートのページの「データ（JSON）」にもあります。',
    projectElsewhere: '年度ごとの予算額・執行額は、「このサイトについて・データ」の事業の推移（projects.csv.zip）にもあります。',
    payeeElsewhere: '年度別の支出額と支出先として記載された行は、「このサイトについて・データ」の支出先一覧（payees.csv.zip）にもあります。',
  },
  marks: {
    singleBidder: '一者応札',
    highRate: '落札率95%以上',
  },
  sections: {
    summary: '概要',
    basics: '基本情報',
    purpose: '事業の目的・概要',
    budgets: '予算額・執行額',
    budgetItems: '予算内訳',
    activities: '活動目標及び活動実績（アウトプット）',
    unitCosts: '単位当たりコスト',
    outcomes: '成果目標及び成果実績（アウトカム）',
    logicModel: '目標のつながり（ロジックモデル）',
    checks: '事業所管部局による点検・改善',
    findings: '点検結果・所見',
    pastSheets: '関連する過去のレビューシート',
    relatedProjects: '関連事業',
    flow: '資金の流れ',
    blocks: '費目・使途（ブロック別）',
    payees: '支出先',
    contracts: '国庫債務負担行為等による契約',
    topPayees: '支出額の大きい支出先',
    warnings: 'データの注意点',
    source: '出典',
  },
} as const;

/** Names for source.missingParts codes (RS table numbers, JUDGIT/text section names). */
export const missingPartNames: Record<string, string> = {
  '3-1': 'RS表3-1「効果発現経路_目標・実績」（活動・成果指標の目標値と実績値）',
  '5-1': 'RS表5-1「支出先_支出情報」（支出先ごとの支出額・契約方式・入札者数・落札率、ブロックの合計支出額）',
  '1-1': 'RS表1-1「基本情報_組織情報」',
  '1-2': 'RS表1-2「基本情報_事業概要等」',
  '1-3': 'RS表1-3「基本情報_政策・施策、法令等」',
  '1-4': 'RS表1-4「基本情報_補助率等」',
  '1-5': 'RS表1-5「基本情報_関連事業」',
  '2-1': 'RS表2-1「予算・執行_サマリ」',
  '2-2': 'RS表2-2「予算・執行_予算種別・歳出予算項目」',
  '3-2': 'RS表3-2「効果発現経路_目標のつながり」',
  '4-1': 'RS表4-1「点検・評価」',
  '5-2': 'RS表5-2「支出先_支出ブロックのつながり」',
  '5-3': 'RS表5-3「支出先_費目・使途」',
  '5-4': 'RS表5-4「支出先_国庫債務負担行為等による契約」',
  '6-1': 'RS表6-1「その他備考」',
  // JUDGIT! JSON: the lists it stopped carrying (アウトプット from 2021, アウトカム in 2023); its other missing
  // parts (予算内訳, 点検・評価, 資金の流れ …) are named as written.
  アウトプット: '活動目標・活動実績（アウトプット）',
  アウトカム: '成果目標・成果実績（アウトカム）',
};

/** RS table code at the start of a missingParts entry ("3-1 効果発現経路_目標・実績" → "3-1"), if any. */
export function missingPartCode(part: string): string | null {
  return /^(\d+-\d+)(?:\s|$)/.exec(part.trim())?.[1] ?? null;
}

/** A reader's name for a missingParts entry: a known RS table code gets what the table holds. */
export function missingPartName(part: string): string {
  const code = missingPartCode(part);
  return (code !== null ? missingPartNames[code] : missingPartNames[part]) ?? part;
}

/** Does the source lack this part (an RS table code like "5-1", or a section name as written)? */
export function isPartMissing(missingParts: readonly string[], part: string): boolean {
  return missingParts.some((m) => m === part || missingPartCode(m) === part);
}

export const warningCodeNames: Record<WarningCode, string> = {
  'budget-total-mismatch': '予算の計が内訳と一致しない',
  'execution-rate-mismatch': '執行率が執行額÷予算額と一致しない',
  'unit-cost-formula-mismatch': '単位当たりコストが計算式と一致しない',
  'corporate-number-check-digit': '法人番号のチェックデジット不一致',
  'payees-exceed-block': '支出先の合計がブロックの計を上回る',
  'block-expenses-mismatch': '費目・使途の合計がブロックの計と一致しない',
  'duplicate-row': '元データで同じ行が重複している',
  layout: '様式の読み取り',
  'unparsed-value': '読み取れなかった値',
  'missing-part': '含まれていない部分',
  source: '出典についての注意',
};

export const sourceFormNames: Record<string, string> = {
  text: 'レビューシート（テキスト形式）',
  'rs-csv': '行政事業レビュー見える化サイト（RSシステム）一括ダウンロードCSV',
  judgit: 'JUDGIT! オープンデータ（JSON）',
};
