import { z } from 'zod';
import { dateInput } from '../../dates';
import { migrationView, transferLogView, transferResult, transferStatuses } from '../../model/transfers';
import { defineContract } from '../contract';
import { ledgerEntryView } from '../../model/ledger';

const blId = z.string().regex(/^\d+$/, 'a Lightspeed business location id');

export const runTransfer = defineContract({
  channel: 'transfers:run',
  input: z.object({ businessLocationId: blId, date: z.string().max(20), force: z.boolean().default(true) }).strict(),
  output: transferResult,
  errors: ['date_required', 'invalid_date_format', 'date_not_closed', 'location_not_found', 'location_has_no_storage_unit', 'transfer_in_progress'],
});

export const migrationAction = defineContract({
  channel: 'migrations:action',
  input: z.object({ businessLocationId: blId, action: z.enum(['activate', 'start', 'rerun', 'cancel', 'status']) }).strict(),
  output: migrationView.nullable(),
  errors: ['location_not_found', 'location_not_activated', 'storage_unit_required', 'migration_already_in_progress'],
});

export const listLogsContract = defineContract({
  channel: 'logs:list',
  input: z
    .object({
      businessLocationId: blId.optional(),
      from: dateInput.optional(),
      to: dateInput.optional(),
      status: z.enum(transferStatuses).optional(),
      limit: z.number().int().positive().max(5000).default(500),
    })
    .strict(),
  output: z.array(transferLogView),
  errors: ['invalid_date_format'],
});

export const getLogContract = defineContract({
  channel: 'logs:get',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: transferLogView.extend({ ledgerEntries: z.array(ledgerEntryView) }),
  errors: ['invalid_input'],
});

const issueCount = z.object({ total: z.number().int(), failed: z.number().int() });

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
