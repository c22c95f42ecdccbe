// Sales sources as the Sales sources page shows them: one card per source, its state in plain words.
import { z } from 'zod';
import { csvProfileSchema } from './csv';
import { salesSourceKinds } from './transfers';

/** What a card's colour says: ready (green), needs attention (amber or red), or not set up. */
export const sourceHealth = ['ready', 'attention', 'failed', 'not_connected'] as const;

export const salesSourceView = z.object({
  id: z.number().int().nullable(),
  kind: z.enum(salesSourceKinds),
  name: z.string(),
  health: z.enum(sourceHealth),
  /** One line for the manager: "Connected · 4 locations, 2 activated", "3 uploads, last on 2026-05-08". */
  summary: z.string(),
  /** What needs doing, when something does ("12 codes are not mapped"). */
  attention: z.string().nullable(),
  items: z.number().int(),
  unmappedItems: z.number().int(),
  locations: z.number().int(),
  lastActivityAt: z.string().nullable(),
  /** A CSV source's profile, for its editor. */
  profile: csvProfileSchema.nullable(),
});
export type SalesSourceView = z.infer<typeof salesSourceView>;
