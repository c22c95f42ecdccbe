CREATE TABLE `csv_upload_keys` (
	`source_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`upload_id` integer NOT NULL,
	PRIMARY KEY(`source_id`, `external_id`),
	FOREIGN KEY (`source_id`) REFERENCES `sales_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `csv_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `csv_upload_keys_upload` ON `csv_upload_keys` (`upload_id`);--> statement-breakpoint
CREATE TABLE `csv_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_hash` text NOT NULL,
	`status` text NOT NULL,
	`mode` text,
	`skip_invalid` integer NOT NULL,
	`rows` integer NOT NULL,
	`rows_posted` integer NOT NULL,
	`rows_invalid` integer NOT NULL,
	`rows_unmapped` integer NOT NULL,
	`rows_duplicate` integer NOT NULL,
	`rows_skipped` integer NOT NULL,
	`days` text NOT NULL,
	`invalid_rows` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`reverted_at` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sales_sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "csv_uploads_status" CHECK(status IN ('posted', 'reverted'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csv_uploads_file_once` ON `csv_uploads` (`company_id`,`content_hash`) WHERE "csv_uploads"."status" = 'posted';--> statement-breakpoint
CREATE INDEX `csv_uploads_company` ON `csv_uploads` (`company_id`,`uploaded_at`);--> statement-breakpoint
-- Hand-edited: drizzle-kit adds NOT NULL source_id columns with ALTER TABLE, which SQLite refuses.
-- Every company that has Lightspeed data gets its Lightspeed source, and its locations and items are
-- rebuilt with that source (ids kept, so every reference to them stays right).
INSERT INTO `sales_sources` (`company_id`, `kind`, `name`, `settings`, `updated_at`)
  SELECT c.`id`, 'lightspeed',
         CASE WHEN EXISTS (SELECT 1 FROM `sales_sources` s WHERE s.`company_id` = c.`id` AND s.`name` = 'Lightspeed K-Series')
              THEN 'Lightspeed K-Series (POS)' ELSE 'Lightspeed K-Series' END,
         '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM `companies` c
  WHERE EXISTS (SELECT 1 FROM `lightspeed_connections` x WHERE x.`company_id` = c.`id`)
     OR EXISTS (SELECT 1 FROM `locations` x WHERE x.`company_id` = c.`id`)
     OR EXISTS (SELECT 1 FROM `pos_items` x WHERE x.`company_id` = c.`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_pos_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`name` text NOT NULL,
	`sku` text,
	`active` integer NOT NULL,
	`price` integer,
	`last_synced_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sales_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_pos_items`("id", "company_id", "source_id", "item_id", "name", "sku", "active", "price", "last_synced_at")
  SELECT i."id", i."company_id", s."id", i."item_id", i."name", i."sku", i."active", i."price", i."last_synced_at"
  FROM `pos_items` i JOIN `sales_sources` s ON s.`company_id` = i.`company_id` AND s.`kind` = 'lightspeed';--> statement-breakpoint
DROP TABLE `pos_items`;--> statement-breakpoint
ALTER TABLE `__new_pos_items` RENAME TO `pos_items`;--> statement-breakpoint
CREATE UNIQUE INDEX `pos_items_source_item` ON `pos_items` (`company_id`,`source_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `pos_items_company_sku` ON `pos_items` (`company_id`,`sku`);--> statement-breakpoint
CREATE INDEX `pos_items_company_name` ON `pos_items` (`company_id`,`name`);--> statement-breakpoint
CREATE TABLE `__new_locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`business_location_id` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`timezone` text NOT NULL,
	`currency_code` text NOT NULL,
	`business_id` text NOT NULL,
	`business_name` text NOT NULL,
	`source_id` integer NOT NULL,
	`last_synced_at` text NOT NULL,
	`seen_in_last_sync` integer DEFAULT true NOT NULL,
	`storage_unit_id` integer,
	`activated_at` text,
	`auto_issue` integer DEFAULT true NOT NULL,
	`last_run_at` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sales_sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_locations`("id", "company_id", "business_location_id", "name", "country", "timezone", "currency_code", "business_id", "business_name", "source_id", "last_synced_at", "seen_in_last_sync", "storage_unit_id", "activated_at", "auto_issue", "last_run_at")
  SELECT l."id", l."company_id", l."business_location_id", l."name", l."country", l."timezone", l."currency_code", l."business_id", l."business_name", s."id", l."last_synced_at", l."seen_in_last_sync", l."storage_unit_id", l."activated_at", l."auto_issue", l."last_run_at"
  FROM `locations` l JOIN `sales_sources` s ON s.`company_id` = l.`company_id` AND s.`kind` = 'lightspeed';--> statement-breakpoint
DROP TABLE `locations`;--> statement-breakpoint
ALTER TABLE `__new_locations` RENAME TO `locations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `locations_company_bl` ON `locations` (`company_id`,`business_location_id`);--> statement-breakpoint
CREATE INDEX `locations_source` ON `locations` (`source_id`);--> statement-breakpoint
ALTER TABLE `sales` ADD `csv_upload_id` integer REFERENCES csv_uploads(id);--> statement-breakpoint
CREATE INDEX `sales_csv_upload` ON `sales` (`csv_upload_id`) WHERE "sales"."csv_upload_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `csv_upload_id` integer REFERENCES csv_uploads(id);--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `reverted_at` text;