CREATE TABLE `ingredient_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ingredient_id` integer NOT NULL,
	`name` text NOT NULL,
	`factor` text NOT NULL,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ingredient_units_name_lower" CHECK("ingredient_units"."name" = lower("ingredient_units"."name"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingredient_units_name` ON `ingredient_units` (`ingredient_id`,`name`);--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `typed_quantity` text;--> statement-breakpoint
ALTER TABLE `pos_mappings` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `recipe_lines` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `stock_count_lines` ADD `typed` text;