// `npm run bench [-- --days 365]`: a busy venue's whole 90-day migration over loopback HTTP, run by
// the CLI's `migrate … --wait` in a process of its own (its time and peak memory are the engine's
// alone; the fake runs in a third), against the floor of the same work done bare, measured in the same
// run on the same machine: the same pages fetched by a plain loop, and as many rows as the largest
// table the migration wrote (the trace) inserted into that table by one prepared statement in one
// transaction. With --days N > 90 the N − 90 days before the migration are posted afterwards, and the
// size figures cover all N days. With --latency MS and --bandwidth MBIT the fake answers as over an
// office line, and the floor's fetch — every answer the migration fetched (each day's sales and
// Lightspeed's own totals), one after another — is the network's own time for them. With --store
// postgres the engine keeps its data on a PostgreSQL cluster of the bench's own (durable, as a real
// server), and the floor's insert is that store's bulk insert (COPY) in one transaction. With
// --venues N a restaurant group's N venues over --days instead (test/bench/group-year.ts).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { accessTokenName } from '../../electron/core/sources/lightspeed/connection-store';
import { defaultMigrationsFolder, openDatabase, type LarderDb } from '../../electron/core/db/open-database';
import { openPostgres } from '../../electron/core/db/postgres/open-postgres';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { median, timedCli } from './timing';
import { finishCount, setCountLine, startCount } from '../../electron/core/stock/stock-control';
import { addDays } from '../../electron/core/time/zoned-time';
import type { Engine } from '../../electron/core/engine';
import { createEngine } from '../../electron/core/engine';
import { createNodePlatform } from '../../electron/core/platform/node-platform';
import type { MigrationView } from '../../shared/model/transfers';
import type { RunDueResult } from '../../electron/core/scheduler/run-due';
import { BL, phase, postEarlierDays, prepareBusyVenue, prepareNightly } from './busy-venue';
import { varianceReport } from '../../electron/core/reports/variance';
import { sqliteConnection } from '../support/test-engine';
import { benchGroupYear } from './group-year';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '90' },
    latency: { type: 'string' },
    bandwidth: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
    venues: { type: 'string' },
  },
});
if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error('--store takes sqlite or postgres');
const line = { latencyMs: values.latency ? Number(values.latency) : undefined, bandwidthMbit: values.bandwidth ? Number(values.bandwidth) : undefined };
const days = Number(values.days);
if (!Number.isInteger(days) || days < 90 || days > 730) throw new Error('--days takes a whole number of days from 90 to 730');

/**
 * The variance report of the migrated location's storage unit between a count on its first day and
 * one the day after its last (every ingredient it holds counted), in this process: the median of 5.
 */
async function varianceOverMigration(engine: Engine, first: string, last: string): Promise<{ medianMs: number; runsMs: number[]; rows: number }> {
  const { scope } = engine;
  const unit = (await engine.db.statement('SELECT u.name FROM locations l JOIN storage_units u ON u.id = l.storage_unit_id WHERE l.business_location_id = ?').pluck().get(BL)) as string;
  const held = (await engine.db
    .statement('SELECT DISTINCT i.name FROM ledger_day_totals t JOIN ingredients i ON i.id = t.ingredient_id JOIN storage_units u ON u.id = t.storage_unit_id WHERE u.name = ?')
    .pluck()
    .all(unit)) as string[];
  const count = async (at: string, quantity: string) => {
    const { id } = await startCount(scope, unit, at);
    for (const ingredient of held) await setCountLine(scope, id, ingredient, quantity);
    await finishCount(scope, id, at);
    return id;
  };
  // Noon UTC is the same date on any office PC from UTC−11 to UTC+11.
  const from = await count(`${first}T12:00:00Z`, '100');
  const to = await count(`${addDays(last, 1)}T12:00:00Z`, '50');
  const runsMs: number[] = [];
  let rows = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    rows = (await varianceReport(scope, unit, from, to)).rows.length;
    runsMs.push(+(performance.now() - t0).toFixed(1));
  }
  return { medianMs: median(runsMs), runsMs, rows };
}

/** A bare GET; again (up to three tries) when a pooled keep-alive connection was closed meanwhile. */
async function fetchText(url: string, token: string | null): Promise<string> {
  const get = async () => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).text();
  return get().catch(get).catch(get);
}

/** The store's size on disk, in all and by table with its indexes. */
async function sizeOf(engine: Engine, home: string): Promise<{ bytes: number; byTable: Record<string, number> }> {
  if (engine.db.kind === 'postgres') {
    const tables = (await engine.db
      .statement(`SELECT c.relname AS "tableName", pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC`)
      .all()) as { tableName: string; bytes: number }[];
    const bytes = (await engine.db.statement('SELECT pg_database_size(current_database())').pluck().get()) as number;
    return { bytes, byTable: Object.fromEntries(tables.map((row) => [row.tableName, row.bytes])) };
  }
  const sqlite = sqliteConnection(engine.db);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const tables = sqlite
    .prepare(`SELECT coalesce(m.tbl_name, d.name) AS tableName, sum(d.pgsize) AS bytes FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY 1 ORDER BY 2 DESC`)
    .all() as { tableName: string; bytes: number }[];
  const bytes = ['larder.db', 'larder.db-wal'].reduce((sum, file) => sum + (statSync(join(home, file), { throwIfNoEntry: false })?.size ?? 0), 0);
  return { bytes, byTable: Object.fromEntries(tables.map((row) => [row.tableName, row.bytes])) };
}

/**
 * The floor's insert: `rows` trace rows, six ingredients a line as a recipe-mapped day writes, into
 * an empty store of the same kind and schema, in one transaction, by that store's fastest way: one
 * prepared statement stepped per row on SQLite, COPY on PostgreSQL.
 */
async function floorInsert(cluster: PgCluster | null, rows: number): Promise<number> {
  const floorHome = mkdtempSync(join(tmpdir(), 'larder-bench-floor-'));
  const floorDb: LarderDb = cluster
    ? await openPostgres({ url: cluster.database('floor') })
    : openDatabase({ file: join(floorHome, 'floor.db'), migrationsFolder: defaultMigrationsFolder });
  const t0 = performance.now();
  if (cluster) {
    const trace: number[] = [];
    for (let n = 0; n < rows; n++) trace.push(Math.floor(n / 6) + 1, (n % 6) + 1, (n % 6) + 1, -20000);
    await floorDb.write(() => floorDb.insertMany('ledger_issue_lines', ['sales_line_id', 'ingredient_id', 'entry_id', 'quantity'], trace));
  } else {
    const insert = sqliteConnection(floorDb).prepare(`INSERT INTO ledger_issue_lines (sales_line_id, ingredient_id, entry_id, quantity) VALUES (?, ?, ?, -20000)`);
    await floorDb.write(() => {
      for (let n = 0; n < rows; n++) insert.run(Math.floor(n / 6) + 1, (n % 6) + 1, (n % 6) + 1);
    });
  }
  const ms = performance.now() - t0;
  floorDb.close();
  rmSync(floorHome, { recursive: true, force: true });
  return ms;
}

const seconds = (ms: number) => +(ms / 1000).toFixed(2);

/** The busy venue's 90-day migration, the floor, the variance report and the nightly run of 20 locations. */
async function benchBusyVenue(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'larder-bench-'));
  const cluster = values.store === 'postgres' ? await startPgCluster({ durable: true }) : null;
  const venue = await prepareBusyVenue(home, {
    salesPerDay: Number(process.env.BENCH_SALES_PER_DAY ?? 1200),
    itemsPerBusiness: 300,
    days,
    line,
    env: cluster ? { LARDER_DATABASE_URL: cluster.database('bench') } : {},
  });
  const { fake } = venue;
  venue.engine.close();
  try {
    phase('migrating (CLI: migrate status --wait)');
    const run = timedCli<{ migration: MigrationView }>(venue.env, ['migrate', 'status', BL, '--wait']);
    const result = run.result.migration;
    const engineMs = run.ms;
    const engine = await createEngine(createNodePlatform({ env: venue.env }), 'cli');
    const rows = async (table: string) => (await engine.db.statement(`SELECT count(*) FROM ${table}`).pluck().get()) as number;
    const written = { sales: await rows('sales'), salesLines: await rows('sales_lines'), issueEntries: await rows(`ledger_entries WHERE type = 'ISSUE'`), traceRows: await rows('ledger_issue_lines') };
    const largest = Object.entries(written).reduce((most, entry) => (entry[1] > most[1] ? entry : most));
    if (largest[0] !== 'traceRows') throw new Error(`the floor inserts trace rows, but ${largest[0]} is the largest table`);
    let earlierMs = 0;
    if (days > 90) {
      const e0 = performance.now();
      await postEarlierDays(engine, days);
      earlierMs = performance.now() - e0;
    }
    const token = await engine.vault.get(accessTokenName(engine.scope));
    // Every page of the store, by table with its indexes: what a sales line costs on disk.
    const { bytes: dbBytes, byTable: bytesByTable } = await sizeOf(engine, home);
    const totalLines = await rows('sales_lines');
    phase('the variance report over the 90 days');
    const variance = await varianceOverMigration(engine, result.start_date, result.end_date);
    engine.close();

    // The floor, part 1: the same 90 pages, fetched and parsed by a bare loop.
    const f0 = performance.now();
    for (const day of result.days) {
      JSON.parse(await fetchText(`${fake.env.LIGHTSPEED_API_URL}/f/v2/business-location/${BL}/sales-daily?date=${day.date}`, token));
      JSON.parse(await fetchText(`${fake.env.LIGHTSPEED_API_URL}/f/finance/${BL}/aggregatedSales?date=${day.date}&groupBy=accountingGroup`, token));
    }
    const fetchMs = performance.now() - f0;
    // Part 2: as many rows as the largest table, into that table, same schema and durability.
    const insertMs = await floorInsert(cluster, largest[1]);
    const floorMs = fetchMs + insertMs;

    // The nightly run: yesterday for each of 20 other locations, by the CLI's run-due in its own process.
    phase('the nightly run of 20 locations (CLI: run-due)');
    const setup = await createEngine(createNodePlatform({ env: venue.env }), 'cli');
    const nightlyLocations = await prepareNightly(setup);
    setup.close();
    const nightly = timedCli<RunDueResult>(venue.env, ['run-due']);
    const postedTonight = nightly.result.locations.filter((location) => nightlyLocations.includes(location.businessLocationId) && location.posted.length === 1);
    if (postedTonight.length !== nightlyLocations.length) throw new Error(`the nightly run posted ${postedTonight.length} of ${nightlyLocations.length} locations`);
    const report = {
      store: values.store,
      days: result.total_days,
      status: result.status,
      ...written,
      migrationSeconds: seconds(engineMs),
      migrationCpuSeconds: seconds(run.cpuMs),
      floorSeconds: seconds(floorMs),
      floorFetchSeconds: seconds(fetchMs),
      floorInsertSeconds: seconds(insertMs),
      migrationOverFloor: +(engineMs / floorMs).toFixed(2),
      ...(line.latencyMs || line.bandwidthMbit
        ? { line: { latencyMs: line.latencyMs ?? 0, bandwidthMbit: line.bandwidthMbit ?? null }, networkSeconds: seconds(fetchMs), migrationOverNetwork: +(engineMs / fetchMs).toFixed(2) }
        : {}),
      salesLinesPerSecond: Math.round(written.salesLines / (engineMs / 1000)),
      peakRssMB: Math.round(run.maxRssKB / 1024),
      varianceReportMs: variance.medianMs,
      varianceReportRuns: variance.runsMs,
      varianceRows: variance.rows,
      nightlyLocations: nightlyLocations.length,
      nightlySeconds: seconds(nightly.ms),
      nightlyCpuSeconds: seconds(nightly.cpuMs),
      ...(days > 90 ? { earlierDays: days - 90, earlierDaysSeconds: seconds(earlierMs) } : {}),
      daysInDatabase: days,
      salesLinesInDatabase: totalLines,
      databaseMB: +(dbBytes / 1024 / 1024).toFixed(1),
      bytesPerSalesLine: Math.round(dbBytes / totalLines),
      bytesPerSalesLineByTable: Object.fromEntries(Object.entries(bytesByTable).map(([table, bytes]) => [table, +(bytes / totalLines).toFixed(1)])),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    fake.stop();
    cluster?.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

if (values.venues === undefined) {
  await benchBusyVenue();
} else {
  const venues = Number(values.venues);
  if (!Number.isInteger(venues) || venues < 2 || venues > 21) throw new Error('--venues takes a whole number from 2 to 21 (the fake Harbour Group has 21 locations)');
  // 150 bills a day (about 400 covers) a venue: a group's usual restaurant, not the busy venue's 1,200.
  const salesPerDay = Number(process.env.BENCH_SALES_PER_DAY ?? 150);
  console.log(JSON.stringify(await benchGroupYear({ venues, days, store: values.store, salesPerDay }), null, 2));
}
