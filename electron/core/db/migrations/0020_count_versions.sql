ALTER TABLE `stock_counts` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_counts` ADD `saved_at` text;