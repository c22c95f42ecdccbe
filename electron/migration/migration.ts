// The 90-day migration a location gets when it is activated: one transfer per completed business day,
// oldest first, each day's ledger entries, log and day status committed together. A runner that died
// (its process is gone) or went silent for 10 minutes leaves the job to the next runner, which
// resumes where the committed days end.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CompanyScope } from '../company/company';
import { addDays, dateInZone, datesBetween } from '../business-day/zoned-time';
import { locations, migrationDays, migrationJobs, type migrationDayStatuses, type migrationJobStatuses } from '../db/schema';
import { DomainError } from '../domain-error';
import { requireLocation } from '../locations/location-config';
import type { Location } from '../locations/location-sync';
import type { Clock } from '../platform/platform';
import { processAlive } from '../transfer/day-lock';
import { transferDay, type TransferContext, type TransferResult } from '../transfer/transfer-day';

export const MIGRATION_DAYS = 90;
export const MAX_DAY_ATTEMPTS = 3;
export const STUCK_AFTER_MS = 10 * 60_000;

export type MigrationJobStatus = (typeof migrationJobStatuses)[number];
export type MigrationDayStatus = (typeof migrationDayStatuses)[number];
type Job = typeof migrationJobs.$inferSelect;

/** The last 90 completed business days, ending yesterday where the location is. */
export function migrationRange(location: Pick<Location, 'timezone'>, clock: Clock): { startDate: string; endDate: string } {
  const endDate = addDays(dateInZone(clock.now(), location.timezone), -1);
  return { startDate: addDays(endDate, -(MIGRATION_DAYS - 1)), endDate };
}

function inProgress(scope: CompanyScope, locationId: number): Job | undefined {
  return scope.db.orm
    .select()
    .from(migrationJobs)
    .where(and(eq(migrationJobs.locationId, locationId), inArray(migrationJobs.status, ['pending', 'running'])))
    .get();
}

function createJob(scope: CompanyScope, location: Location, rerun: boolean, clock: Clock): Job {
  const at = clock.now().toISOString();
  const { startDate, endDate } = migrationRange(location, clock);
  const dates = datesBetween(startDate, endDate);
  // On a first run, a day that already has a successful transfer is skipped; a re-run redoes them all.
  const done = rerun
    ? new Set<string>()
    : new Set(
        (
          scope.db.sqlite
            .prepare(`SELECT DISTINCT report_date AS date FROM transfer_logs WHERE location_id = ? AND status = 'success' AND report_date BETWEEN ? AND ?`)
            .all(location.id, startDate, endDate) as { date: string }[]
        ).map((row) => row.date),
      );
  if (inProgress(scope, location.id)) throw new DomainError('migration_already_in_progress', `${location.name} already has a migration pending or running.`);
  let job: Job;
  try {
    job = scope.db.orm
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
      .returning()
      .get();
  } catch (error) {
    // The partial unique index is the final word when two processes start one at the same moment.
    if (/UNIQUE/.test(String(error))) throw new DomainError('migration_already_in_progress', `${location.name} already has a migration pending or running.`);
    throw error;
  }
  scope.db.orm
    .insert(migrationDays)
    .values(dates.map((date) => ({ jobId: job.id, date, status: done.has(date) ? ('skipped' as const) : ('pending' as const), updatedAt: at })))
    .run();
  return refreshProgress(scope, job.id);
}

/** One-way: needs a storage unit, and starts the 90-day migration. */
export function activateLocation(scope: CompanyScope, businessLocationId: string, clock: Clock): MigrationView {
  return scope.db.write(() => {
    const location = requireLocation(scope, businessLocationId);
    if (location.storageUnitId === null) throw new DomainError('storage_unit_required', `Link a storage unit to ${location.name} before activating it.`);
    if (location.activatedAt !== null) {
      const latest = latestJob(scope, location.id);
      if (latest) return view(scope, latest);
    }
    scope.db.orm.update(locations).set({ activatedAt: clock.now().toISOString() }).where(eq(locations.id, location.id)).run();
    return view(scope, createJob(scope, { ...location, activatedAt: clock.now().toISOString() }, false, clock));
  });
}

function requireMigratable(scope: CompanyScope, businessLocationId: string): Location {
  const location = requireLocation(scope, businessLocationId);
  if (location.activatedAt === null) throw new DomainError('location_not_activated', `Activate ${location.name} first.`);
  if (location.storageUnitId === null) throw new DomainError('storage_unit_required', `${location.name} has no storage unit.`);
  return location;
}

export function startMigration(scope: CompanyScope, businessLocationId: string, clock: Clock, options: { rerun: boolean }): MigrationView {
  return scope.db.write(() => view(scope, createJob(scope, requireMigratable(scope, businessLocationId), options.rerun, clock)));
}

export function cancelMigration(scope: CompanyScope, locationId: number, reason: string, clock: Clock): Job | null {
  return scope.db.write(() => {
    const job = inProgress(scope, locationId);
    if (!job) return null;
    scope.db.orm
      .update(migrationJobs)
      .set({ status: 'cancelled', errorMessage: reason, completedAt: clock.now().toISOString() })
      .where(eq(migrationJobs.id, job.id))
      .run();
    return job;
  });
}

export function latestJob(scope: CompanyScope, locationId: number): Job | undefined {
  return scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.locationId, locationId)).orderBy(desc(migrationJobs.id)).limit(1).get();
}

function refreshProgress(scope: CompanyScope, jobId: number): Job {
  const counts = scope.db.sqlite
    .prepare(
      `SELECT sum(status IN ('success', 'no_data')) AS processed, sum(status = 'failed') AS failed, sum(status = 'skipped') AS skipped, count(*) AS total
       FROM migration_days WHERE job_id = ?`,
    )
    .get(jobId) as { processed: number; failed: number; skipped: number; total: number };
  const done = counts.processed + counts.failed + counts.skipped;
  return scope.db.orm
    .update(migrationJobs)
    .set({
      daysProcessed: counts.processed,
      daysFailed: counts.failed,
      daysSkipped: counts.skipped,
      progressPercent: counts.total === 0 ? 100 : Math.floor((done / counts.total) * 100),
    })
    .where(eq(migrationJobs.id, jobId))
    .returning()
    .get();
}

/** Jobs whose runner died or fell silent go back to pending; their half-done day starts over. */
export function recoverStuckJobs(scope: CompanyScope, clock: Clock): number {
  return scope.db.write(() => {
    const running = scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.status, 'running')).all();
    const stuck = running.filter(
      (job) =>
        job.runnerPid === null ||
        (job.runnerPid !== process.pid && !processAlive(job.runnerPid)) ||
        Date.parse(job.heartbeatAt ?? '1970-01-01') + STUCK_AFTER_MS < clock.now().getTime(),
    );
    for (const job of stuck) {
      scope.db.orm.update(migrationJobs).set({ status: 'pending', runnerPid: null }).where(eq(migrationJobs.id, job.id)).run();
      scope.db.orm
        .update(migrationDays)
        .set({ status: 'pending' })
        .where(and(eq(migrationDays.jobId, job.id), eq(migrationDays.status, 'processing')))
        .run();
    }
    return stuck.length;
  });
}

/** Takes a pending job for this process; null when another live runner has it. */
function claim(scope: CompanyScope, jobId: number, clock: Clock): Job | null {
  return scope.db.write(() => {
    const job = scope.db.orm.select().from(migrationJobs).where(eq(migrationJobs.id, jobId)).get();
    if (!job || job.status !== 'pending') return null;
    const at = clock.now().toISOString();
    return scope.db.orm
      .update(migrationJobs)
      .set({ status: 'running', runnerPid: process.pid, heartbeatAt: at, startedAt: job.startedAt ?? at })
      .where(eq(migrationJobs.id, jobId))
      .returning()
      .get();
  });
}

function stillRunning(scope: CompanyScope, jobId: number): boolean {
  const job = scope.db.orm.select({ status: migrationJobs.status, runnerPid: migrationJobs.runnerPid }).from(migrationJobs).where(eq(migrationJobs.id, jobId)).get();
  return job?.status === 'running' && job.runnerPid === process.pid;
}

export type MigrationProgress = (view: MigrationView) => void;

/** Runs a pending job to its end (or until cancelled), one committed day at a time. */
export async function runMigration(context: TransferContext, jobId: number, onProgress: MigrationProgress = () => undefined): Promise<MigrationView | null> {
  const { scope, clock } = context;
  const job = claim(scope, jobId, clock);
  if (!job) return null;
  const location = scope.db.orm.select().from(locations).where(eq(locations.id, job.locationId)).get() as Location;

  for (;;) {
    const due = scope.db.orm
      .select()
      .from(migrationDays)
      .where(and(eq(migrationDays.jobId, jobId), inArray(migrationDays.status, ['pending', 'retry_pending'])))
      .orderBy(asc(migrationDays.date))
      .all();
    if (due.length === 0) break;
    for (const day of due) {
      if (!stillRunning(scope, jobId)) return view(scope, refreshProgress(scope, jobId));
      scope.db.write(() => {
        const at = clock.now().toISOString();
        scope.db.orm.update(migrationDays).set({ status: 'processing', updatedAt: at }).where(eq(migrationDays.id, day.id)).run();
        scope.db.orm.update(migrationJobs).set({ currentDate: day.date, heartbeatAt: at }).where(eq(migrationJobs.id, jobId)).run();
      });
      const result = await transferDay(context, {
        businessLocationId: location.businessLocationId,
        date: day.date,
        force: job.rerun,
        trigger: 'migration',
        onCommit: (outcome) => recordDay(scope, jobId, day.id, outcome, clock),
      }).catch((error: unknown) => failedResult(day.date, error));
      if (!result.success) {
        scope.db.write(() => {
          const attempts = day.attempts + 1;
          scope.db.orm
            .update(migrationDays)
            .set({
              status: attempts >= MAX_DAY_ATTEMPTS ? 'failed' : 'retry_pending',
              attempts,
              transferLogId: result.log_id,
              errorMessage: result.error?.message ?? null,
              updatedAt: clock.now().toISOString(),
            })
            .where(eq(migrationDays.id, day.id))
            .run();
          refreshProgress(scope, jobId);
        });
      }
      onProgress(view(scope, refreshProgress(scope, jobId)));
    }
  }

  return scope.db.write(() => {
    const final = refreshProgress(scope, jobId);
    if (final.status !== 'running') return view(scope, final);
    const failed = final.daysFailed > 0;
    const finished = scope.db.orm
      .update(migrationJobs)
      .set({
        status: failed ? 'failed' : 'completed',
        completedAt: clock.now().toISOString(),
        currentDate: null,
        errorMessage: failed ? `${final.daysFailed} day(s) failed after ${MAX_DAY_ATTEMPTS} attempts.` : null,
      })
      .where(eq(migrationJobs.id, jobId))
      .returning()
      .get();
    const result = view(scope, finished);
    onProgress(result);
    return result;
  });
}

/** Inside the day's transaction: its status goes in with its ledger entries and log. */
function recordDay(scope: CompanyScope, jobId: number, dayId: number, outcome: TransferResult, clock: Clock): void {
  const current = scope.db.orm.select({ attempts: migrationDays.attempts }).from(migrationDays).where(eq(migrationDays.id, dayId)).get();
  scope.db.orm
    .update(migrationDays)
    .set({
      status: outcome.no_data ? 'no_data' : 'success',
      attempts: (current?.attempts ?? 0) + 1,
      transferLogId: outcome.log_id,
      linesProcessed: outcome.stats?.lines_processed ?? 0,
      ledgerEntriesCreated: outcome.stats?.ledger_entries_created ?? 0,
      errorMessage: null,
      updatedAt: clock.now().toISOString(),
    })
    .where(eq(migrationDays.id, dayId))
    .run();
  scope.db.orm.update(migrationJobs).set({ heartbeatAt: clock.now().toISOString() }).where(eq(migrationJobs.id, jobId)).run();
  refreshProgress(scope, jobId);
}

function failedResult(date: string, error: unknown): TransferResult {
  const failure = error instanceof DomainError ? { code: error.code, message: error.message } : { code: 'internal_error', message: String(error) };
  return { date, success: false, no_data: false, data_complete: null, log_id: null, request_uuid: '', ledger_ids: [], stats: null, error: failure };
}

/** The seed's progress fields, plus each day. */
export interface MigrationView {
  job_id: number;
  location_id: string;
  status: MigrationJobStatus;
  rerun: boolean;
  total_days: number;
  days_processed: number;
  days_failed: number;
  days_skipped: number;
  current_date: string | null;
  start_date: string;
  end_date: string;
  progress_percent: number;
  started_at: string | null;
  completed_at: string | null;
  error_message: string | null;
  days: { date: string; status: MigrationDayStatus; attempts: number; lines_processed: number; ledger_entries_created: number; transfer_log_id: number | null; error_message: string | null }[];
}

export function view(scope: CompanyScope, job: Job): MigrationView {
  const location = scope.db.orm.select({ blId: locations.businessLocationId }).from(locations).where(eq(locations.id, job.locationId)).get();
  const days = scope.db.orm.select().from(migrationDays).where(eq(migrationDays.jobId, job.id)).orderBy(asc(migrationDays.date)).all();
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
    error_message: job.errorMessage,
    days: days.map((day) => ({
      date: day.date,
      status: day.status,
      attempts: day.attempts,
      lines_processed: day.linesProcessed,
      ledger_entries_created: day.ledgerEntriesCreated,
      transfer_log_id: day.transferLogId,
      error_message: day.errorMessage,
    })),
  };
}
