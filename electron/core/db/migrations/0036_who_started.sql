ALTER TABLE `stock_counts` ADD `finished_by` text;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `started_by` text;