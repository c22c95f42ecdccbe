// The PostgreSQL twin of schema.ts, for a group's shared database (issue 31). Same tables, columns,
// keys, defaults and checks, in PostgreSQL's words: 64-bit integers throughout (a scaled quantity
// outgrows 32 bits at 2,147), booleans as booleans, identity columns for SQLite's autoincrement.
// schema-parity.test.ts fails when the two part ways; migrations-pg/ is generated from this file.
import { sql } from 'drizzle-orm';
import { ledgerEntryTypes } from '../../../shared/model/ledger';
import { roles } from '../../../shared/model/people';
import { migrationDayStatuses, migrationJobStatuses, salesSourceKinds, transferStatuses, transferTriggers } from '../../../shared/model/transfers';
import { bigint, boolean, check, customType, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** SQLite's blob: the sealed secrets' bytes. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const isoDate = (column: string) =>
  sql.raw(`${column} ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'`);

/** Every domain row belongs to one company. */
const companyId = () =>
  bigint('company_id', { mode: 'number' })
    .notNull()
    .references(() => companies.id);

export const companies = pgTable('companies', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const storageUnits = pgTable(
  'storage_units',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('storage_units_company_name').on(t.companyId, t.name)],
);

export const ingredients = pgTable(
  'ingredients',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ingredients_company_name').on(t.companyId, t.name)],
);

/** An ingredient's pack units (inventory/units.ts): one `name` is `factor` of the base unit, an exact decimal text. */
export const ingredientUnits = pgTable(
  'ingredient_units',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ingredientId: bigint('ingredient_id', { mode: 'number' })
      .notNull()
      .references(() => ingredients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    factor: text('factor').notNull(),
    /** The unit stock and count sheets show the ingredient in, from it down ("17 bottle 0.28 l"); at most one per ingredient. */
    countUnit: boolean('count_unit').notNull().default(false),
  },
  (t) => [
    uniqueIndex('ingredient_units_name').on(t.ingredientId, t.name),
    uniqueIndex('ingredient_units_count_unit').on(t.ingredientId).where(sql`${t.countUnit}`),
    check('ingredient_units_name_lower', sql`${t.name} = lower(${t.name})`),
  ],
);

export const recipes = pgTable(
  'recipes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    name: text('name').notNull(),
    /** How many portions (or units) one batch makes; quantity scale. */
    yieldQty: bigint('yield_qty', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recipes_company_name').on(t.companyId, t.name),
    check('recipes_yield_positive', sql`${t.yieldQty} > 0`),
  ],
);

export const recipeLines = pgTable(
  'recipe_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    recipeId: bigint('recipe_id', { mode: 'number' })
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    position: bigint('position', { mode: 'number' }).notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' }).references(() => ingredients.id),
    subRecipeId: bigint('sub_recipe_id', { mode: 'number' }).references(() => recipes.id),
    /** Net quantity per batch, in `unit`; quantity scale. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Trim loss in percent; quantity scale; null means no trim. */
    trimPct: bigint('trim_pct', { mode: 'number' }),
    /** The unit the quantity was typed in (converted to the ingredient's base when read); null: the base unit. */
    unit: text('unit'),
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

export { ledgerEntryTypes, migrationDayStatuses, migrationJobStatuses, transferStatuses, transferTriggers };

/**
 * Every stock movement, one table. `quantity` and `value` are signed changes to stock (an ISSUE is
 * negative); `unit_cost` is the weighted average cost the movement was valued at. A transfer posts
 * one ISSUE per location, business day, ingredient and storage unit; which sales lines make it up,
 * and how much each took, is in ledger_issue_lines.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    type: text('type', { enum: ledgerEntryTypes }).notNull(),
    date: text('date').notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' })
      .notNull()
      .references(() => ingredients.id),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
    /** Signed; quantity scale. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Unit-cost scale. */
    unitCost: bigint('unit_cost', { mode: 'number' }).notNull(),
    /** Signed; money scale. */
    value: bigint('value', { mode: 'number' }).notNull(),
    /** A receipt's own key (an invoice number, or the key the setup import derives). */
    reference: text('reference'),
    /** Lightspeed business location id, for entries made by a transfer. */
    businessLocationId: text('business_location_id'),
    /** Where a transfer's sales came from; null for entries no sales source made. */
    source: text('source', { enum: salesSourceKinds }),
    /** How many sales lines an ISSUE adds up (its trace rows); null for other entries. */
    salesLines: bigint('sales_lines', { mode: 'number' }),
    /** The transfer that created the entry (a later run of the same day may add lines to it). */
    transferLogId: bigint('transfer_log_id', { mode: 'number' }),
    createdAt: createdAt(),
    /** What a person typed, when not a bare base quantity: "3 case" (the quantity is its base equivalent). */
    typedQuantity: text('typed_quantity'),
  },
  (t) => [
    index('ledger_company_ingredient_type_date').on(t.companyId, t.ingredientId, t.type, t.date),
    index('ledger_storage_unit_ingredient').on(t.storageUnitId, t.ingredientId),
    index('ledger_company_date').on(t.companyId, t.date),
    uniqueIndex('ledger_receipt_reference')
      .on(t.companyId, t.reference)
      .where(sql`${t.type} = 'RECEIPT' AND ${t.reference} IS NOT NULL`),
    // A count, a waste record or a move posts one entry per ingredient and storage unit: a reopened
    // count finished again replaces its entries, never adds a second set.
    uniqueIndex('ledger_reference_once')
      .on(t.companyId, t.reference, t.ingredientId, t.storageUnitId)
      .where(sql`${t.type} IN ('COUNT', 'WASTE', 'ADJUSTMENT') AND ${t.reference} IS NOT NULL`),
    // One ISSUE per location, business day, ingredient, storage unit and source, whatever code posts:
    // a second run of the day adds to it (and ledger_issue_lines keeps any line from counting twice).
    uniqueIndex('ledger_issue_once')
      .on(t.companyId, t.businessLocationId, t.date, t.ingredientId, t.storageUnitId, t.source)
      .where(sql`${t.type} = 'ISSUE'`),
    index('ledger_transfer_log').on(t.transferLogId),
    index('ledger_location_date').on(t.businessLocationId, t.date),
    // Receipts alone, by ingredient: a day's unit costs read a few thousand receipts, not a year of entries.
    index('ledger_receipts').on(t.companyId, t.ingredientId, t.date).where(sql`${t.type} = 'RECEIPT'`),
    // A storage unit's movements by date: its value at a count's date (food cost) without the group's year.
    index('ledger_unit_date').on(t.companyId, t.storageUnitId, t.date),
    check(
      'ledger_type_known',
      sql.raw(`type IN (${ledgerEntryTypes.map((type) => `'${type}'`).join(', ')})`),
    ),
    check('ledger_date_iso', isoDate('date')),
    check('ledger_receipt_positive', sql`${t.type} <> 'RECEIPT' OR ${t.quantity} > 0`),
    check('ledger_issue_traceable', sql`${t.type} <> 'ISSUE' OR (${t.businessLocationId} IS NOT NULL AND ${t.source} IS NOT NULL)`),
  ],
);

/**
 * The trace of a day's ISSUE entries: what each sales line took of each ingredient. The primary key
 * is the rule that no sales line is deducted twice for an ingredient, whatever code posts. Built for
 * size (there are millions): integers only, and created WITHOUT ROWID by its migration (drizzle
 * cannot say so), so the key is the table and no second copy of it is kept.
 */
export const ledgerIssueLines = pgTable(
  'ledger_issue_lines',
  {
    salesLineId: bigint('sales_line_id', { mode: 'number' }).notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' }).notNull(),
    entryId: bigint('entry_id', { mode: 'number' }).notNull(),
    /** Signed; quantity scale: the line's own deduction of the entry's ingredient. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /**
     * Signed; money scale. Null (nearly always): the quantity at the entry's unit cost, rounded half
     * to even. Set only for lines carried over from before day entries, valued at another cost.
     */
    value: bigint('value', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.salesLineId, t.ingredientId] })],
);

/**
 * The ledger added up per day, location, storage unit, ingredient and type: every filter of the
 * Ledger screen is one of these, so its totals and stock on hand read a few thousand rows instead of
 * millions. Whoever writes entries adds their days up again in the same transaction (rebuildDayTotals).
 */
export const ledgerDayTotals = pgTable(
  'ledger_day_totals',
  {
    companyId: companyId(),
    date: text('date').notNull(),
    /** Lightspeed business location id; '' for entries without a location. */
    businessLocationId: text('business_location_id').notNull(),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' }).notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' }).notNull(),
    type: text('type', { enum: ledgerEntryTypes }).notNull(),
    entries: bigint('entries', { mode: 'number' }).notNull(),
    /** Quantity scale. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    /** Money scale. */
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.date, t.businessLocationId, t.storageUnitId, t.ingredientId, t.type] }),
    // Stock on hand sums every day of every storage unit and ingredient: read from this index alone, in
    // its order (a group's 20 venues × 120 days: 248 → 56 ms), not the table sorted again.
    index('ledger_day_totals_stock').on(t.companyId, t.storageUnitId, t.ingredientId, t.quantity, t.value, t.entries),
    // A location's issued value by day (food cost, Home's 30 days of each venue) from this index alone,
    // not the whole group's days in the period (a group's year: a venue's month 7 ms → under 1 ms).
    index('ledger_day_totals_location_issues').on(t.companyId, t.businessLocationId, t.type, t.date, t.value),
  ],
);

/**
 * Where sales come from: one record per source, of a kind, with a name the user chose and the kind's
 * own settings as JSON (a CSV source's settings are its profile). Secrets are sealed in
 * sealed_secrets, never here.
 */
export const salesSources = pgTable(
  'sales_sources',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    kind: text('kind', { enum: salesSourceKinds }).notNull(),
    name: text('name').notNull(),
    settings: text('settings').notNull().default('{}'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('sales_sources_company_name').on(t.companyId, t.name),
    check('sales_sources_kind', sql.raw(`kind IN (${salesSourceKinds.map((kind) => `'${kind}'`).join(', ')})`)),
  ],
);

export const csvUploadStatuses = ['posted', 'reverted'] as const;

/**
 * One CSV file posted with a profile (a CSV source). The partial unique index is the rule that the same
 * file (by content hash) is posted once, until that upload is reverted.
 */
export const csvUploads = pgTable(
  'csv_uploads',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => salesSources.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes, hex. */
    contentHash: text('content_hash').notNull(),
    status: text('status', { enum: csvUploadStatuses }).notNull(),
    /** 'replace' or 'add' when the upload met days an earlier one had posted; null otherwise. */
    mode: text('mode', { enum: ['replace', 'add'] }),
    skipInvalid: boolean('skip_invalid').notNull(),
    rows: bigint('rows', { mode: 'number' }).notNull(),
    rowsPosted: bigint('rows_posted', { mode: 'number' }).notNull(),
    rowsInvalid: bigint('rows_invalid', { mode: 'number' }).notNull(),
    rowsUnmapped: bigint('rows_unmapped', { mode: 'number' }).notNull(),
    rowsDuplicate: bigint('rows_duplicate', { mode: 'number' }).notNull(),
    rowsSkipped: bigint('rows_skipped', { mode: 'number' }).notNull(),
    /** JSON: the (location, date) days posted, and the invalid rows skipped. */
    days: text('days').notNull(),
    invalidRows: text('invalid_rows').notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    revertedAt: text('reverted_at'),
  },
  (t) => [
    uniqueIndex('csv_uploads_file_once').on(t.companyId, t.contentHash).where(sql`${t.status} = 'posted'`),
    index('csv_uploads_company').on(t.companyId, t.uploadedAt),
    check('csv_uploads_status', sql.raw(`status IN (${csvUploadStatuses.map((status) => `'${status}'`).join(', ')})`)),
  ],
);

/** The external row ids a CSV source has posted: the primary key posts each once, until its upload is reverted. */
export const csvUploadKeys = pgTable(
  'csv_upload_keys',
  {
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => salesSources.id),
    externalId: text('external_id').notNull(),
    uploadId: bigint('upload_id', { mode: 'number' })
      .notNull()
      .references(() => csvUploads.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.externalId] }), index('csv_upload_keys_upload').on(t.uploadId)],
);

export const stockCountStatuses = ['draft', 'finished'] as const;

/**
 * A stock count of one storage unit at one moment (an instant; `date` is its local date, the ledger
 * date of its COUNT entries). The unique index refuses a second count of the unit at the same moment.
 */
export const stockCounts = pgTable(
  'stock_counts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
    countedAt: text('counted_at').notNull(),
    date: text('date').notNull(),
    status: text('status', { enum: stockCountStatuses }).notNull(),
    finishedAt: text('finished_at'),
    createdAt: createdAt(),
    /**
     * Goes up with every save of the draft: a save or finish made from an older version (a second tab,
     * a second device still showing the old figures) is refused as count_changed, never silently applied.
     */
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    /** When the draft was last saved, for the sheet's "last saved". */
    savedAt: text('saved_at'),
    /** Who finished it on a Larder server; null on this PC's own Larder. */
    finishedBy: text('finished_by'),
  },
  (t) => [
    uniqueIndex('stock_counts_unit_moment').on(t.storageUnitId, t.countedAt),
    check('stock_counts_status', sql.raw(`status IN (${stockCountStatuses.map((status) => `'${status}'`).join(', ')})`)),
    check('stock_counts_date_iso', isoDate('date')),
  ],
);

/** What a count found of each ingredient it counted (a partial count leaves the rest out). Quantity scale. */
export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    countId: bigint('count_id', { mode: 'number' })
      .notNull()
      .references(() => stockCounts.id, { onDelete: 'cascade' }),
    ingredientId: bigint('ingredient_id', { mode: 'number' })
      .notNull()
      .references(() => ingredients.id),
    counted: bigint('counted', { mode: 'number' }).notNull(),
    /** What was typed, when it was more than a bare base quantity ("2 case + 5 bottle"). */
    typed: text('typed'),
  },
  (t) => [primaryKey({ columns: [t.countId, t.ingredientId] }), check('stock_count_lines_counted', sql`${t.counted} >= 0`)],
);

/** Waste as recorded (an ingredient, or a recipe exploded like a sale); its WASTE entries carry `waste:<id>`. */
export const wasteRecords = pgTable(
  'waste_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
    at: text('at').notNull(),
    date: text('date').notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' }).references(() => ingredients.id),
    recipeId: bigint('recipe_id', { mode: 'number' }).references(() => recipes.id),
    /** Quantity scale: of the ingredient, or portions of the recipe. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    /** Undone: its entries stay, reversed by entries of `waste:<id>:undo` (one set, by the ledger's unique index). */
    undoneAt: text('undone_at'),
  },
  (t) => [
    check('waste_records_one_target', sql`(${t.ingredientId} IS NULL) <> (${t.recipeId} IS NULL)`),
    check('waste_records_positive', sql`${t.quantity} > 0`),
  ],
);

/** Stock carried from one storage unit to another; its two ADJUSTMENT entries carry `move:<id>`. */
export const stockMoves = pgTable(
  'stock_moves',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    fromStorageUnitId: bigint('from_storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
    toStorageUnitId: bigint('to_storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
    ingredientId: bigint('ingredient_id', { mode: 'number' })
      .notNull()
      .references(() => ingredients.id),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    date: text('date').notNull(),
    /** Undone: its entries stay, reversed by entries of `move:<id>:undo`. */
    undoneAt: text('undone_at'),
  },
  (t) => [check('stock_moves_positive', sql`${t.quantity} > 0`), check('stock_moves_two_units', sql`${t.fromStorageUnitId} <> ${t.toStorageUnitId}`)],
);

/** Secrets sealed by a secret backend; `backend` names the one that sealed each. */
export const sealedSecrets = pgTable('sealed_secrets', {
  name: text('name').primaryKey(),
  backend: text('backend').notNull(),
  sealed: bytea('sealed').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const connectionStatuses = ['active', 'disconnected', 'refresh_failed'] as const;

/** One Lightspeed connection per company. Its tokens live sealed in sealed_secrets, never here. */
export const lightspeedConnections = pgTable(
  'lightspeed_connections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    name: text('name').notNull(),
    environment: text('environment').notNull(),
    status: text('status', { enum: connectionStatuses }).notNull(),
    accessExpiresAt: text('access_expires_at'),
    /** Null: no fixed expiry (offline tokens). */
    refreshExpiresAt: text('refresh_expires_at'),
    connectedAt: text('connected_at').notNull(),
    lastRefreshAt: text('last_refresh_at'),
    updatedAt: text('updated_at').notNull(),
    /** When the manager disconnected (not Lightspeed): the screens then say so instead of raising the alarm. */
    disconnectedByUserAt: text('disconnected_by_user_at'),
  },
  (t) => [
    uniqueIndex('lightspeed_connections_company').on(t.companyId),
    check('lightspeed_connections_status', sql.raw(`status IN (${connectionStatuses.map((status) => `'${status}'`).join(', ')})`)),
  ],
);

/** Integration alerts; the partial unique index keeps one open alert per code (repeats bump its count). */
export const integrationAlerts = pgTable(
  'integration_alerts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    code: text('code').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    message: text('message').notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(1),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    resolvedAt: text('resolved_at'),
    /** The location and business day the alert is about (a failed day's), so it links to that day; null for a connection alert. */
    businessLocationId: text('business_location_id'),
    reportDate: text('report_date'),
  },
  (t) => [uniqueIndex('integration_alerts_one_open').on(t.companyId, t.code).where(sql`${t.status} = 'open'`)],
);

/** Lightspeed business locations; never deleted by a sync (history and links hang on them). */
export const locations = pgTable(
  'locations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    businessLocationId: text('business_location_id').notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    timezone: text('timezone').notNull(),
    currencyCode: text('currency_code').notNull(),
    businessId: text('business_id').notNull(),
    businessName: text('business_name').notNull(),
    /** The sales source the location belongs to (a Lightspeed business location, a CSV file's location). */
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => salesSources.id),
    lastSyncedAt: text('last_synced_at').notNull(),
    /** False when the last sync did not see it: kept, and shown as such. */
    seenInLastSync: boolean('seen_in_last_sync').notNull().default(true),
    /** Where this location's sales are deducted. */
    storageUnitId: bigint('storage_unit_id', { mode: 'number' }).references(() => storageUnits.id),
    /** One-way: set once, when the location is activated. */
    activatedAt: text('activated_at'),
    /** Automatic nightly issues; false means paused (manual transfers still work). */
    autoIssue: boolean('auto_issue').notNull().default(true),
    lastRunAt: text('last_run_at'),
    /** False while the POS named no time zone for it (Europe/Berlin stands in): activation waits for someone to set it. */
    timeZoneKnown: boolean('time_zone_known').notNull().default(true),
  },
  (t) => [uniqueIndex('locations_company_bl').on(t.companyId, t.businessLocationId), index('locations_source').on(t.sourceId)],
);

/**
 * POS items of every source: Lightspeed items (deduplicated by item id across locations), and the codes
 * CSV uploads sold (item id and SKU the code). An item id is unique within its source.
 */
export const posItems = pgTable(
  'pos_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => salesSources.id),
    itemId: text('item_id').notNull(),
    name: text('name').notNull(),
    sku: text('sku'),
    active: boolean('active').notNull(),
    /** Money scale; null when Lightspeed gave no usable price. */
    price: bigint('price', { mode: 'number' }),
    lastSyncedAt: text('last_synced_at').notNull(),
    /** The group a person joined this item to (another source's item that is the same dish); null: its own. */
    linkedGroup: text('linked_group'),
    /**
     * The dish the item is: within its sales source (one POS account, one CSV profile) its SKU (a CSV
     * code is its SKU), or its exact name where it has none, across that source's businesses and
     * locations. Tills number their items independently, so items of two sources are one dish only
     * when a person links them (linked_group). Mappings belong to the group (see items/mappings.ts).
     */
    groupKey: text('group_key')
      .notNull()
      // PostgreSQL stores generated columns (SQLite's is virtual): the same text, kept on write.
      .generatedAlwaysAs(sql`CASE WHEN coalesce(linked_group, '') <> '' THEN linked_group WHEN coalesce(sku, '') <> '' THEN 'sku:' || source_id || ':' || sku ELSE 'name:' || source_id || ':' || name END`),
    /** Lightspeed's `disabled`: stock management is off for it there. It still sells, deducts here and can be mapped. */
    stockUntracked: boolean('stock_untracked').notNull().default(false),
  },
  (t) => [
    uniqueIndex('pos_items_source_item').on(t.companyId, t.sourceId, t.itemId),
    index('pos_items_company_sku').on(t.companyId, t.sku),
    index('pos_items_company_name').on(t.companyId, t.name),
    index('pos_items_company_group').on(t.companyId, t.groupKey),
  ],
);

/** Which locations carry an item. */
export const posItemLocations = pgTable(
  'pos_item_locations',
  {
    posItemId: bigint('pos_item_id', { mode: 'number' })
      .notNull()
      .references(() => posItems.id, { onDelete: 'cascade' }),
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.posItemId, t.locationId] }), index('pos_item_locations_location').on(t.locationId)],
);

/**
 * What a group of POS items (one dish, see pos_items.group_key) deducts when sold: one ingredient or one
 * recipe, a quantity per sale, and whether it subtracts. One mapping for the group (location null) and
 * at most one override per location (a larger portion at the bar), each held by a unique index.
 */
export const posMappings = pgTable(
  'pos_mappings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    groupKey: text('group_key').notNull(),
    /** Null: the group's mapping; otherwise this location's override of it. */
    locationId: bigint('location_id', { mode: 'number' }).references(() => locations.id),
    mappedObjectType: text('mapped_object_type', { enum: ['ingredient', 'recipe'] }).notNull(),
    ingredientId: bigint('ingredient_id', { mode: 'number' }).references(() => ingredients.id),
    recipeId: bigint('recipe_id', { mode: 'number' }).references(() => recipes.id),
    /** Quantity scale, in `unit`; above 0. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    isSubtraction: boolean('is_subtraction').notNull().default(false),
    updatedAt: text('updated_at').notNull(),
    /** The unit an ingredient mapping's quantity was typed in; null: the ingredient's base unit (and always for a recipe). */
    unit: text('unit'),
  },
  (t) => [
    uniqueIndex('pos_mappings_group').on(t.companyId, t.groupKey).where(sql`${t.locationId} IS NULL`),
    uniqueIndex('pos_mappings_group_location').on(t.companyId, t.groupKey, t.locationId).where(sql`${t.locationId} IS NOT NULL`),
    index('pos_mappings_ingredient').on(t.ingredientId),
    index('pos_mappings_recipe').on(t.recipeId),
    check(
      'pos_mappings_target',
      sql`(${t.mappedObjectType} = 'ingredient' AND ${t.ingredientId} IS NOT NULL AND ${t.recipeId} IS NULL) OR (${t.mappedObjectType} = 'recipe' AND ${t.recipeId} IS NOT NULL AND ${t.ingredientId} IS NULL)`,
    ),
    check('pos_mappings_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/**
 * Renames a sync found on an item whose SKU it knew and whose group is mapped: deductions go on
 * through the SKU, and the manager confirms the new name or remaps. One open review per item.
 */
export const itemRenames = pgTable(
  'item_renames',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    posItemId: bigint('pos_item_id', { mode: 'number' })
      .notNull()
      .references(() => posItems.id, { onDelete: 'cascade' }),
    oldName: text('old_name').notNull(),
    newName: text('new_name').notNull(),
    foundAt: text('found_at').notNull(),
    /** Set when the manager confirmed the name or remapped the item. */
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: ['confirmed', 'remapped'] }),
  },
  (t) => [uniqueIndex('item_renames_open').on(t.posItemId).where(sql`${t.resolvedAt} IS NULL`)],
);

/**
 * Lightspeed sales as fetched, per location and business day: the cache a transfer can reuse. What a
 * transfer reads is kept (the lines in sales_lines); the rest of Lightspeed's answer is not, at a year
 * of sales it would be most of the file.
 */
export const sales = pgTable(
  'sales',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    businessDate: text('business_date').notNull(),
    accountReference: text('account_reference').notNull(),
    receiptId: text('receipt_id'),
    type: text('type').notNull(),
    cancelled: boolean('cancelled').notNull(),
    timeClosed: text('time_closed').notNull(),
    /** The CSV upload whose row this sale is (one sale per row); null for polled sources. */
    csvUploadId: bigint('csv_upload_id', { mode: 'number' }).references(() => csvUploads.id),
    /** The first account of the sale's chain (a reopened bill, a split, a refund link to it); null when the POS names none. */
    chainId: text('chain_id'),
  },
  (t) => [
    uniqueIndex('sales_location_account').on(t.locationId, t.accountReference),
    index('sales_location_date').on(t.locationId, t.businessDate),
    index('sales_csv_upload').on(t.csvUploadId).where(sql`${t.csvUploadId} IS NOT NULL`),
  ],
);

/**
 * What a till sold lines as: the POS's item id where the source sends one (Sides), a SKU and a name,
 * each triple stored once ('' for none), because a year of a busy venue has millions of lines of a
 * few thousand items.
 */
export const soldItems = pgTable(
  'sold_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    itemRef: text('item_ref').notNull().default(''),
  },
  (t) => [uniqueIndex('sold_items_ref_sku_name').on(t.itemRef, t.sku, t.name)],
);

/**
 * Sales lines, keyed by their sale and Lightspeed's line id: the stable row ids the ledger's trace
 * (ledger_issue_lines) hangs on. A line's location and business day are its sale's.
 */
export const salesLines = pgTable(
  'sales_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    saleId: bigint('sale_id', { mode: 'number' })
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    lineId: text('line_id').notNull(),
    parentLineId: text('parent_line_id'),
    soldItemId: bigint('sold_item_id', { mode: 'number' })
      .notNull()
      .references(() => soldItems.id),
    /** Quantity scale; null when Lightspeed sent none. */
    quantity: bigint('quantity', { mode: 'number' }),
    /** Money scale: the line's net sales value, to tell how much of a day's takings deducted nothing. */
    netAmount: bigint('net_amount', { mode: 'number' }),
    /** Why the line was voided after it was ordered (Lightspeed's voidReason), or null. */
    voidReason: text('void_reason'),
    /** The POS's accounting group of the line (Food, Drinks …): what its own day totals are grouped by. */
    accountingGroup: text('accounting_group'),
  },
  (t) => [uniqueIndex('sales_lines_sale_line').on(t.saleId, t.lineId)],
);

/**
 * What each sold item sold per location and business day, sold lines only (positive quantity, named,
 * not voided or cancelled): the cached sales summed once when a day is stored, so a 30-day ranking of
 * unmapped items reads thousands of rows instead of a busy venue's 150,000 lines. Kept by
 * sales/sales-cache.ts, which writes the sales it sums.
 */
export const soldItemDays = pgTable(
  'sold_item_days',
  {
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    businessDate: text('business_date').notNull(),
    soldItemId: bigint('sold_item_id', { mode: 'number' })
      .notNull()
      .references(() => soldItems.id),
    lines: bigint('lines', { mode: 'number' }).notNull(),
    /** Quantity scale. */
    units: bigint('units', { mode: 'number' }).notNull(),
    /** Money scale. */
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.businessDate, t.soldItemId] })],
);

/** The days a location's sales were fetched for, and how: whether a transfer may reuse them. */
export const salesFetches = pgTable(
  'sales_fetches',
  {
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    businessDate: text('business_date').notNull(),
    fetchedAt: text('fetched_at').notNull(),
    dataComplete: boolean('data_complete').notNull(),
    nextStartOfDay: text('next_start_of_day'),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.businessDate] })],
);


/** One row per transfer attempt; retries of one request share its request UUID. */
export const transferLogs = pgTable(
  'transfer_logs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    reportDate: text('report_date').notNull(),
    requestUuid: text('request_uuid').notNull(),
    attempt: bigint('attempt', { mode: 'number' }).notNull(),
    status: text('status', { enum: transferStatuses }).notNull(),
    trigger: text('trigger', { enum: transferTriggers }).notNull(),
    forceRefresh: boolean('force_refresh').notNull(),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' }).references(() => storageUnits.id),
    noData: boolean('no_data').notNull().default(false),
    /** False when the business day was not closed yet (a manual transfer posts what exists). */
    dataComplete: boolean('data_complete'),
    salesCount: bigint('sales_count', { mode: 'number' }).notNull().default(0),
    linesProcessed: bigint('lines_processed', { mode: 'number' }).notNull().default(0),
    linesSkipped: bigint('lines_skipped', { mode: 'number' }).notNull().default(0),
    ledgerEntriesCreated: bigint('ledger_entries_created', { mode: 'number' }).notNull().default(0),
    /** JSON: ledger ids, unmapped names, exceptions, recipes used, the API summary. */
    ledgerIds: text('ledger_ids').notNull().default('[]'),
    unmappedNames: text('unmapped_names').notNull().default('[]'),
    exceptions: text('exceptions').notNull().default('[]'),
    // A default must read back through the log contract: recipes used is a list, so an empty list.
    recipesUsed: text('recipes_used').notNull().default('[]'),
    apiResponseSummary: text('api_response_summary').notNull().default('{}'),
    usedCache: boolean('used_cache').notNull().default(false),
    idempotent: boolean('idempotent').notNull().default(false),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /** Sales lines (positive, named, not voided) and how many of them had no mapping: what a manager must see. */
    linesSold: bigint('lines_sold', { mode: 'number' }).notNull().default(0),
    linesUnmapped: bigint('lines_unmapped', { mode: 'number' }).notNull().default(0),
    /** Money scale: the net value of those lines, and of the unmapped ones. */
    salesValue: bigint('sales_value', { mode: 'number' }).notNull().default(0),
    unmappedValue: bigint('unmapped_value', { mode: 'number' }).notNull().default(0),
    /** Earlier entries of the day this forced run deleted before posting its own. */
    entriesReplaced: bigint('entries_replaced', { mode: 'number' }).notNull().default(0),
    /** Set when a later forced run replaced this log's entries: the log says so instead of listing none. */
    replacedByLogId: bigint('replaced_by_log_id', { mode: 'number' }),
    replacedAt: text('replaced_at'),
    /** The CSV upload this log posted (trigger csv_upload), and when that upload was reverted. */
    csvUploadId: bigint('csv_upload_id', { mode: 'number' }).references(() => csvUploads.id),
    revertedAt: text('reverted_at'),
    /** The day held against the POS's own totals (shared/model/transfers.ts' reconciliation), JSON; null when none was made. */
    reconciliation: text('reconciliation'),
    /** Who started it on a Larder server (core/acting.ts); null for the nightly run and this PC's own user. */
    startedBy: text('started_by'),
  },
  (t) => [
    uniqueIndex('transfer_logs_request_attempt').on(t.requestUuid, t.attempt),
    index('transfer_logs_location_date').on(t.locationId, t.reportDate, t.status),
    index('transfer_logs_company_started').on(t.companyId, t.startedAt),
  ],
);

/**
 * Who is transferring a location's business day right now. The primary key makes a second holder
 * impossible, across processes; a holder that died (its pid is gone) or overran its expiry is stale.
 */
export const dayLocks = pgTable(
  'day_locks',
  {
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    businessDate: text('business_date').notNull(),
    holder: text('holder').notNull(),
    pid: bigint('pid', { mode: 'number' }).notNull(),
    expiresAt: text('expires_at').notNull(),
    /** The holder's machine: its pid says whether it lives only there ('' before issue 31: this PC). */
    host: text('host').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.businessDate] })],
);

/**
 * Counters the database itself moves when data a process keeps in memory changes, whoever writes it:
 * `recipe_book` moves with every change to recipes, their lines, ingredients and their units
 * (triggers in the migration), so a kept recipe book knows it is stale when another process, or
 * another PC on a shared PostgreSQL database, changed a recipe.
 */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  /** PostgreSQL's transaction that last moved it: a transaction moves it once, however many rows it changes. */
  movedBy: text('moved_by'),
});

/**
 * Who is renewing the company's Lightspeed tokens right now, across processes: refresh tokens rotate
 * and are single use, so the app, the CLI and the web host must never spend the same one twice.
 */
export const tokenRefreshLeases = pgTable('token_refresh_leases', {
  companyId: companyId().primaryKey(),
  holder: text('holder').notNull(),
  pid: bigint('pid', { mode: 'number' }).notNull(),
  expiresAt: text('expires_at').notNull(),
  /** The holder's machine: its pid says whether it lives only there ('' before issue 31: this PC). */
  host: text('host').notNull().default(''),
});


export const migrationJobs = pgTable(
  'migration_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
    status: text('status', { enum: migrationJobStatuses }).notNull(),
    /** A re-run: every day again, with force refresh, none skipped. */
    rerun: boolean('rerun').notNull().default(false),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    totalDays: bigint('total_days', { mode: 'number' }).notNull(),
    daysProcessed: bigint('days_processed', { mode: 'number' }).notNull().default(0),
    daysFailed: bigint('days_failed', { mode: 'number' }).notNull().default(0),
    daysSkipped: bigint('days_skipped', { mode: 'number' }).notNull().default(0),
    currentDate: text('current_date'),
    progressPercent: bigint('progress_percent', { mode: 'number' }).notNull().default(0),
    startedAt: text('started_at'),
    completedAt: text('completed_at'),
    errorMessage: text('error_message'),
    /** The runner's pid and last sign of life: a dead or silent runner's job goes back to pending. */
    runnerPid: bigint('runner_pid', { mode: 'number' }),
    heartbeatAt: text('heartbeat_at'),
    createdAt: text('created_at').notNull(),
    /** Why a failed job stopped: lightspeed_api_error when an outage stopped it early (the next run resumes it). */
    errorCode: text('error_code'),
    /** The runner's machine: its pid says whether it lives only there ('' before issue 31: this PC). */
    runnerHost: text('runner_host').notNull().default(''),
  },
  (t) => [
    // At most one pending or running migration per location, whatever code path asks.
    uniqueIndex('migration_jobs_one_in_progress').on(t.locationId).where(sql`${t.status} IN ('pending', 'running')`),
    index('migration_jobs_location').on(t.locationId, t.createdAt),
  ],
);

export const migrationDays = pgTable(
  'migration_days',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => migrationJobs.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    status: text('status', { enum: migrationDayStatuses }).notNull(),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    transferLogId: bigint('transfer_log_id', { mode: 'number' }).references(() => transferLogs.id),
    linesProcessed: bigint('lines_processed', { mode: 'number' }).notNull().default(0),
    ledgerEntriesCreated: bigint('ledger_entries_created', { mode: 'number' }).notNull().default(0),
    errorMessage: text('error_message'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('migration_days_job_date').on(t.jobId, t.date)],
);

/**
 * The people of a Larder server (issue 32): a sign-in name, a name to show, a role, and the password
 * as a memory-hard hash (people/passwords.ts: scrypt), never the password. people/users.ts is the
 * only module that writes users, user_locations and user_storage_units.
 */
export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    login: text('login').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: text('password_changed_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_company_login').on(t.companyId, t.login),
    check('users_role', sql.raw(`role IN (${roles.map((each) => `'${each}'`).join(', ')})`)),
  ],
);

/** The locations a manager or viewer works for (an owner has every one without rows here). */
export const userLocations = pgTable(
  'user_locations',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    locationId: bigint('location_id', { mode: 'number' })
      .notNull()
      .references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] })],
);

/** The storage units a manager or counter counts and keeps. */
export const userStorageUnits = pgTable(
  'user_storage_units',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storageUnitId: bigint('storage_unit_id', { mode: 'number' })
      .notNull()
      .references(() => storageUnits.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storageUnitId] })],
);

/**
 * Who is signed in to a Larder server: a session is found by the SHA-256 of its cookie's token (a copy
 * of this table opens no session), and ends when idle too long or when its person's password changed
 * after it began. people/sessions.ts is the only module that writes sessions and sign_in_failures.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text('token_hash').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

/** Failed sign-ins per sign-in name, known or not (a lockout that only real names get would name them). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    companyId: companyId(),
    login: text('login').notNull(),
    failures: bigint('failures', { mode: 'number' }).notNull(),
    lockedUntil: text('locked_until'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.login] })],
);

/**
 * Who did what on a Larder server (issue 32): every change a signed-in person made through a contract,
 * with their name as it was then (a renamed person's past stays readable). people/activity.ts is the
 * only module that writes it.
 */
export const activity = pgTable(
  'activity',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: companyId(),
    at: text('at').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userName: text('user_name').notNull(),
    channel: text('channel').notNull(),
    /** What was asked, without passwords, secrets or file contents (people/activity.ts). */
    summary: text('summary').notNull(),
  },
  (t) => [index('activity_company_at').on(t.companyId, t.at), index('activity_user').on(t.userId)],
);
