// Locations, POS items and mappings as the engine answers them and the screens show them: one schema
// per concept, and the engine's types are inferred from these.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';
import { migrationView, salesSourceKinds } from './transfers';

/**
 * A location's id at its POS: a Lightspeed business location id (digits), a Sides store id ("st_1"), or a
 * CSV profile's location ("Kassenexport/Mitte").
 */
export const posLocationId = z.string().trim().min(1, 'a location id').max(200);

/** A POS location as the screens show it (the database row less its internal ids). */
export const locationView = z.object({
  businessLocationId: z.string(),
  name: z.string(),
  country: z.string(),
  timezone: z.string(),
  /** False while the POS named no zone (Europe/Berlin stands in): activation waits until someone sets it. */
  timeZoneKnown: z.boolean(),
  /** Which kind of sales source it belongs to (what its screen offers: Lightspeed's Transactions comparison). */
  sourceKind: z.enum(salesSourceKinds),
  currencyCode: z.string(),
  businessName: z.string(),
  lastSyncedAt: z.string(),
  seenInLastSync: z.boolean(),
  storageUnitId: z.number().int().nullable(),
  activatedAt: z.string().nullable(),
  autoIssue: z.boolean(),
  lastRunAt: z.string().nullable(),
});

export const locationSyncResult = z.object({ locations: z.number().int(), added: z.number().int(), notSeen: z.number().int() });
export type LocationSyncResult = z.infer<typeof locationSyncResult>;

export const itemSyncResult = z.object({ items: z.number().int(), locations: z.number().int() });
export type ItemSyncResult = z.infer<typeof itemSyncResult>;

export const mappedObjectTypes = ['ingredient', 'recipe'] as const;

/** `unit`: what an ingredient mapping's quantity was typed in ("9" "g" of a kilogram ingredient); null: the ingredient's own unit, or portions of a recipe. */
const mappingTarget = z.object({ type: z.enum(mappedObjectTypes), name: z.string(), quantity: decimalOutput, unit: z.string().nullable(), isSubtraction: z.boolean() });

export const posItemView = z.object({
  id: z.number().int(),
  itemId: z.string(),
  name: z.string(),
  sku: z.string().nullable(),
  active: z.boolean(),
  /** Lightspeed says stock is not tracked for it there (its `disabled`): it still sells and deducts here. */
  stockUntracked: z.boolean(),
  price: decimalOutput.nullable(),
  locations: z.array(z.string()),
  lastSyncedAt: z.string(),
  /** The sales source the item belongs to (its name, and its kind). */
  source: z.string(),
  sourceKind: z.enum(salesSourceKinds),
  groupKey: z.string(),
  /** A person linked it to another till's dish (its group is that dish's, not its own code's). */
  linked: z.boolean(),
  mapping: mappingTarget.nullable(),
  /** Locations where a mapping of their own overrides the group's. */
  overrides: z.array(mappingTarget.extend({ location: z.string() })),
});
export type PosItemView = z.infer<typeof posItemView>;

export const mappingView = z.object({
  itemId: z.string(),
  itemName: z.string(),
  /** The group the mapping belongs to (`sku:…` or `name:…`): every item of it deducts the same. */
  groupKey: z.string(),
  /** Null: the group's mapping; otherwise the POS id of the location it overrides the group's at. */
  location: z.string().nullable(),
  mappedObjectType: z.enum(mappedObjectTypes),
  mappedObjectId: z.number().int(),
  mappedObjectName: z.string(),
  quantity: decimalOutput,
  /** The unit the quantity was typed in; null: the ingredient's own unit, or portions of a recipe. */
  unit: z.string().nullable(),
  isSubtraction: z.boolean(),
});
export type MappingView = z.infer<typeof mappingView>;

const issueCount = z.object({ total: z.number().int(), failed: z.number().int() });

/** What the location screen shows at a glance: health warnings, the seed's stats and the migration. */
export const locationOverview = z.object({
  health: z.object({
    noStorageUnit: z.boolean(),
    recentFailedTransfers: z.number().int(),
    recentUnmappedNames: z.array(z.string()),
    incompleteDays: z.array(z.string()),
    migrationInProgress: z.boolean(),
  }),
  stats: z.object({
    issues: z.object({ lifetime: issueCount, last7Days: issueCount, last30Days: issueCount }),
    catalog: z.object({ mapped: z.number().int(), total: z.number().int() }),
    salesLines: z.object({ last7Days: z.number().int(), last30Days: z.number().int() }),
  }),
  storageUnitName: z.string().nullable(),
  /** The last closed business date where the location is, by main's clock: the manual issue's default. */
  yesterday: z.string(),
  migration: migrationView.nullable(),
});
export type LocationOverview = z.infer<typeof locationOverview>;

/** A rename a sync found on a mapped item: deductions go on through its SKU until the manager looks. */
export const itemRenameView = z.object({
  id: z.number().int(),
  posItemId: z.number().int(),
  oldName: z.string(),
  newName: z.string(),
  foundAt: z.string(),
  source: z.string(),
  mapping: mappingTarget.nullable(),
});
export type ItemRenameView = z.infer<typeof itemRenameView>;

/**
 * How many rows at the top of the work list get suggestions when the Items screen opens: the
 * best-sellers a person works through first (a row further down gets its suggestions when opened).
 */
export const SUGGESTED_ROWS = 30;

/** A suggested mapping target: never applied by itself. `score` is the name similarity, 0 to 1. */
export const suggestionView = z.object({ kind: z.enum(mappedObjectTypes), name: z.string(), id: z.number().int(), score: z.number() });
export type SuggestionView = z.infer<typeof suggestionView>;

/** What an unmapped item sold over the last 30 closed business days of every location that sells it. */
export const workListRow = z.object({ posItemId: z.number().int(), unitsSold30d: decimalOutput, netSales30d: decimalOutput });

/** How much of a location's last 30 days its mappings cover: by sales lines and by net sales value. */
export const locationCoverage = z.object({
  businessLocationId: z.string(),
  name: z.string(),
  currencyCode: z.string(),
  lines: z.number().int(),
  mappedLines: z.number().int(),
  salesValue: decimalOutput,
  mappedValue: decimalOutput,
  /** Whole percents; null without sales in the period. */
  percentLines: z.number().int().nullable(),
  percentValue: z.number().int().nullable(),
});
export type LocationCoverageView = z.infer<typeof locationCoverage>;

/** Past days against today's mappings and recipes: what is posted, what would be, and which days change. */
export const reprocessPreviewView = z.object({
  days: z.array(z.string()),
  ingredients: z.array(
    z.object({ ingredient: z.string(), unit: z.string(), posted: decimalOutput, new: decimalOutput, difference: decimalOutput, postedValue: decimalOutput, newValue: decimalOutput }),
  ),
});
