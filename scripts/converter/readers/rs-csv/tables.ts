/**
 * The 15 tables of the RS system's (行政事業レビュー見える化サイト) bulk download, with the columns each one
 * publishes (verbatim headers, ../shared/data/rs2024-headers.md) and the columns this reader needs.
 *
 * A table is identified by the "N-N" prefix of its file name (`2-1_RS_2024_予算・執行_サマリ.csv`, or the zip
 * of the same name): zip entry names may arrive in Shift_JIS mojibake, but the ASCII prefix survives.
 * Column names are compared after NFKC and whitespace removal (`normColumn`), because the publisher mixes
 * full- and half-width brackets between years (`翌年度への繰越し(合計）`, `（支出額10億円以上）`).
 */

export const TABLE_IDS = [
  '1-1', '1-2', '1-3', '1-4', '1-5', '2-1', '2-2', '3-1', '3-2', '4-1', '5-1', '5-2', '5-3', '5-4', '6-1',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface TableSpec {
  id: TableId;
  /** The name part of the file name (after `RS_<year>_`), used in messages and `missingParts`. */
  name: string;
  /** Every column the publisher's header has, verbatim. */
  columns: readonly string[];
  /** Columns without which the table's data cannot be used. */
  required: readonly string[];
}

/** The organisation columns that every table except 1-1 starts with. */
const ORG = ['シート種別', '事業年度', '予算事業ID', '事業名', '府省庁の建制順', '政策所管府省庁', '府省庁', '局・庁', '部', '課', '室', '班', '係'];
/** 1-1 names two of the 13 organisation columns differently. */
const ORG_1_1 = ['シート種別', '事業年度', '予算事業ID', '事業名', '建制順', '所管府省庁', '府省庁', '局・庁', '部', '課', '室', '班', '係'];
/** The 13 organisation columns under both namings: they carry no table data. */
export const ORG_COLUMNS: readonly string[] = [...new Set([...ORG, ...ORG_1_1])];
/** What every table must have to join its rows to a project. */
const KEY = ['事業年度', '予算事業ID', '事業名', '府省庁'];

const YEAR_COLUMNS = Array.from({ length: 2060 - 2007 + 1 }, (_, i) => String(2007 + i));

const specs: TableSpec[] = [
  {
    id: '1-1',
    name: '基本情報_組織情報',
    columns: [...ORG_1_1, 'その他担当組織_作成責任者_no', '府省庁（その他担当組織）', '局・庁（その他担当組織）', '部（その他担当組織）', '課（その他担当組織）', '室（その他担当組織）', '班（その他担当組織）', '係（その他担当組織）', '作成責任者'],
    required: [...KEY, '局・庁', '部', '課', '室', '班', '係', '作成責任者'],
  },
  {
    id: '1-2',
    name: '基本情報_事業概要等',
    columns: [...ORG, '事業の目的', '現状・課題', '事業の概要', '事業概要URL', '事業区分', '事業開始年度', '開始年度不明', '事業終了（予定）年度', '終了予定なし', '主要経費', '備考', '実施方法ー直接実施', '実施方法ー補助', '実施方法ー負担', '実施方法ー交付', '実施方法ー分担金・拠出金', '実施方法ーその他', '旧事業番号', '整理表表示順'],
    required: [...KEY, '事業の目的', '現状・課題', '事業の概要', '事業区分', '事業開始年度', '開始年度不明', '事業終了（予定）年度', '終了予定なし', '主要経費', '備考', '実施方法ー直接実施', '実施方法ー補助', '実施方法ー負担', '実施方法ー交付', '実施方法ー分担金・拠出金', '実施方法ーその他', '旧事業番号'],
  },
  {
    id: '1-3',
    name: '基本情報_政策・施策、法令等',
    columns: [...ORG, '番号（政策・施策）', '政策所管府省庁_P', '政策', '施策', '政策・施策URL', '番号（根拠法令）', '法令名', '法令番号', '法令ID', '条', '項', '号・号の細分', '番号（関係する計画・通知等）', '計画通知名', '計画通知等URL'],
    required: [...KEY, '番号（政策・施策）', '政策', '施策', '番号（根拠法令）', '法令名', '条', '項', '号・号の細分', '番号（関係する計画・通知等）', '計画通知名'],
  },
  {
    id: '1-4',
    name: '基本情報_補助率等',
    columns: [...ORG, '番号（補助率等）', '補助対象', '補助率', '補助上限等', '補助率URL'],
    required: [...KEY, '補助対象', '補助率', '補助上限等'],
  },
  {
    id: '1-5',
    name: '基本情報_関連事業',
    columns: [...ORG, '番号（関連事業）', '関連事業の事業ID', '関連事業の事業名', '関連性'],
    required: [...KEY, '関連事業の事業ID', '関連事業の事業名', '関連性'],
  },
  {
    id: '2-1',
    name: '予算・執行_サマリ',
    columns: [...ORG, '予算年度', '当初予算（合計）', '補正予算（合計）', '前年度からの繰越し（合計）', '予備費等（合計）', '計（歳出予算現額合計）', '執行額（合計）', '執行率', '翌年度への繰越し(合計）', '翌年度要求額（合計）', '主な増減理由', 'その他特記事項', '会計区分', '会計', '勘定', '当初予算', '第1次補正予算', '第2次補正予算', '第3次補正予算', '第4次補正予算', '第5次補正予算', '前年度から繰越し', '予備費等1', '予備費等2', '予備費等3', '予備費等4', '歳出予算現額', '執行額', '翌年度要求額', '要望額', '備考'],
    required: [...KEY, '予算年度', '当初予算（合計）', '補正予算（合計）', '前年度からの繰越し（合計）', '予備費等（合計）', '計（歳出予算現額合計）', '執行額（合計）', '執行率', '翌年度への繰越し(合計）', '翌年度要求額（合計）', '会計区分', '会計', '勘定', '当初予算', '歳出予算現額', '執行額', '翌年度要求額'],
  },
  {
    id: '2-2',
    name: '予算・執行_予算種別・歳出予算項目',
    columns: [...ORG, '予算年度', '会計区分', '会計', '勘定', '予算種別', '所管', '組織・勘定', '項', '目', '歳出予算項目の補足情報', '予算額（歳出予算項目ごと）', '翌年度要求額（歳出予算項目ごと）', '備考（歳出予算項目ごと）'],
    required: [...KEY, '予算年度', '会計区分', '会計', '勘定', '予算種別', '項', '目', '予算額（歳出予算項目ごと）', '翌年度要求額（歳出予算項目ごと）'],
  },
  {
    id: '3-1',
    name: '効果発現経路_目標・実績',
    columns: [...ORG, '事業に関連するKPIが定められている閣議決定等の名称', '事業に関連するKPIが定められている閣議決定等の該当箇所', '事業に関連するKPIが定められている閣議決定等のURL', 'アクティビティ・アウトプット・アウトカムの番号', '種別（アクティビティ・アウトプット・アウトカム）', 'アウトカムの期間', '成果目標の種類', 'アクティビティ／活動目標／成果目標', '活動指標／成果指標', '単位', '改善の上向き／下向き', '成果実績及び目標値の根拠として用いた統計・データ名（出典）', '定性的なアウトカム目標を設定している理由', '定性的なアウトカムに関する成果実績', '目標年度／目標値／実績値／達成率', ...YEAR_COLUMNS],
    // The year columns are looked up one by one; a file may stop at an earlier year.
    required: [...KEY, 'アクティビティ・アウトプット・アウトカムの番号', '種別（アクティビティ・アウトプット・アウトカム）', 'アウトカムの期間', 'アクティビティ／活動目標／成果目標', '活動指標／成果指標', '単位', '目標年度／目標値／実績値／達成率'],
  },
  {
    id: '3-2',
    name: '効果発現経路_目標のつながり',
    columns: [...ORG, '派生元ーアクティビティ・アウトプット・アウトカムの番号', '派生元ー種別（アクティビティ・アウトプット・アウトカム）', '派生元ーアウトカムの期間', '派生元ーアクティビティの内容/ 活動目標／成果目標', '派生先ーアクティビティ・アウトプット・アウトカムの番号', '派生先ー種別（アクティビティ・アウトプット・アウトカム）', '派生先ーアウトカムの期間', '派生先ー 活動目標／成果目標', '後続アウトカムへのつながり', 'アウトカムを複数段階で設定できない理由'],
    required: [...KEY, '派生元ーアクティビティ・アウトプット・アウトカムの番号', '派生元ー種別（アクティビティ・アウトプット・アウトカム）', '派生元ーアクティビティの内容/ 活動目標／成果目標'],
  },
  {
    id: '4-1',
    name: '点検・評価',
    columns: [...ORG, '事業所管部局による点検・改善ー点検結果', '事業所管部局による点検・改善ー改善の方向性', '事業所管部局による点検・改善－目標年度における効果測定に関する評価', '外部有識者による点検ー最終実施年度', '外部有識者による点検ー点検対象', '外部有識者による点検ー対象の理由', '外部有識者による点検ー所見', '公開プロセス結果概要', '行政事業レビュー推進チームの所見', '行政事業レビュー推進チームの所見の詳細', '所見を踏まえた改善点／概算要求における反映状況', '所見を踏まえた改善点／概算要求における反映状況の詳細', '反映額（一般会計）', '反映額（特別会計）－会計', '反映額（特別会計）－勘定', '反映額（特別会計）－反映額', '過去に受けた指摘事項－区分', '過去に受けた指摘事項－取りまとめ年度', '過去に受けた指摘事項－取りまとめ内容', '過去に受けた指摘事項－対応状況', 'その他の指摘事項－調査等の名称', 'その他の指摘事項－指摘年度', 'その他の指摘事項－指摘内容', 'その他の指摘事項－対応状況'],
    required: [...KEY, '事業所管部局による点検・改善ー点検結果', '事業所管部局による点検・改善ー改善の方向性', '外部有識者による点検ー点検対象', '外部有識者による点検ー所見', '行政事業レビュー推進チームの所見', '行政事業レビュー推進チームの所見の詳細', '所見を踏まえた改善点／概算要求における反映状況', '所見を踏まえた改善点／概算要求における反映状況の詳細'],
  },
  {
    id: '5-1',
    name: '支出先_支出情報',
    columns: [...ORG, '支出先ブロック番号', '支出先ブロック名', '支出先の数', '事業を行う上での役割', 'ブロックの合計支出額', '支出先名', '法人番号', '所在地', '法人種別', 'その他支出先', '支出先の合計支出額', '契約概要', '金額', '契約方式等', '具体的な契約方式等', '入札者数', '落札率', '一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（支出額10億円以上）', 'その他の契約'],
    required: [...KEY, '支出先ブロック番号', '支出先ブロック名', '支出先の数', '事業を行う上での役割', 'ブロックの合計支出額', '支出先名', '法人番号', '支出先の合計支出額', '契約概要', '金額', '契約方式等', '入札者数', '落札率', 'その他の契約'],
  },
  {
    id: '5-2',
    name: '支出先_支出ブロックのつながり',
    columns: [...ORG, '支出元の支出先ブロック', '支出元の支出先ブロック名', '担当組織からの支出', '支出先の支出先ブロック', '支出先の支出先ブロック名', '資金の流れの補足情報', '国自らが支出する間接経費', '国自らが支出する間接経費の項目', '国自らが支出する間接経費の金額'],
    required: [...KEY, '支出元の支出先ブロック', '支出元の支出先ブロック名', '担当組織からの支出', '支出先の支出先ブロック', '支出先の支出先ブロック名'],
  },
  {
    id: '5-3',
    name: '支出先_費目・使途',
    columns: [...ORG, '支出先ブロック番号', '支出先名', '法人番号', '契約概要', '費目', '使途', '金額'],
    required: [...KEY, '支出先ブロック番号', '支出先名', '費目', '使途', '金額'],
  },
  {
    id: '5-4',
    name: '支出先_国庫債務負担行為等による契約',
    columns: [...ORG, '支出先ブロック（国庫債務負担行為等による契約）', '契約先名（国庫債務負担行為等による契約）', '契約先の法人番号（国庫債務負担行為等による契約）', '契約先の所在地（国庫債務負担行為等による契約）', '契約先の法人種別（国庫債務負担行為等による契約）', '契約概要（契約名）（国庫債務負担行為等による契約）', 'その他の契約', '契約額（国庫債務負担行為等による契約）', '契約方式等（国庫債務負担行為等による契約）', '具体的な契約方式等（国庫債務負担行為等による契約）', '入札者数（応募者数）（国庫債務負担行為等による契約）', '落札率（％）（国庫債務負担行為等による契約）', '一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（契約額10億円以上）（国庫債務負担行為等による契約）', 'その他の契約（国庫債務負担行為等による契約）'],
    required: [...KEY],
  },
  {
    id: '6-1',
    name: 'その他備考',
    columns: [...ORG, '備考'],
    required: [...KEY, '備考'],
  },
];

export const TABLES: Readonly<Record<TableId, TableSpec>> = Object.fromEntries(specs.map((s) => [s.id, s])) as Record<
  TableId,
  TableSpec
>;

/** The label used in messages and in a record's `source.missingParts`: "3-1 効果発現経路_目標・実績". */
export function tableLabel(id: TableId): string {
  return `${id} ${TABLES[id].name}`;
}

/** Column names compare equal when they differ only in character width or whitespace. */
export function normColumn(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

const FILE_NAME = /^(\d-\d)_RS_(\d{4})_(.+)\.(csv|zip)$/i;

/** `true` for a file name of one RS table (`1-1_RS_2024_基本情報_組織情報.zip`, … `.csv`). */
export function isRsTableFile(name: string): boolean {
  const m = FILE_NAME.exec(name.normalize('NFC'));
  return m !== null && (TABLE_IDS as readonly string[]).includes(m[1]!);
}

export interface TableFileName {
  id: TableId;
  /** The year in the file name (the download's 事業年度). */
  year: number;
  kind: 'csv' | 'zip';
}

export function parseTableFileName(name: string): TableFileName | null {
  const m = FILE_NAME.exec(name.normalize('NFC'));
  if (!m || !(TABLE_IDS as readonly string[]).includes(m[1]!)) return null;
  return { id: m[1] as TableId, year: Number(m[2]), kind: m[4]!.toLowerCase() as 'csv' | 'zip' };
}

/** The table id from a zip entry name, whose non-ASCII part may be mojibake: only the prefix is read. */
export function tableIdOfEntry(entryName: string): TableId | null {
  const base = entryName.split('/').pop() ?? '';
  const m = /^(\d-\d)_RS_\d{4}_/.exec(base);
  return m && (TABLE_IDS as readonly string[]).includes(m[1]!) ? (m[1] as TableId) : null;
}
