CREATE TABLE `integration_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`message` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_alerts_one_open` ON `integration_alerts` (`company_id`,`code`) WHERE "integration_alerts"."status" = 'open';--> statement-breakpoint
CREATE TABLE `lightspeed_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`environment` text NOT NULL,
	`status` text NOT NULL,
	`access_expires_at` text,
	`refresh_expires_at` text,
	`connected_at` text NOT NULL,
	`last_refresh_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "lightspeed_connections_status" CHECK(status IN ('active', 'disconnected', 'refresh_failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lightspeed_connections_company` ON `lightspeed_connections` (`company_id`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`business_location_id` text NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`timezone` text NOT NULL,
	`currency_code` text NOT NULL,
	`business_id` text NOT NULL,
	`business_name` text NOT NULL,
	`last_synced_at` text NOT NULL,
	`seen_in_last_sync` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_company_bl` ON `locations` (`company_id`,`business_location_id`);--> statement-breakpoint
CREATE TABLE `pos_item_locations` (
	`pos_item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	PRIMARY KEY(`pos_item_id`, `location_id`),
	FOREIGN KEY (`pos_item_id`) REFERENCES `pos_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pos_item_locations_location` ON `pos_item_locations` (`location_id`);--> statement-breakpoint
CREATE TABLE `pos_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`name` text NOT NULL,
	`sku` text,
	`active` integer NOT NULL,
	`price` integer,
	`last_synced_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pos_items_company_item` ON `pos_items` (`company_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `pos_items_company_sku` ON `pos_items` (`company_id`,`sku`);--> statement-breakpoint
CREATE INDEX `pos_items_company_name` ON `pos_items` (`company_id`,`name`);