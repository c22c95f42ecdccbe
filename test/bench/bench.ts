// `npm run bench`: a busy venue's whole 90-day migration over loopback HTTP, against the floor of the
// same work done bare (the same pages fetched by a plain loop, the same number of rows inserted by
// one prepared statement in one transaction), measured in the same run on the same machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { accessTokenName } from '../../electron/connection/connection-store';
import { openDatabase } from '../../electron/db/open-database';
import { createEngine } from '../../electron/engine';
import { importSetupFile } from '../../electron/inventory/setup-import';
import { findRecipeByName } from '../../electron/inventory/recipes';
import { findStorageUnitByName } from '../../electron/inventory/storage-units';
import { listItems, syncItems } from '../../electron/items/item-sync';
import { linkStorageUnit } from '../../electron/locations/location-config';
import { syncLocations } from '../../electron/locations/location-sync';
import { saveMapping } from '../../electron/mappings/mappings';
import { activateLocation, runMigration } from '../../electron/migration/migration';
import { createNodePlatform } from '../../electron/platform/node-platform';
import { approveInBrowser } from '../support/lightspeed';

const NOW = '2026-05-08T10:00:00Z';
const SALES_PER_DAY = process.env.BENCH_SALES_PER_DAY ?? '1200';
const started = performance.now();
const phase = (name: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${name}\n`);
const BL = '45454565682155';

async function startFake(): Promise<{ env: Record<string, string>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fake-lightspeed/main.ts', '--auto-approve', '--now', NOW, '--sales-per-day', SALES_PER_DAY, '--lines-per-sale', '4.2', '--items', '300'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const env = await new Promise<Record<string, string>>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line) as Record<string, string>));
  });
  return { env, stop: () => child.kill() };
}

/** 120 ingredients, 30 sub-recipes of 3, 240 recipes of 5 ingredients and a sub-recipe: two levels, about 7 ingredients each. */
function inventory() {
  const ingredients = Array.from({ length: 120 }, (_, n) => ({ name: `Ingredient ${n}`, unit: 'kg' }));
  const subs = Array.from({ length: 30 }, (_, n) => ({
    name: `Sub-recipe ${n}`,
    yield: '2',
    lines: [0, 1, 2].map((k) => ({ ingredient: `Ingredient ${(n * 3 + k) % 120}`, quantity: '0.05', trimPct: '5' })),
  }));
  const tops = Array.from({ length: 240 }, (_, n) => ({
    name: `Recipe ${n}`,
    yield: '1',
    lines: [...[0, 1, 2, 3, 4].map((k) => ({ ingredient: `Ingredient ${(n * 7 + k * 11) % 120}`, quantity: '0.02' })), { recipe: `Sub-recipe ${n % 30}`, quantity: '0.1' }],
  }));
  return {
    storageUnits: [{ name: 'Main Kitchen' }],
    ingredients,
    recipes: [...subs, ...tops],
    receipts: ingredients.map((ingredient) => ({ ingredient: ingredient.name, storageUnit: 'Main Kitchen', quantity: '100', value: '250', date: '2026-01-01' })),
  };
}

const home = mkdtempSync(join(tmpdir(), 'larder-bench-'));
const fake = await startFake();
try {
  const engine = createEngine(createNodePlatform({ env: { ...fake.env, LARDER_HOME: home, LARDER_NOW: NOW } }), 'cli');
  phase('fake started; connecting');
  const signIn = await engine.lightspeed.connection.start();
  await approveInBrowser(signIn.authorizeUrl);
  await signIn.completion;
  phase('connected; syncing');
  await syncLocations(engine.scope, engine.lightspeed.api, NOW);
  await syncItems(engine.scope, engine.lightspeed.api, NOW);
  phase('synced; importing inventory');
  importSetupFile(engine.scope, JSON.stringify(inventory()));
  phase('inventory imported; mapping');
  const items = listItems(engine.scope).filter((item) => item.locations.includes(BL));
  const mapped = items.slice(0, Math.round(items.length * 0.7));
  mapped.forEach((item, n) =>
    saveMapping(engine.scope, { posItemId: item.id, target: { recipeId: findRecipeByName(engine.scope, `Recipe ${n % 240}`)!.id }, quantity: '1', isSubtraction: false }, NOW),
  );
  linkStorageUnit(engine.scope, BL, findStorageUnitByName(engine.scope, 'Main Kitchen')!.id);
  const job = activateLocation(engine.scope, BL, engine.platform.clock);

  phase('migrating');
  const t0 = performance.now();
  const result = await runMigration(engine.transfers, job.job_id, (progress) => progress.progress_percent % 10 === 0 && phase(`migration ${progress.progress_percent} %`));
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
  const floorDb = openDatabase({ file: join(floorHome, 'floor.db'), migrationsFolder: new URL('../../electron/db/migrations', import.meta.url).pathname });
  floorDb.sqlite.exec(`INSERT INTO companies (name) VALUES ('x'); INSERT INTO storage_units (company_id, name) VALUES (1, 'x'); INSERT INTO ingredients (company_id, name, unit) VALUES (1, 'x', 'kg');`);
  const insert = floorDb.sqlite.prepare(
    `INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, location_id, sales_line_id, transfer_log_id) VALUES (1, 'ISSUE', '2026-03-01', 1, 1, -20000, 2500000, -500, ?, ?, 1)`,
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
