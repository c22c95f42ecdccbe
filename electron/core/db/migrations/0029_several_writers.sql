-- For several processes and PCs writing one database (issue 31). Edited by hand after drizzle-kit
-- generate: the recipe book's seed row in data_versions, and the triggers that move its version with
-- every change to what the recipe book is read from (see data_versions in schema.ts).
CREATE TABLE `data_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`moved_by` text
);
--> statement-breakpoint
ALTER TABLE `day_locks` ADD `host` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `migration_jobs` ADD `runner_host` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `token_refresh_leases` ADD `host` text DEFAULT '' NOT NULL;--> statement-breakpoint
INSERT INTO `data_versions` (`name`, `version`) VALUES ('recipe_book', 0);--> statement-breakpoint
CREATE TRIGGER `recipes_insert_moves_recipe_book` AFTER INSERT ON `recipes` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `recipes_update_moves_recipe_book` AFTER UPDATE ON `recipes` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `recipes_delete_moves_recipe_book` AFTER DELETE ON `recipes` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `recipe_lines_insert_moves_recipe_book` AFTER INSERT ON `recipe_lines` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `recipe_lines_update_moves_recipe_book` AFTER UPDATE ON `recipe_lines` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `recipe_lines_delete_moves_recipe_book` AFTER DELETE ON `recipe_lines` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredients_insert_moves_recipe_book` AFTER INSERT ON `ingredients` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredients_update_moves_recipe_book` AFTER UPDATE ON `ingredients` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredients_delete_moves_recipe_book` AFTER DELETE ON `ingredients` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredient_units_insert_moves_recipe_book` AFTER INSERT ON `ingredient_units` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredient_units_update_moves_recipe_book` AFTER UPDATE ON `ingredient_units` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;--> statement-breakpoint
CREATE TRIGGER `ingredient_units_delete_moves_recipe_book` AFTER DELETE ON `ingredient_units` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'recipe_book'; END;
