/**
 * Tables 5-1 … 5-4 (支出先).
 *
 * 5-1 (支出先_支出情報) mixes three kinds of rows, told apart by which columns are filled:
 * - block row: 支出先名 blank → the block's 支出先ブロック名, 支出先の数, 事業を行う上での役割 and
 *   ブロックの合計支出額;
 * - payee row: 支出先名 filled and (支出先の合計支出額 filled, or その他の契約 and the contract columns
 *   blank) → one payee with its 法人番号 and total (支出先の合計支出額);
 * - contract row: 支出先名 filled and その他の契約 filled (t/f, TRUE/FALSE), or contract columns filled
 *   without a 支出先の合計支出額 → one contract (契約概要, 金額,
 *   契約方式等, 具体的な契約方式等, 入札者数, 落札率 in percent, 一者応札…理由) of the latest payee of that
 *   name in the block (a payee is created, amount unknown, when the contract comes first).
 *   A row filled as both payee and contract counts as both.
 * Every contract row is kept (`payees[].contracts`); it is also folded into the schema's single-valued
 * fields: description = 契約概要 one per line, contractMethod = distinct methods joined with "、",
 * bidders / winningBidRate = the contract's value when there is one contract or all agree, else null;
 * payees are ranked by amount within their block. 所在地 and 法人種別 are kept as stated, その他支出先 as a flag.
 * 5-2 gives the block graph (flows; 担当組織からの支出 TRUE → from "ministry"), block names and each edge's
 * 資金の流れの補足情報; its 国自らが支出する間接経費 rows (no blocks, an item and an amount) → `indirectCosts`;
 * 5-3 the expense lines of each block with their payee (支出先名, 法人番号, 契約概要); 5-4
 * (国庫債務負担行為等による契約) → `multiYearContracts`, kept apart from payees: its 契約額 covers several
 * years and must not be mixed with a year's payments.
 * The counts, rates and flags that the shipped (reconstructed) 5-1 leaves blank — 支出先の数, 入札者数, 落札率,
 * その他支出先 — and 5-4's numbers and flags are read leniently: a value that does not parse is kept as
 * written in an `unparsed-value` warning and the field is null, so one odd cell never costs the record.
 * Amounts of 5-1 and 5-3 and the flags that decide a 5-1 row's kind stay strict (the row cannot be read).
 */
import { cell, RowError, type Contract, type Mapper, type PayeeAcc } from './parts.ts';
import type { Row } from './read-table.ts';
import { count, flag, percentToFraction, text, yen } from './values.ts';

function blockId(row: Row, column: string): string | null {
  const id = text(row.get(column));
  return id === null ? null : id.normalize('NFKC');
}

export const payees: Mapper<'5-1'> = {
  init: () => ({ blocks: new Map(), payees: [] }),
  add(part, row, ctx) {
    const block = blockId(row, '支出先ブロック番号');
    if (block === null) throw new RowError('支出先ブロック番号', '支出先ブロック番号 is blank on a row with data');
    const name = text(row.get('支出先名'));
    if (name === null) {
      const info = part.blocks.get(block) ?? { name: null, role: null, payeeCount: null, total: null };
      info.name ??= text(row.get('支出先ブロック名'));
      info.role ??= text(row.get('事業を行う上での役割'));
      info.payeeCount ??= cell(row, '支出先の数', count, ctx, 'blocks');
      info.total ??= cell(row, 'ブロックの合計支出額', yen);
      part.blocks.set(block, info);
      return;
    }
    const corporateNumber = text(row.get('法人番号'))?.normalize('NFKC') ?? null;
    const payeeTotal = cell(row, '支出先の合計支出額', yen);
    const otherContract = cell(row, 'その他の契約', flag);
    const contract: Contract = {
      description: text(row.get('契約概要')),
      amount: cell(row, '金額', yen),
      method: text(row.get('契約方式等')),
      specificMethod: text(row.get('具体的な契約方式等')),
      bidders: cell(row, '入札者数', count, ctx, 'payees'),
      winningBidRate: cell(row, '落札率', percentToFraction, ctx, 'payees'),
      singleBidReason: text(row.get('一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（支出額10億円以上）')),
      other: otherContract,
    };
    const hasContractData =
      contract.description !== null ||
      contract.amount !== null ||
      contract.method !== null ||
      contract.specificMethod !== null ||
      contract.bidders !== null ||
      contract.winningBidRate !== null ||
      contract.singleBidReason !== null;
    const hasContract = otherContract !== null || hasContractData;
    // A row with contract data but neither 支出先の合計支出額 nor その他の契約 is read as a contract of the
    // payee above it, not as a second payee of the same name without an amount.
    const isPayeeRow = payeeTotal !== null || (otherContract === null && !hasContractData);
    const latest = (): PayeeAcc | undefined =>
      part.payees.findLast((p) => p.block === block && p.name === name && (corporateNumber === null || p.corporateNumber === null || p.corporateNumber === corporateNumber));
    let payee: PayeeAcc | undefined;
    if (isPayeeRow) {
      const prev = latest();
      // A payee first met through its contract row gets its payee row here; and the export repeats some
      // payee rows verbatim with every amount blank: one payee, not two.
      const repeated = prev !== undefined && payeeTotal === null && prev.amount === null && prev.contracts.length === 0;
      if (prev && (!prev.hasPayeeRow || repeated)) {
        payee = prev;
      } else {
        payee = newPayee(block, name, corporateNumber, true);
        part.payees.push(payee);
      }
      payee.hasPayeeRow = true;
      payee.amount ??= payeeTotal;
      payee.corporateNumber ??= corporateNumber;
    }
    if (hasContract) {
      payee ??= latest();
      if (!payee) {
        payee = newPayee(block, name, corporateNumber, false);
        part.payees.push(payee);
      }
      payee.contracts.push(contract);
    }
    // 所在地, 法人種別, その他支出先 describe the payee, on whichever of its rows states them.
    if (payee) {
      payee.location ??= text(row.get('所在地'));
      payee.corporateType ??= text(row.get('法人種別'));
      payee.otherPayee ??= cell(row, 'その他支出先', flag, ctx, 'payees');
    }
  },
};

function newPayee(block: string, name: string, corporateNumber: string | null, hasPayeeRow: boolean): PayeeAcc {
  return { block, name, corporateNumber, amount: null, location: null, corporateType: null, otherPayee: null, hasPayeeRow, contracts: [] };
}

/** 契約方式等 with 具体的な契約方式等 in brackets, for the payee's folded `contractMethod`. */
export function methodOf(method: string | null, specific: string | null): string | null {
  if (method === null) return specific;
  return specific === null ? method : `${method}（${specific}）`;
}

export const flows: Mapper<'5-2'> = {
  init: () => ({ flows: [], blockNames: new Map(), indirectCosts: [] }),
  add(part, row, ctx) {
    const direct = cell(row, '担当組織からの支出', flag);
    const to = blockId(row, '支出先の支出先ブロック');
    const fromBlock = blockId(row, '支出元の支出先ブロック');
    const toName = text(row.get('支出先の支出先ブロック名'));
    if (to !== null && toName !== null && !part.blockNames.has(to)) part.blockNames.set(to, toName);
    const fromName = text(row.get('支出元の支出先ブロック名'));
    if (direct !== true && fromBlock !== null && fromName !== null && !part.blockNames.has(fromBlock)) {
      part.blockNames.set(fromBlock, fromName);
    }
    const from = direct === true ? 'ministry' : fromBlock;
    // Rows of 国自らが支出する間接経費 (the ministry's own indirect costs) are not edges of the graph: they
    // are kept as `indirectCosts`. A row may in principle carry both an edge and an indirect cost.
    const indirect = {
      label: text(row.get('国自らが支出する間接経費')),
      item: text(row.get('国自らが支出する間接経費の項目')),
      amount: cell(row, '国自らが支出する間接経費の金額', yen),
    };
    const hasIndirect = indirect.label !== null || indirect.item !== null || indirect.amount !== null;
    if (hasIndirect) part.indirectCosts.push(indirect);
    if (to === null && fromBlock === null && hasIndirect) return;
    if (to === null || from === null) {
      ctx.warn({
        code: 'layout',
        section: 'flows',
        message: `表5-2の${row.line}行目は${to === null ? '支出先の支出先ブロック' : '支出元の支出先ブロック'}が空欄のため、資金の流れに含めていません。`,
      });
      return;
    }
    const note = text(row.get('資金の流れの補足情報'));
    const known = part.flows.find((f) => f.from === from && f.to === to);
    const sourceName = direct === true ? fromName : null;
    if (!known) part.flows.push({ from, to, amount: null, inferred: false, note, sourceName });
    else if (note !== null && !(known.note ?? '').split('\n').includes(note)) known.note = known.note === null ? note : `${known.note}\n${note}`;
  },
};

export const expenses: Mapper<'5-3'> = {
  init: () => ({ blocks: new Map() }),
  add(part, row) {
    const block = blockId(row, '支出先ブロック番号');
    if (block === null) throw new RowError('支出先ブロック番号', '支出先ブロック番号 is blank on a row with data');
    const entry = part.blocks.get(block) ?? { payee: null, expenses: [] };
    entry.payee ??= text(row.get('支出先名'));
    const line = {
      category: text(row.get('費目')),
      purpose: text(row.get('使途')),
      amount: cell(row, '金額', yen),
      subcontractor: null,
      payee: text(row.get('支出先名')),
      corporateNumber: text(row.get('法人番号'))?.normalize('NFKC') ?? null,
      contract: text(row.get('契約概要')),
    };
    if (line.category !== null || line.purpose !== null || line.amount !== null || line.payee !== null || line.contract !== null) {
      entry.expenses.push(line);
    }
    part.blocks.set(block, entry);
  },
};

/** 5-4 column names end with this qualifier; it is left out below for readability. */
const Q = '（国庫債務負担行為等による契約）';

export const multiYearContracts: Mapper<'5-4'> = {
  init: () => ({ contracts: [] }),
  add(part, row, ctx) {
    const where = 'multiYearContracts';
    part.contracts.push({
      block: blockId(row, `支出先ブロック${Q}`),
      name: text(row.get(`契約先名${Q}`)),
      corporateNumber: text(row.get(`契約先の法人番号${Q}`))?.normalize('NFKC') ?? null,
      location: text(row.get(`契約先の所在地${Q}`)),
      corporateType: text(row.get(`契約先の法人種別${Q}`)),
      description: text(row.get(`契約概要（契約名）${Q}`)),
      amount: cell(row, `契約額${Q}`, yen, ctx, where),
      method: text(row.get(`契約方式等${Q}`)),
      specificMethod: text(row.get(`具体的な契約方式等${Q}`)),
      bidders: cell(row, `入札者数（応募者数）${Q}`, count, ctx, where),
      winningBidRate: cell(row, `落札率（％）${Q}`, percentToFraction, ctx, where),
      singleBidReason: text(row.get(`一者応札・一者応募又は競争性のない随意契約となった理由及び改善策（契約額10億円以上）${Q}`)),
      other: cell(row, 'その他の契約', flag, ctx, where),
      otherMultiYear: cell(row, `その他の契約${Q}`, flag, ctx, where),
    });
  },
};
