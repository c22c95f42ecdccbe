-- Hand-written (drizzle-kit generate --custom): `location_id` on the ledger meant Lightspeed's id while
-- every other table's `location_id` is our row id; the ledger's columns now say what they hold. A
-- plain rename keeps every row, the primary key and the index (SQLite renames them with the column);
-- the generated form rebuilt ledger_day_totals and copied a column that did not exist yet (a
-- drizzle-kit bug with a renamed primary-key column). The snapshot beside it is drizzle-kit's own.
ALTER TABLE `ledger_entries` RENAME COLUMN `location_id` TO `business_location_id`;--> statement-breakpoint
ALTER TABLE `ledger_day_totals` RENAME COLUMN `location_id` TO `business_location_id`;
