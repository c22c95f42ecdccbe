// Locations, POS items and mappings as the engine answers them and the screens show them: one schema
// per concept, and the engine's types are inferred from these.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';

/** A POS location as the screens show it (the database row less its internal ids). */
export const locationView = z.object({
  businessLocationId: z.string(),
  name: z.string(),
  country: z.string(),
  timezone: z.string(),
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

export const posItemView = z.object({
  id: z.number().int(),
  itemId: z.string(),
  name: z.string(),
  sku: z.string().nullable(),
  active: z.boolean(),
  price: decimalOutput.nullable(),
  locations: z.array(z.string()),
  lastSyncedAt: z.string(),
  mapping: z.object({ type: z.enum(mappedObjectTypes), name: z.string(), quantity: decimalOutput, isSubtraction: z.boolean() }).nullable(),
});
export type PosItemView = z.infer<typeof posItemView>;

export const mappingView = z.object({
  itemId: z.string(),
  itemName: z.string(),
  mappedObjectType: z.enum(mappedObjectTypes),
  mappedObjectId: z.number().int(),
  mappedObjectName: z.string(),
  quantity: decimalOutput,
  isSubtraction: z.boolean(),
});
export type MappingView = z.infer<typeof mappingView>;
