ALTER TABLE `sales` ADD `chain_id` text;--> statement-breakpoint
ALTER TABLE `sales_lines` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `sales_lines` ADD `accounting_group` text;