// Transfers, transfer logs and migrations as the engine answers them and the screens show them: one
// schema per concept, and the engine's types are inferred from these. The seed's result objects (the
// transfer result and its statistics, the migration) keep the seed's snake_case field names; every
// other shape on the wire is camelCase.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';
import { csvInvalidRow } from './csv';

export const transferStatuses = ['processing', 'success', 'failed'] as const;
export const transferTriggers = ['manual', 'nightly', 'migration', 'csv_upload', 'reprocess'] as const;
export const migrationJobStatuses = ['pending', 'running', 'completed', 'cancelled', 'failed'] as const;
/** 'incomplete': posted while the till had not closed the day; the nightly run completes it. */
export const migrationDayStatuses = ['pending', 'processing', 'success', 'no_data', 'incomplete', 'failed', 'retry_pending', 'skipped'] as const;
/** What a day posted while the till still had it open says, in the engine's records and on every screen. */
export const INCOMPLETE_DAY_WORDS = 'incomplete: the day was still open at the till';
/** The kinds of sales source (the seed's three): the `source` of the ISSUE entries a transfer posts. */
export const salesSourceKinds = ['lightspeed', 'sides', 'csv'] as const;
export type SalesSourceKind = (typeof salesSourceKinds)[number];
export type TransferStatus = (typeof transferStatuses)[number];
export type TransferTrigger = (typeof transferTriggers)[number];
export type MigrationJobStatus = (typeof migrationJobStatuses)[number];
export type MigrationDayStatus = (typeof migrationDayStatuses)[number];

/** Portions of a recipe, or quantity of an ingredient, summed over the day's lines. */
export const recipeUse = z.object({ type: z.enum(['ingredient', 'recipe']), name: z.string(), quantity: decimalOutput });
export type RecipeUse = z.infer<typeof recipeUse>;

export const apiSummary = z.object({
  source: z.enum(['api', 'cache']),
  sales: z.number().int(),
  lines: z.number().int(),
  dataComplete: z.boolean(),
  nextStartOfDay: z.string().nullable(),
  fetchedAt: z.string(),
});
export type ApiSummary = z.infer<typeof apiSummary>;

/** The seed's "Transfer statistics". */
export const transferStats = z.object({
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
export type TransferStats = z.infer<typeof transferStats>;

/** The seed's transfer result. */
/**
 * A posted day held against the POS's own totals of it, per accounting group: its signed line amounts
 * and line counts, Lightspeed's (aggregatedSales) and Larder's over the sales it stored. `differs`
 * beyond a cent or a line; `unavailable` when the POS has no totals for it (403, 404, an outage).
 */
export const reconciliation = z.object({
  status: z.enum(['match', 'differs', 'unavailable']),
  groups: z.array(
    z.object({ group: z.string(), lightspeed_amount: decimalOutput, larder_amount: decimalOutput, lightspeed_lines: z.number().int(), larder_lines: z.number().int() }),
  ),
});
export type Reconciliation = z.infer<typeof reconciliation>;

/** Back Office's Transactions export against what Larder counted, per business day and SKU (`lightspeed compare`). */
export const transactionsComparison = z.object({
  days: z.array(z.string()),
  rows: z.array(
    z.object({ date: z.string(), sku: z.string(), name: z.string(), lightspeed_quantity: decimalOutput, larder_quantity: decimalOutput, difference: decimalOutput }),
  ),
  differences: z.number().int(),
});
export type TransactionsComparison = z.infer<typeof transactionsComparison>;

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
  /** Null when the day was not posted or its source keeps no totals of its own (Sides, a CSV file). */
  reconciliation: reconciliation.nullable().optional(),
});
export type TransferResult = z.infer<typeof transferResult>;

export const migrationDay = z.object({
  date: z.string(),
  status: z.enum(migrationDayStatuses),
  attempts: z.number().int(),
  lines_processed: z.number().int(),
  ledger_entries_created: z.number().int(),
  transfer_log_id: z.number().int().nullable(),
  error_message: z.string().nullable(),
  /** Sales lines of the posted day that no mapping covered (they took nothing from stock). */
  lines_unmapped: z.number().int(),
});

/** The seed's progress fields, plus each day. */
export const migrationView = z.object({
  job_id: z.number().int(),
  location_id: z.string(),
  status: z.enum(migrationJobStatuses),
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
export type MigrationView = z.infer<typeof migrationView>;

/** One transfer attempt, as the Transfer logs screen and `logs` show it. */
export const transferLogView = z.object({
  id: z.number().int(),
  businessLocationId: z.string(),
  locationName: z.string(),
  reportDate: z.string(),
  requestUuid: z.string(),
  attempt: z.number().int(),
  status: z.enum(transferStatuses),
  trigger: z.enum(transferTriggers),
  forceRefresh: z.boolean(),
  storageUnit: z.string().nullable(),
  noData: z.boolean(),
  dataComplete: z.boolean().nullable(),
  salesCount: z.number().int(),
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
  /** Which kind of source the sales came from; for a CSV upload, which upload and file, and when it was reverted. */
  source: z.enum(salesSourceKinds),
  csvUploadId: z.number().int().nullable(),
  csvFileName: z.string().nullable(),
  /** The upload's rows that could not be read and were skipped ("skip invalid rows"). */
  csvInvalidRows: z.array(csvInvalidRow),
  csvRowsInvalid: z.number().int(),
  revertedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  reconciliation: reconciliation.nullable(),
  startedAt: z.string(),
  /** Who started it on a Larder server; null for the nightly run and this PC's own user. */
  startedBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TransferLogView = z.infer<typeof transferLogView>;

/** A log as the list shows it: what a row needs, not the lists a detail shows (a year of logs stays small). */
export const transferLogSummary = transferLogView
  .pick({
    id: true,
    businessLocationId: true,
    locationName: true,
    reportDate: true,
    status: true,
    trigger: true,
    attempt: true,
    noData: true,
    dataComplete: true,
    salesCount: true,
    linesProcessed: true,
    linesSkipped: true,
    ledgerEntriesCreated: true,
    linesSold: true,
    linesUnmapped: true,
    replacedByLogId: true,
    startedAt: true,
    startedBy: true,
    source: true,
    csvFileName: true,
    csvRowsInvalid: true,
    revertedAt: true,
  })
  .extend({
    unmappedNameCount: z.number().int(),
    /** Only the verdict of the day against the POS's own totals: the figures are the log's. */
    reconciliation: reconciliation.pick({ status: true }).nullable(),
  });
export type TransferLogSummary = z.infer<typeof transferLogSummary>;
