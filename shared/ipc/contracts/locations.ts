// POS locations: the list, the sync, the storage unit link, automatic issue and the overview.
import { z } from 'zod';
import { locationSyncResult, locationView } from '../../model/items';
import { migrationView } from '../../model/transfers';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const blId = z.string().regex(/^\d+$/, 'a Lightspeed business location id');
const issueCount = z.object({ total: z.number().int(), failed: z.number().int() });

export const listLocationsContract = defineContract({ channel: 'locations:list', input: empty, output: z.array(locationView), errors: [] });

export const syncLocationsContract = defineContract({
  channel: 'locations:sync',
  input: empty,
  output: locationSyncResult,
  errors: ['lightspeed_not_connected', 'lightspeed_auth_failed', 'lightspeed_api_error'],
});

export const linkLocation = defineContract({
  channel: 'locations:link',
  input: z.object({ businessLocationId: blId, storageUnitId: z.number().int().positive().nullable() }).strict(),
  output: locationView,
  errors: ['location_not_found', 'storage_unit_not_found', 'storage_unit_company_mismatch'],
});

export const setLocationAutoIssue = defineContract({
  channel: 'locations:auto-issue',
  input: z.object({ businessLocationId: blId, on: z.boolean() }).strict(),
  output: locationView,
  errors: ['location_not_found'],
});

export const locationOverviewContract = defineContract({
  channel: 'locations:overview',
  input: z.object({ businessLocationId: blId }).strict(),
  output: z.object({
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
  }),
  errors: ['location_not_found'],
});
