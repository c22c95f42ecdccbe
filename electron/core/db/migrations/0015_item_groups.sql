ALTER TABLE `pos_items` ADD `group_key` text GENERATED ALWAYS AS (CASE WHEN coalesce(sku, '') <> '' THEN 'sku:' || sku ELSE 'name:' || name END) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE INDEX `pos_items_company_group` ON `pos_items` (`company_id`,`group_key`);--> statement-breakpoint
CREATE TABLE `item_renames` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`pos_item_id` integer NOT NULL,
	`old_name` text NOT NULL,
	`new_name` text NOT NULL,
	`found_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pos_item_id`) REFERENCES `pos_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_renames_open` ON `item_renames` (`pos_item_id`) WHERE "item_renames"."resolved_at" IS NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_pos_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`group_key` text NOT NULL,
	`location_id` integer,
	`mapped_object_type` text NOT NULL,
	`ingredient_id` integer,
	`recipe_id` integer,
	`quantity` integer NOT NULL,
	`is_subtraction` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ingredient_id`) REFERENCES `ingredients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pos_mappings_target" CHECK(("__new_pos_mappings"."mapped_object_type" = 'ingredient' AND "__new_pos_mappings"."ingredient_id" IS NOT NULL AND "__new_pos_mappings"."recipe_id" IS NULL) OR ("__new_pos_mappings"."mapped_object_type" = 'recipe' AND "__new_pos_mappings"."recipe_id" IS NOT NULL AND "__new_pos_mappings"."ingredient_id" IS NULL)),
	CONSTRAINT "pos_mappings_quantity_positive" CHECK("__new_pos_mappings"."quantity" > 0)
);
--> statement-breakpoint
-- Hand-edited: each item's mapping becomes its group's. Where one group's items were mapped apart, the
-- newest mapping is the group's and each other one an override at the locations carrying its item, so
-- every location deducts what it deducted before.
INSERT INTO `__new_pos_mappings`("id", "company_id", "group_key", "location_id", "mapped_object_type", "ingredient_id", "recipe_id", "quantity", "is_subtraction", "updated_at")
SELECT "id", "company_id", "group_key", NULL, "mapped_object_type", "ingredient_id", "recipe_id", "quantity", "is_subtraction", "updated_at" FROM (
  SELECT m.*, i.group_key, row_number() OVER (PARTITION BY m.company_id, i.group_key ORDER BY m.updated_at DESC, m.id DESC) AS rank
  FROM `pos_mappings` m JOIN `pos_items` i ON i.id = m.pos_item_id
) WHERE rank = 1;--> statement-breakpoint
INSERT INTO `__new_pos_mappings`("company_id", "group_key", "location_id", "mapped_object_type", "ingredient_id", "recipe_id", "quantity", "is_subtraction", "updated_at")
SELECT company_id, group_key, location_id, mapped_object_type, ingredient_id, recipe_id, quantity, is_subtraction, updated_at FROM (
  SELECT m.*, i.group_key, pl.location_id, row_number() OVER (PARTITION BY m.company_id, i.group_key, pl.location_id ORDER BY m.updated_at DESC, m.id DESC) AS rank
  FROM `pos_mappings` m JOIN `pos_items` i ON i.id = m.pos_item_id JOIN `pos_item_locations` pl ON pl.pos_item_id = i.id
  JOIN `__new_pos_mappings` g ON g.company_id = m.company_id AND g.group_key = i.group_key AND g.location_id IS NULL
  WHERE g.id <> m.id AND (g.mapped_object_type, ifnull(g.ingredient_id, 0), ifnull(g.recipe_id, 0), g.quantity, g.is_subtraction)
    IS NOT (m.mapped_object_type, ifnull(m.ingredient_id, 0), ifnull(m.recipe_id, 0), m.quantity, m.is_subtraction)
) WHERE rank = 1;--> statement-breakpoint
DROP TABLE `pos_mappings`;--> statement-breakpoint
ALTER TABLE `__new_pos_mappings` RENAME TO `pos_mappings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `pos_mappings_group` ON `pos_mappings` (`company_id`,`group_key`) WHERE "pos_mappings"."location_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `pos_mappings_group_location` ON `pos_mappings` (`company_id`,`group_key`,`location_id`) WHERE "pos_mappings"."location_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `pos_mappings_ingredient` ON `pos_mappings` (`ingredient_id`);--> statement-breakpoint
CREATE INDEX `pos_mappings_recipe` ON `pos_mappings` (`recipe_id`);
