-- Hand-edited from drizzle-kit's output, which copied columns that do not exist yet. A sales line
-- takes its location and business day from its sale (one index instead of two), and what the till
-- sold it as from sold_items (each SKU and name once, instead of on every line). Row ids stay, so the
-- ledger's trace keeps pointing at the same lines.
CREATE TABLE `sold_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sold_items_sku_name` ON `sold_items` (`sku`,`name`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sales_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`line_id` text NOT NULL,
	`parent_line_id` text,
	`sold_item_id` integer NOT NULL,
	`quantity` integer,
	`net_amount` integer,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sold_item_id`) REFERENCES `sold_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `sold_items` (`sku`, `name`) SELECT DISTINCT coalesce(`sku`, ''), coalesce(`name`, '') FROM `sales_lines`;--> statement-breakpoint
INSERT INTO `__new_sales_lines`("id", "sale_id", "line_id", "parent_line_id", "sold_item_id", "quantity", "net_amount")
  SELECT l.`id`, l.`sale_id`, l.`line_id`, l.`parent_line_id`, i.`id`, l.`quantity`, l.`net_amount`
  FROM `sales_lines` l JOIN `sold_items` i ON i.`sku` = coalesce(l.`sku`, '') AND i.`name` = coalesce(l.`name`, '');--> statement-breakpoint
DROP TABLE `sales_lines`;--> statement-breakpoint
ALTER TABLE `__new_sales_lines` RENAME TO `sales_lines`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `sales_lines_sale_line` ON `sales_lines` (`sale_id`,`line_id`);