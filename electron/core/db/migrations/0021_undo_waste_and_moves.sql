ALTER TABLE `stock_moves` ADD `undone_at` text;--> statement-breakpoint
ALTER TABLE `waste_records` ADD `undone_at` text;