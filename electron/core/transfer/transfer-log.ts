// Transfer logs: one per attempt, kept locally so a manager can review every transfer offline.
import { actorName } from '../acting';
import { OptionalFilter } from '../db/optional-filter';
import type { CompanyScope } from '../db/company';
import type { ApiSummary, RecipeUse, Reconciliation, TransferLogSummary, TransferLogView, TransferStats, TransferStatus, TransferTrigger } from '../../../shared/model/transfers';
import type { LarderDb } from '../db/open-database';
import type { CsvInvalidRow } from '../../../shared/model/csv';
import { formatDecimal, fromScaled, MONEY_SCALE } from '../decimal/decimal';
import { transferLogs } from '../db/schema';
import { listLedgerEntries, type LedgerEntryView } from '../ledger/ledger';
import { filterInOrder } from '../in-order';

export type { RecipeUse, TransferStats, TransferTrigger };

export async function startLog(
  db: LarderDb,
  scope: CompanyScope,
  entry: {
    locationId: number;
    reportDate: string;
    requestUuid: string;
    attempt: number;
    trigger: TransferTrigger;
    forceRefresh: boolean;
    storageUnitId: number;
    csvUploadId?: number;
  },
  at: string,
): Promise<number> {
  return await db.write(
    async () =>
      (await db.one(db.orm
        .insert(transferLogs)
        .values({ companyId: scope.companyId, status: 'processing', startedAt: at, startedBy: actorName(), ...entry })
        .returning({ id: transferLogs.id }))).id,
  );
}

/** Runs inside the transaction that also writes the day's ledger entries. */
/** `salesValue` and `unmappedValue` at the money scale, as the transfer added them up (the stats carry them as text). */
export async function finishLog(
  db: LarderDb,
  logId: number,
  stats: TransferStats,
  outcome: { noData: boolean; dataComplete: boolean; ledgerIds: number[]; salesValue: number; unmappedValue: number },
  at: string,
): Promise<void> {
  await db
    .statement(
      `UPDATE transfer_logs SET status = 'success', no_data = ?, data_complete = ?, sales_count = ?, lines_processed = ?, lines_skipped = ?,
         ledger_entries_created = ?, ledger_ids = ?, unmapped_names = ?, exceptions = ?, recipes_used = ?, api_response_summary = ?,
         used_cache = ?, idempotent = ?, lines_sold = ?, lines_unmapped = ?, sales_value = ?, unmapped_value = ?, entries_replaced = ?,
         finished_at = ? WHERE id = ?`,
    )
    .run(
      outcome.noData ? 1 : 0,
      outcome.dataComplete ? 1 : 0,
      stats.sales_count,
      stats.lines_processed,
      stats.lines_skipped,
      stats.ledger_entries_created,
      JSON.stringify(outcome.ledgerIds),
      JSON.stringify(stats.unmapped_names),
      JSON.stringify(stats.exceptions),
      JSON.stringify(stats.recipes_used),
      JSON.stringify(stats.api_response_summary ?? {}),
      stats.used_cache ? 1 : 0,
      stats.idempotent ? 1 : 0,
      stats.lines_sold,
      stats.lines_unmapped,
      outcome.salesValue,
      outcome.unmappedValue,
      stats.entries_replaced,
      at,
      logId,
    );
}

/**
 * Runs inside the forced run's transaction: every earlier successful run of the day that posted
 * something (created an entry or added lines to one) points at it.
 */
export async function markReplaced(db: LarderDb, day: { locationId: number; reportDate: string }, byLogId: number, at: string): Promise<void> {
  await db
    .statement(
      `UPDATE transfer_logs SET replaced_by_log_id = ?, replaced_at = ?
       WHERE location_id = ? AND report_date = ? AND status = 'success' AND ledger_entries_created > 0 AND replaced_by_log_id IS NULL AND id <> ?`,
    )
    .run(byLogId, at, day.locationId, day.reportDate, byLogId);
}

/** A reverted CSV upload's logs stay, saying so (their entries are gone). Runs inside the revert's transaction. */
export async function markUploadReverted(db: LarderDb, uploadId: number, at: string): Promise<void> {
  await db.statement('UPDATE transfer_logs SET reverted_at = ? WHERE csv_upload_id = ?').run(at, uploadId);
}

/** A log for an attempt that turned out not to be one (the nightly run found the day still open): it goes. */
export async function discardLog(db: LarderDb, logId: number): Promise<void> {
  await db.write(() => db.statement('DELETE FROM transfer_logs WHERE id = ?').run(logId));
}

export async function failLog(db: LarderDb, logId: number, error: { code: string; message: string }, at: string): Promise<void> {
  await db.write(() =>
    db.statement(`UPDATE transfer_logs SET status = 'failed', error_code = ?, error_message = ?, finished_at = ? WHERE id = ?`).run(error.code, error.message, at, logId),
  );
}

/** A log a dead process left "processing" (its day lock is gone or stale) failed: say so. */
export async function failInterruptedLogs(db: LarderDb, isStale: (log: { locationId: number; reportDate: string }) => Promise<boolean>, at: string): Promise<number> {
  const open = await db.statement(`SELECT id, location_id AS locationId, report_date AS reportDate FROM transfer_logs WHERE status = 'processing'`).all() as {
    id: number;
    locationId: number;
    reportDate: string;
  }[];
  const stale = await filterInOrder(open, isStale);
  for (const log of stale) await failLog(db, log.id, { code: 'internal_error', message: 'Interrupted: Larder stopped while this transfer was running; nothing of it was posted.' }, at);
  return stale.length;
}


/** A business day's newest successful transfer: what the day's ledger reflects now. */
export interface PostedDay {
  date: string;
  logId: number;
  /** False when the till had not closed the day: the nightly run transfers it again. */
  dataComplete: boolean | null;
  noData: boolean;
  linesProcessed: number;
  ledgerEntriesCreated: number;
}

/** The newest successful transfer of each business day of a location, from `from` on, oldest day first. */
/** The latest run of a location's business day: what "last night" shows. */
export async function latestLogOfDay(
  db: LarderDb,
  locationId: number,
  date: string,
): Promise<{ id: number; status: 'processing' | 'success' | 'failed'; noData: boolean; dataComplete: boolean | null; linesUnmapped: number; finishedAt: string | null } | null> {
  const row = await db
    .statement(
      `SELECT id, status, no_data AS noData, data_complete AS dataComplete, lines_unmapped AS linesUnmapped, finished_at AS finishedAt
       FROM transfer_logs WHERE location_id = ? AND report_date = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(locationId, date) as
    | { id: number; status: 'processing' | 'success' | 'failed'; noData: number; dataComplete: number | null; linesUnmapped: number; finishedAt: string | null }
    | undefined;
  return row ? { ...row, noData: row.noData === 1, dataComplete: row.dataComplete === null ? null : row.dataComplete === 1 } : null;
}

/** The sales lines each of these logs left unmapped, by log id. */
export async function linesUnmappedOf(db: LarderDb, logIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .statement('SELECT id, lines_unmapped AS lines FROM transfer_logs WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))')
    .all(JSON.stringify(logIds)) as { id: number; lines: number }[];
  return new Map(rows.map((row) => [row.id, row.lines]));
}

export async function postedDays(db: LarderDb, locationId: number, from = '0000-00-00'): Promise<PostedDay[]> {
  const rows = await db
    .statement(
      `SELECT report_date AS date, id AS logId, data_complete AS dataComplete, no_data AS noData, lines_processed AS linesProcessed,
              ledger_entries_created AS ledgerEntriesCreated
       FROM transfer_logs t WHERE location_id = ? AND report_date >= ? AND status = 'success'
         AND id = (SELECT max(id) FROM transfer_logs WHERE location_id = t.location_id AND report_date = t.report_date AND status = 'success')
       ORDER BY report_date`,
    )
    .all(locationId, from) as (Omit<PostedDay, 'dataComplete' | 'noData'> & { dataComplete: number | null; noData: number })[];
  return rows.map((row) => ({ ...row, dataComplete: row.dataComplete === null ? null : row.dataComplete === 1, noData: row.noData === 1 }));
}

export interface LogFilter {
  businessLocationId?: string | undefined;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: TransferStatus | undefined;
  limit?: number | undefined;
}

const LOG_SELECT = `SELECT t.id, l.business_location_id AS businessLocationId, l.name AS locationName, t.report_date AS reportDate,
    t.request_uuid AS requestUuid, t.attempt, t.status, t.trigger, t.force_refresh AS forceRefresh, s.name AS storageUnit,
    t.no_data AS noData, t.data_complete AS dataComplete, t.sales_count AS salesCount, t.lines_processed AS linesProcessed,
    t.lines_skipped AS linesSkipped, t.ledger_entries_created AS ledgerEntriesCreated, t.ledger_ids AS ledgerIds,
    t.unmapped_names AS unmappedNames, t.exceptions, t.recipes_used AS recipesUsed, t.api_response_summary AS apiResponseSummary,
    t.used_cache AS usedCache, t.idempotent, t.lines_sold AS linesSold, t.lines_unmapped AS linesUnmapped, t.sales_value AS salesValue,
    t.unmapped_value AS unmappedValue, t.entries_replaced AS entriesReplaced, t.replaced_by_log_id AS replacedByLogId, t.replaced_at AS replacedAt,
    t.error_code AS errorCode, t.error_message AS errorMessage, t.reconciliation,
    t.started_at AS startedAt, t.started_by AS startedBy, t.finished_at AS finishedAt, src.kind AS source, t.csv_upload_id AS csvUploadId, u.file_name AS csvFileName,
    coalesce(u.invalid_rows, '[]') AS csvInvalidRows, coalesce(u.rows_invalid, 0) AS csvRowsInvalid, t.reverted_at AS revertedAt
  FROM transfer_logs t JOIN locations l ON l.id = t.location_id JOIN sales_sources src ON src.id = l.source_id
  LEFT JOIN storage_units s ON s.id = t.storage_unit_id LEFT JOIN csv_uploads u ON u.id = t.csv_upload_id`;

type LogRow = Record<keyof TransferLogView, unknown>;

function toView(row: LogRow): TransferLogView {
  const flag = (value: unknown) => value === 1;
  return {
    ...(row as unknown as TransferLogView),
    forceRefresh: flag(row.forceRefresh),
    noData: flag(row.noData),
    dataComplete: row.dataComplete === null ? null : flag(row.dataComplete),
    usedCache: flag(row.usedCache),
    idempotent: flag(row.idempotent),
    salesValue: formatDecimal(fromScaled(row.salesValue as number, MONEY_SCALE)),
    unmappedValue: formatDecimal(fromScaled(row.unmappedValue as number, MONEY_SCALE)),
    ledgerIds: JSON.parse(row.ledgerIds as string) as number[],
    unmappedNames: JSON.parse(row.unmappedNames as string) as string[],
    exceptions: JSON.parse(row.exceptions as string) as string[],
    recipesUsed: JSON.parse(row.recipesUsed as string) as RecipeUse[],
    apiResponseSummary: JSON.parse(row.apiResponseSummary as string) as ApiSummary,
    csvInvalidRows: JSON.parse(row.csvInvalidRows as string) as CsvInvalidRow[],
    reconciliation: row.reconciliation === null ? null : (JSON.parse(row.reconciliation as string) as Reconciliation),
  };
}

/** What the day's posted sales came to against the POS's own totals, on its log. */
export async function recordReconciliation(db: LarderDb, logId: number, reconciliation: Reconciliation): Promise<void> {
  await db.statement('UPDATE transfer_logs SET reconciliation = ? WHERE id = ?').run(JSON.stringify(reconciliation), logId);
}

function logWhere(scope: CompanyScope, filter: LogFilter): OptionalFilter {
  return new OptionalFilter('t.company_id = @companyId', scope.companyId)
    .add('l.business_location_id = @location', 'location', filter.businessLocationId)
    .add('t.report_date = @date', 'date', filter.date)
    .add('t.report_date >= @from', 'from', filter.from)
    .add('t.report_date <= @to', 'to', filter.to)
    .add('t.status = @status', 'status', filter.status);
}

/** Newest first. */
export async function listLogs(scope: CompanyScope, filter: LogFilter = {}): Promise<TransferLogView[]> {
  const where = logWhere(scope, filter);
  const rows = await scope.db.statement(`${LOG_SELECT} WHERE ${where.sql} ORDER BY t.id DESC LIMIT @limit`).all({ ...where.params, limit: filter.limit ?? 1000 }) as LogRow[];
  return rows.map(toView);
}

/** Newest first, as the list shows them. */
export async function listLogSummaries(scope: CompanyScope, filter: LogFilter = {}): Promise<TransferLogSummary[]> {
  const where = logWhere(scope, filter);
  const rows = await scope.db.statement(
      `SELECT t.id, l.business_location_id AS businessLocationId, l.name AS locationName, t.report_date AS reportDate, t.status, t.trigger, t.attempt,
              t.no_data AS noData, t.data_complete AS dataComplete, t.sales_count AS salesCount, t.lines_processed AS linesProcessed,
              t.lines_skipped AS linesSkipped, t.ledger_entries_created AS ledgerEntriesCreated, t.lines_sold AS linesSold, t.lines_unmapped AS linesUnmapped,
              t.replaced_by_log_id AS replacedByLogId, t.started_at AS startedAt, t.started_by AS startedBy, json_array_length(t.unmapped_names) AS unmappedNameCount,
              src.kind AS source, u.file_name AS csvFileName, coalesce(u.rows_invalid, 0) AS csvRowsInvalid, t.reverted_at AS revertedAt,
              json_extract(t.reconciliation, '$.status') AS reconciliationStatus
       FROM transfer_logs t JOIN locations l ON l.id = t.location_id JOIN sales_sources src ON src.id = l.source_id
       LEFT JOIN csv_uploads u ON u.id = t.csv_upload_id
       WHERE ${where.sql} ORDER BY t.report_date DESC, t.id DESC LIMIT @limit`,
    )
    .all({ ...where.params, limit: filter.limit ?? 1000 }) as (Omit<TransferLogSummary, 'noData' | 'dataComplete' | 'reconciliation'> & {
    noData: number;
    dataComplete: number | null;
    reconciliationStatus: Reconciliation['status'] | null;
  })[];
  return rows.map(({ reconciliationStatus, ...row }) => ({
    ...row,
    noData: row.noData === 1,
    dataComplete: row.dataComplete === null ? null : row.dataComplete === 1,
    reconciliation: reconciliationStatus === null ? null : { status: reconciliationStatus },
  }));
}

export async function getLog(scope: CompanyScope, id: number): Promise<(TransferLogView & { ledgerEntries: LedgerEntryView[] }) | null> {
  const row = await scope.db.statement(`${LOG_SELECT} WHERE t.company_id = ? AND t.id = ?`).get(scope.companyId, id) as LogRow | undefined;
  if (!row) return null;
  const log = toView(row);
  const entries = (await listLedgerEntries(scope, { type: 'ISSUE', businessLocationId: log.businessLocationId, from: log.reportDate, to: log.reportDate })).filter((entry) => log.ledgerIds.includes(entry.id));
  return { ...log, ledgerEntries: entries };
}
