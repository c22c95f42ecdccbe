// A location's sales for one business day: fetched from Lightspeed's sales-daily (Lightspeed applies
// the location's time zone and start-of-day, so a 01:30 sale lands on the day it belongs to), or
// read back from the local cache of an earlier fetch.
import { z } from 'zod';
import type { LarderDb } from '../db/open-database';
import { Decimal, MONEY_SCALE, QUANTITY_SCALE, roundToScale, toScaled } from '../decimal/decimal';
import type { LightspeedApi } from '../lightspeed/api-client';
import { expectShape } from '../lightspeed/response-shape';

const decimalText = z.string().regex(/^-?\d+(\.\d{1,6})?$/, 'a decimal quantity with at most 6 decimals');

const salesLine = z.object({
  id: z.string().min(1),
  parentLineId: z.string().nullish(),
  sku: z.union([z.string(), z.number()]).nullish().transform((sku) => (sku === null || sku === undefined || sku === '' ? null : String(sku))),
  name: z.string().nullish(),
  quantity: decimalText.nullish(),
  totalNetAmountWithoutTax: decimalText.nullish(),
  totalNetAmountWithTax: decimalText.nullish(),
});

const sale = z.object({
  accountReference: z.string().min(1),
  receiptId: z.string().nullish(),
  type: z.string(),
  cancelled: z.boolean().nullish(),
  timeClosed: z.string(),
  salesLines: z.array(salesLine),
});

const salesDaily = z.object({ sales: z.array(sale.passthrough()), nextStartOfDayAsIso8601: z.string().nullish(), dataComplete: z.boolean() });

export interface DayLine {
  /** Our row id in sales_lines: what ledger entries point at. */
  rowId: number;
  lineId: string;
  parentLineId: string | null;
  sku: string | null;
  name: string | null;
  /** Quantity scale; null when Lightspeed sent none. */
  quantity: number | null;
  /** Money scale: the line's net sales value (without tax where Lightspeed sent it), 0 when it sent none. */
  netAmount: number | null;
  saleType: string;
  saleCancelled: boolean;
}

export interface FetchedDay {
  sales: z.output<typeof salesDaily>['sales'];
  dataComplete: boolean;
  nextStartOfDay: string | null;
}

export interface CachedDay {
  dataComplete: boolean;
  nextStartOfDay: string | null;
  fetchedAt: string;
  salesCount: number;
}

export async function fetchDay(api: LightspeedApi, businessLocationId: string, date: string): Promise<FetchedDay> {
  const body = expectShape(salesDaily, await api.get(`/f/v2/business-location/${encodeURIComponent(businessLocationId)}/sales-daily`, { date }), `the sales of ${date}`);
  return { sales: body.sales, dataComplete: body.dataComplete, nextStartOfDay: body.nextStartOfDayAsIso8601 ?? null };
}

export function cachedDay(db: LarderDb, locationId: number, date: string): CachedDay | null {
  const row = db.sqlite
    .prepare(
      `SELECT f.data_complete AS dataComplete, f.next_start_of_day AS nextStartOfDay, f.fetched_at AS fetchedAt,
              (SELECT count(*) FROM sales s WHERE s.location_id = f.location_id AND s.business_date = f.business_date) AS salesCount
       FROM sales_fetches f WHERE f.location_id = ? AND f.business_date = ?`,
    )
    .get(locationId, date) as { dataComplete: number; nextStartOfDay: string | null; fetchedAt: string; salesCount: number } | undefined;
  return row ? { ...row, dataComplete: row.dataComplete === 1 } : null;
}

/**
 * Replaces the cached sales of the day with what Lightspeed sent. Lines keep their row ids (upsert by
 * Lightspeed line id), because the ledger's trace points at them; a line gone upstream is dropped
 * unless it is in `posted` (a forced transfer deletes the day's entries first and passes none, so
 * after it the cache holds exactly what Lightspeed returns now). Runs inside the caller's transaction.
 */
export function storeDay(db: LarderDb, locationId: number, date: string, day: FetchedDay, at: string, posted: ReadonlySet<number>): void {
  const upsertSale = db.sqlite.prepare(
    `INSERT INTO sales (location_id, business_date, account_reference, receipt_id, type, cancelled, time_closed)
     VALUES (@locationId, @date, @accountReference, @receiptId, @type, @cancelled, @timeClosed)
     ON CONFLICT (location_id, account_reference) DO UPDATE SET business_date = excluded.business_date, receipt_id = excluded.receipt_id,
       type = excluded.type, cancelled = excluded.cancelled, time_closed = excluded.time_closed
     RETURNING id`,
  );
  const upsertLine = db.sqlite.prepare(
    `INSERT INTO sales_lines (sale_id, location_id, business_date, line_id, parent_line_id, sku, name, quantity, net_amount)
     VALUES (@saleId, @locationId, @date, @lineId, @parentLineId, @sku, @name, @quantity, @netAmount)
     ON CONFLICT (location_id, line_id) DO UPDATE SET sale_id = excluded.sale_id, business_date = excluded.business_date,
       parent_line_id = excluded.parent_line_id, sku = excluded.sku, name = excluded.name, quantity = excluded.quantity, net_amount = excluded.net_amount`,
  );
  const keptSales: string[] = [];
  const keptLines: string[] = [];
  for (const fetched of day.sales) {
    const { id: saleId } = upsertSale.get({
      locationId,
      date,
      accountReference: fetched.accountReference,
      receiptId: fetched.receiptId ?? null,
      type: fetched.type,
      cancelled: fetched.cancelled ? 1 : 0,
      timeClosed: fetched.timeClosed,
    }) as { id: number };
    keptSales.push(fetched.accountReference);
    for (const line of fetched.salesLines) {
      upsertLine.run({
        saleId,
        locationId,
        date,
        lineId: line.id,
        parentLineId: line.parentLineId ?? null,
        sku: line.sku,
        name: line.name ?? null,
        quantity: line.quantity ? toScaled(new Decimal(line.quantity), QUANTITY_SCALE, 'lightspeed_api_error', `Line ${line.id} quantity`) : null,
        netAmount: netAmount(line),
      });
      keptLines.push(line.id);
    }
  }
  db.sqlite
    .prepare(
      `DELETE FROM sales_lines WHERE location_id = ? AND business_date = ? AND line_id NOT IN (SELECT value FROM json_each(?))
         AND id NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(locationId, date, JSON.stringify(keptLines), JSON.stringify([...posted]));
  db.sqlite
    .prepare(
      `DELETE FROM sales WHERE location_id = ? AND business_date = ? AND account_reference NOT IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.sale_id = sales.id)`,
    )
    .run(locationId, date, JSON.stringify(keptSales));
  db.sqlite
    .prepare(
      `INSERT INTO sales_fetches (location_id, business_date, fetched_at, data_complete, next_start_of_day) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (location_id, business_date) DO UPDATE SET fetched_at = excluded.fetched_at, data_complete = excluded.data_complete,
         next_start_of_day = excluded.next_start_of_day`,
    )
    .run(locationId, date, at, day.dataComplete ? 1 : 0, day.nextStartOfDay);
}

function netAmount(line: z.output<typeof salesLine>): number | null {
  const text = line.totalNetAmountWithoutTax ?? line.totalNetAmountWithTax;
  return text ? toScaled(roundToScale(new Decimal(text), MONEY_SCALE), MONEY_SCALE, 'lightspeed_api_error', `Line ${line.id} amount`) : null;
}

export function dayLines(db: LarderDb, locationId: number, date: string): DayLine[] {
  const rows = db.sqlite
    .prepare(
      `SELECT l.id AS rowId, l.line_id AS lineId, l.parent_line_id AS parentLineId, l.sku, l.name, l.quantity, l.net_amount AS netAmount,
              s.type AS saleType, s.cancelled AS saleCancelled
       FROM sales_lines l JOIN sales s ON s.id = l.sale_id
       WHERE l.location_id = ? AND l.business_date = ? ORDER BY s.time_closed, l.id`,
    )
    .all(locationId, date) as (Omit<DayLine, 'saleCancelled'> & { saleCancelled: number })[];
  return rows.map((row) => ({ ...row, saleCancelled: row.saleCancelled === 1 }));
}
