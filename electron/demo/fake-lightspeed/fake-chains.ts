// The sale chains real K-Series days hold and generated fake days do not, built as Lightspeed's
// Financial V2 contract describes them (../shared/reference/lightspeed-sale-types.md): a reopened bill,
// a split bill, a voided line, a void of an earlier sale, a transitory account, a refund, a float, and
// sales with the optional fields left out. Tests and the demo story put them on a day with setDaySales.
import { handMadeSale, type FakeSale, type WireSale } from './fake-data';

export interface ChainLine {
  name: string;
  sku: string;
  quantity: string;
  amount?: string;
}

const negate = (text: string) => (text.startsWith('-') ? text.slice(1) : `-${text}`);
const lineId = (account: string, n: number) => `L-${account}.${n}`;

/** A sale of `type` under account `account`, linked to its chain's first account. */
function account(account: string, at: string, lines: ChainLine[], type: string, chain: { initial: string; previous: string | null }): FakeSale {
  const sale = handMadeSale(
    account,
    at,
    lines.map((line, n) => ({ id: lineId(account, n + 1), name: line.name, sku: line.sku, quantity: line.quantity, ...(line.amount ? { amount: line.amount } : {}) })),
    type,
  );
  return { ...sale, cancelled: false, source: { initialAccountId: chain.initial, previousAccountId: chain.previous } };
}

const reversed = (lines: ChainLine[]) => lines.map((line) => ({ ...line, quantity: negate(line.quantity), ...(line.amount ? { amount: negate(line.amount) } : {}) }));

/**
 * A bill closed, reopened and closed again: the original SALE, a RECALL reversing it, and a RECALL
 * with the bill as finally paid (`again`, the same lines unless the guest added something).
 */
export function reopenedBill(ref: string, at: string, lines: ChainLine[], again: ChainLine[] = lines): FakeSale[] {
  const first = `A-${ref}`;
  return [
    account(ref, at, lines, 'SALE', { initial: first, previous: null }),
    account(`${ref}-reversal`, at, reversed(lines), 'RECALL', { initial: first, previous: first }),
    account(`${ref}-again`, at, again, 'RECALL', { initial: first, previous: `A-${ref}-reversal` }),
  ];
}

/** A bill split over three seats: three SPLIT accounts sharing each line (0.333, 0.333, 0.334 of one). */
export function splitBill(ref: string, at: string, lines: ChainLine[]): FakeSale[] {
  const first = `A-${ref}`;
  const thirds = ['0.333', '0.333', '0.334'];
  return thirds.map((third, seat) =>
    account(
      `${ref}-seat${seat + 1}`,
      at,
      lines.map((line) => ({ ...line, quantity: (Number(line.quantity) * Number(third)).toFixed(3) })),
      'SPLIT',
      { initial: first, previous: first },
    ),
  );
}

/** A SALE in which one item was ordered and then voided with a reason: its +1 line and a −1 line carrying the reason. */
export function voidedLine(ref: string, at: string, kept: ChainLine[], voided: ChainLine, reason: string): FakeSale {
  const sale = account(ref, at, [...kept, voided, { ...voided, quantity: negate(voided.quantity), ...(voided.amount ? { amount: negate(voided.amount) } : {}) }], 'SALE', {
    initial: `A-${ref}`,
    previous: null,
  });
  const last = sale.salesLines.at(-1) as FakeSale['salesLines'][number];
  last.voidReason = reason;
  return sale;
}

/** A VOID of an earlier sale (of this day or an earlier one): its lines negated, linked to the sale it voids. */
export function voidOf(original: FakeSale, ref: string, at: string): FakeSale {
  const lines = original.salesLines.map((line) => ({ name: line.name, sku: line.sku, quantity: negate(line.quantity), amount: negate(line.totalNetAmountWithoutTax) }));
  return account(ref, at, lines, 'VOID', { initial: original.accountFiscId, previous: original.accountFiscId });
}

/** An account still open at the end of the day, carried to the next one: its items count when it closes. */
export function transitory(ref: string, at: string, lines: ChainLine[]): FakeSale {
  return account(ref, at, lines, 'TRANSITORY', { initial: `A-${ref}`, previous: null });
}

/** A refund of an earlier sale, on its own (no reopened bill around it). */
export function refund(ref: string, at: string, of: string, lines: ChainLine[]): FakeSale {
  return account(ref, at, reversed(lines), 'REFUND', { initial: `A-${of}`, previous: `A-${of}` });
}

/** A cash drop: an account with no items. */
export function float(ref: string, at: string): FakeSale {
  return account(ref, at, [], 'FLOAT', { initial: `A-${ref}`, previous: null });
}

/**
 * The sale with every optional field the contract allows to miss left out: no type (a SALE), no
 * closing time (the lines' time of sale stands in), no account reference (the fiscal id is the key),
 * no receipt, no source, and lines without id.
 */
export function sparse(sale: FakeSale): WireSale {
  const { type: _type, timeClosed: _closed, accountReference: _reference, receiptId: _receipt, source: _source, cancelled: _cancelled, ...rest } = sale;
  return { ...rest, salesLines: sale.salesLines.map(({ id: _id, voidReason: _reason, parentLineId: _parent, ...line }) => line) };
}
