import { z } from 'zod';

/** Typed push events from main to the renderer; screens refresh on them instead of polling. */
export const larderEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connection:changed') }),
  z.object({ type: z.literal('transfer:started'), businessLocationId: z.string(), date: z.string() }),
  z.object({ type: z.literal('transfer:finished'), businessLocationId: z.string(), date: z.string(), success: z.boolean() }),
  /** An item sync under way: `done` of `total` locations fetched. */
  z.object({ type: z.literal('sync:progress'), what: z.literal('items'), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('settings:changed') }),
  /** A backup written (Settings and Home show the last verified one). */
  z.object({ type: z.literal('backups:changed') }),
  /** The database was restored from a backup: every open screen reads it again. */
  z.object({ type: z.literal('data:restored') }),
  /** Past days being rebuilt with today's mappings: `done` of `total` days, the last one `date`. */
  z.object({ type: z.literal('reprocess:progress'), businessLocationId: z.string(), done: z.number().int(), total: z.number().int(), date: z.string() }),
  z.object({
    type: z.literal('migration:progress'),
    businessLocationId: z.string(),
    status: z.enum(['pending', 'running', 'completed', 'cancelled', 'failed']),
    progressPercent: z.number().int(),
  }),
  z.object({ type: z.literal('lightspeed:changed'), what: z.enum(['locations', 'items', 'mappings']) }),
  /** A CSV profile saved, or an upload posted or reverted (its days' ledger and logs changed). */
  z.object({ type: z.literal('sources:changed'), what: z.enum(['profiles', 'uploads', 'sides']) }),
  z.object({
    type: z.literal('inventory:changed'),
    what: z.enum(['storage-units', 'ingredients', 'recipes', 'receipts', 'setup', 'stock']),
  }),
]);

export type LarderEvent = z.infer<typeof larderEventSchema>;
