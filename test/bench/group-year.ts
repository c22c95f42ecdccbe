// `npm run bench -- --venues 20 --days 365 [--store sqlite|postgres]`: a restaurant group's year.
// The Harbour Group's first `venues` locations on the fake K-Series, each a storage unit of its own,
// 70 % of the items mapped to two-level recipes; each venue's 90-day migration (run by run-due, as
// the app runs them) and the nightly transfers of the days before it, posted by the engine, not
// inserted. Then, with the clock a day later: the day's first start-up check of the SQLite file, the
// nightly run of every venue by the CLI's run-due in a process of its own, the database size, and each screen's and report's answer for the whole group
// through the same handlers the screens call (the median of 5 after one warm-up; the engine's time,
// not the browser's: `npm run bench:ui` measures painting).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectDatabase } from '../../electron/core/backup/data-folder';
import { createEngine, type Engine } from '../../electron/core/engine';
import { importSetupFile } from '../../electron/core/setup/setup-import';
import { findRecipeByName } from '../../electron/core/inventory/recipes';
import { findStorageUnitByName } from '../../electron/core/inventory/storage-units';
import { listItems } from '../../electron/core/items/item-sync';
import { saveMapping } from '../../electron/core/items/mappings';
import { linkStorageUnit } from '../../electron/core/locations/location-config';
import { listLocations } from '../../electron/core/locations/location-sync';
import { activateLocation } from '../../electron/core/migration/migration';
import { runDue, type RunDueResult } from '../../electron/core/scheduler/run-due';
import { finishCount, setCountLine, startCount } from '../../electron/core/stock/stock-control';
import { syncItems, syncLocations } from '../../electron/core/sources/lightspeed/lightspeed-sync';
import { createNodePlatform } from '../../electron/core/platform/node-platform';
import { inOrder } from '../../electron/core/in-order';
import { addDays } from '../../electron/core/time/zoned-time';
import { createDispatch } from '../../electron/fronts/ipc/dispatch';
import { createHandlers } from '../../electron/fronts/ipc/handlers';
import type { IpcChannel } from '../../shared/ipc/contracts';
import { approveInBrowser } from '../support/lightspeed';
import { startPgCluster } from '../support/pg-cluster';
import { inventory, kitchenOf, NOW, phase, postEarlierDays, startFake } from './busy-venue';
import { median, timedCli } from './timing';

/** The night measured: the day after the year built, so each venue has exactly yesterday to post. */
const NIGHT = '2026-05-09T10:00:00Z';

export interface GroupYearOptions {
  venues: number;
  days: number;
  store: 'sqlite' | 'postgres';
  salesPerDay: number;
}

/** One call the way a screen makes it: the median of 5 answers after one not counted. */
async function timed(dispatch: ReturnType<typeof createDispatch>, channel: IpcChannel, input: unknown): Promise<{ ms: number; rows: number }> {
  let rows = 0;
  const runs: number[] = [];
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    const answer = await dispatch(channel, input);
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    if (run > 0) runs.push(performance.now() - t0);
    rows = Array.isArray(answer.data) ? answer.data.length : 1;
  }
  return { ms: median(runs), rows };
}

/** Every ingredient a storage unit holds, counted at noon of `date` (noon UTC is the same date from UTC−11 to UTC+11). */
async function countAll(engine: Engine, unit: string, date: string, quantity: string): Promise<number> {
  const held = (await engine.db
    .statement('SELECT DISTINCT i.name FROM ledger_day_totals t JOIN ingredients i ON i.id = t.ingredient_id JOIN storage_units u ON u.id = t.storage_unit_id WHERE u.name = ?')
    .pluck()
    .all(unit)) as string[];
  const { id } = await startCount(engine.scope, unit, `${date}T12:00:00Z`);
  for (const ingredient of held) await setCountLine(engine.scope, id, ingredient, quantity);
  await finishCount(engine.scope, id, `${date}T12:00:00Z`);
  return id;
}

export async function benchGroupYear(options: GroupYearOptions): Promise<Record<string, unknown>> {
  // BENCH_GROUP_DATA keeps the group's data folder (an empty one to fill) for a closer look afterwards.
  const kept = process.env.BENCH_GROUP_DATA;
  const home = kept ?? mkdtempSync(join(tmpdir(), 'larder-group-bench-'));
  const cluster = options.store === 'postgres' ? await startPgCluster({ durable: true }) : null;
  const fake = await startFake(options.salesPerDay, 300, options.days + 3, {}, NIGHT);
  try {
    const env = { ...fake.env, LARDER_HOME: home, LARDER_NOW: NOW, ...(cluster ? { LARDER_DATABASE_URL: cluster.database('group') } : {}) };
    const engine = await createEngine(createNodePlatform({ env }), 'cli');
    const signIn = await engine.lightspeed.connection.start();
    await approveInBrowser(signIn.authorizeUrl);
    await signIn.completion;
    await syncLocations(engine.scope, engine.lightspeed.api, NOW);
    await syncItems(engine.scope, engine.lightspeed.api, NOW);
    await importSetupFile(engine.scope, JSON.stringify(inventory(options.venues)));
    const venues = (await listLocations(engine.scope)).filter((location) => location.businessName === 'Harbour Group').slice(0, options.venues);
    if (venues.length !== options.venues) throw new Error(`the fake has ${venues.length} Harbour Group locations, not ${options.venues}`);
    const items = (await listItems(engine.scope)).filter((item) => item.locations.includes(venues[0]!.businessLocationId));
    const recipeIds = await inOrder(Array.from({ length: 240 }, (_, n) => n), async (n) => (await findRecipeByName(engine.scope, `Recipe ${n}`))!.id);
    for (const [n, item] of items.slice(0, Math.round(items.length * 0.7)).entries()) {
      await saveMapping(engine.scope, { posItemId: item.id, target: { recipeId: recipeIds[n % 240]! }, quantity: '1', isSubtraction: false }, NOW);
    }
    for (const [n, venue] of venues.entries()) {
      await linkStorageUnit(engine.scope, venue.businessLocationId, (await findStorageUnitByName(engine.scope, kitchenOf(n)))!.id);
      await activateLocation(engine.scope, venue.businessLocationId, engine.platform.clock);
    }
    phase(`${options.venues} venues set up; migrating (run-due)`);
    const b0 = performance.now();
    const migrated = await runDue(engine.transfers);
    if (migrated.migrations.some((migration) => migration.status !== 'completed')) throw new Error('a migration did not complete');
    for (const [n, venue] of venues.entries()) {
      await postEarlierDays(engine, options.days - 1, venue.businessLocationId);
      phase(`venue ${n + 1} of ${options.venues}: its year posted`);
    }
    const buildSeconds = (performance.now() - b0) / 1000;
    const first = addDays(NOW.slice(0, 10), -(options.days - 1));
    const fromCount = await countAll(engine, kitchenOf(0), first, '100');
    engine.close();

    const nightEnv = { ...env, LARDER_NOW: NIGHT };
    // The day's first start checks an SQLite file (quick_check): timed on its own, so the nightly run
    // below is what a start already checked that day costs; a nightly that is the day's first start pays both.
    phase('the day\'s first start-up check');
    const c0 = performance.now();
    if (options.store === 'sqlite' && inspectDatabase(createNodePlatform({ env: nightEnv }), undefined, 'when-due').state !== 'ok') throw new Error('the database failed its check');
    const dailyCheckMs = performance.now() - c0;

    phase('the nightly run (CLI: run-due), a day later');
    const nightly = timedCli<RunDueResult>(nightEnv, ['run-due']);
    const posted = nightly.result.locations.filter((location) => location.posted.length === 1).length;
    if (posted !== options.venues) throw new Error(`the nightly run posted ${posted} of ${options.venues} venues`);

    phase('screens and reports');
    const night = await createEngine(createNodePlatform({ env: nightEnv }), 'cli');
    try {
      const toCount = await countAll(night, kitchenOf(0), NIGHT.slice(0, 10), '50');
      const dispatch = createDispatch(createHandlers(night));
      const lastDay = NIGHT.slice(0, 10);
      const busiest = venues[0]!.businessLocationId;
      const screens = {
        home: await timed(dispatch, 'home:dashboard', {}),
        locations: await timed(dispatch, 'locations:list', {}),
        ledgerByDay: await timed(dispatch, 'ledger:days', {}),
        ledgerEntries: await timed(dispatch, 'ledger:list', {}),
        ledgerTotals: await timed(dispatch, 'ledger:totals', {}),
        stockOnHand: await timed(dispatch, 'stock:list', {}),
        logs: await timed(dispatch, 'logs:list', {}),
        items: await timed(dispatch, 'items:list', { unmapped: false }),
      };
      const reports = {
        varianceYear: await timed(dispatch, 'reports:variance', { storageUnit: kitchenOf(0), fromCountId: fromCount, toCountId: toCount }),
        foodCostYear: await timed(dispatch, 'reports:food-cost', { businessLocationId: busiest, from: first, to: lastDay }),
        foodCostMonth: await timed(dispatch, 'reports:food-cost', { businessLocationId: busiest, from: addDays(lastDay, -29), to: lastDay }),
        menuMonth: await timed(dispatch, 'reports:menu', { businessLocationId: busiest, from: addDays(lastDay, -29), to: lastDay }),
      };
      const count = async (table: string) => (await night.db.statement(`SELECT count(*) FROM ${table}`).pluck().get()) as number;
      const bytes =
        night.db.kind === 'postgres'
          ? ((await night.db.statement('SELECT pg_database_size(current_database())').pluck().get()) as number)
          : (((await night.db.statement('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get()) as number) ?? 0);
      return {
        store: options.store,
        venues: options.venues,
        days: options.days,
        salesPerDay: options.salesPerDay,
        salesLines: await count('sales_lines'),
        ledgerEntries: await count('ledger_entries'),
        traceRows: await count('ledger_issue_lines'),
        databaseMB: +(bytes / 1024 / 1024).toFixed(1),
        buildSeconds: +buildSeconds.toFixed(1),
        dailyCheckSeconds: +(dailyCheckMs / 1000).toFixed(2),
        nightlySeconds: +(nightly.ms / 1000).toFixed(2),
        nightlyCpuSeconds: +(nightly.cpuMs / 1000).toFixed(2),
        screensMs: Object.fromEntries(Object.entries(screens).map(([name, figure]) => [name, figure.ms])),
        screenRows: Object.fromEntries(Object.entries(screens).map(([name, figure]) => [name, figure.rows])),
        reportsMs: Object.fromEntries(Object.entries(reports).map(([name, figure]) => [name, figure.ms])),
        slowestScreenMs: Math.max(...Object.values(screens).map((figure) => figure.ms)),
        slowestReportMs: Math.max(...Object.values(reports).map((figure) => figure.ms)),
      };
    } finally {
      night.close();
    }
  } finally {
    fake.stop();
    cluster?.stop();
    if (!kept) rmSync(home, { recursive: true, force: true });
  }
}
