-- For several processes and PCs writing one database (issue 31). Edited by hand after drizzle-kit
-- generate: the recipe book's seed row in data_versions, and the triggers that move its version with
-- every statement that changes what the recipe book is read from (see data_versions in schema-pg.ts).
-- A transaction moves it once: each further update of the one row in the same transaction would add a
-- row version that every later one walks (a setup file's 20,000 ingredients took minutes that way).
CREATE TABLE "data_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"moved_by" text
);
--> statement-breakpoint
ALTER TABLE "day_locks" ADD COLUMN "host" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "migration_jobs" ADD COLUMN "runner_host" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "token_refresh_leases" ADD COLUMN "host" text DEFAULT '' NOT NULL;--> statement-breakpoint
INSERT INTO "data_versions" ("name", "version") VALUES ('recipe_book', 0);--> statement-breakpoint
CREATE FUNCTION larder_move_recipe_book() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1, "moved_by" = txid_current()::text
  WHERE "name" = 'recipe_book' AND "moved_by" IS DISTINCT FROM txid_current()::text;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "recipes_moves_recipe_book" AFTER INSERT OR UPDATE OR DELETE ON "recipes" FOR EACH STATEMENT EXECUTE FUNCTION larder_move_recipe_book();--> statement-breakpoint
CREATE TRIGGER "recipe_lines_moves_recipe_book" AFTER INSERT OR UPDATE OR DELETE ON "recipe_lines" FOR EACH STATEMENT EXECUTE FUNCTION larder_move_recipe_book();--> statement-breakpoint
CREATE TRIGGER "ingredients_moves_recipe_book" AFTER INSERT OR UPDATE OR DELETE ON "ingredients" FOR EACH STATEMENT EXECUTE FUNCTION larder_move_recipe_book();--> statement-breakpoint
CREATE TRIGGER "ingredient_units_moves_recipe_book" AFTER INSERT OR UPDATE OR DELETE ON "ingredient_units" FOR EACH STATEMENT EXECUTE FUNCTION larder_move_recipe_book();
