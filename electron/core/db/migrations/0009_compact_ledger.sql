-- Hand-edited from drizzle-kit's output (its copy named a column that did not exist yet, the same bug
-- as in 0008). One ISSUE entry per sales line and ingredient becomes one per location, business day,
-- ingredient and storage unit, and a trace row per sales line and ingredient says what each line
-- took. Stock and values stay the same to the last digit: a day entry's quantity and value are the
-- sums of the entries it replaces; a line valued at another cost than its day entry keeps its own
-- value in the trace. The trace is WITHOUT ROWID, which drizzle cannot say.
CREATE TABLE `ledger_issue_lines` (
	`sales_line_id` integer NOT NULL,
	`ingredient_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer,
	PRIMARY KEY(`sales_line_id`, `ingredient_id`)
) WITHOUT ROWID;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ledger_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`ingredient_id` integer NOT NULL,
	`storage_unit_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`value` integer NOT NULL,
	`reference` text,
	`business_location_id` text,
	`source` text,
	`sales_lines` integer,
	`transfer_log_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_type_known" CHECK(type IN ('RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT')),
	CONSTRAINT "ledger_date_iso" CHECK(date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "ledger_receipt_positive" CHECK("__new_ledger_entries"."type" <> 'RECEIPT' OR "__new_ledger_entries"."quantity" > 0),
	CONSTRAINT "ledger_issue_traceable" CHECK("__new_ledger_entries"."type" <> 'ISSUE' OR ("__new_ledger_entries"."business_location_id" IS NOT NULL AND "__new_ledger_entries"."source" IS NOT NULL))
);
--> statement-breakpoint
-- Each old ISSUE entry and the day entry it folds into (the day's first, whose id it keeps).
CREATE TEMP TABLE `fold` AS
  SELECT `id` AS `old_id`, min(`id`) OVER (PARTITION BY `company_id`, `business_location_id`, `date`, `ingredient_id`, `storage_unit_id`) AS `new_id`
  FROM `ledger_entries` WHERE `type` = 'ISSUE';--> statement-breakpoint
CREATE INDEX `temp`.`fold_old` ON `fold` (`old_id`);--> statement-breakpoint
INSERT INTO `__new_ledger_entries`("id", "company_id", "type", "date", "ingredient_id", "storage_unit_id", "quantity", "unit_cost", "value", "reference", "business_location_id", "source", "sales_lines", "transfer_log_id", "created_at")
  SELECT "id", "company_id", "type", "date", "ingredient_id", "storage_unit_id", "quantity", "unit_cost", "value", "reference", "business_location_id", NULL, NULL, "transfer_log_id", "created_at"
  FROM `ledger_entries` WHERE `type` <> 'ISSUE';--> statement-breakpoint
INSERT INTO `__new_ledger_entries`("id", "company_id", "type", "date", "ingredient_id", "storage_unit_id", "quantity", "unit_cost", "value", "reference", "business_location_id", "source", "sales_lines", "transfer_log_id", "created_at")
  SELECT d.`id`, d.`company_id`, 'ISSUE', d.`date`, d.`ingredient_id`, d.`storage_unit_id`, t.`quantity`, d.`unit_cost`, t.`value`, NULL, d.`business_location_id`, 'lightspeed', 0, d.`transfer_log_id`, d.`created_at`
  FROM `ledger_entries` d
  JOIN (SELECT f.`new_id` AS `id`, sum(e.`quantity`) AS `quantity`, sum(e.`value`) AS `value`
        FROM `fold` f JOIN `ledger_entries` e ON e.`id` = f.`old_id` GROUP BY f.`new_id`) t ON t.`id` = d.`id`;--> statement-breakpoint
-- A line posted to two storage units (a relinked location re-run without force could, before) keeps
-- its first posting in the trace; the other stays in its unit's day entry, as the stock it was.
INSERT OR IGNORE INTO `ledger_issue_lines` (`sales_line_id`, `ingredient_id`, `entry_id`, `quantity`, `value`)
  SELECT e.`sales_line_id`, e.`ingredient_id`, f.`new_id`, e.`quantity`, CASE WHEN e.`unit_cost` = d.`unit_cost` THEN NULL ELSE e.`value` END
  FROM `fold` f JOIN `ledger_entries` e ON e.`id` = f.`old_id` JOIN `ledger_entries` d ON d.`id` = f.`new_id`
  WHERE e.`sales_line_id` IS NOT NULL ORDER BY e.`id`;--> statement-breakpoint
UPDATE `__new_ledger_entries` SET `sales_lines` = c.`lines`
  FROM (SELECT `entry_id`, count(*) AS `lines` FROM `ledger_issue_lines` GROUP BY `entry_id`) c WHERE c.`entry_id` = `__new_ledger_entries`.`id`;--> statement-breakpoint
-- The logs list the day entries their lines went into; a replaced log keeps the count it had.
UPDATE `transfer_logs` SET `ledger_ids` = (
    SELECT json_group_array(`new_id`) FROM (
      SELECT DISTINCT f.`new_id` FROM json_each(`transfer_logs`.`ledger_ids`) j JOIN `fold` f ON f.`old_id` = j.`value` ORDER BY f.`new_id`)
  ) WHERE `ledger_ids` <> '[]';--> statement-breakpoint
UPDATE `transfer_logs` SET `ledger_entries_created` = json_array_length(`ledger_ids`) WHERE `replaced_by_log_id` IS NULL AND `status` = 'success';--> statement-breakpoint
DROP TABLE `temp`.`fold`;--> statement-breakpoint
DROP TABLE `ledger_entries`;--> statement-breakpoint
ALTER TABLE `__new_ledger_entries` RENAME TO `ledger_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `ledger_company_ingredient_type_date` ON `ledger_entries` (`company_id`,`ingredient_id`,`type`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_storage_unit_ingredient` ON `ledger_entries` (`storage_unit_id`,`ingredient_id`);--> statement-breakpoint
CREATE INDEX `ledger_company_date` ON `ledger_entries` (`company_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_receipt_reference` ON `ledger_entries` (`company_id`,`reference`) WHERE "ledger_entries"."type" = 'RECEIPT' AND "ledger_entries"."reference" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_issue_once` ON `ledger_entries` (`company_id`,`business_location_id`,`date`,`ingredient_id`,`storage_unit_id`,`source`) WHERE "ledger_entries"."type" = 'ISSUE';--> statement-breakpoint
CREATE INDEX `ledger_transfer_log` ON `ledger_entries` (`transfer_log_id`);--> statement-breakpoint
CREATE INDEX `ledger_location_date` ON `ledger_entries` (`business_location_id`,`date`);--> statement-breakpoint
-- The day totals count entries: now one per day, ingredient and storage unit.
UPDATE `ledger_day_totals` SET `entries` = (
    SELECT count(*) FROM `ledger_entries` e
    WHERE e.`business_location_id` = `ledger_day_totals`.`business_location_id` AND e.`date` = `ledger_day_totals`.`date`
      AND e.`company_id` = `ledger_day_totals`.`company_id` AND e.`storage_unit_id` = `ledger_day_totals`.`storage_unit_id`
      AND e.`ingredient_id` = `ledger_day_totals`.`ingredient_id` AND e.`type` = 'ISSUE'
  ) WHERE `type` = 'ISSUE';--> statement-breakpoint
ALTER TABLE `sales` DROP COLUMN `raw`;
