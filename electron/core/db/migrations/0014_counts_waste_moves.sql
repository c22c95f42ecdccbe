CREATE TABLE `stock_count_lines` (
	`count_id` integer NOT NULL,
	`ingredient_id` integer NOT NULL,
	`counted` integer NOT NULL,
	PRIMARY KEY(`count_id`, `ingredient_id`),
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_count_lines_counted" CHECK("stock_count_lines"."counted" >= 0)
);
--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`storage_unit_id` integer NOT NULL,
	`counted_at` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`finished_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_counts_status" CHECK(status IN ('draft', 'finished')),
	CONSTRAINT "stock_counts_date_iso" CHECK(date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_counts_unit_moment` ON `stock_counts` (`storage_unit_id`,`counted_at`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`from_storage_unit_id` integer NOT NULL,
	`to_storage_unit_id` integer NOT NULL,
	`ingredient_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`at` text NOT NULL,
	`date` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stock_moves_positive" CHECK("stock_moves"."quantity" > 0),
	CONSTRAINT "stock_moves_two_units" CHECK("stock_moves"."from_storage_unit_id" <> "stock_moves"."to_storage_unit_id")
);
--> statement-breakpoint
CREATE TABLE `waste_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`storage_unit_id` integer NOT NULL,
	`at` text NOT NULL,
	`date` text NOT NULL,
	`ingredient_id` integer,
	`recipe_id` integer,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "waste_records_one_target" CHECK(("waste_records"."ingredient_id" IS NULL) <> ("waste_records"."recipe_id" IS NULL)),
	CONSTRAINT "waste_records_positive" CHECK("waste_records"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_reference_once` ON `ledger_entries` (`company_id`,`reference`,`ingredient_id`,`storage_unit_id`) WHERE "ledger_entries"."type" IN ('COUNT', 'WASTE', 'ADJUSTMENT') AND "ledger_entries"."reference" IS NOT NULL;