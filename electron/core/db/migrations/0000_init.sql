CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_name_unique` ON `companies` (`name`);--> statement-breakpoint
CREATE TABLE `ingredients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingredients_company_name` ON `ingredients` (`company_id`,`name`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
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
	`location_id` text,
	`sales_line_id` integer,
	`transfer_log_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_type_known" CHECK(type IN ('RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT')),
	CONSTRAINT "ledger_date_iso" CHECK(date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "ledger_receipt_positive" CHECK("ledger_entries"."type" <> 'RECEIPT' OR "ledger_entries"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_company_ingredient_type_date` ON `ledger_entries` (`company_id`,`ingredient_id`,`type`,`date`);--> statement-breakpoint
CREATE INDEX `ledger_storage_unit_ingredient` ON `ledger_entries` (`storage_unit_id`,`ingredient_id`);--> statement-breakpoint
CREATE INDEX `ledger_company_date` ON `ledger_entries` (`company_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_receipt_reference` ON `ledger_entries` (`company_id`,`reference`) WHERE "ledger_entries"."type" = 'RECEIPT' AND "ledger_entries"."reference" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `recipe_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipe_id` integer NOT NULL,
	`position` integer NOT NULL,
	`ingredient_id` integer,
	`sub_recipe_id` integer,
	`quantity` integer NOT NULL,
	`trim_pct` integer,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sub_recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recipe_lines_one_target" CHECK(("recipe_lines"."ingredient_id" IS NULL) <> ("recipe_lines"."sub_recipe_id" IS NULL)),
	CONSTRAINT "recipe_lines_quantity_positive" CHECK("recipe_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipe_lines_recipe_position` ON `recipe_lines` (`recipe_id`,`position`);--> statement-breakpoint
CREATE INDEX `recipe_lines_ingredient` ON `recipe_lines` (`ingredient_id`);--> statement-breakpoint
CREATE INDEX `recipe_lines_sub_recipe` ON `recipe_lines` (`sub_recipe_id`);--> statement-breakpoint
CREATE TABLE `recipes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`yield_qty` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recipes_yield_positive" CHECK("recipes"."yield_qty" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipes_company_name` ON `recipes` (`company_id`,`name`);--> statement-breakpoint
CREATE TABLE `sealed_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`backend` text NOT NULL,
	`sealed` blob NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `storage_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `storage_units_company_name` ON `storage_units` (`company_id`,`name`);