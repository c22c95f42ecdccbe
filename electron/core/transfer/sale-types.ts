// THE sale-type policy: which lines of a business day count, with which sign, and which voids are
// waste. One table, read by the posting path for every source; the README quotes it. Lightspeed's
// eleven types are its Financial V2 enum (../shared/reference/lightspeed-sale-types.md has the
// evidence); a sale of a type not in the table holds the whole day until the table knows it.
import { DomainError } from '../domain-error';
import type { DayLine } from '../sales/sales-cache';

/**
 * signed:   every line counts with its sign, netted per item over the day's accounts — a reopened
 *           bill nets to what was finally sold, a voided line to zero, a split bill to its whole.
 * refund:   nets inside a chain that also holds a RECALL; alone, nothing comes back (the dish was
 *           made) unless the setting "Refunds put stock back" is on.
 * nothing:  counts nothing; an item line on it is named in the log.
 * positive: sources whose contract has no sale types count their positive lines only (a negative
 *           Sides position is a storno; a CSV row is a sale).
 */
type Rule = 'signed' | 'refund' | 'nothing' | 'positive';

export const SALE_TYPE_RULES: Readonly<Record<string, Rule>> = {
  // Lightspeed K-Series (financial-apiSale.type)
  SALE: 'signed',
  RECALL: 'signed',
  SPLIT: 'signed',
  VOID: 'signed',
  UPDATE: 'signed',
  CANCEL: 'signed',
  CROSS_BL: 'signed',
  TRANSFER: 'signed',
  REFUND: 'refund',
  FLOAT: 'nothing',
  // An account still open at the end of the day: its items count on the day it closes.
  TRANSITORY: 'nothing',
  // Sides POS order states (only closed orders sell) and CSV rows
  CLOSED: 'positive',
  OPEN: 'nothing',
  CANCELLED: 'nothing',
  CSV: 'positive',
};

/** The two settings the policy reads (Settings → Sales). */
export interface SalesRules {
  /** "Refunds put stock back": a refund outside a reopened bill restocks what it refunds. */
  refundsRestock: boolean;
  /** "Voids that are waste": a line voided for one of these reasons was made and thrown away. */
  wasteVoidReasons: readonly string[];
}

export const DEFAULT_SALES_RULES: SalesRules = { refundsRestock: false, wasteVoidReasons: ['Broken', 'Cooking', 'Taste', 'Unhappy Client'] };

export interface DayPolicy {
  /** Whether the line takes from (or, negative, gives back to) stock. */
  counts(line: DayLine): boolean;
  /** The void reason when the line's voided quantity is waste, else null. */
  wasteReason(line: DayLine): string | null;
  /** Item lines that count nothing by their type (`not_counted:<TYPE>:<name>`) or lack a quantity (`line_without_quantity:<name>`), for the log. */
  notCounted: string[];
}

/**
 * The policy over one day's lines. Throws lightspeed_unknown_sale_type, naming the types, when a sale
 * has a type the table does not know: nothing of the day is posted until it does.
 */
export function dayPolicy(lines: readonly DayLine[], rules: SalesRules, date: string): DayPolicy {
  const unknown = [...new Set(lines.map((line) => line.saleType))].filter((type) => !Object.hasOwn(SALE_TYPE_RULES, type));
  if (unknown.length > 0) {
    throw new DomainError(
      'lightspeed_unknown_sale_type',
      `The POS sent sales of type ${unknown.join(', ')} on ${date}, which Larder does not know how to count yet; nothing of the day was posted.`,
    );
  }
  const recalled = new Set(lines.filter((line) => line.saleType === 'RECALL' && line.chainId !== null).map((line) => line.chainId));
  const wasteReasons = new Set(rules.wasteVoidReasons.map((reason) => reason.toLowerCase()));
  const notCounted = new Set<string>();
  const counts = (line: DayLine): boolean => {
    if (line.quantity === null || line.quantity === 0 || !line.name?.trim() || line.saleCancelled) return false;
    switch (SALE_TYPE_RULES[line.saleType] as Rule) {
      case 'signed':
        return true;
      case 'positive':
        return line.quantity > 0;
      case 'refund':
        return (line.chainId !== null && recalled.has(line.chainId)) || rules.refundsRestock;
      case 'nothing':
        return false;
    }
  };
  for (const line of lines) {
    // A line the POS sent without a readable quantity counts nothing; the log names it.
    if (line.quantity === null && line.name?.trim() && !line.saleCancelled) notCounted.add(`line_without_quantity:${line.name}`);
    if (SALE_TYPE_RULES[line.saleType] === 'nothing' && !line.saleCancelled && line.name?.trim() && line.quantity) notCounted.add(`not_counted:${line.saleType}:${line.name}`);
  }
  return {
    counts,
    wasteReason: (line) => (line.voidReason !== null && line.quantity !== null && line.quantity < 0 && wasteReasons.has(line.voidReason.toLowerCase()) && counts(line) ? line.voidReason : null),
    notCounted: [...notCounted].sort(),
  };
}
