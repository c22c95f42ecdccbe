import { z } from 'zod';
import { settingsSchema } from '../../settings';
import { setupChecklistView } from '../../model/setup';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

export const setupChecklist = defineContract({
  channel: 'setup:checklist',
  input: empty,
  output: setupChecklistView,
  errors: [],
});

const editableSettings = settingsSchema.pick({
  nightlyRunTime: true,
  startAtLogin: true,
  closeToTray: true,
  allowWeakSecretStorage: true,
  exchangeRates: true,
  refundsRestock: true,
  voidsThatAreWaste: true,
  priceRiseThreshold: true,
  sessionIdleMinutes: true,
  serverAddress: true,
});

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
