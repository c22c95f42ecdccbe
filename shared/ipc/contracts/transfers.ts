import { z } from 'zod';
import { dateInput } from '../../dates';
import { decimalOutput } from '../../decimal-text';
import { defineContract } from '../contract';
import { ledgerEntryView } from '../../model/ledger';

const blId = z.string().regex(/^\d+$/, 'a Lightspeed business location id');

const recipeUse = z.object({ type: z.enum(['ingredient', 'recipe']), name: z.string(), quantity: decimalOutput });
const apiSummary = z.object({
  source: z.enum(['api', 'cache']),
  sales: z.number().int(),
  lines: z.number().int(),
  dataComplete: z.boolean(),
  nextStartOfDay: z.string().nullable(),
  fetchedAt: z.string(),
});

const transferStats = z.object({
  sales_count: z.number().int(),
  lines_processed: z.number().int(),
  lines_skipped: z.number().int(),
  lines_sold: z.number().int(),
  lines_unmapped: z.number().int(),
  sales_value: decimalOutput,
  unmapped_value: decimalOutput,
  ledger_entries_created: z.number().int(),
  entries_replaced: z.number().int(),
  exceptions: z.array(z.string()),
  used_cache: z.boolean(),
  idempotent: z.boolean(),
  recipes_used: z.array(recipeUse),
  unmapped_names: z.array(z.string()),
  api_response_summary: apiSummary.nullable(),
});

/** The seed's transfer result. */
export const transferResult = z.object({
  date: z.string(),
  success: z.boolean(),
  no_data: z.boolean(),
  data_complete: z.boolean().nullable(),
  log_id: z.number().int().nullable(),
  request_uuid: z.string(),
  ledger_ids: z.array(z.number().int()),
  stats: transferStats.nullable(),
  error: z.object({ code: z.string(), message: z.string(), temporary: z.boolean() }).nullable(),
});

export const runTransfer = defineContract({
  channel: 'transfers:run',
  input: z.object({ businessLocationId: blId, date: z.string().max(20), force: z.boolean().default(true) }).strict(),
  output: transferResult,
  errors: ['date_required', 'invalid_date_format', 'date_not_closed', 'location_not_found', 'location_has_no_storage_unit', 'transfer_in_progress'],
});

const migrationDay = z.object({
  date: z.string(),
  status: z.enum(['pending', 'processing', 'success', 'no_data', 'incomplete', 'failed', 'retry_pending', 'skipped']),
  attempts: z.number().int(),
  lines_processed: z.number().int(),
  ledger_entries_created: z.number().int(),
  transfer_log_id: z.number().int().nullable(),
  error_message: z.string().nullable(),
});

export const migrationView = z.object({
  job_id: z.number().int(),
  location_id: z.string(),
  status: z.enum(['pending', 'running', 'completed', 'cancelled', 'failed']),
  rerun: z.boolean(),
  total_days: z.number().int(),
  days_processed: z.number().int(),
  days_failed: z.number().int(),
  days_skipped: z.number().int(),
  current_date: z.string().nullable(),
  start_date: z.string(),
  end_date: z.string(),
  progress_percent: z.number().int(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  days: z.array(migrationDay),
});

export const migrationAction = defineContract({
  channel: 'migrations:action',
  input: z.object({ businessLocationId: blId, action: z.enum(['activate', 'start', 'rerun', 'cancel', 'status']) }).strict(),
  output: migrationView.nullable(),
  errors: ['location_not_found', 'location_not_activated', 'storage_unit_required', 'migration_already_in_progress'],
});

const logView = z.object({
  id: z.number().int(),
  locationId: z.string(),
  locationName: z.string(),
  reportDate: z.string(),
  requestUuid: z.string(),
  attempt: z.number().int(),
  status: z.enum(['processing', 'success', 'failed']),
  trigger: z.enum(['manual', 'nightly', 'migration']),
  forceRefresh: z.boolean(),
  storageUnit: z.string().nullable(),
  noData: z.boolean(),
  dataComplete: z.boolean().nullable(),
  salesProcessed: z.number().int(),
  linesProcessed: z.number().int(),
  linesSkipped: z.number().int(),
  ledgerEntriesCreated: z.number().int(),
  ledgerIds: z.array(z.number().int()),
  unmappedNames: z.array(z.string()),
  exceptions: z.array(z.string()),
  recipesUsed: z.array(recipeUse),
  apiResponseSummary: z.union([apiSummary, z.object({}).strict()]),
  usedCache: z.boolean(),
  idempotent: z.boolean(),
  linesSold: z.number().int(),
  linesUnmapped: z.number().int(),
  salesValue: decimalOutput,
  unmappedValue: decimalOutput,
  entriesReplaced: z.number().int(),
  replacedByLogId: z.number().int().nullable(),
  replacedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const listLogsContract = defineContract({
  channel: 'logs:list',
  input: z
    .object({
      businessLocationId: blId.optional(),
      from: dateInput.optional(),
      to: dateInput.optional(),
      status: z.enum(['processing', 'success', 'failed']).optional(),
      limit: z.number().int().positive().max(5000).default(500),
    })
    .strict(),
  output: z.array(logView),
  errors: ['invalid_date_format'],
});

export const getLogContract = defineContract({
  channel: 'logs:get',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: logView.extend({ ledgerEntries: z.array(ledgerEntryView) }),
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
