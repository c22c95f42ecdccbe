import type { CompanyScope } from '../../electron/core/db/company';

/** ledger_day_totals beside the same totals added up from the entries themselves; equal when the upkeep is right. */
export function dayTotalsBothWays(scope: CompanyScope) {
  const order = 'ORDER BY date, businessLocationId, storageUnitId, ingredientId, type';
  const kept = scope.db.sqlite
    .prepare(
      `SELECT date, business_location_id AS businessLocationId, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId, type, entries, quantity, value
       FROM ledger_day_totals WHERE company_id = ? AND entries <> 0 ${order}`,
    )
    .all(scope.companyId);
  const recounted = scope.db.sqlite
    .prepare(
      `SELECT date, coalesce(business_location_id, '') AS businessLocationId, storage_unit_id AS storageUnitId, ingredient_id AS ingredientId, type,
              count(*) AS entries, sum(quantity) AS quantity, sum(value) AS value
       FROM ledger_entries WHERE company_id = ? GROUP BY date, coalesce(business_location_id, ''), storage_unit_id, ingredient_id, type ${order}`,
    )
    .all(scope.companyId);
  return { kept, recounted };
}
