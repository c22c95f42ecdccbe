import { afterEach, describe, expect, it } from 'vitest';
import type { LarderEvent } from '../../../shared/model/events';
import { HARBOUR, startRestaurant, TONGATAPU, type Restaurant } from '../../../test/support/restaurant';
import { unlinkStorageUnit } from '../locations/location-config';
import { runDue } from '../scheduler/run-due';
import { transferDay } from '../transfer/transfer-day';
import { listLogs } from '../transfer/transfer-log';
import { activateLocation, cancelMigration, latestJob, migrationRange, recoverStuckJobs, runMigration, startMigration, view } from './migration';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

async function setup(): Promise<Restaurant> {
  restaurant = await startRestaurant({ salesPerDay: 4 });
  return restaurant;
}

const locationId = async (run: Restaurant, blId = HARBOUR) =>
  ((await run.engine.db.statement('SELECT id FROM locations WHERE business_location_id = ?').get(blId)) as { id: number }).id;

describe('the 90-day migration', () => {
  it('covers the last 90 completed business days, ending yesterday where the location is', () => {
    const clock = { now: () => new Date('2026-05-08T10:00:00Z') };
    expect(migrationRange({ timezone: 'Europe/Amsterdam' }, clock)).toEqual({ startDate: '2026-02-07', endDate: '2026-05-07' });
    // Honolulu is still on 7 May at 08:00 UTC.
    expect(migrationRange({ timezone: 'Pacific/Honolulu' }, { now: () => new Date('2026-05-08T08:00:00Z') })).toEqual({ startDate: '2026-02-06', endDate: '2026-05-06' });
  });

  it('needs a storage unit to activate, skips days already transferred, and completes', async () => {
    const run = await setup();
    await run.engine.db.statement(`UPDATE locations SET storage_unit_id = NULL WHERE business_location_id = '${TONGATAPU}'`).run();
    await expect(activateLocation(run.engine.scope, TONGATAPU, run.engine.platform.clock)).rejects.toThrow(expect.objectContaining({ code: 'storage_unit_required' }));
    await expect(startMigration(run.engine.scope, HARBOUR, run.engine.platform.clock, { rerun: false })).rejects.toThrow(expect.objectContaining({ code: 'location_not_activated' }));

    await run.transfer('2026-05-01');
    const created = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    expect(created).toMatchObject({ status: 'pending', start_date: '2026-02-07', end_date: '2026-05-07', total_days: 90, days_skipped: 1 });
    expect(created.days.find((day) => day.date === '2026-05-01')?.status).toBe('skipped');
    await expect(startMigration(run.engine.scope, HARBOUR, run.engine.platform.clock, { rerun: true })).rejects.toThrow(expect.objectContaining({ code: 'migration_already_in_progress' }));

    const progress: number[] = [];
    const done = await runMigration(run.engine.transfers, created.job_id, (update) => progress.push(update.progress_percent));
    expect(done).toMatchObject({ status: 'completed', days_processed: 89, days_failed: 0, days_skipped: 1, progress_percent: 100, current_date: null, error_message: null });
    expect(done?.started_at).not.toBeNull();
    expect(done?.completed_at).not.toBeNull();
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const dates = (await listLogs(run.engine.scope, { businessLocationId: HARBOUR, status: 'success' })).map((log) => log.reportDate);
    expect(new Set(dates).size).toBe(90);
  });

  it('re-runs the whole range with force refresh, and cancel stops a job', async () => {
    const run = await setup();
    const first = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    await runMigration(run.engine.transfers, first.job_id);
    const entries = (await run.issues()).length;
    const rerun = await startMigration(run.engine.scope, HARBOUR, run.engine.platform.clock, { rerun: true });
    expect(rerun).toMatchObject({ rerun: true, days_skipped: 0, status: 'pending' });
    const finished = await runMigration(run.engine.transfers, rerun.job_id);
    expect(finished).toMatchObject({ status: 'completed', days_processed: 90 });
    expect(await run.issues()).toHaveLength(entries);
    expect((await listLogs(run.engine.scope, { date: '2026-03-01' })).every((log) => log.forceRefresh === (log.trigger === 'migration' && log.id > 90))).toBe(true);

    const again = await startMigration(run.engine.scope, HARBOUR, run.engine.platform.clock, { rerun: true });
    await cancelMigration(run.engine.scope, await locationId(run), 'Cancelled by the user.', run.engine.platform.clock);
    expect(await view(run.engine.scope, (await latestJob(run.engine.scope, await locationId(run)))!)).toMatchObject({ job_id: again.job_id, status: 'cancelled', error_message: 'Cancelled by the user.' });
    expect(await runMigration(run.engine.transfers, again.job_id)).toBeNull();
  });

  it('is cancelled when its storage unit is unlinked', async () => {
    const run = await setup();
    await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    await unlinkStorageUnit(run.engine.scope, HARBOUR, (id) => cancelMigration(run.engine.scope, id, 'Cancelled: the storage unit was unlinked.', run.engine.platform.clock));
    expect(await latestJob(run.engine.scope, await locationId(run))).toMatchObject({ status: 'cancelled', errorMessage: 'Cancelled: the storage unit was unlinked.' });
  });

  it('retries failed days up to three attempts and completes when they later succeed', async () => {
    const run = await setup();
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    // Every attempt of the first day's first transfer fails (4 tries = 1 + 3 retries), then it recovers.
    run.fake.fail({ kind: 503, times: 4 });
    const finished = await runMigration(run.engine.transfers, job.job_id);
    expect(finished).toMatchObject({ status: 'completed', days_failed: 0, days_processed: 90 });
    expect(finished?.days[0]).toMatchObject({ date: '2026-02-07', status: 'success', attempts: 2 });
  });

  it('marks a day failed after three attempts and the job failed', async () => {
    const run = await setup();
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    run.fake.fail({ kind: 500, times: 3, match: 'date=2026-02-07' });
    const finished = await runMigration(run.engine.transfers, job.job_id);
    expect(finished).toMatchObject({ status: 'failed', days_failed: 1, days_processed: 89 });
    expect(finished?.days[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(finished?.error_message).toContain('1 day(s) failed');
  });

  it('gives a job whose runner died back to pending, and resumes it', async () => {
    const run = await setup();
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    (await run.engine.db.statement(`UPDATE migration_jobs SET status = 'running', runner_pid = 999999, heartbeat_at = ? WHERE id = ?`).run('2026-05-08T10:00:00Z', job.job_id));
    expect(await runMigration(run.engine.transfers, job.job_id)).toBeNull();
    expect(await recoverStuckJobs(run.engine.scope, run.engine.platform.clock)).toBe(1);
    expect(await runMigration(run.engine.transfers, job.job_id)).toMatchObject({ status: 'completed' });
    // A live runner that fell silent for 10 minutes counts as stuck too.
    const next = await startMigration(run.engine.scope, HARBOUR, run.engine.platform.clock, { rerun: true });
    (await run.engine.db.statement(`UPDATE migration_jobs SET status = 'running', runner_pid = ?, heartbeat_at = '2026-05-08T09:49:00Z' WHERE id = ?`).run(process.pid, next.job_id));
    expect(await recoverStuckJobs(run.engine.scope, run.engine.platform.clock)).toBe(1);
  });
});

describe('run-due', () => {
  it('catches up the seven days a PC was off, oldest first, then posts nothing', async () => {
    const run = await setup();
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    await runMigration(run.engine.transfers, job.job_id);
    expect((await runDue(run.engine.transfers)).locations).toEqual([{ businessLocationId: HARBOUR, posted: [], failed: [], waitingFor: null }]);

    run.setNow('2026-05-15T10:00:00Z');
    const posted: string[] = [];
    const first = await runDue(run.engine.transfers, (result) => posted.push(result.date));
    expect(first.locations[0]?.posted).toEqual(['2026-05-08', '2026-05-09', '2026-05-10', '2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14']);
    expect(posted).toEqual(first.locations[0]?.posted);
    expect((await runDue(run.engine.transfers)).locations[0]?.posted).toEqual([]);
  });

  it('tells open screens about every day it runs, whoever started it: a migration by its progress, a nightly day by its transfer (issue 26)', async () => {
    const run = await setup();
    const heard: LarderEvent[] = [];
    run.engine.events.subscribe((event) => heard.push(event));
    await runMigration(run.engine.transfers, (await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock)).job_id);
    expect(heard.filter((event) => event.type === 'migration:progress').at(-1)).toEqual({ type: 'migration:progress', businessLocationId: HARBOUR, status: 'completed', progressPercent: 100 });
    expect(heard.some((event) => event.type.startsWith('transfer:'))).toBe(false);
    heard.length = 0;
    run.setNow('2026-05-10T10:00:00Z');
    await runDue(run.engine.transfers);
    expect(heard.filter((event) => event.type.startsWith('transfer:'))).toEqual([
      { type: 'transfer:started', businessLocationId: HARBOUR, date: '2026-05-08' },
      { type: 'transfer:finished', businessLocationId: HARBOUR, date: '2026-05-08', success: true },
      { type: 'transfer:started', businessLocationId: HARBOUR, date: '2026-05-09' },
      { type: 'transfer:finished', businessLocationId: HARBOUR, date: '2026-05-09', success: true },
    ]);
  });

  it('raises one transfer alert for failed days, and resolves it after a clean run', async () => {
    const run = await setup();
    await runMigration(run.engine.transfers, (await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock)).job_id);
    run.setNow('2026-05-10T10:00:00Z');
    run.fake.fail({ kind: 503, times: 4, match: 'date=2026-05-08' });
    const failed = await runDue(run.engine.transfers);
    expect(failed.locations[0]?.failed.map((failure) => failure.code)).toEqual(['max_retries_exhausted']);
    expect(failed.locations[0]?.posted).toEqual(['2026-05-09']);
    const { listOpenAlerts } = await import('../alerts/alerts');
    // The alert names the location and links to the day that failed.
    expect(await listOpenAlerts(run.engine.scope)).toMatchObject([{ code: 'max_retries_exhausted', businessLocationId: HARBOUR, date: '2026-05-08', message: expect.stringMatching(/^Harbour Restaurant, 2026-05-08: /) }]);
    expect((await runDue(run.engine.transfers)).locations[0]?.posted).toEqual(['2026-05-08']);
    expect(await listOpenAlerts(run.engine.scope)).toEqual([]);
  });

  it('waits for a day Lightspeed has not closed, and leaves paused locations alone', async () => {
    const run = await setup();
    await runMigration(run.engine.transfers, (await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock)).job_id);
    // 00:30 on 9 May in Amsterdam: the 8th has ended by the calendar, not by its 05:30 start of day.
    run.setNow('2026-05-08T22:30:00Z');
    const due = await runDue(run.engine.transfers);
    expect(due.locations[0]).toMatchObject({ posted: [], waitingFor: '2026-05-08' });
    expect(await listLogs(run.engine.scope, { date: '2026-05-08' })).toEqual([]);
    await run.engine.db.statement(`UPDATE locations SET auto_issue = FALSE`).run();
    run.setNow('2026-05-10T10:00:00Z');
    expect((await runDue(run.engine.transfers)).locations).toEqual([]);
  });

  it('crosses the daylight-saving change without skipping or doubling a day', async () => {
    restaurant = await startRestaurant({ salesPerDay: 4 }, {});
    const run = restaurant;
    run.setNow('2026-03-26T10:00:00Z');
    await run.transfer('2026-03-25');
    await run.engine.db.statement(`UPDATE locations SET activated_at = '2026-03-01T00:00:00Z'`).run();
    run.setNow('2026-03-31T10:00:00Z');
    const due = await runDue(run.engine.transfers);
    expect(due.locations.find((location) => location.businessLocationId === HARBOUR)?.posted).toEqual(['2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('a manual transfer and run-due started together on one day produce one set of entries', async () => {
    const run = await setup();
    await runMigration(run.engine.transfers, (await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock)).job_id);
    run.setNow('2026-05-09T10:00:00Z');
    const reference = await startRestaurant({ salesPerDay: 4 });
    try {
      reference.setNow('2026-05-09T10:00:00Z');
      const alone = await reference.transfer('2026-05-08');
      const [manual] = await Promise.all([
        transferDay(run.engine.transfers, { businessLocationId: HARBOUR, date: '2026-05-08', force: true, trigger: 'manual' }),
        runDue(run.engine.transfers),
      ]);
      expect(manual.success).toBe(true);
      const entries = await run.issues({ date: '2026-05-08' });
      expect(entries).toHaveLength(alone.ledger_ids.length);
      // The same quantities as the day transferred alone: no line deducted twice by the two runs.
      const byIngredient = (list: typeof entries) => Object.fromEntries(list.map((entry) => [entry.ingredient, [entry.quantity, entry.salesLines]]));
      expect(byIngredient(entries)).toEqual(byIngredient(await reference.issues({ date: '2026-05-08' })));
    } finally {
      await reference.dispose();
    }
  });
});

describe('the location overview', () => {
  it('shows health and the seed’s stats from local data', async () => {
    const run = await setup();
    const { locationOverview } = await import('../overview/location-overview');
    const before = await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock);
    expect(before.health).toEqual({ noStorageUnit: false, recentFailedTransfers: 0, recentUnmappedNames: [], incompleteDays: [], migrationInProgress: false });
    expect(before.stats.catalog.mapped).toBe(3);
    expect(before.stats.catalog.total).toBeGreaterThan(30);
    await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    expect((await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock)).health.migrationInProgress).toBe(true);
    await runMigration(run.engine.transfers, (await latestJob(run.engine.scope, await locationId(run)))!.id);
    run.fake.fail({ kind: 500, match: 'date=2026-05-06' });
    await run.transfer('2026-05-06');
    const after = await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock);
    expect(after.health.recentFailedTransfers).toBe(1);
    expect(after.health.recentUnmappedNames.length).toBeGreaterThan(0);
    // Business days, not runs: the 90 days migrated, one of which then failed a run of its own.
    expect(after.stats.issues.lifetime).toEqual({ total: 90, failed: 1 });
    expect(after.stats.issues.last7Days).toEqual({ total: 7, failed: 1 });
    // Run again, a day counts once, and a day run again successfully is no longer failed.
    run.fake.clearFaults();
    await run.transfer('2026-05-06');
    await run.transfer('2026-05-05');
    expect((await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock)).stats.issues.lifetime).toEqual({ total: 90, failed: 0 });
    expect(after.stats.salesLines.last30Days).toBeGreaterThan(after.stats.salesLines.last7Days);
    expect(after.migration?.status).toBe('completed');
  });
});
