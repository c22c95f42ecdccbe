-- Hand-edited: a group (one dish) joined items of every source by SKU or name; tills number their items
-- independently, so a group now stays within one source unless a person links items (linked_group).
-- SQLite cannot drop a generated column behind an index nor add one that reads a column not yet there,
-- hence the order. Each mapping of an old group is carried to every new group its items fall into
-- (the group's mapping and its location overrides alike), so every item deducts what it deducted.
DROP INDEX `pos_items_company_group`;--> statement-breakpoint
ALTER TABLE `pos_items` ADD `linked_group` text;--> statement-breakpoint
CREATE TEMP TABLE `old_item_groups` AS SELECT id, company_id, CASE WHEN coalesce(sku, '') <> '' THEN 'sku:' || sku ELSE 'name:' || name END AS old_key FROM `pos_items`;--> statement-breakpoint
ALTER TABLE `pos_items` DROP COLUMN `group_key`;--> statement-breakpoint
ALTER TABLE `pos_items` ADD `group_key` text GENERATED ALWAYS AS (CASE WHEN coalesce(linked_group, '') <> '' THEN linked_group WHEN coalesce(sku, '') <> '' THEN 'sku:' || source_id || ':' || sku ELSE 'name:' || source_id || ':' || name END) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE INDEX `pos_items_company_group` ON `pos_items` (`company_id`,`group_key`);--> statement-breakpoint
CREATE TEMP TABLE `old_mappings` AS SELECT m.id FROM `pos_mappings` m WHERE EXISTS (SELECT 1 FROM `old_item_groups` o WHERE o.company_id = m.company_id AND o.old_key = m.group_key);--> statement-breakpoint
INSERT INTO `pos_mappings` (company_id, group_key, location_id, mapped_object_type, ingredient_id, recipe_id, quantity, is_subtraction, updated_at)
SELECT DISTINCT m.company_id, i.group_key, m.location_id, m.mapped_object_type, m.ingredient_id, m.recipe_id, m.quantity, m.is_subtraction, m.updated_at
FROM `pos_mappings` m JOIN `old_item_groups` o ON o.company_id = m.company_id AND o.old_key = m.group_key JOIN `pos_items` i ON i.id = o.id
WHERE m.id IN (SELECT id FROM `old_mappings`);--> statement-breakpoint
DELETE FROM `pos_mappings` WHERE id IN (SELECT id FROM `old_mappings`);--> statement-breakpoint
DROP TABLE `old_mappings`;--> statement-breakpoint
DROP TABLE `old_item_groups`;
