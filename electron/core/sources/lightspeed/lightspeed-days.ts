// Lightspeed's business days: sales-daily of a business location (Lightspeed applies the location's
// time zone and start-of-day, so a 01:30 sale lands on the day it belongs to), checked against its
// wire schema and mapped onto the neutral sales day.
import { z } from 'zod';
import type { FetchedDay, FetchedSale } from '../../../../shared/model/sales-day';
import type { DayFetcher } from '../sales-day';
import type { LightspeedApi } from './api-client';
import { type HttpAnswer, parseJsonAnswer } from './lightspeed-http';
import { expectShape } from './response-shape';

const decimalText = z.string().regex(/^-?\d+(\.\d{1,6})?$/, 'a decimal quantity with at most 6 decimals');

const salesLine = z.object({
  id: z.string().min(1),
  parentLineId: z.string().nullish(),
  sku: z.union([z.string(), z.number()]).nullish().transform((sku) => (sku === null || sku === undefined || sku === '' ? null : String(sku))),
  name: z.string().nullish(),
  quantity: decimalText.nullish(),
  totalNetAmountWithoutTax: decimalText.nullish(),
  totalNetAmountWithTax: decimalText.nullish(),
  accountingGroup: z.object({ name: z.string().nullish() }).nullish(),
  voidReason: z.string().nullish(),
});

const sale = z.object({
  accountReference: z.string().min(1),
  receiptId: z.string().nullish(),
  type: z.string(),
  cancelled: z.boolean().nullish(),
  timeClosed: z.string(),
  salesLines: z.array(salesLine),
});

const salesDaily = z.object({ sales: z.array(sale), nextStartOfDayAsIso8601: z.string().nullish(), dataComplete: z.boolean() });

const salesDailyPath = (businessLocationId: string) => `/f/v2/business-location/${encodeURIComponent(businessLocationId)}/sales-daily`;

/** Lightspeed's days: sales-daily of a business location, its answer held as bytes until read. */
export function lightspeedDays(api: LightspeedApi): DayFetcher<HttpAnswer> {
  return {
    request: (day) => api.fetch(salesDailyPath(day.businessLocationId), { date: day.date }),
    read: (answer, day) => readDay(answer, day.date),
  };
}

function readDay(answer: HttpAnswer, date: string): FetchedDay {
  const what = `the sales of ${date}`;
  const body = expectShape(salesDaily, parseJsonAnswer(answer, what), what);
  return { sales: body.sales.map(toSale), dataComplete: body.dataComplete, nextStartOfDay: body.nextStartOfDayAsIso8601 ?? null };
}

function toSale(wire: z.output<typeof sale>): FetchedSale {
  return {
    saleId: wire.accountReference,
    receiptId: wire.receiptId ?? null,
    type: wire.type,
    cancelled: wire.cancelled === true,
    closedAt: wire.timeClosed,
    lines: wire.salesLines.map((line) => ({
      lineId: line.id,
      parentLineId: line.parentLineId ?? null,
      posItemId: null,
      sku: line.sku,
      name: line.name ?? null,
      quantity: line.quantity ?? null,
      netAmount: line.totalNetAmountWithoutTax ?? line.totalNetAmountWithTax ?? null,
      accountingGroup: line.accountingGroup?.name ?? null,
      voidReason: line.voidReason ?? null,
    })),
  };
}

