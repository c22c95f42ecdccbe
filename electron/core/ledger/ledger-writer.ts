// The only code that writes ledger_entries and ledger_day_totals. Every change to the entries adds
// up the days it touched again in the same transaction, so the Ledger screen's totals (which read
// the day totals) can never drift from the entries, whoever posts: a transfer, a receipt, and the
// counts, waste and uploads to come. Callers run these inside their own write transaction where
// they say so; each function is also safe alone (SQLite nests it as a savepoint).
import { and, eq } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import type { LedgerEntryType } from '../../../shared/model/ledger';
import { ledgerEntries } from '../db/schema';
import { type Decimal, MONEY_SCALE, QUANTITY_SCALE, roundToScale, toScaled, UNIT_COST_SCALE } from '../decimal/decimal';
import { DomainError } from '../domain-error';

export interface NewLedgerEntry {
  type: LedgerEntryType;
  date: string;
  ingredientId: number;
  storageUnitId: number;
  /** Signed change to stock, already at the quantity scale. */
  quantity: Decimal;
  /** Rounded to the unit-cost scale here. */
  unitCost: Decimal;
  /** Signed; rounded to the money scale here. */
  value: Decimal;
  reference?: string | null;
  businessLocationId?: string | null;
  salesLineId?: number | null;
  transferLogId?: number | null;
}

/** The stored form of an entry: scaled integers, checked on the way (a value too large is refused, never wrapped). */
export function ledgerRow(scope: CompanyScope, entry: NewLedgerEntry) {
  return {
    companyId: scope.companyId,
    type: entry.type,
    date: entry.date,
    ingredientId: entry.ingredientId,
    storageUnitId: entry.storageUnitId,
    quantity: toScaled(entry.quantity, QUANTITY_SCALE, 'invalid_quantity', 'Quantity'),
    unitCost: toScaled(roundToScale(entry.unitCost, UNIT_COST_SCALE), UNIT_COST_SCALE, 'invalid_value', 'Unit cost'),
    value: toScaled(roundToScale(entry.value, MONEY_SCALE), MONEY_SCALE, 'invalid_value', 'Value'),
    reference: entry.reference ?? null,
    businessLocationId: entry.businessLocationId ?? null,
    salesLineId: entry.salesLineId ?? null,
    transferLogId: entry.transferLogId ?? null,
  };
}

type LedgerRow = ReturnType<typeof ledgerRow>;

/** One entry, with its day added up again. */
export function postEntry(scope: CompanyScope, entry: NewLedgerEntry): number {
  return scope.db.write(() => {
    const id = scope.db.orm.insert(ledgerEntries).values(ledgerRow(scope, entry)).returning({ id: ledgerEntries.id }).get().id;
    addUpDay(scope, entry.businessLocationId ?? null, entry.date);
    return id;
  });
}

/**
 * A transfer's ISSUE entries of one location and business day, in one prepared statement; the day is
 * added up again even when there is nothing to post (a forced run may have emptied it). Runs inside
 * the transfer's transaction.
 */
export function postDayIssues(scope: CompanyScope, day: { businessLocationId: string; date: string }, rows: LedgerRow[]): number[] {
  const insert = scope.db.sqlite.prepare(
    `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, reference, business_location_id, sales_line_id, transfer_log_id)
     VALUES (@companyId, @type, @date, @ingredientId, @storageUnitId, @quantity, @unitCost, @value, @reference, @businessLocationId, @salesLineId, @transferLogId)`,
  );
  const ids = rows.map((row) => Number(insert.run(row).lastInsertRowid));
  addUpDay(scope, day.businessLocationId, day.date);
  return ids;
}

/** The sales lines of a location's day that already have an ISSUE in this storage unit. */
export function postedSalesLines(scope: CompanyScope, locationRowId: number, date: string, storageUnitId: number): Set<number> {
  const rows = scope.db.sqlite
    .prepare(
      `SELECT l.id FROM sales_lines l WHERE l.location_id = ? AND l.business_date = ?
         AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.sales_line_id = l.id AND e.type = 'ISSUE' AND e.storage_unit_id = ?)`,
    )
    .all(locationRowId, date, storageUnitId) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

/**
 * Deletes every ISSUE entry made from the location's sales lines of the day, in any storage unit.
 * Driven from the day's lines, so the (sales line, ingredient, storage unit) index does the work
 * however large the ledger grows. Answers how many went and which transfer logs had posted them.
 */
export function deleteDayIssues(scope: CompanyScope, day: { locationRowId: number; businessLocationId: string; date: string }): { entries: number; logIds: number[] } {
  const earlier = `SELECT e.rowid AS rowid, e.transfer_log_id AS logId FROM sales_lines l JOIN ledger_entries e ON e.sales_line_id = l.id AND e.type = 'ISSUE'
                   WHERE l.location_id = ? AND l.business_date = ?`;
  const { sqlite } = scope.db;
  const logIds = (sqlite.prepare(`SELECT DISTINCT logId FROM (${earlier}) WHERE logId IS NOT NULL`).all(day.locationRowId, day.date) as { logId: number }[]).map(
    (row) => row.logId,
  );
  const { changes } = sqlite.prepare(`DELETE FROM ledger_entries WHERE rowid IN (SELECT rowid FROM (${earlier}))`).run(day.locationRowId, day.date);
  addUpDay(scope, day.businessLocationId, day.date);
  return { entries: changes, logIds };
}

/** A receipt's id and date by its reference (an invoice number), if the company has one. */
export function findReceiptByReference(scope: CompanyScope, reference: string): { id: number; date: string } | undefined {
  return scope.db.orm
    .select({ id: ledgerEntries.id, date: ledgerEntries.date })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, scope.companyId), eq(ledgerEntries.type, 'RECEIPT'), eq(ledgerEntries.reference, reference)))
    .get();
}

/** A new receipt entry, or a changed one (its old and new days are both added up again). */
export function saveReceiptEntry(scope: CompanyScope, row: LedgerRow, existing?: { id: number; date: string }): number {
  return scope.db.write(() => {
    if (!existing) {
      const id = scope.db.orm.insert(ledgerEntries).values(row).returning({ id: ledgerEntries.id }).get().id;
      addUpDay(scope, null, row.date);
      return id;
    }
    scope.db.orm.update(ledgerEntries).set(row).where(eq(ledgerEntries.id, existing.id)).run();
    for (const date of new Set([existing.date, row.date])) addUpDay(scope, null, date);
    return existing.id;
  });
}

export function deleteReceiptEntry(scope: CompanyScope, id: number): void {
  scope.db.write(() => {
    const deleted = scope.db.orm
      .delete(ledgerEntries)
      .where(and(eq(ledgerEntries.id, id), eq(ledgerEntries.companyId, scope.companyId), eq(ledgerEntries.type, 'RECEIPT')))
      .returning({ id: ledgerEntries.id, date: ledgerEntries.date })
      .all();
    if (deleted.length === 0) throw new DomainError('receipt_not_found', `No receipt with id ${id}.`);
    for (const { date } of deleted) addUpDay(scope, null, date);
  });
}

/** The day totals of one location (or none: '') and date, added up again from the entries. */
function addUpDay(scope: CompanyScope, businessLocationId: string | null, date: string): void {
  const key = { companyId: scope.companyId, businessLocationId: businessLocationId ?? '', date };
  const entries = businessLocationId === null ? 'business_location_id IS NULL' : 'business_location_id = @businessLocationId';
  scope.db.sqlite
    .prepare('DELETE FROM ledger_day_totals WHERE company_id = @companyId AND business_location_id = @businessLocationId AND date = @date')
    .run(key);
  scope.db.sqlite
    .prepare(
      `INSERT INTO ledger_day_totals (company_id, date, business_location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
       SELECT company_id, date, @businessLocationId, storage_unit_id, ingredient_id, type, count(*), sum(quantity), sum(value)
       FROM ledger_entries WHERE ${entries} AND date = @date AND company_id = @companyId
       GROUP BY storage_unit_id, ingredient_id, type`,
    )
    .run(key);
}
