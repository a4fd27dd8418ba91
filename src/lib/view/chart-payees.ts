/**
 * The top-payees chart: the largest payees of a sheet as horizontal bars, each with its contract's marks
 * in words (一者応札, 落札率95%以上), and the table of their contracts.
 */
import type { Payee, Sheet } from '../../schema/sheet.ts';
import { formatYenShort } from '../../shared/format.ts';
import { isHighWinningBidRate, isSingleBidder, payeesByAmount } from './summary.ts';
import type { ChartData } from './chart-spec.ts';

/** Payee marks, as text (never colour alone). */
export function payeeMarks(p: Pick<Payee, 'bidders' | 'winningBidRate'>): string[] {
  const marks: string[] = [];
  if (isSingleBidder(p)) marks.push('一者応札');
  if (isHighWinningBidRate(p)) marks.push('落札率95%以上');
  return marks;
}

/** How many payees the top-payees chart shows. */
export const TOP_PAYEES = 10;

export function topPayeesChart(sheet: Sheet): ChartData | null {
  const ranked = payeesByAmount(sheet.payees).filter((p) => p.amount !== null);
  if (ranked.length === 0) return null;
  const top = ranked.slice(0, TOP_PAYEES);
  const marked = top.filter((p) => payeeMarks(p).length > 0).length;
  return {
    id: 'payees',
    title: `支出額の大きい支出先（上位${top.length}者）`,
    caption: `支出額の大きい支出先 上位${top.length}者：支出額（百万円）、契約方式、入札者数、落札率（%）`,
    summary: `支出先の支出額の横棒グラフ。最大は${top[0]!.name}の${formatYenShort(top[0]!.amount)}。${
      marked > 0 ? `一者応札または落札率95%以上の契約が${marked}者。` : ''
    }`,
    table: {
      columns: [
        { key: 'rank', label: '順位', kind: 'number' },
        { key: 'name', label: '支出先', kind: 'text', rowHeader: true },
        { key: 'block', label: 'ブロック', kind: 'text' },
        { key: 'amount', label: '支出額', kind: 'yen' },
        { key: 'method', label: '契約方式等', kind: 'text' },
        { key: 'bidders', label: '入札者数', kind: 'number' },
        { key: 'rate', label: '落札率', kind: 'rate' },
        { key: 'marks', label: '注意', kind: 'text' },
      ],
      rows: top.map((p, i) => [
        i + 1,
        p.name,
        p.block,
        p.amount,
        p.contractMethod,
        p.bidders,
        p.winningBidRate,
        payeeMarks(p).join('・') || null,
      ]),
    },
    canvas: {
      kind: 'hbar',
      labels: top.map((p) => p.name),
      values: top.map((p) => p.amount ?? 0),
      marks: top.map(payeeMarks),
      seriesLabel: '支出額',
    },
    notes: ranked.length > top.length ? [`ほか${ranked.length - top.length}者は下の「支出先」の表にあります。`] : [],
  };
}
