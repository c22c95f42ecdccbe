CREATE TABLE `sales_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sales_sources_kind" CHECK(kind IN ('lightspeed', 'sides', 'csv'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_sources_company_name` ON `sales_sources` (`company_id`,`name`);