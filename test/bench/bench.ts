// `npm run bench`: a busy venue's whole 90-day migration over loopback HTTP, against the floor of the
// same work done bare (the same pages fetched by a plain loop, the same number of rows inserted by
// one prepared statement in one transaction), measured in the same run on the same machine.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessTokenName } from '../../electron/core/connection/connection-store';
import { openDatabase } from '../../electron/core/db/open-database';
import { runMigration } from '../../electron/core/migration/migration';
import { BL, phase, prepareBusyVenue } from './busy-venue';

const home = mkdtempSync(join(tmpdir(), 'larder-bench-'));
const { engine, fake, jobId } = await prepareBusyVenue(home, { salesPerDay: Number(process.env.BENCH_SALES_PER_DAY ?? 1200), itemsPerBusiness: 300 });
try {
  phase('migrating');
  const t0 = performance.now();
  const result = await runMigration(engine.transfers, jobId, (progress) => progress.progress_percent % 10 === 0 && phase(`migration ${progress.progress_percent} %`));
  const engineMs = performance.now() - t0;
  const counts = engine.db.sqlite
    .prepare(`SELECT (SELECT count(*) FROM sales_lines) AS lines, (SELECT count(*) FROM ledger_entries WHERE type = 'ISSUE') AS rows`)
    .get() as { lines: number; rows: number };
  const token = engine.vault.get(accessTokenName(engine.scope));
  const dbBytes = ['larder.db', 'larder.db-wal'].reduce((sum, file) => sum + (statSync(join(home, file), { throwIfNoEntry: false })?.size ?? 0), 0);
  engine.close();

  // The floor, part 1: the same 90 pages, fetched and parsed by a bare loop.
  const f0 = performance.now();
  for (const day of result?.days ?? []) {
    const answer = await fetch(`${fake.env.LIGHTSPEED_API_URL}/f/v2/business-location/${BL}/sales-daily?date=${day.date}`, { headers: { authorization: `Bearer ${token}` } });
    JSON.parse(await answer.text());
  }
  const fetchMs = performance.now() - f0;
  // Part 2: as many rows, one prepared statement, one transaction, same schema and durability.
  const floorHome = mkdtempSync(join(tmpdir(), 'larder-bench-floor-'));
  const floorDb = openDatabase({ file: join(floorHome, 'floor.db'), migrationsFolder: new URL('../../electron/core/db/migrations', import.meta.url).pathname });
  floorDb.sqlite.exec(`INSERT INTO companies (name) VALUES ('x'); INSERT INTO storage_units (company_id, name) VALUES (1, 'x'); INSERT INTO ingredients (company_id, name, unit) VALUES (1, 'x', 'kg');`);
  const insert = floorDb.sqlite.prepare(
    `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, business_location_id, sales_line_id, transfer_log_id) VALUES (1, 'ISSUE', '2026-03-01', 1, 1, -20000, 2500000, -500, ?, ?, 1)`,
  );
  const i0 = performance.now();
  floorDb.sqlite.transaction(() => {
    for (let n = 0; n < counts.rows; n++) insert.run(BL, n);
  })();
  const insertMs = performance.now() - i0;
  floorDb.close();
  rmSync(floorHome, { recursive: true, force: true });

  const floorMs = fetchMs + insertMs;
  const report = {
    days: result?.total_days,
    status: result?.status,
    salesLines: counts.lines,
    ledgerRows: counts.rows,
    engineSeconds: +(engineMs / 1000).toFixed(2),
    salesLinesPerSecond: Math.round(counts.lines / (engineMs / 1000)),
    ledgerRowsPerSecond: Math.round(counts.rows / (engineMs / 1000)),
    floorSeconds: +(floorMs / 1000).toFixed(2),
    floorFetchSeconds: +(fetchMs / 1000).toFixed(2),
    floorInsertSeconds: +(insertMs / 1000).toFixed(2),
    engineOverFloor: +(engineMs / floorMs).toFixed(2),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    databaseMB: +(dbBytes / 1024 / 1024).toFixed(1),
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  fake.stop();
  rmSync(home, { recursive: true, force: true });
}
