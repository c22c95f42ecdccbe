ALTER TABLE `transfer_logs` ADD `lines_sold` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `lines_unmapped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `sales_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `unmapped_value` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `entries_replaced` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `replaced_by_log_id` integer;--> statement-breakpoint
ALTER TABLE `transfer_logs` ADD `replaced_at` text;