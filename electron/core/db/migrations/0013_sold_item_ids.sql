DROP INDEX `sold_items_sku_name`;--> statement-breakpoint
ALTER TABLE `sold_items` ADD `item_ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `sold_items_ref_sku_name` ON `sold_items` (`item_ref`,`sku`,`name`);