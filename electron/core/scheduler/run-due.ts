// Everything that is due, in one call: the app's nightly timer and `npm run cli -- run-due` both use
// it. First migrations left pending (by a runner that died, or stopped by an outage) resume; then
// every activated location with automatic issues on catches up: each closed business day after its
// newest successful transfer (at most 90 days back), up to yesterday where the location is, oldest
// first; any day in that window that failed before; and any day whose newest successful transfer
// was posted while the till still had it open (incomplete), transferred again with force once
// Lightspeed reports it complete, so the rest of its sales are deducted too. A PC that was off for a
// week posts the whole week on its next run; a day Lightspeed has not closed waits for the next.
// A failed migration whose days this run posted completes.
import { addDays, datesBetween, yesterdayIn } from '../time/zoned-time';
import { raiseAlert, resolveOpenAlerts } from '../alerts/alerts';
import { listLocations, type Location } from '../locations/location-sync';
import { MIGRATION_DAYS, recoverStuckJobs, reopenStoppedMigrations, runMigration, settleMigration, type MigrationView } from '../migration/migration';
import { failInterruptedLogs, postedDays } from '../transfer/transfer-log';
import { dayLockHeld } from '../transfer/day-lock';
import { transferDay, type TransferContext, type TransferResult } from '../transfer/transfer-day';
import { cachedDay, readAhead } from '../sales/sales-cache';
import { filterInOrder } from '../in-order';

export interface LocationRun {
  businessLocationId: string;
  posted: string[];
  failed: { date: string; code: string; message: string }[];
  /** The first day Lightspeed had not closed yet, if the catch-up stopped there. */
  waitingFor: string | null;
}

export interface RunDueResult {
  migrations: MigrationView[];
  locations: LocationRun[];
}

/** Logs a dead process left "processing" are failed; its day lock is released with it. */
async function cleanUpAfterCrashes(context: TransferContext): Promise<void> {
  const { scope, clock } = context;
  await failInterruptedLogs(scope.db, async (log) => !await dayLockHeld(scope.db, log.locationId, log.reportDate), clock.now().toISOString());
  await recoverStuckJobs(scope, clock);
}

export async function runDue(context: TransferContext, onTransfer: (result: TransferResult) => void = () => undefined): Promise<RunDueResult> {
  const { scope, clock } = context;
  await cleanUpAfterCrashes(context);
  await reopenStoppedMigrations(scope);
  const migrations: MigrationView[] = [];
  const pending = await scope.db.statement(`SELECT id FROM migration_jobs WHERE company_id = ? AND status = 'pending' ORDER BY id`).all(scope.companyId) as { id: number }[];
  for (const job of pending) {
    const finished = await runMigration(context, job.id);
    if (finished) migrations.push(finished);
  }

  // What each location has to catch up, worked out first, so the next day's sales (of this location
  // or the next) can be fetched while a day is stored.
  const plans: { location: Location; run: LocationRun; from: string; days: { date: string; force: boolean }[] }[] = [];
  for (const location of await listLocations(scope)) {
    if (location.activatedAt === null || !location.autoIssue || location.storageUnitId === null) continue;
    const migrating = await scope.db.statement(`SELECT 1 FROM migration_jobs WHERE location_id = ? AND status IN ('pending', 'running')`).get(location.id);
    if (migrating) continue;
    const yesterday = yesterdayIn(location.timezone, clock.now());
    const posted = await postedDays(scope.db, location.id);
    const done = new Set(posted.filter((day) => day.dataComplete !== false).map((day) => day.date));
    const newest = posted.at(-1)?.date;
    const earliest = addDays(yesterday, -(MIGRATION_DAYS - 1));
    // Without any successful transfer there is nothing to catch up from: history is the migration's job.
    const from = newest === undefined ? yesterday : [addDays(newest, 1), earliest].sort().at(-1)!;
    // Days that failed earlier in the window are tried again, even when a later day succeeded.
    const failedBefore = (
      await scope.db.statement(`SELECT DISTINCT report_date AS date FROM transfer_logs WHERE location_id = ? AND status = 'failed' AND report_date >= ? AND report_date < ?`)
        .all(location.id, earliest, from) as { date: string }[]
    ).map((row) => row.date);
    const incomplete = new Set(posted.filter((day) => day.dataComplete === false && day.date >= earliest).map((day) => day.date));
    const dates = [...new Set([...failedBefore, ...incomplete, ...(from <= yesterday ? datesBetween(from, yesterday) : [])])].filter((date) => !done.has(date)).sort();
    // An incomplete day's stored sales are only part of it: fetch it again and rebuild its entries.
    const days = dates.map((date) => ({ date, force: incomplete.has(date) }));
    plans.push({ location, from, days, run: { businessLocationId: location.businessLocationId, posted: [], failed: [], waitingFor: null } });
  }
  const queue = plans.flatMap(({ location, days }) => days.map((day) => ({ location, ...day })));
  // A day whose complete sales are stored already is read from the cache, not fetched.
  const fetchDay = readAhead(
    context.days,
    (await filterInOrder(queue, async (day) => day.force || (await cachedDay(scope.db, day.location.id, day.date))?.dataComplete !== true)).map((day) => ({ businessLocationId: day.location.businessLocationId, date: day.date })),
  );

  for (const { location, run, from, days } of plans) {
    for (const { date, force } of days) {
      const result = await transferDay(context, { businessLocationId: location.businessLocationId, date, force, trigger: 'nightly', requireComplete: true, fetchDay });
      onTransfer(result);
      if (result.success) run.posted.push(date);
      else if (result.error?.code === 'date_not_closed') {
        run.waitingFor ??= date;
        // A day not closed yet means the days after it are not either; an older day still open is only skipped.
        if (date >= from) break;
      } else run.failed.push({ date, code: result.error?.code ?? 'internal_error', message: result.error?.message ?? '' });
    }
    await settleMigration(scope, location.id, clock);
  }
  const runs = plans.map((plan) => plan.run);
  const failures = plans.flatMap(({ location, run }) => run.failed.map((failure) => ({ ...failure, location })));
  const at = clock.now().toISOString();
  await scope.db.write(async () => {
    for (const failure of failures) {
      await raiseAlert(scope, failure.code === 'max_retries_exhausted' ? 'max_retries_exhausted' : 'transfer_failed', `${failure.location.name}, ${failure.date}: ${failure.message}`, at, {
        businessLocationId: failure.location.businessLocationId,
        date: failure.date,
      });
    }
    if (failures.length === 0) await resolveOpenAlerts(scope, at, ['transfer_failed', 'max_retries_exhausted']);
  });
  return { migrations, locations: runs };
}
