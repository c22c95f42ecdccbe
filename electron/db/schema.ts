// The one drizzle schema of Larder's local database. Migrations in ./migrations are generated from
// this file by `npm run db:generate` and are never edited by hand.
//
// Quantities and money are stored as scaled integers (see electron/decimal/decimal.ts): SQLite then
// sums them exactly, and no binary float ever touches a quantity.
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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

export const connectionStatuses = ['active', 'disconnected', 'refresh_failed'] as const;

/** One Lightspeed connection per company. Its tokens live sealed in sealed_secrets, never here. */
export const lightspeedConnections = sqliteTable(
  'lightspeed_connections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    environment: text('environment').notNull(),
    status: text('status', { enum: connectionStatuses }).notNull(),
    accessExpiresAt: text('access_expires_at'),
    /** Null: no fixed expiry (offline tokens). */
    refreshExpiresAt: text('refresh_expires_at'),
    connectedAt: text('connected_at').notNull(),
    lastRefreshAt: text('last_refresh_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('lightspeed_connections_company').on(t.companyId),
    check('lightspeed_connections_status', sql.raw(`status IN (${connectionStatuses.map((status) => `'${status}'`).join(', ')})`)),
  ],
);

/** Integration alerts; the partial unique index keeps one open alert per code (repeats bump its count). */
export const integrationAlerts = sqliteTable(
  'integration_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    code: text('code').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    message: text('message').notNull(),
    count: integer('count').notNull().default(1),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [uniqueIndex('integration_alerts_one_open').on(t.companyId, t.code).where(sql`${t.status} = 'open'`)],
);

/** Lightspeed business locations; never deleted by a sync (history and links hang on them). */
export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    businessLocationId: text('business_location_id').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    timezone: text('timezone').notNull(),
    currencyCode: text('currency_code').notNull(),
    businessId: text('business_id').notNull(),
    businessName: text('business_name').notNull(),
    lastSyncedAt: text('last_synced_at').notNull(),
    /** False when the last sync did not see it: kept, and shown as such. */
    seenInLastSync: integer('seen_in_last_sync', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('locations_company_bl').on(t.companyId, t.businessLocationId)],
);

/** POS items, deduplicated by Lightspeed item id across locations. */
export const posItems = sqliteTable(
  'pos_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id),
    itemId: text('item_id').notNull(),
    name: text('name').notNull(),
    sku: text('sku'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Money scale; null when Lightspeed gave no usable price. */
    price: integer('price'),
    lastSyncedAt: text('last_synced_at').notNull(),
  },
  (t) => [
    uniqueIndex('pos_items_company_item').on(t.companyId, t.itemId),
    index('pos_items_company_sku').on(t.companyId, t.sku),
    index('pos_items_company_name').on(t.companyId, t.name),
  ],
);

/** Which locations carry an item. */
export const posItemLocations = sqliteTable(
  'pos_item_locations',
  {
    posItemId: integer('pos_item_id')
      .notNull()
      .references(() => posItems.id, { onDelete: 'cascade' }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.posItemId, t.locationId] }), index('pos_item_locations_location').on(t.locationId)],
);
