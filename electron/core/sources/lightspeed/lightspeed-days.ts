// Lightspeed's business days: sales-daily of a business location (Lightspeed applies the location's
// time zone and start-of-day, so a 01:30 sale lands on the day it belongs to), checked against its
// wire schema and mapped onto the neutral sales day.
import { z } from 'zod';
import type { FetchedDay, FetchedSale } from '../../../../shared/model/sales-day';
import type { DayFetcher } from '../sales-day';
import type { LightspeedApi } from './api-client';
import { type HttpAnswer, parseJsonAnswer } from './lightspeed-http';
import { expectShape } from './response-shape';

// Nothing in a sale or a line is required by Lightspeed's contract (financial-apiSale, -apiLine): every
// field may be missing, and a value of the wrong kind loses that value, not the day.
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A decimal text as sent, or null when it is missing or not a decimal (the line then counts nothing, and is named in the log). */
const decimalOrNull = z.unknown().optional().transform((value) => (typeof value === 'string' && DECIMAL.test(value.trim()) ? value.trim() : null));
const textOrNull = z.unknown().optional().transform((value) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null));

const salesLine = z.object({
  id: textOrNull,
  parentLineId: textOrNull,
  sku: textOrNull,
  name: textOrNull,
  quantity: decimalOrNull,
  totalNetAmountWithoutTax: decimalOrNull,
  totalNetAmountWithTax: decimalOrNull,
  accountingGroup: z.object({ name: textOrNull }).nullish().catch(null),
  voidReason: textOrNull,
  timeOfSale: textOrNull,
});

const sale = z.object({
  accountReference: textOrNull,
  accountFiscId: textOrNull,
  receiptId: textOrNull,
  type: textOrNull,
  cancelled: z.boolean().nullish().catch(null),
  timeOfOpening: textOrNull,
  timeClosed: textOrNull,
  source: z.object({ initialAccountId: textOrNull, previousAccountId: textOrNull }).nullish().catch(null),
  salesLines: z.array(salesLine).nullish(),
});

const salesDaily = z.object({ sales: z.array(sale), nextStartOfDayAsIso8601: z.string().nullish(), dataComplete: z.boolean() });

const salesDailyPath = (businessLocationId: string) => `/f/v2/business-location/${encodeURIComponent(businessLocationId)}/sales-daily`;

/**
 * Lightspeed's own day totals (V1 financial aggregatedSales, same token and scope), per accounting
 * group: `totalAmount` and `numberOfSales` ("the total number of sale lines"). The exact JSON is not
 * published with an example: a bare list, or one under `aggregatedSales`/`data`/`groups`, is read, the
 * group named by `accountingGroup` (text or {name}), `name` or `groupName`.
 */
const amount = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^-?\d+(\.\d+)?$/));
const groupTotal = z.object({
  accountingGroup: z.union([z.string(), z.object({ name: z.string() }).transform((group) => group.name)]).nullish(),
  name: z.string().nullish(),
  groupName: z.string().nullish(),
  totalAmount: amount,
  numberOfSales: z.number().int(),
});
const aggregatedSales = z.union([
  z.array(groupTotal),
  z.object({ aggregatedSales: z.array(groupTotal) }).transform((body) => body.aggregatedSales),
  z.object({ data: z.array(groupTotal) }).transform((body) => body.data),
  z.object({ groups: z.array(groupTotal) }).transform((body) => body.groups),
]);

const aggregatedSalesPath = (businessLocationId: string) => `/f/finance/${encodeURIComponent(businessLocationId)}/aggregatedSales`;

/** Lightspeed's days: sales-daily of a business location, its answer held as bytes until read; and its own totals of a day. */
export function lightspeedDays(api: LightspeedApi): DayFetcher<HttpAnswer> {
  return {
    request: (day) => api.fetch(salesDailyPath(day.businessLocationId), { date: day.date }),
    read: (answer, day) => readDay(answer, day.date),
    async totals(day) {
      const what = `the totals of ${day.date}`;
      const answer = await api.fetch(aggregatedSalesPath(day.businessLocationId), { date: day.date, groupBy: 'accountingGroup' });
      return expectShape(aggregatedSales, parseJsonAnswer(answer, what), what).map((group) => ({
        group: group.accountingGroup ?? group.name ?? group.groupName ?? '',
        amount: group.totalAmount,
        lines: group.numberOfSales,
      }));
    },
  };
}

function readDay(answer: HttpAnswer, date: string): FetchedDay {
  const what = `the sales of ${date}`;
  const body = expectShape(salesDaily, parseJsonAnswer(answer, what), what);
  return { sales: body.sales.map((wire, index) => toSale(wire, index, date)), dataComplete: body.dataComplete, nextStartOfDay: body.nextStartOfDayAsIso8601 ?? null };
}

/**
 * A sale in Larder's words. Its key is the account reference, else its fiscal id or receipt, else its
 * place in the day (Lightspeed lists a day's accounts by closing time, so a re-fetch finds it there
 * again); a line without id is keyed by its sale and its place in the sale, the same on every re-fetch.
 * A missing type is a SALE; a missing closing time is the line's time of sale, else the opening time.
 */
function toSale(wire: z.output<typeof sale>, index: number, date: string): FetchedSale {
  const saleId = wire.accountReference ?? wire.accountFiscId ?? wire.receiptId ?? `${date} account ${index + 1}`;
  const lines = wire.salesLines ?? [];
  return {
    saleId,
    receiptId: wire.receiptId,
    type: (wire.type ?? 'SALE').toUpperCase(),
    cancelled: wire.cancelled === true,
    closedAt: wire.timeClosed ?? lines.find((line) => line.timeOfSale !== null)?.timeOfSale ?? wire.timeOfOpening ?? date,
    chainId: wire.source?.initialAccountId ?? wire.accountFiscId,
    lines: lines.map((line, position) => ({
      lineId: line.id ?? `${saleId}#${position + 1}`,
      parentLineId: line.parentLineId,
      posItemId: null,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      netAmount: line.totalNetAmountWithoutTax ?? line.totalNetAmountWithTax,
      accountingGroup: line.accountingGroup?.name ?? null,
      voidReason: line.voidReason,
    })),
  };
}
