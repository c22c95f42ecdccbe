import { z } from 'zod';

/**
 * The seed's recommended setup order; the home screen ticks each step from real data. The checklist
 * holds the steps of the sales sources there are: Lightspeed's, a CSV till's, or both.
 */
export const setupSteps = [
  'storage_units',
  'ingredients',
  'recipes',
  'connect',
  'sync_locations',
  'link_storage_units',
  'sync_items',
  'csv_profile',
  'map_items',
  'activate',
  'check_migration',
  'test_one_day',
  'csv_upload',
  'check_ledger',
  'auto_issue',
] as const;
export type SetupStep = (typeof setupSteps)[number];

/** Each step, ticked from real data, and the first step not done yet (null when everything is set up). */
export const setupChecklistView = z.object({
  steps: z.array(z.object({ step: z.enum(setupSteps), done: z.boolean(), detail: z.string() })),
  next: z.enum(setupSteps).nullable(),
});
export type SetupChecklist = z.infer<typeof setupChecklistView>;
