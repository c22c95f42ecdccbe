import type Database from 'better-sqlite3';
import type { LarderDb } from '../../electron/core/db/open-database';

/** Rows of `sql` from the engine's store, or from a SQLite file opened on its own (a backup's copy). */
export async function rowsOf(db: LarderDb | Database.Database, sql: string, ...params: unknown[]): Promise<unknown[]> {
  return 'prepare' in db ? db.prepare(sql).all(...params) : db.statement(sql).all(...params);
}

/** ledger_day_totals beside the same totals added up from the entries themselves; equal when the upkeep is right. */
export async function dayTotalsBothWays(db: LarderDb | Database.Database, companyId = 1) {
  const order = 'ORDER BY date, businessLocationId, storageUnitId, ingredientId, type';
  const kept = await rowsOf(
    db,
    `SELECT date, business_location_id AS businessLocationId, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId, type, entries, quantity, value
     FROM ledger_day_totals WHERE company_id = ? AND entries <> 0 ${order}`,
    companyId,
  );
  const recounted = await rowsOf(
    db,
    `SELECT date, coalesce(business_location_id, '') AS businessLocationId, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId, type,
            count(*) AS entries, sum(quantity) AS quantity, sum(value) AS value
     FROM ledger_entries WHERE company_id = ? GROUP BY date, coalesce(business_location_id, ''), storage_unit_id, ingredient_id, type ${order}`,
    companyId,
  );
  return { kept, recounted };
}
