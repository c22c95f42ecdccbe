import { z } from 'zod';
import { alertView } from './connection';
import { foodCostView } from './stock';
import { decimalOutput } from '../decimal-text';

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

/** How the last closed business day of a location went: what Home shows first. */
export const lastNightStatuses = ['posted', 'unmapped', 'no_sales', 'incomplete', 'failed', 'running', 'not_run', 'paused', 'not_activated'] as const;

export const homeDashboard = z.object({
  nights: z.array(
    z.object({
      businessLocationId: z.string(),
      name: z.string(),
      timezone: z.string(),
      /** The location's last closed business day (yesterday where it is). */
      date: z.string(),
      status: z.enum(lastNightStatuses),
      logId: z.number().int().nullable(),
      linesUnmapped: z.number().int(),
      finishedAt: z.string().nullable(),
    }),
  ),
  /** The last 30 closed business days of each activated location. */
  foodCost: z.array(foodCostView.extend({ businessLocationId: z.string() })),
  stock: z.object({
    negative: z.array(z.string()),
    neverCounted: z.number().int(),
    noCost: z.array(z.string()),
  }),
  alerts: z.array(alertView),
  /** Deliveries of the last 30 days that cost more than the threshold above the ingredient's weighted average before them, newest first. */
  priceRises: z.array(z.object({ ingredient: z.string(), unit: z.string(), date: z.string(), unitCost: decimalOutput, before: decimalOutput, pct: decimalOutput })),
});
export type HomeDashboard = z.infer<typeof homeDashboard>;
