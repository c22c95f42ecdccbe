-- Hand-written (drizzle-kit generate --custom): the day totals of a ledger that existed before them.
-- From here on, every writer of ledger entries adds up the days it changed (rebuildDayTotals).
INSERT INTO ledger_day_totals (company_id, date, location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
SELECT company_id, date, coalesce(location_id, ''), storage_unit_id, ingredient_id, type, count(*), sum(quantity), sum(value)
FROM ledger_entries GROUP BY company_id, date, coalesce(location_id, ''), storage_unit_id, ingredient_id, type;
