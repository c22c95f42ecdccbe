import { z } from 'zod';
import { settingsSchema } from '../../settings';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

/** The seed's recommended setup order; the home screen ticks each step from real data. */
export const setupSteps = [
  'storage_units',
  'ingredients',
  'recipes',
  'connect',
  'sync_locations',
  'link_storage_units',
  'sync_items',
  'map_items',
  'activate',
  'check_migration',
  'test_one_day',
  'check_ledger',
  'auto_issue',
] as const;
export type SetupStep = (typeof setupSteps)[number];

export const setupChecklist = defineContract({
  channel: 'setup:checklist',
  input: empty,
  output: z.object({
    steps: z.array(z.object({ step: z.enum(setupSteps), done: z.boolean(), detail: z.string() })),
    /** The first step not done yet; null when everything is set up. */
    next: z.enum(setupSteps).nullable(),
  }),
  errors: [],
});

const editableSettings = settingsSchema.pick({ nightlyRunTime: true, startAtLogin: true, closeToTray: true, allowWeakSecretStorage: true });

export const getSettings = defineContract({
  channel: 'settings:get',
  input: empty,
  output: editableSettings.extend({ demoAccount: z.boolean() }),
  errors: [],
});

export const saveSettings = defineContract({
  channel: 'settings:save',
  input: editableSettings.partial().strict(),
  output: editableSettings.extend({ demoAccount: z.boolean() }),
  errors: ['invalid_input'],
});

export const startDemo = defineContract({
  channel: 'demo:start',
  input: empty,
  output: z.object({ locations: z.number().int(), items: z.number().int(), importedSetup: z.boolean() }),
  errors: ['lightspeed_integration_exists', 'secret_storage_unavailable', 'secret_storage_weak', 'lightspeed_oauth_exchange_failed'],
});

export const saveDiagnostics = defineContract({
  channel: 'diagnostics:save',
  input: empty,
  output: z.object({ path: z.string(), logLines: z.number().int() }),
  errors: ['disk_full', 'data_folder_read_only'],
});
