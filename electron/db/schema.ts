// The one drizzle schema of Larder's local database. Migrations in ./migrations are generated from
// this file by `npm run db:generate` and are never edited by hand.
//
// Quantities and money are stored as scaled integers (see electron/decimal/decimal.ts): SQLite then
// sums them exactly, and no binary float ever touches a quantity.
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

const isoDate = (column: string) =>
  sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

export const companies = sqliteTable('companies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const storageUnits = sqliteTable(
  'storage_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('storage_units_company_name').on(t.companyId, t.name)],
);

export const ingredients = sqliteTable(
  'ingredients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ingredients_company_name').on(t.companyId, t.name)],
);

export const recipes = sqliteTable(
  'recipes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    /** How many portions (or units) one batch makes; quantity scale. */
    yieldQty: integer('yield_qty').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recipes_company_name').on(t.companyId, t.name),
    check('recipes_yield_positive', sql`${t.yieldQty} > 0`),
  ],
);

export const recipeLines = sqliteTable(
  'recipe_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipeId: integer('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ingredientId: integer('ingredient_id').references(() => ingredients.id),
    subRecipeId: integer('sub_recipe_id').references(() => recipes.id),
    /** Net quantity per batch; quantity scale. */
    quantity: integer('quantity').notNull(),
    /** Trim loss in percent; quantity scale; null means no trim. */
    trimPct: integer('trim_pct'),
  },
  (t) => [
    uniqueIndex('recipe_lines_recipe_position').on(t.recipeId, t.position),
    index('recipe_lines_ingredient').on(t.ingredientId),
    index('recipe_lines_sub_recipe').on(t.subRecipeId),
    check(
      'recipe_lines_one_target',
      sql`(${t.ingredientId} IS NULL) <> (${t.subRecipeId} IS NULL)`,
    ),
    check('recipe_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const ledgerEntryTypes = ['RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT'] as const;

/**
 * Every stock movement, one table. `quantity` and `value` are signed changes to stock (an ISSUE is
 * negative); `unit_cost` is the weighted average cost the movement was valued at.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    type: text('type', { enum: ledgerEntryTypes }).notNull(),
    date: text('date').notNull(),
    ingredientId: integer('ingredient_id')
      .notNull()
      .references(() => ingredients.id),
    storageUnitId: integer('storage_unit_id')
      .notNull()
      .references(() => storageUnits.id),
    /** Signed; quantity scale. */
    quantity: integer('quantity').notNull(),
    /** Unit-cost scale. */
    unitCost: integer('unit_cost').notNull(),
    /** Signed; money scale. */
    value: integer('value').notNull(),
    /** A receipt's own key (an invoice number, or the key the setup import derives). */
    reference: text('reference'),
    /** Lightspeed business location id, for entries made by a transfer. */
    locationId: text('location_id'),
    salesLineId: integer('sales_line_id'),
    transferLogId: integer('transfer_log_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_company_ingredient_type_date').on(t.companyId, t.ingredientId, t.type, t.date),
    index('ledger_storage_unit_ingredient').on(t.storageUnitId, t.ingredientId),
    index('ledger_company_date').on(t.companyId, t.date),
    uniqueIndex('ledger_receipt_reference')
      .on(t.companyId, t.reference)
      .where(sql`${t.type} = 'RECEIPT' AND ${t.reference} IS NOT NULL`),
    check(
      'ledger_type_known',
      sql.raw(`type IN (${ledgerEntryTypes.map((type) => `'${type}'`).join(', ')})`),
    ),
    check('ledger_date_iso', isoDate('date')),
    check('ledger_receipt_positive', sql`${t.type} <> 'RECEIPT' OR ${t.quantity} > 0`),
  ],
);

/** Secrets sealed by a secret backend; `backend` names the one that sealed each. */
export const sealedSecrets = sqliteTable('sealed_secrets', {
  name: text('name').primaryKey(),
  backend: text('backend').notNull(),
  sealed: blob('sealed', { mode: 'buffer' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
