// POS locations: the list, the sync, the storage unit link, automatic issue and the overview.
import { z } from 'zod';
import { TIME_OF_DAY } from '../../dates';
import { locationOverview, locationSyncResult, locationView, posLocationId } from '../../model/items';
import { transactionsComparison } from '../../model/transfers';
import { csvFileInput } from './sources';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const blId = posLocationId;

/** The synced locations; `withCsv` adds CSV tills' locations (what reports over posted sales choose from). */
export const listLocationsContract = defineContract({
  channel: 'locations:list',
  input: z.object({ withCsv: z.boolean().default(false) }).strict(),
  output: z.array(locationView),
  errors: [],
});

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

/** A location's time zone (Sides names none for some stores); it decides the location's business days. */
export const setLocationTimeZone = defineContract({
  channel: 'locations:time-zone',
  input: z.object({ businessLocationId: blId, timezone: z.string().trim().min(1).max(60) }).strict(),
  output: locationView,
  errors: ['location_not_found', 'invalid_input'],
});

export const locationOverviewContract = defineContract({
  channel: 'locations:overview',
  input: z.object({ businessLocationId: blId }).strict(),
  output: locationOverview,
  errors: ['location_not_found'],
});

/** A location's days against Back Office's Transactions export, per business day and SKU: a pilot's proof (`lightspeed compare`). */
export const compareTransactionsContract = defineContract({
  channel: 'locations:compare-transactions',
  input: z.object({ businessLocationId: blId, file: csvFileInput, dayStarts: z.string().regex(TIME_OF_DAY).default('00:00') }).strict(),
  output: transactionsComparison,
  errors: ['location_not_found', 'csv_file_too_large', 'csv_column_missing', 'csv_row_invalid', 'invalid_input'],
});
