-- Hand-written (drizzle-kit generate --custom): drizzle's schema has no triggers.
-- Entries without a location (receipts and other manual entries) keep ledger_day_totals up to date
-- through these triggers. Entries with a location come from transfers, which rebuild the totals of
-- the day and location they posted in one statement (a trigger per row would triple the cost of a
-- 90-day migration's millions of inserts).
CREATE TRIGGER `ledger_day_totals_insert` AFTER INSERT ON `ledger_entries` WHEN new.location_id IS NULL
BEGIN
  INSERT INTO ledger_day_totals (company_id, date, location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
  VALUES (new.company_id, new.date, '', new.storage_unit_id, new.ingredient_id, new.type, 1, new.quantity, new.value)
  ON CONFLICT DO UPDATE SET entries = entries + 1, quantity = quantity + excluded.quantity, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_day_totals_delete` AFTER DELETE ON `ledger_entries` WHEN old.location_id IS NULL
BEGIN
  UPDATE ledger_day_totals SET entries = entries - 1, quantity = quantity - old.quantity, value = value - old.value
  WHERE company_id = old.company_id AND date = old.date AND location_id = '' AND storage_unit_id = old.storage_unit_id
    AND ingredient_id = old.ingredient_id AND type = old.type;
  DELETE FROM ledger_day_totals WHERE entries = 0 AND company_id = old.company_id AND date = old.date AND location_id = ''
    AND storage_unit_id = old.storage_unit_id AND ingredient_id = old.ingredient_id AND type = old.type;
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_day_totals_update` AFTER UPDATE OF date, storage_unit_id, ingredient_id, type, quantity, value, location_id ON `ledger_entries`
WHEN old.location_id IS NULL OR new.location_id IS NULL
BEGIN
  UPDATE ledger_day_totals SET entries = entries - 1, quantity = quantity - old.quantity, value = value - old.value
  WHERE old.location_id IS NULL AND company_id = old.company_id AND date = old.date AND location_id = ''
    AND storage_unit_id = old.storage_unit_id AND ingredient_id = old.ingredient_id AND type = old.type;
  DELETE FROM ledger_day_totals WHERE entries = 0 AND company_id = old.company_id AND date = old.date AND location_id = ''
    AND storage_unit_id = old.storage_unit_id AND ingredient_id = old.ingredient_id AND type = old.type;
  INSERT INTO ledger_day_totals (company_id, date, location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
  SELECT new.company_id, new.date, '', new.storage_unit_id, new.ingredient_id, new.type, 1, new.quantity, new.value WHERE new.location_id IS NULL
  ON CONFLICT DO UPDATE SET entries = entries + 1, quantity = quantity + excluded.quantity, value = value + excluded.value;
END;
--> statement-breakpoint
INSERT INTO ledger_day_totals (company_id, date, location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
SELECT company_id, date, coalesce(location_id, ''), storage_unit_id, ingredient_id, type, count(*), sum(quantity), sum(value)
FROM ledger_entries GROUP BY company_id, date, coalesce(location_id, ''), storage_unit_id, ingredient_id, type;
