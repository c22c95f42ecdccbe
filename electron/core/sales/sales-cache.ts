// The local cache of a location's sales, one business day at a time: a fetched day (the neutral
// sales day of shared/model/sales-day.ts) stored and read back, a CSV upload's rows, and what reports read
// from them. The only module that writes sales, sales_lines, sales_fetches, sold_items and sold_item_days.
import type { LarderDb } from '../db/open-database';
import { MONEY_SCALE, QUANTITY_SCALE, scaledFromPosText } from '../decimal/decimal';
import type { FetchedDay, FetchedLine } from '../../../shared/model/sales-day';
import type { DayFetcher, SalesDay } from '../sources/sales-day';

export interface DayLine {
  /** Our row id in sales_lines: what the ledger's trace points at. */
  rowId: number;
  lineId: string;
  /** The POS's item id where the source sends one (Sides' product id): the first way a line is matched. */
  itemId: string | null;
  parentLineId: string | null;
  sku: string | null;
  name: string | null;
  /** Quantity scale; null when Lightspeed sent none. */
  quantity: number | null;
  /** Money scale: the line's net sales value (without tax where Lightspeed sent it), 0 when it sent none. */
  netAmount: number | null;
  saleType: string;
  saleCancelled: boolean;
  /** The sale's chain (sales-day.ts): a refund nets when its chain holds a reopened bill. */
  chainId: string | null;
  voidReason: string | null;
  accountingGroup: string | null;
}

export interface CachedDay {
  dataComplete: boolean;
  nextStartOfDay: string | null;
  fetchedAt: string;
  salesCount: number;
}

/**
 * Days fetched before a transfer asks for them: `toFetch` lists, in the order they will be asked for,
 * the days that will be fetched (not read from the cache). Once a day's sales have arrived, the next
 * day of the list (of the same location or another) is asked for, so Lightspeed prepares it while
 * this day is stored instead of the two taking turns; its answer is held as bytes and read when its
 * day is asked for. A day is handed out once; asking again (a retry) fetches it afresh.
 */
export function readAhead(days: DayFetcher, toFetch: readonly SalesDay[]) {
  const keyOf = (day: SalesDay) => `${day.businessLocationId}|${day.date}`;
  const following = new Map(toFetch.slice(0, -1).map((day, index) => [keyOf(day), toFetch[index + 1] as SalesDay]));
  const pending = new Map<string, Promise<unknown>>();
  const request = (day: SalesDay) => days.request(day);
  return async (day: SalesDay): Promise<FetchedDay> => {
    const fetching = pending.get(keyOf(day)) ?? request(day);
    pending.delete(keyOf(day));
    const answer = await fetching;
    const next = following.get(keyOf(day));
    if (next && !pending.has(keyOf(next))) {
      const ahead = request(next);
      // A day fetched ahead and never asked for (a cancelled migration, a location whose next day is not closed) must not crash the process.
      ahead.catch(() => undefined);
      pending.set(keyOf(next), ahead);
    }
    return days.read(answer, day);
  };
}

export async function cachedDay(db: LarderDb, locationId: number, date: string): Promise<CachedDay | null> {
  const row = await db
    .statement(
      `SELECT f.data_complete AS dataComplete, f.next_start_of_day AS nextStartOfDay, f.fetched_at AS fetchedAt,
              (SELECT count(*) FROM sales s WHERE s.location_id = f.location_id AND s.business_date = f.business_date) AS salesCount
       FROM sales_fetches f WHERE f.location_id = ? AND f.business_date = ?`,
    )
    .get(locationId, date) as { dataComplete: number; nextStartOfDay: string | null; fetchedAt: string; salesCount: number } | undefined;
  return row ? { ...row, dataComplete: row.dataComplete === 1 } : null;
}

/**
 * Replaces the cached sales of the day with what Lightspeed sent, and answers the day's lines as
 * dayLines would read them back. Lines keep their row ids (upsert by sale and Lightspeed line id),
 * because the ledger's trace points at them; a line gone upstream is dropped unless it is in `posted`
 * (a forced transfer deletes the day's entries first and passes none, so after it the cache holds
 * exactly what Lightspeed returns now). Runs inside the caller's transaction.
 */
export async function storeDay(db: LarderDb, locationId: number, date: string, day: FetchedDay, at: string, posted: ReadonlySet<number>): Promise<DayLine[]> {
  // One object per line, made once: its row id is filled in when the line is stored.
  const lines: (DayLine & { closedAt: string })[] = [];
  const triples: [string, string, string][] = [];
  for (const fetched of day.sales) {
    for (const line of fetched.lines) {
      const name = line.name || null;
      const itemId = line.posItemId;
      triples.push([itemId ?? '', line.sku ?? '', name ?? '']);
      lines.push({
        rowId: 0,
        lineId: line.lineId,
        itemId,
        parentLineId: line.parentLineId,
        sku: line.sku,
        name,
        quantity: line.quantity ? scaledFromPosText(line.quantity, QUANTITY_SCALE, 'lightspeed_api_error', `Line ${line.lineId} quantity`) : null,
        netAmount: lineAmount(line),
        saleType: fetched.type,
        saleCancelled: fetched.cancelled,
        chainId: fetched.chainId,
        voidReason: line.voidReason,
        accountingGroup: line.accountingGroup,
        closedAt: fetched.closedAt,
      });
    }
  }
  const toStore = { sales: day.sales, lines, soldItemIds: await soldItemIds(db, triples) };
  const fresh = await isNewDay(db, locationId, day);
  // A sale stored under another business day moves here; that day's sums change too.
  const movedFrom = fresh
    ? []
    : (await db
        .statement('SELECT DISTINCT business_date FROM sales WHERE location_id = ? AND business_date <> ? AND account_reference IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(locationId, date, JSON.stringify(day.sales.map((fetched) => fetched.saleId))) as string[]);
  const rowIds = fresh ? await insertNewDay(db, locationId, date, toStore) : await upsertDay(db, locationId, date, toStore);
  rowIds.forEach((rowId, index) => ((lines[index] as DayLine).rowId = rowId));

  const daySales = 'SELECT id FROM sales WHERE location_id = ? AND business_date = ?';
  await db.statement(`DELETE FROM sales_lines WHERE sale_id IN (${daySales}) AND id NOT IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) AND id NOT IN (SELECT CAST(value AS BIGINT) FROM json_each(?))`).run(
    locationId,
    date,
    JSON.stringify(rowIds),
    JSON.stringify([...posted]),
  );
  await db.statement(
    `DELETE FROM sales WHERE location_id = ? AND business_date = ? AND account_reference NOT IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM sales_lines l WHERE l.sale_id = sales.id)`,
  ).run(locationId, date, JSON.stringify(day.sales.map((fetched) => fetched.saleId)));
  await db.statement(
    `INSERT INTO sales_fetches (location_id, business_date, fetched_at, data_complete, next_start_of_day) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (location_id, business_date) DO UPDATE SET fetched_at = excluded.fetched_at, data_complete = excluded.data_complete,
       next_start_of_day = excluded.next_start_of_day`,
  ).run(locationId, date, at, day.dataComplete ? 1 : 0, day.nextStartOfDay);
  for (const stale of [date, ...movedFrom]) await sumSoldItems(db, locationId, stale);
  // The day now holds exactly these lines and the posted ones: read it back only when a posted line
  // Lightspeed no longer sends was kept, or the answer named a line twice.
  const stored = new Set(rowIds);
  if (stored.size !== rowIds.length || [...posted].some((rowId) => !stored.has(rowId))) return await dayLines(db, locationId, date);
  // The order dayLines reads them in: by closing time, then row id.
  return lines.sort((a, b) => (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : a.rowId - b.rowId));
}

/** A day's sales and, in the same order, all their lines and what each sold. */
interface DayToStore {
  sales: FetchedDay['sales'];
  lines: DayLine[];
  soldItemIds: number[];
}

const SALE_COLUMNS = ['id', 'location_id', 'business_date', 'account_reference', 'receipt_id', 'type', 'cancelled', 'time_closed', 'chain_id'] as const;
const LINE_COLUMNS = ['id', 'sale_id', 'line_id', 'parent_line_id', 'sold_item_id', 'quantity', 'net_amount', 'void_reason', 'accounting_group'] as const;

/** A day none of whose sales is stored yet (the usual case: a migration's or the nightly run's first fetch), each sale and line once. */
async function isNewDay(db: LarderDb, locationId: number, day: FetchedDay): Promise<boolean> {
  const references = new Set(day.sales.map((fetched) => fetched.saleId));
  if (references.size !== day.sales.length) return false;
  if (day.sales.some((fetched) => new Set(fetched.lines.map((line) => line.lineId)).size !== fetched.lines.length)) return false;
  const stored = await db.statement('SELECT count(*) AS n FROM sales WHERE location_id = ? AND account_reference IN (SELECT value FROM json_each(?))').get(locationId, JSON.stringify([...references])) as {
    n: number;
  };
  return stored.n === 0;
}

/** A new day's sales and lines, inserted many to a statement with ids taken up front; answers the lines' row ids in order. */
async function insertNewDay(db: LarderDb, locationId: number, date: string, day: DayToStore): Promise<number[]> {
  const saleIds = await db.newIds('sales', day.sales.length);
  const rowIds = await db.newIds('sales_lines', day.lines.length);
  const saleValues: unknown[] = [];
  const lineValues: unknown[] = [];
  let next = 0;
  day.sales.forEach((fetched, index) => {
    const saleId = saleIds[index];
    saleValues.push(saleId, locationId, date, fetched.saleId, fetched.receiptId, fetched.type, fetched.cancelled ? 1 : 0, fetched.closedAt, fetched.chainId);
    for (let count = fetched.lines.length; count > 0; count--, next++) {
      const line = day.lines[next] as DayLine;
      lineValues.push(rowIds[next], saleId, line.lineId, line.parentLineId, day.soldItemIds[next], line.quantity, line.netAmount, line.voidReason, line.accountingGroup);
    }
  });
  await db.insertMany('sales', SALE_COLUMNS, saleValues);
  await db.insertMany('sales_lines', LINE_COLUMNS, lineValues);
  return rowIds;
}

/** A day fetched before: every sale and line upserted by its key, so the row ids the trace points at stay. */
async function upsertDay(db: LarderDb, locationId: number, date: string, day: DayToStore): Promise<number[]> {
  const upsertSale = db.statement(
    `INSERT INTO sales (location_id, business_date, account_reference, receipt_id, type, cancelled, time_closed, chain_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (location_id, account_reference) DO UPDATE SET business_date = excluded.business_date, receipt_id = excluded.receipt_id,
       type = excluded.type, cancelled = excluded.cancelled, time_closed = excluded.time_closed, chain_id = excluded.chain_id
     RETURNING id`,
  );
  const upsertLine = db.statement(
    `INSERT INTO sales_lines (sale_id, line_id, parent_line_id, sold_item_id, quantity, net_amount, void_reason, accounting_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sale_id, line_id) DO UPDATE SET parent_line_id = excluded.parent_line_id, sold_item_id = excluded.sold_item_id,
       quantity = excluded.quantity, net_amount = excluded.net_amount, void_reason = excluded.void_reason, accounting_group = excluded.accounting_group
     RETURNING id`,
  );
  const rowIds: number[] = [];
  let next = 0;
  for (const fetched of day.sales) {
    const { id: saleId } = await upsertSale.get(locationId, date, fetched.saleId, fetched.receiptId, fetched.type, fetched.cancelled ? 1 : 0, fetched.closedAt, fetched.chainId) as {
      id: number;
    };
    for (let count = fetched.lines.length; count > 0; count--, next++) {
      const line = day.lines[next] as DayLine;
      rowIds.push((await upsertLine.get(saleId, line.lineId, line.parentLineId, day.soldItemIds[next], line.quantity, line.netAmount, line.voidReason, line.accountingGroup) as { id: number }).id);
    }
  }
  return rowIds;
}

/**
 * The ids of the day's (item id, SKU, name) triples in sold_items, in the order asked, each added on
 * first sight. The day's items are read in one statement (by item id and SKU, which lead the unique index),
 * not one a line: on PostgreSQL each statement is a round trip, and a busy day names hundreds.
 */
async function soldItemIds(db: LarderDb, triples: readonly (readonly [string, string, string])[]): Promise<number[]> {
  const keyOf = (itemRef: string, sku: string, name: string) => `${itemRef}\u0000${sku}\u0000${name}`;
  const known = new Map<string, number>();
  const distinct = (column: 0 | 1) => JSON.stringify([...new Set(triples.map((triple) => triple[column]))]);
  const rows = (await db
    .statement('SELECT id, item_ref AS itemRef, sku, name FROM sold_items WHERE item_ref IN (SELECT value FROM json_each(?)) AND sku IN (SELECT value FROM json_each(?))')
    .all(distinct(0), distinct(1))) as { id: number; itemRef: string; sku: string; name: string }[];
  for (const row of rows) known.set(keyOf(row.itemRef, row.sku, row.name), row.id);
  // Another process may add the same triple at the same moment (on PostgreSQL nothing else keeps them
  // apart): the unique index admits one row, and the loser waits for the winner's commit and reads it.
  // New triples go in one order for every process (by key): two days of one location adding the same
  // items first-seen in opposite orders would each wait for the other's, a deadlock PostgreSQL ends by
  // failing one transfer (the four-process test met it).
  const add = db.statement('INSERT INTO sold_items (item_ref, sku, name) VALUES (?, ?, ?) ON CONFLICT (item_ref, sku, name) DO NOTHING RETURNING id').pluck();
  const find = db.statement('SELECT id FROM sold_items WHERE item_ref = ? AND sku = ? AND name = ?').pluck();
  const missing = new Map<string, readonly [string, string, string]>();
  for (const triple of triples) {
    const key = keyOf(...triple);
    if (!known.has(key)) missing.set(key, triple);
  }
  for (const key of [...missing.keys()].sort()) {
    const [itemRef, sku, name] = missing.get(key) as readonly [string, string, string];
    known.set(key, ((await add.get(itemRef, sku, name)) ?? (await find.get(itemRef, sku, name))) as number);
  }
  return triples.map((triple) => known.get(keyOf(...triple)) as number);
}

function lineAmount(line: FetchedLine): number | null {
  return line.netAmount ? scaledFromPosText(line.netAmount, MONEY_SCALE, 'lightspeed_api_error', `Line ${line.lineId} amount`) : null;
}

export async function dayLines(db: LarderDb, locationId: number, date: string): Promise<DayLine[]> {
  const rows = await db
    .statement(
      `SELECT l.id AS rowId, l.line_id AS lineId, nullif(i.item_ref, '') AS itemId, l.parent_line_id AS parentLineId, nullif(i.sku, '') AS sku, nullif(i.name, '') AS name, l.quantity,
              l.net_amount AS netAmount, s.type AS saleType, s.cancelled AS saleCancelled, s.chain_id AS chainId, l.void_reason AS voidReason,
              l.accounting_group AS accountingGroup
       FROM sales s JOIN sales_lines l ON l.sale_id = s.id JOIN sold_items i ON i.id = l.sold_item_id
       WHERE s.location_id = ? AND s.business_date = ? ORDER BY s.time_closed, l.id`,
    )
    .all(locationId, date) as (Omit<DayLine, 'saleCancelled'> & { saleCancelled: number })[];
  return rows.map((row) => ({ ...row, saleCancelled: row.saleCancelled === 1 }));
}

/** A CSV row as a sale (one sale a row, so its external id is the receipt): one line per code of the row. */
export interface UploadedSale {
  saleId: string;
  receiptId: string | null;
  /** CSV for a sale row, REFUND for a refund row (refund_rows), VOID for a negative row counted (negative_rows): the sale-type policy counts each. */
  type: 'CSV' | 'REFUND' | 'VOID';
  lines: { lineId: string; parentLineId: string | null; sku: string; name: string; quantity: number; netAmount: number | null }[];
}

const UPLOADED_SALE_COLUMNS = [...SALE_COLUMNS, 'csv_upload_id'] as const;

/**
 * A CSV upload's rows of one location-day, stored as sales and lines like a fetched day's, so the
 * transfer, the trace and `ledger show` treat them alike; answers the lines. Runs inside the caller's
 * transaction.
 */
export async function storeUploadedDay(db: LarderDb, locationId: number, date: string, uploadId: number, uploaded: UploadedSale[], at: string): Promise<DayLine[]> {
  const soldItems = await soldItemIds(db, uploaded.flatMap((sale) => sale.lines.map((line) => ['', line.sku, line.name] as const)));
  const saleIds = await db.newIds('sales', uploaded.length);
  const rowIds = await db.newIds('sales_lines', uploaded.reduce((sum, sale) => sum + sale.lines.length, 0));
  const saleValues: unknown[] = [];
  const lineValues: unknown[] = [];
  const lines: DayLine[] = [];
  for (const [index, sale] of uploaded.entries()) {
    const saleId = saleIds[index];
    saleValues.push(saleId, locationId, date, sale.saleId, sale.receiptId, sale.type, 0, at, null, uploadId);
    for (const line of sale.lines) {
      const rowId = rowIds[lines.length] as number;
      lineValues.push(rowId, saleId, line.lineId, line.parentLineId, soldItems[lines.length], line.quantity, line.netAmount, null, null);
      lines.push({
        rowId,
        lineId: line.lineId,
        itemId: null,
        parentLineId: line.parentLineId,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        netAmount: line.netAmount,
        saleType: sale.type,
        saleCancelled: false,
        chainId: null,
        voidReason: null,
        accountingGroup: null,
      });
    }
  }
  await db.insertMany('sales', UPLOADED_SALE_COLUMNS, saleValues);
  await db.insertMany('sales_lines', LINE_COLUMNS, lineValues);
  await sumSoldItems(db, locationId, date);
  return lines;
}

/** The sales lines a CSV upload stored. */
export async function uploadedSalesLineIds(db: LarderDb, uploadId: number): Promise<number[]> {
  return await db.statement('SELECT l.id FROM sales s JOIN sales_lines l ON l.sale_id = s.id WHERE s.csv_upload_id = ?').pluck().all(uploadId) as number[];
}

/** A reverted upload's sales and their lines go (after the ledger withdrew their trace). */
export async function deleteUploadedSales(db: LarderDb, uploadId: number): Promise<void> {
  const days = await db.statement('SELECT DISTINCT location_id AS locationId, business_date AS date FROM sales WHERE csv_upload_id = ?').all(uploadId) as { locationId: number; date: string }[];
  await db.statement('DELETE FROM sales_lines WHERE sale_id IN (SELECT id FROM sales WHERE csv_upload_id = ?)').run(uploadId);
  await db.statement('DELETE FROM sales WHERE csv_upload_id = ?').run(uploadId);
  for (const day of days) await sumSoldItems(db, day.locationId, day.date);
}

/**
 * The day's sold_item_days rows, summed again from its stored sales: sold lines only (positive,
 * named, not voided or cancelled), what mapping coverage and the work list weigh.
 */
async function sumSoldItems(db: LarderDb, locationId: number, date: string): Promise<void> {
  await db.statement('DELETE FROM sold_item_days WHERE location_id = ? AND business_date = ?').run(locationId, date);
  await db.statement(
    `INSERT INTO sold_item_days (location_id, business_date, sold_item_id, lines, units, value)
     SELECT @location, @date, l.sold_item_id, count(*), sum(l.quantity), sum(coalesce(l.net_amount, 0))
     FROM sales s JOIN sales_lines l ON l.sale_id = s.id JOIN sold_items i ON i.id = l.sold_item_id
     WHERE s.location_id = @location AND s.business_date = @date AND l.quantity > 0 AND trim(i.name) <> '' AND s.type <> 'VOID' AND s.cancelled = FALSE
     GROUP BY l.sold_item_id`,
  ).run({ location: locationId, date });
}

/** What each item sold at a location between two business dates (inclusive), from the day sums. */
export async function itemsSold(db: LarderDb, locationId: number, from: string, to: string): Promise<SoldItemTotal[]> {
  return await db
    .statement(
      `SELECT nullif(i.item_ref, '') AS itemId, nullif(i.sku, '') AS sku, i.name, sum(d.value) AS value, sum(d.units) AS units, sum(d.lines) AS lines
       FROM sold_item_days d JOIN sold_items i ON i.id = d.sold_item_id
       WHERE d.location_id = ? AND d.business_date BETWEEN ? AND ? GROUP BY i.id`,
    )
    .all(locationId, from, to) as SoldItemTotal[];
}

/** A location's net sales per business day between two dates (inclusive), sold lines only, from the day sums (money scale). */
export async function salesByDay(db: LarderDb, locationId: number, from: string, to: string): Promise<{ date: string; sales: number }[]> {
  return await db
    .statement('SELECT business_date AS date, sum(value) AS sales FROM sold_item_days WHERE location_id = ? AND business_date BETWEEN ? AND ? GROUP BY business_date')
    .all(locationId, from, to) as { date: string; sales: number }[];
}

/** An item's sales over a period: its POS ids, and quantity and money at their scales. */
export interface SoldItemTotal {
  itemId: string | null;
  sku: string | null;
  name: string;
  value: number;
  units: number;
  lines: number;
}

/**
 * The stored sales of a location-day per accounting group, as the POS's own day totals count them:
 * every line of every sale not cancelled, signed (the assumption about Lightspeed's aggregatedSales
 * that stays until a partner account shows otherwise; reconciliation.ts compares the two).
 */
export async function salesByGroup(db: LarderDb, locationId: number, date: string): Promise<{ group: string; amount: number; lines: number }[]> {
  return await db
    .statement(
      `SELECT coalesce(l.accounting_group, '') AS "group", sum(coalesce(l.net_amount, 0)) AS amount, count(*) AS lines
       FROM sales s JOIN sales_lines l ON l.sale_id = s.id WHERE s.location_id = ? AND s.business_date = ? AND s.cancelled = FALSE GROUP BY 1`,
    )
    .all(locationId, date) as { group: string; amount: number; lines: number }[];
}
