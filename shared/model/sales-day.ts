// The neutral sales day: what every polled source (Lightspeed, Sides) hands the engine for one
// business day of one location, in Larder's words and no POS's. Each source's adapter maps its wire
// format onto it (sources/lightspeed/lightspeed-days.ts, sources/sides/sides-client.ts); the sales
// cache stores it and the posting path reads it back. Decimal texts stay as the POS wrote them.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';

/** A sold line. A negative quantity reverses: a refund, a void, the undone half of a reopened bill. */
export const soldLineSchema = z.object({
  /** The POS's id of the line, unique within the sale; a source that sends none derives a stable one. */
  lineId: z.string().min(1),
  /** The line this one modifies (a modifier's dish), or null. */
  parentLineId: z.string().nullable(),
  /** The POS's own item id, where the source names one: the first way a line is matched. */
  posItemId: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  quantity: decimalOutput.nullable(),
  /** The line's net sales value: without tax where the POS says it, else with tax. */
  netAmount: decimalOutput.nullable(),
  /** The POS's accounting group (Food, Drinks …), by name. */
  accountingGroup: z.string().nullable(),
  /** Why the line was voided after it was ordered (Broken, Taste …), or null. */
  voidReason: z.string().nullable(),
});

/** A sale (an account, a receipt, an order) with its lines. */
export const saleSchema = z.object({
  /** The POS's stable key of the sale: a re-fetched day updates the sale of the same id. */
  saleId: z.string().min(1),
  receiptId: z.string().nullable(),
  /** The POS's sale type, upper case (SALE, RECALL, VOID …): the sale-type policy reads it. */
  type: z.string(),
  /** A cancelled sale counts nothing. */
  cancelled: z.boolean(),
  closedAt: z.string(),
  /**
   * The first account of the sale's chain: a reopened bill, its reversal and the bill again, a split
   * bill's parts, a refund of a sale all name it; null when the POS names none (the sale is its own).
   */
  chainId: z.string().nullable(),
  lines: z.array(soldLineSchema),
});

export const fetchedDaySchema = z.object({
  sales: z.array(saleSchema),
  /** False while the POS has not closed the day: the nightly run comes back for it. */
  dataComplete: z.boolean(),
  nextStartOfDay: z.string().nullable(),
});

export type FetchedLine = z.infer<typeof soldLineSchema>;
export type FetchedSale = z.infer<typeof saleSchema>;
export type FetchedDay = z.infer<typeof fetchedDaySchema>;
