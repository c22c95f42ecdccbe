// Issue "Nothing lost, nothing wrong", items 1–8: days posted while the till was open, sales that
// vanished upstream, a relinked storage unit, failed and stalled migrations, logs a manager can trust.
import { afterEach, describe, expect, it } from 'vitest';
import { handMadeSale } from '../../demo/fake-lightspeed/fake-data';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { listOpenAlerts } from '../alerts/alerts';
import { findStorageUnitByName } from '../inventory/storage-units';
import { ledgerEntryLines, listLedgerEntries } from '../ledger/ledger';
import { linkStorageUnit } from '../locations/location-config';
import { locationOverview } from '../overview/location-overview';
import { activateLocation, latestJob, OUTAGE_DAYS, runMigration, view } from '../migration/migration';
import { runDue } from '../scheduler/run-due';
import { transferDay } from './transfer-day';
import { getLog, listLogSummaries, listLogs } from './transfer-log';
import { z } from 'zod';
import { ledgerEntryView } from '../../../shared/model/ledger';
import { transferLogSummary, transferLogView } from '../../../shared/model/transfers';

let restaurant: Restaurant | undefined;
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
});

async function setup(env: Record<string, string> = {}): Promise<Restaurant> {
  restaurant = await startRestaurant({ salesPerDay: 4 }, env);
  return restaurant;
}

/** Harbour's day 2026-05-07 ends at 05:30 Amsterdam on 8 May, 03:30 UTC: one sale before, one after 02:00 UTC. */
function lateNight(run: Restaurant) {
  const cola = run.harbourItem('Cola 0.33 l');
  run.fake.data.setDaySales(Number(HARBOUR), '2026-05-07', [
    handMadeSale('evening', '2026-05-07T20:00:00Z', [{ id: 'L-evening', name: 'Cola 0.33 l', sku: cola.sku, quantity: '12.000' }]),
    handMadeSale('after-midnight', '2026-05-08T02:30:00Z', [{ id: 'L-late', name: 'Cola 0.33 l', sku: cola.sku, quantity: '5.000' }]),
  ]);
}

const colaOn = async (run: Restaurant, date: string) =>
  (await run
    .issues({ date }))
    .filter((entry) => entry.ingredient === 'Cola bottle 0.33 l')
    .reduce((sum, entry) => sum + Number(entry.quantity), 0);

async function expectDayTotalsKept(run: Restaurant) {
  const { kept, recounted } = await dayTotalsBothWays(run.engine.db);
  expect(kept).toEqual(recounted);
}

const activatedWithoutMigration = async (run: Restaurant) =>
  (await run.engine.db.statement(`UPDATE locations SET activated_at = '2026-01-01T00:00:00Z' WHERE business_location_id = ?`).run(HARBOUR));

describe('a day posted before the till closed it', () => {
  it('is transferred again by run-due once Lightspeed closes it, so the rest of its sales are deducted', async () => {
    const run = await setup();
    lateNight(run);
    await activatedWithoutMigration(run);
    run.setNow('2026-05-08T02:00:00Z');
    const early = await run.transfer('2026-05-07');
    expect(early).toMatchObject({ success: true, data_complete: false });
    expect(await colaOn(run, '2026-05-07')).toBe(-12);
    expect((await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock)).health.incompleteDays).toEqual(['2026-05-07']);

    // Still open: run-due leaves it alone and says what it waits for.
    const waiting = await runDue(run.engine.transfers);
    expect(waiting.locations.find((location) => location.businessLocationId === HARBOUR)).toMatchObject({ posted: [], waitingFor: '2026-05-07' });
    expect(await colaOn(run, '2026-05-07')).toBe(-12);

    run.setNow('2026-05-08T10:00:00Z');
    const due = await runDue(run.engine.transfers);
    expect(due.locations.find((location) => location.businessLocationId === HARBOUR)?.posted).toEqual(['2026-05-07']);
    expect(await colaOn(run, '2026-05-07')).toBe(-17);
    const newest = (await listLogs(run.engine.scope, { businessLocationId: HARBOUR, date: '2026-05-07', status: 'success' }))[0];
    expect(newest).toMatchObject({ trigger: 'nightly', forceRefresh: true, dataComplete: true, entriesReplaced: 1 });

    expect((await locationOverview(run.engine.scope, HARBOUR, run.engine.platform.clock)).health.incompleteDays).toEqual([]);
    // Complete now: the next run has nothing left to do for that day.
    const again = await runDue(run.engine.transfers);
    expect(again.locations.find((location) => location.businessLocationId === HARBOUR)?.posted).toEqual([]);
    await expectDayTotalsKept(run);
  });

  it('is never recorded as a completed migration day: the day says incomplete until the nightly run completes it', async () => {
    const run = await setup();
    lateNight(run);
    run.setNow('2026-05-08T02:00:00Z');
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    const done = await runMigration(run.engine.transfers, job.job_id);
    expect(done?.status).toBe('completed');
    expect(done?.days.find((day) => day.date === '2026-05-07')).toMatchObject({ status: 'incomplete', error_message: 'incomplete: the day was still open at the till' });
    expect(await colaOn(run, '2026-05-07')).toBe(-12);

    run.setNow('2026-05-08T10:00:00Z');
    await runDue(run.engine.transfers);
    expect(await colaOn(run, '2026-05-07')).toBe(-17);
    const settled = await view(run.engine.scope, (await latestJob(run.engine.scope, 1))!);
    expect(settled.days.find((day) => day.date === '2026-05-07')).toMatchObject({ status: 'success', error_message: null });
  });
});

describe('a run that is not forced', () => {
  it('keeps a posted line Lightspeed no longer sends, posts only the new lines, and never deducts the kept one twice', async () => {
    const run = await setup();
    lateNight(run);
    // 02:00 UTC: only the evening sale is closed; the day is posted as it stands.
    run.setNow('2026-05-08T02:00:00Z');
    expect(await run.transfer('2026-05-07')).toMatchObject({ success: true, data_complete: false });
    expect(await colaOn(run, '2026-05-07')).toBe(-12);
    // By the morning the till has dropped the evening sale and closed the day with the late one.
    const cola = run.harbourItem('Cola 0.33 l');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-07', [
      handMadeSale('after-midnight', '2026-05-08T02:30:00Z', [{ id: 'L-late', name: 'Cola 0.33 l', sku: cola.sku, quantity: '5.000' }]),
    ]);
    run.setNow('2026-05-08T10:00:00Z');
    const nightly = await transferDay(run.engine.transfers, { businessLocationId: HARBOUR, date: '2026-05-07', force: false, trigger: 'nightly', requireComplete: true });
    expect(nightly).toMatchObject({ success: true, data_complete: true, stats: { lines_processed: 1, lines_skipped: 1, idempotent: false, api_response_summary: { sales: 1, lines: 2 } } });
    expect(await colaOn(run, '2026-05-07')).toBe(-17);
    const stored = (await run.engine.db.statement(`SELECT l.line_id AS lineId FROM sales_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date = '2026-05-07' ORDER BY l.line_id`).all());
    expect(stored).toEqual([{ lineId: 'L-evening' }, { lineId: 'L-late' }]);
    await expectDayTotalsKept(run);
  });
});

describe('a forced re-transfer', () => {
  it('replaces the stored sales with exactly what Lightspeed returns now, and removes the entries of sales that vanished', async () => {
    const run = await setup();
    lateNight(run);
    const first = await run.transfer('2026-05-07');
    expect(await colaOn(run, '2026-05-07')).toBe(-17);
    // A back-office correction deleted the late sale.
    const cola = run.harbourItem('Cola 0.33 l');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-07', [
      handMadeSale('evening', '2026-05-07T20:00:00Z', [{ id: 'L-evening', name: 'Cola 0.33 l', sku: cola.sku, quantity: '12.000' }]),
    ]);
    const second = await run.transfer('2026-05-07');
    expect(await colaOn(run, '2026-05-07')).toBe(-12);
    const stored = (await run.engine.db.statement(`SELECT l.line_id AS lineId FROM sales_lines l JOIN sales s ON s.id = l.sale_id WHERE s.business_date = '2026-05-07' AND s.location_id = 1`).all());
    expect(stored).toEqual([{ lineId: 'L-evening' }]);
    expect((await run.engine.db.statement(`SELECT count(*) AS n FROM sales WHERE account_reference = 'after-midnight'`).get())).toEqual({ n: 0 });

    // The logs agree with each other: the first says it was replaced, the second how many it replaced.
    const replaced = await getLog(run.engine.scope, first.log_id!);
    // One day entry for the cola: its two lines before, its one line after.
    expect(replaced).toMatchObject({ ledgerEntriesCreated: 1, replacedByLogId: second.log_id, ledgerEntries: [] });
    expect(replaced?.replacedAt).not.toBeNull();
    expect(await getLog(run.engine.scope, second.log_id!)).toMatchObject({ entriesReplaced: 1, ledgerEntriesCreated: 1, replacedByLogId: null });
    expect(second.stats).toMatchObject({ entries_replaced: 1, ledger_entries_created: 1 });
    expect((await ledgerEntryLines(run.engine.scope, second.ledger_ids[0]!)).lines.map((line) => [line.posLineId, line.deduction])).toEqual([['L-evening', '-12']]);
    await expectDayTotalsKept(run);
  });

  it('moves a day posted to the wrong storage unit: every ISSUE of the location’s sales of that day is replaced, whatever unit it went to', async () => {
    const run = await setup();
    lateNight(run);
    await run.transfer('2026-05-07');
    const kitchen = (await findStorageUnitByName(run.engine.scope, 'Main Kitchen'))!.id;
    const bar = (await findStorageUnitByName(run.engine.scope, 'Bar Storage'))!.id;
    await linkStorageUnit(run.engine.scope, HARBOUR, bar);
    await run.transfer('2026-05-07');
    const entries = await listLedgerEntries(run.engine.scope, { type: 'ISSUE', from: '2026-05-07', to: '2026-05-07' });
    expect(entries.filter((entry) => entry.storageUnitId === kitchen)).toEqual([]);
    const [moved, ...others] = entries.filter((entry) => entry.storageUnitId === bar);
    expect(others).toEqual([]);
    expect(moved?.quantity).toBe('-17');
    expect((await ledgerEntryLines(run.engine.scope, moved!.id)).lines.map((line) => line.deduction).sort()).toEqual(['-12', '-5']);
    await expectDayTotalsKept(run);
  });
});

describe('a migration that fails', () => {
  it('raises migration_failed, and completes (resolving it) once the nightly run has posted the failed day', async () => {
    const run = await setup();
    run.fake.fail({ kind: 500, match: 'date=2026-05-01', times: 3 });
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    const failed = await runMigration(run.engine.transfers, job.job_id);
    expect(failed).toMatchObject({ status: 'failed', days_failed: 1, error_code: 'transfer_failed' });
    expect((await listOpenAlerts(run.engine.scope)).map((alert) => alert.code)).toContain('migration_failed');

    await runDue(run.engine.transfers);
    const settled = await view(run.engine.scope, (await latestJob(run.engine.scope, 1))!);
    expect(settled).toMatchObject({ status: 'completed', days_failed: 0, error_code: null, error_message: null });
    expect(settled.days.find((day) => day.date === '2026-05-01')?.status).toBe('success');
    expect((await listOpenAlerts(run.engine.scope)).map((alert) => alert.code)).not.toContain('migration_failed');
  });

  it('stops after three days in a row fail for a temporary reason, and the next run picks it up again', async () => {
    const run = await setup();
    run.fake.fail({ kind: 503, times: 1000 });
    const job = await activateLocation(run.engine.scope, HARBOUR, run.engine.platform.clock);
    const stopped = await runMigration(run.engine.transfers, job.job_id);
    expect(stopped).toMatchObject({ status: 'failed', error_code: 'lightspeed_api_error' });
    expect(stopped?.error_message).toContain('the next run picks it up again');
    // Three days, four attempts each (the first and three retries), then nothing more.
    const dailyRequests = run.fake.requests.filter((request) => request.path.endsWith('/sales-daily'));
    expect(dailyRequests).toHaveLength(OUTAGE_DAYS * 4);
    expect(stopped?.days.filter((day) => day.status === 'retry_pending')).toHaveLength(OUTAGE_DAYS);
    expect((await listOpenAlerts(run.engine.scope)).map((alert) => alert.code)).toContain('migration_failed');

    run.fake.clearFaults();
    const due = await runDue(run.engine.transfers);
    expect(due.migrations[0]).toMatchObject({ status: 'completed', days_processed: 90, days_failed: 0 });
    expect((await listOpenAlerts(run.engine.scope)).map((alert) => alert.code)).not.toContain('migration_failed');
  });
});

describe('what a log tells the manager', () => {
  it('reads back through the log contract in every status, a failed one included', async () => {
    const run = await setup();
    lateNight(run);
    await run.transfer('2026-05-07');
    run.fake.fail({ kind: 500, times: 1 });
    const failed = await run.transfer('2026-05-06');
    expect(failed.success).toBe(false);
    await run.engine.db
      .statement(
        `INSERT INTO transfer_logs (company_id, location_id, report_date, request_uuid, attempt, status, trigger, force_refresh, started_at)
         VALUES (1, 1, '2026-05-05', 'open-one', 1, 'processing', 'manual', TRUE, '2026-05-08T10:00:00Z')`,
      )
      .run();
    const logs = await listLogs(run.engine.scope);
    expect(new Set(logs.map((log) => log.status))).toEqual(new Set(['success', 'failed', 'processing']));
    // The list's rows are the logs in short, and read back through the list's schema (the contract's answer) as they are.
    const summaries = await listLogSummaries(run.engine.scope);
    expect(z.array(transferLogSummary).parse(summaries)).toEqual(summaries);
    // The list is by business date (newest first); the CLI's logs by id.
    expect(summaries.map((log) => log.reportDate)).toEqual([...summaries.map((log) => log.reportDate)].sort().reverse());
    expect([...summaries].sort((a, b) => b.id - a.id).map((log) => [log.id, log.status, log.linesUnmapped, log.unmappedNameCount])).toEqual(
      logs.map((log) => [log.id, log.status, log.linesUnmapped, log.unmappedNames.length]),
    );
    for (const log of logs) expect(transferLogView.extend({ ledgerEntries: z.array(ledgerEntryView) }).safeParse(await getLog(run.engine.scope, log.id)).success).toBe(true);
  });

  it('counts the lines and the sales value that deducted nothing', async () => {
    const run = await setup();
    const cola = run.harbourItem('Cola 0.33 l');
    run.fake.data.setDaySales(Number(HARBOUR), '2026-05-06', [
      handMadeSale('s1', '2026-05-06T12:00:00Z', [
        { id: 'L1', name: 'Cola 0.33 l', sku: cola.sku, quantity: '2.000', amount: '5.00' },
        { id: 'L2', name: 'Mystery Shake', sku: '999999', quantity: '1.000', amount: '15.00' },
        { id: 'L3', name: 'Mystery Shake', sku: '999999', quantity: '-1.000', amount: '-15.00' },
      ]),
    ]);
    const result = await run.transfer('2026-05-06');
    expect(result.success).toBe(true);
    // Lines count with their sign (issue 27): the shake sold and taken back nets to nothing.
    expect(result.stats).toMatchObject({ lines_sold: 3, lines_unmapped: 2, sales_value: '5', unmapped_value: '0', lines_processed: 1 });
    expect(await getLog(run.engine.scope, result.log_id!)).toMatchObject({ linesSold: 3, linesUnmapped: 2, salesValue: '5', unmappedValue: '0' });
  });
});

describe('the retry schedule', () => {
  it('waits 30 s, 60 s and 120 s between attempts by default', async () => {
    const run = await setup({ LARDER_RETRY_DELAYS_MS: '' });
    const slept: number[] = [];
    run.fake.fail({ kind: 503, times: 10 });
    const result = await transferDay(
      { ...run.engine.transfers, sleep: async (ms) => void slept.push(ms) },
      { businessLocationId: HARBOUR, date: '2026-05-06', force: true, trigger: 'manual' },
    );
    expect(slept).toEqual([30_000, 60_000, 120_000]);
    expect(result.error).toMatchObject({ code: 'max_retries_exhausted', temporary: true });
  });
});
