CREATE TABLE `token_refresh_leases` (
	`company_id` integer PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`pid` integer NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_transfer_logs` (
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
	`recipes_used` text DEFAULT '[]' NOT NULL,
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
INSERT INTO `__new_transfer_logs`("id", "company_id", "location_id", "report_date", "request_uuid", "attempt", "status", "trigger", "force_refresh", "storage_unit_id", "no_data", "data_complete", "sales_count", "lines_processed", "lines_skipped", "ledger_entries_created", "ledger_ids", "unmapped_names", "exceptions", "recipes_used", "api_response_summary", "used_cache", "idempotent", "error_code", "error_message", "started_at", "finished_at") SELECT "id", "company_id", "location_id", "report_date", "request_uuid", "attempt", "status", "trigger", "force_refresh", "storage_unit_id", "no_data", "data_complete", "sales_count", "lines_processed", "lines_skipped", "ledger_entries_created", "ledger_ids", "unmapped_names", "exceptions", "recipes_used", "api_response_summary", "used_cache", "idempotent", "error_code", "error_message", "started_at", "finished_at" FROM `transfer_logs`;--> statement-breakpoint
DROP TABLE `transfer_logs`;--> statement-breakpoint
ALTER TABLE `__new_transfer_logs` RENAME TO `transfer_logs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `transfer_logs_request_attempt` ON `transfer_logs` (`request_uuid`,`attempt`);--> statement-breakpoint
CREATE INDEX `transfer_logs_location_date` ON `transfer_logs` (`location_id`,`report_date`,`status`);--> statement-breakpoint
CREATE INDEX `transfer_logs_company_started` ON `transfer_logs` (`company_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `migration_jobs` ADD `error_code` text;--> statement-breakpoint
ALTER TABLE `sales_lines` ADD `net_amount` integer;