// The 90-day migration a location gets when it is activated: one transfer per completed business day,
// oldest first, each day's ledger entries, log and day status committed together. A runner that died
// (its process is gone) or went silent for 10 minutes leaves the job to the next runner, which
// resumes where the committed days end.
//
// A day Lightspeed had not closed yet is posted as it stands and marked 'incomplete', never 'success':
// the nightly run completes it. A lasting outage stops the job after three days in a row fail for a
// temporary reason (failed, lightspeed_api_error) instead of spending hours on retries; the next run
// resumes it. A failed job raises the migration_failed alert, and completes (resolving the alert)
// once the nightly run has posted the days that failed.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { addDays, datesBetween, yesterdayIn } from '../time/zoned-time';
import { INCOMPLETE_DAY_WORDS, type MigrationView } from '../../../shared/model/transfers';
import { locations, migrationDays, migrationJobs } from '../db/schema';
import { raiseAlert, resolveOpenAlerts } from '../alerts/alerts';
import { DomainError, failureOf } from '../domain-error';
import { markActivated, requireLocation, unlinkStorageUnit } from '../locations/location-config';
import type { Location } from '../locations/location-sync';
import type { Clock } from '../clock';
import { processAlive } from '../platform/processes';
import { onThisHost, THIS_HOST } from '../platform/row-lease';
import { dayLockHeld } from '../transfer/day-lock';
import { failInterruptedLogs, linesUnmappedOf, postedDays } from '../transfer/transfer-log';
import { transferDay, type TransferContext, type TransferResult } from '../transfer/transfer-day';
import { cachedDay, readAhead } from '../sales/sales-cache';
import { collectGarbageAbove } from '../platform/heap';
import { salesSourceOf } from '../sources/sales-sources';
import type { SourceRoom } from '../sources/source-room';
import { SOURCE_ROOMS, sourceRooms } from '../sources/source-rooms';
import { filterInOrder } from '../in-order';

export const MIGRATION_DAYS = 90;
export const MAX_DAY_ATTEMPTS = 3;
export const STUCK_AFTER_MS = 10 * 60_000;
/** Days in a row that fail for a temporary reason before a migration stops and waits for the next run. */
export const OUTAGE_DAYS = 3;

export type { MigrationView };
type Job = typeof migrationJobs.$inferSelect;

/** The last 90 completed business days, ending yesterday where the location is. */
export function migrationRange(location: Pick<Location, 'timezone'>, clock: Clock): { startDate: string; endDate: string } {
  const endDate = yesterdayIn(location.timezone, clock.now());
  return { startDate: addDays(endDate, -(MIGRATION_DAYS - 1)), endDate };
}

async function inProgress(scope: CompanyScope, locationId: number): Promise<Job | undefined> {
  return await scope.db.one(scope.db.orm
    .select()
    .from(migrationJobs)
    .where(and(eq(migrationJobs.locationId, locationId), inArray(migrationJobs.status, ['pending', 'running']))));
}

async function createJob(scope: CompanyScope, location: Location, rerun: boolean, clock: Clock): Promise<Job> {
  const at = clock.now().toISOString();
  const { startDate, endDate } = migrationRange(location, clock);
  const dates = datesBetween(startDate, endDate);
  // On a first run, a day that already has a successful transfer is skipped; a re-run redoes them all.
  const done = rerun
    ? new Set<string>()
    : new Set(
        (
          await scope.db.statement(`SELECT DISTINCT report_date AS date FROM transfer_logs WHERE location_id = ? AND status = 'success' AND report_date BETWEEN ? AND ?`)
            .all(location.id, startDate, endDate) as { date: string }[]
        ).map((row) => row.date),
      );
  if (await inProgress(scope, location.id)) throw new DomainError('migration_already_in_progress', `${location.name} already has a migration pending or running.`);
  let job: Job;
  try {
    job = await scope.db.one(scope.db.orm
      .insert(migrationJobs)
      .values({
        companyId: scope.companyId,
        locationId: location.id,
        status: 'pending',
        rerun,
        startDate,
        endDate,
        totalDays: dates.length,
        daysSkipped: dates.filter((date) => done.has(date)).length,
        createdAt: at,
      })
      .returning());
  } catch (error) {
    // The partial unique index is the final word when two processes start one at the same moment.
    if (/UNIQUE/.test(String(error))) throw new DomainError('migration_already_in_progress', `${location.name} already has a migration pending or running.`);
    throw error;
  }
  await scope.db.exec(scope.db.orm
    .insert(migrationDays)
    .values(dates.map((date) => ({ jobId: job.id, date, status: done.has(date) ? ('skipped' as const) : ('pending' as const), updatedAt: at }))));
  return await refreshProgress(scope, job.id);
}

/** One-way: needs a storage unit, and starts the 90-day migration. */
export async function activateLocation(scope: CompanyScope, businessLocationId: string, clock: Clock): Promise<MigrationView> {
  return await scope.db.write(async () => {
    const location = await requireLocation(scope, businessLocationId);
    if (location.storageUnitId === null) throw new DomainError('storage_unit_required', `Link a storage unit to ${location.name} before activating it.`);
    if (!location.timeZoneKnown) {
      throw new DomainError('time_zone_required', `The POS names no time zone for ${location.name}: set it on the location's page before activating (its business days are taken in it).`);
    }
    if (location.activatedAt !== null) {
      const latest = await latestJob(scope, location.id);
      if (latest) return await view(scope, latest);
    }
    await markActivated(scope, location.id, clock.now().toISOString());
    return await view(scope, await createJob(scope, { ...location, activatedAt: clock.now().toISOString() }, false, clock));
  });
}

async function requireMigratable(scope: CompanyScope, businessLocationId: string): Promise<Location> {
  const location = await requireLocation(scope, businessLocationId);
  if (location.activatedAt === null) throw new DomainError('location_not_activated', `Activate ${location.name} first.`);
  if (location.storageUnitId === null) throw new DomainError('storage_unit_required', `${location.name} has no storage unit.`);
  return location;
}

/**
 * Starts a migration; `start` on a location whose job lost its runner (the process died) resumes that
 * job instead of refusing it, since the manager's intent is the same: get this location migrated.
 */
export async function startMigration(scope: CompanyScope, businessLocationId: string, clock: Clock, options: { rerun: boolean }): Promise<MigrationView> {
  const location = await requireMigratable(scope, businessLocationId);
  if (!options.rerun && (await inProgress(scope, location.id))?.status === 'running' && await recoverStuckJobs(scope, clock) > 0) {
    const resumed = await inProgress(scope, location.id);
    if (resumed?.status === 'pending') return await view(scope, resumed);
  }
  return await scope.db.write(async () => view(scope, await createJob(scope, await requireMigratable(scope, businessLocationId), options.rerun, clock)));
}

export type MigrationAction = 'activate' | 'start' | 'rerun' | 'cancel' | 'status';

/**
 * The migration verbs every door offers, in one place. Answers the job the door should run now
 * (after activate, start or rerun) and the location's latest job as it stands.
 */
export async function applyMigrationAction(
  scope: CompanyScope,
  businessLocationId: string,
  action: MigrationAction,
  clock: Clock,
): Promise<{ jobToRun: number | null; migration: MigrationView | null }> {
  const location = await requireLocation(scope, businessLocationId);
  let jobToRun: number | null = null;
  if (action === 'activate') jobToRun = (await activateLocation(scope, businessLocationId, clock)).job_id;
  else if (action === 'start' || action === 'rerun') jobToRun = (await startMigration(scope, businessLocationId, clock, { rerun: action === 'rerun' })).job_id;
  else if (action === 'cancel') await cancelMigration(scope, location.id, 'Cancelled by the user.', clock);
  const job = await latestJob(scope, location.id);
  return { jobToRun, migration: job ? await view(scope, job) : null };
}

/** Unlinking a location's storage unit cancels its migration: the days left would have nowhere to go. */
export async function unlinkLocation(scope: CompanyScope, businessLocationId: string, clock: Clock): Promise<Location> {
  return await unlinkStorageUnit(scope, businessLocationId, (locationId) => cancelMigration(scope, locationId, 'Cancelled: the storage unit was unlinked.', clock));
}

export async function cancelMigration(scope: CompanyScope, locationId: number, reason: string, clock: Clock): Promise<Job | null> {
  return await scope.db.write(async () => {
    const job = await inProgress(scope, locationId);
    if (!job) return null;
    await scope.db.exec(scope.db.orm
      .update(migrationJobs)
      .set({ status: 'cancelled', errorMessage: reason, completedAt: clock.now().toISOString() })
      .where(eq(migrationJobs.id, job.id)));
    return job;
  });
}

export async function latestJob(scope: CompanyScope, locationId: number): Promise<Job | undefined> {
  return await scope.db.one(scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.locationId, locationId)).orderBy(desc(migrationJobs.id)).limit(1));
}

async function refreshProgress(scope: CompanyScope, jobId: number): Promise<Job> {
  const counts = await scope.db.statement(
      `SELECT count(*) FILTER (WHERE status IN ('success', 'no_data', 'incomplete')) AS processed, count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'skipped') AS skipped, count(*) AS total
       FROM migration_days WHERE job_id = ?`,
    )
    .get(jobId) as { processed: number; failed: number; skipped: number; total: number };
  const done = counts.processed + counts.failed + counts.skipped;
  return await scope.db.one(scope.db.orm
    .update(migrationJobs)
    .set({
      daysProcessed: counts.processed,
      daysFailed: counts.failed,
      daysSkipped: counts.skipped,
      progressPercent: counts.total === 0 ? 100 : Math.floor((done / counts.total) * 100),
    })
    .where(eq(migrationJobs.id, jobId))
    .returning());
}

/** Jobs whose runner died or fell silent go back to pending; their half-done day starts over. */
export async function recoverStuckJobs(scope: CompanyScope, clock: Clock): Promise<number> {
  return await scope.db.write(async () => {
    const running = await scope.db.many(scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.status, 'running')));
    // A runner of another machine (a PC sharing a PostgreSQL database) is judged by its heartbeat only.
    const stuck = running.filter(
      (job) =>
        job.runnerPid === null ||
        (onThisHost(job.runnerHost) && job.runnerPid !== process.pid && !processAlive(job.runnerPid)) ||
        Date.parse(job.heartbeatAt ?? '1970-01-01') + STUCK_AFTER_MS < clock.now().getTime(),
    );
    const at = clock.now().toISOString();
    for (const job of stuck) {
      // The dead runner's half-done day left a "processing" log behind: it says what happened.
      await failInterruptedLogs(scope.db, async (log) => log.locationId === job.locationId && !await dayLockHeld(scope.db, log.locationId, log.reportDate), at);
      await scope.db.exec(scope.db.orm.update(migrationJobs).set({ status: 'pending', runnerPid: null }).where(eq(migrationJobs.id, job.id)));
      await scope.db.exec(scope.db.orm
        .update(migrationDays)
        .set({ status: 'pending' })
        .where(and(eq(migrationDays.jobId, job.id), eq(migrationDays.status, 'processing'))));
    }
    return stuck.length;
  });
}

/** Takes a pending job for this process (null when another live runner has it); `firstRun` unless it resumes a run that stopped. */
async function claim(scope: CompanyScope, jobId: number, clock: Clock): Promise<{ job: Job; firstRun: boolean } | null> {
  return await scope.db.write(async () => {
    const job = await scope.db.one(scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.id, jobId)));
    if (!job || job.status !== 'pending') return null;
    const at = clock.now().toISOString();
    // Compare and set: of two runners that read it pending (on PostgreSQL a read locks nothing), one takes it.
    const claimed = await scope.db.one(scope.db.orm
      .update(migrationJobs)
      .set({ status: 'running', runnerPid: process.pid, runnerHost: THIS_HOST, heartbeatAt: at, startedAt: job.startedAt ?? at })
      .where(and(eq(migrationJobs.id, jobId), eq(migrationJobs.status, 'pending')))
      .returning());
    return claimed ? { job: claimed, firstRun: job.startedAt === null } : null;
  });
}

async function stillRunning(scope: CompanyScope, jobId: number): Promise<boolean> {
  const job = await scope.db.one(scope.db.orm
    .select({ status: migrationJobs.status, runnerPid: migrationJobs.runnerPid, runnerHost: migrationJobs.runnerHost })
    .from(migrationJobs)
    .where(eq(migrationJobs.id, jobId)));
  return job?.status === 'running' && job.runnerPid === process.pid && job.runnerHost === THIS_HOST;
}

export type MigrationProgress = (view: MigrationView) => void;

/** Between days, a heap in use above this is collected (a busy day keeps about 30 MB alive). */
const HEAP_BOUND_BYTES = 80 * 1024 * 1024;

/** Runs a pending job to its end (or until cancelled), one committed day at a time. */
export async function runMigration(context: TransferContext, jobId: number, onView: MigrationProgress = () => undefined): Promise<MigrationView | null> {
  const { scope, clock } = context;
  // Every open screen follows the run, whoever started it (an activation, the tray's nightly run).
  const onProgress = (progress: MigrationView) => {
    context.events.emit({ type: 'migration:progress', businessLocationId: progress.location_id, status: progress.status, progressPercent: progress.progress_percent });
    onView(progress);
  };
  const claimed = await claim(scope, jobId, clock);
  if (!claimed) return null;
  const { job } = claimed;
  // A re-run rebuilds every day of the range: the database as it was is kept first.
  if (job.rerun && claimed.firstRun) await context.beforeLargeChange?.(`the re-run of a location's migration (job ${job.id})`);
  const location = await scope.db.one(scope.db.orm.select().from(locations).where(eq(locations.id, job.locationId))) as Location;
  let outageStreak = 0;

  for (;;) {
    const due = await scope.db.many(scope.db.orm
      .select()
      .from(migrationDays)
      .where(and(eq(migrationDays.jobId, jobId), inArray(migrationDays.status, ['pending', 'retry_pending'])))
      .orderBy(asc(migrationDays.date)));
    if (due.length === 0) break;
    // The due days that will be fetched (a re-run fetches all; otherwise a day's stored sales are reused): read ahead.
    const fetchDay = readAhead(
      context.days,
      (await filterInOrder(due, async (day) => job.rerun || (await cachedDay(scope.db, location.id, day.date)) === null)).map((day) => ({ businessLocationId: location.businessLocationId, date: day.date })),
    );
    for (const day of due) {
      if (!await stillRunning(scope, jobId)) return await view(scope, await refreshProgress(scope, jobId));
      await scope.db.write(async () => {
        const at = clock.now().toISOString();
        await scope.db.exec(scope.db.orm.update(migrationDays).set({ status: 'processing', updatedAt: at }).where(eq(migrationDays.id, day.id)));
        await scope.db.exec(scope.db.orm.update(migrationJobs).set({ currentDate: day.date, heartbeatAt: at }).where(eq(migrationJobs.id, jobId)));
      });
      const result = await transferDay(context, {
        businessLocationId: location.businessLocationId,
        date: day.date,
        force: job.rerun,
        trigger: 'migration',
        onCommit: (outcome) => recordDay(scope, jobId, day.id, outcome, clock),
        fetchDay,
      }).catch((error: unknown) => failedResult(day.date, error));
      if (!result.success) {
        await scope.db.write(async () => {
          const attempts = day.attempts + 1;
          await scope.db.exec(scope.db.orm
            .update(migrationDays)
            .set({
              status: attempts >= MAX_DAY_ATTEMPTS ? 'failed' : 'retry_pending',
              attempts,
              transferLogId: result.log_id,
              errorMessage: result.error?.message ?? null,
              updatedAt: clock.now().toISOString(),
            })
            .where(eq(migrationDays.id, day.id)));
          await refreshProgress(scope, jobId);
        });
      }
      outageStreak = !result.success && result.error?.temporary ? outageStreak + 1 : 0;
      if (outageStreak >= OUTAGE_DAYS) {
        // Only polled locations migrate, and each polled room names its outage code.
        const pos = SOURCE_ROOMS[(await salesSourceOf(scope, location.sourceId)).kind] as SourceRoom & { outageCode: string };
        const message = `${pos.words} could not be reached for ${OUTAGE_DAYS} days in a row (last: ${result.error?.message ?? 'no answer'}). The migration stopped; the next run picks it up again.`;
        const stopped = await endJob(scope, jobId, () => ({ code: pos.outageCode, message }), clock);
        if (stopped.ended) onProgress(stopped.view);
        return stopped.view;
      }
      onProgress(await view(scope, await refreshProgress(scope, jobId)));
      collectGarbageAbove(HEAP_BOUND_BYTES);
    }
  }

  const finished = await endJob(
    scope,
    jobId,
    (progress) => (progress.daysFailed > 0 ? { code: 'transfer_failed', message: `${progress.daysFailed} day(s) failed after ${MAX_DAY_ATTEMPTS} attempts.` } : null),
    clock,
  );
  if (finished.ended) onProgress(finished.view);
  return finished.view;
}

/**
 * Ends a job that is still running, checked in the same transaction, so a cancel that came first
 * stands: completed, or failed with what `verdict` makes of its final progress. A failed job raises
 * migration_failed; the alert goes when no job is left failed.
 */
async function endJob(scope: CompanyScope, jobId: number, verdict: (progress: Job) => { code: string; message: string } | null, clock: Clock): Promise<{ view: MigrationView; ended: boolean }> {
  return await scope.db.write(async () => {
    const progress = await refreshProgress(scope, jobId);
    if (progress.status !== 'running') return { view: await view(scope, progress), ended: false };
    const failure = verdict(progress);
    const at = clock.now().toISOString();
    const job = await scope.db.one(scope.db.orm
      .update(migrationJobs)
      .set({ status: failure ? 'failed' : 'completed', completedAt: at, currentDate: null, errorCode: failure?.code ?? null, errorMessage: failure?.message ?? null })
      .where(eq(migrationJobs.id, jobId))
      .returning());
    const location = await scope.db.one(scope.db.orm.select({ name: locations.name, businessLocationId: locations.businessLocationId }).from(locations).where(eq(locations.id, job.locationId)));
    // The alert links to the location, whose migration grid shows which days failed.
    if (failure) await raiseAlert(scope, 'migration_failed', `${location?.name ?? 'A location'}: ${failure.message}`, at, location ? { businessLocationId: location.businessLocationId, date: null } : null);
    else await resolveMigrationAlertIfClear(scope, at);
    return { view: await view(scope, job), ended: true };
  });
}

async function resolveMigrationAlertIfClear(scope: CompanyScope, at: string): Promise<void> {
  const stillFailed = await scope.db.statement(
      `SELECT 1 FROM migration_jobs j WHERE j.company_id = ? AND j.status = 'failed'
         AND j.id = (SELECT max(id) FROM migration_jobs WHERE location_id = j.location_id)`,
    )
    .get(scope.companyId);
  if (!stillFailed) await resolveOpenAlerts(scope, at, ['migration_failed']);
}

/** The codes a migration an outage stopped ends with (each polled POS's own); the next run resumes such a job. */
const OUTAGE_CODES: readonly string[] = sourceRooms.flatMap((room) => (room.outageCode === null ? [] : [room.outageCode]));
const isOutageStop = (code: string | null) => code !== null && OUTAGE_CODES.includes(code);

/**
 * The nightly run's part: a location's latest migration that an outage stopped goes back to pending,
 * so this run resumes it where it stopped.
 */
export async function reopenStoppedMigrations(scope: CompanyScope): Promise<void> {
  await scope.db.write(async () => {
    const stopped = await scope.db.statement(
        `SELECT j.id FROM migration_jobs j WHERE j.company_id = ? AND j.status = 'failed' AND j.error_code IN (SELECT value FROM json_each(?))
           AND j.id = (SELECT max(id) FROM migration_jobs WHERE location_id = j.location_id)`,
      )
      .all(scope.companyId, JSON.stringify(OUTAGE_CODES)) as { id: number }[];
    for (const { id } of stopped) {
      await scope.db.exec(scope.db.orm.update(migrationJobs).set({ status: 'pending', errorCode: null, errorMessage: null, completedAt: null }).where(eq(migrationJobs.id, id)));
    }
  });
}

/**
 * After the nightly run posted days of a location: its latest migration's failed and incomplete days
 * take the outcome of their newest successful transfer, and a failed job whose days are all posted
 * now completes (resolving migration_failed when no other job is left failed).
 */
export async function settleMigration(scope: CompanyScope, locationId: number, clock: Clock): Promise<void> {
  const job = await latestJob(scope, locationId);
  if (!job || (job.status !== 'failed' && job.status !== 'completed') || isOutageStop(job.errorCode)) return;
  await scope.db.write(async () => {
    const at = clock.now().toISOString();
    const open = await scope.db.many(scope.db.orm
      .select()
      .from(migrationDays)
      .where(and(eq(migrationDays.jobId, job.id), inArray(migrationDays.status, ['failed', 'incomplete']))));
    const posted = new Map((await postedDays(scope.db, locationId, job.startDate)).map((day) => [day.date, day]));
    for (const day of open) {
      const log = posted.get(day.date);
      if (!log) continue;
      await scope.db.exec(scope.db.orm
        .update(migrationDays)
        .set({
          ...postedDay(log),
          transferLogId: log.logId,
          linesProcessed: log.linesProcessed,
          ledgerEntriesCreated: log.ledgerEntriesCreated,
          updatedAt: at,
        })
        .where(eq(migrationDays.id, day.id)));
    }
    const progress = await refreshProgress(scope, job.id);
    if (progress.status === 'failed' && progress.daysFailed === 0) {
      await scope.db.exec(scope.db.orm.update(migrationJobs).set({ status: 'completed', errorCode: null, errorMessage: null, completedAt: at }).where(eq(migrationJobs.id, job.id)));
      await resolveMigrationAlertIfClear(scope, at);
    }
  });
}

/** A posted day's status: one posted while the till had the day open is not done, and says so until run-due completes it. */
function postedDay(transfer: { dataComplete: boolean | null; noData: boolean }): { status: 'incomplete' | 'no_data' | 'success'; errorMessage: string | null } {
  if (transfer.dataComplete === false) return { status: 'incomplete', errorMessage: INCOMPLETE_DAY_WORDS };
  return { status: transfer.noData ? 'no_data' : 'success', errorMessage: null };
}

/** Inside the day's transaction: its status goes in with its ledger entries and log. */
async function recordDay(scope: CompanyScope, jobId: number, dayId: number, outcome: TransferResult, clock: Clock): Promise<void> {
  const current = await scope.db.one(scope.db.orm.select({ attempts: migrationDays.attempts }).from(migrationDays).where(eq(migrationDays.id, dayId)));
  await scope.db.exec(scope.db.orm
    .update(migrationDays)
    .set({
      ...postedDay({ dataComplete: outcome.data_complete, noData: outcome.no_data }),
      attempts: (current?.attempts ?? 0) + 1,
      transferLogId: outcome.log_id,
      linesProcessed: outcome.stats?.lines_processed ?? 0,
      ledgerEntriesCreated: outcome.stats?.ledger_entries_created ?? 0,
      updatedAt: clock.now().toISOString(),
    })
    .where(eq(migrationDays.id, dayId)));
  await scope.db.exec(scope.db.orm.update(migrationJobs).set({ heartbeatAt: clock.now().toISOString() }).where(eq(migrationJobs.id, jobId)));
  await refreshProgress(scope, jobId);
}

function failedResult(date: string, error: unknown): TransferResult {
  return { date, success: false, no_data: false, data_complete: null, log_id: null, request_uuid: '', ledger_ids: [], stats: null, error: { ...failureOf(error), temporary: false } };
}

export async function view(scope: CompanyScope, job: Job): Promise<MigrationView> {
  const location = await scope.db.one(scope.db.orm.select({ blId: locations.businessLocationId }).from(locations).where(eq(locations.id, job.locationId)));
  const days = await scope.db.many(scope.db.orm.select().from(migrationDays).where(eq(migrationDays.jobId, job.id)).orderBy(asc(migrationDays.date)));
  // What each posted day left unmapped, from its log: the grid shows such a day amber, not green.
  const unmapped = await linesUnmappedOf(scope.db, days.flatMap((day) => (day.transferLogId === null ? [] : [day.transferLogId])));
  return {
    job_id: job.id,
    location_id: location?.blId ?? '',
    status: job.status,
    rerun: job.rerun,
    total_days: job.totalDays,
    days_processed: job.daysProcessed,
    days_failed: job.daysFailed,
    days_skipped: job.daysSkipped,
    current_date: job.currentDate,
    start_date: job.startDate,
    end_date: job.endDate,
    progress_percent: job.progressPercent,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    error_code: job.errorCode,
    error_message: job.errorMessage,
    days: days.map((day) => ({
      date: day.date,
      status: day.status,
      attempts: day.attempts,
      lines_processed: day.linesProcessed,
      ledger_entries_created: day.ledgerEntriesCreated,
      transfer_log_id: day.transferLogId,
      error_message: day.errorMessage,
      lines_unmapped: day.transferLogId === null ? 0 : (unmapped.get(day.transferLogId) ?? 0),
    })),
  };
}
