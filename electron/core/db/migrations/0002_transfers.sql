CREATE TABLE `day_locks` (
	`location_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`holder` text NOT NULL,
	`pid` integer NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`location_id`, `business_date`),
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `migration_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`transfer_log_id` integer,
	`lines_processed` integer DEFAULT 0 NOT NULL,
	`ledger_entries_created` integer DEFAULT 0 NOT NULL,
	`error_message` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `migration_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`transfer_log_id`) REFERENCES `transfer_logs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `migration_days_job_date` ON `migration_days` (`job_id`,`date`);--> statement-breakpoint
CREATE TABLE `migration_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`status` text NOT NULL,
	`rerun` integer DEFAULT false NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`total_days` integer NOT NULL,
	`days_processed` integer DEFAULT 0 NOT NULL,
	`days_failed` integer DEFAULT 0 NOT NULL,
	`days_skipped` integer DEFAULT 0 NOT NULL,
	`current_date` text,
	`progress_percent` integer DEFAULT 0 NOT NULL,
	`started_at` text,
	`completed_at` text,
	`error_message` text,
	`runner_pid` integer,
	`heartbeat_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `migration_jobs_one_in_progress` ON `migration_jobs` (`location_id`) WHERE "migration_jobs"."status" IN ('pending', 'running');--> statement-breakpoint
CREATE INDEX `migration_jobs_location` ON `migration_jobs` (`location_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pos_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`pos_item_id` integer NOT NULL,
	`mapped_object_type` text NOT NULL,
	`ingredient_id` integer,
	`recipe_id` integer,
	`quantity` integer NOT NULL,
	`is_subtraction` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pos_item_id`) REFERENCES `pos_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pos_mappings_target" CHECK(("pos_mappings"."mapped_object_type" = 'ingredient' AND "pos_mappings"."ingredient_id" IS NOT NULL AND "pos_mappings"."recipe_id" IS NULL) OR ("pos_mappings"."mapped_object_type" = 'recipe' AND "pos_mappings"."recipe_id" IS NOT NULL AND "pos_mappings"."ingredient_id" IS NULL)),
	CONSTRAINT "pos_mappings_quantity_positive" CHECK("pos_mappings"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pos_mappings_item` ON `pos_mappings` (`pos_item_id`);--> statement-breakpoint
CREATE INDEX `pos_mappings_ingredient` ON `pos_mappings` (`ingredient_id`);--> statement-breakpoint
CREATE INDEX `pos_mappings_recipe` ON `pos_mappings` (`recipe_id`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`account_reference` text NOT NULL,
	`receipt_id` text,
	`type` text NOT NULL,
	`cancelled` integer NOT NULL,
	`time_closed` text NOT NULL,
	`raw` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_location_account` ON `sales` (`location_id`,`account_reference`);--> statement-breakpoint
CREATE INDEX `sales_location_date` ON `sales` (`location_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `sales_fetches` (
	`location_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`fetched_at` text NOT NULL,
	`data_complete` integer NOT NULL,
	`next_start_of_day` text,
	PRIMARY KEY(`location_id`, `business_date`),
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sales_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`line_id` text NOT NULL,
	`parent_line_id` text,
	`sku` text,
	`name` text,
	`quantity` integer,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_lines_location_line` ON `sales_lines` (`location_id`,`line_id`);--> statement-breakpoint
CREATE INDEX `sales_lines_location_date` ON `sales_lines` (`location_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `transfer_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`report_date` text NOT NULL,
	`request_uuid` text NOT NULL,
	`attempt` integer NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`force_refresh` integer NOT NULL,
	`storage_unit_id` integer,
	`no_data` integer DEFAULT false NOT NULL,
	`data_complete` integer,
	`sales_count` integer DEFAULT 0 NOT NULL,
	`lines_processed` integer DEFAULT 0 NOT NULL,
	`lines_skipped` integer DEFAULT 0 NOT NULL,
	`ledger_entries_created` integer DEFAULT 0 NOT NULL,
	`ledger_ids` text DEFAULT '[]' NOT NULL,
	`unmapped_names` text DEFAULT '[]' NOT NULL,
	`exceptions` text DEFAULT '[]' NOT NULL,
	`recipes_used` text DEFAULT '{}' NOT NULL,
	`api_response_summary` text DEFAULT '{}' NOT NULL,
	`used_cache` integer DEFAULT false NOT NULL,
	`idempotent` integer DEFAULT false NOT NULL,
	`error_code` text,
	`error_message` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`storage_unit_id`) REFERENCES `storage_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfer_logs_request_attempt` ON `transfer_logs` (`request_uuid`,`attempt`);--> statement-breakpoint
CREATE INDEX `transfer_logs_location_date` ON `transfer_logs` (`location_id`,`report_date`,`status`);--> statement-breakpoint
CREATE INDEX `transfer_logs_company_started` ON `transfer_logs` (`company_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `locations` ADD `storage_unit_id` integer REFERENCES storage_units(id);--> statement-breakpoint
ALTER TABLE `locations` ADD `activated_at` text;--> statement-breakpoint
ALTER TABLE `locations` ADD `auto_issue` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `locations` ADD `last_run_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_issue_once` ON `ledger_entries` (`sales_line_id`,`ingredient_id`,`storage_unit_id`) WHERE "ledger_entries"."type" = 'ISSUE';--> statement-breakpoint
CREATE INDEX `ledger_transfer_log` ON `ledger_entries` (`transfer_log_id`);--> statement-breakpoint
CREATE INDEX `ledger_location_date` ON `ledger_entries` (`location_id`,`date`);