// A busy venue for the benchmarks: the fake K-Series in its own process, a connected engine on a
// data folder, a two-level recipe book, 70 % of the location's items mapped, the location activated.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createEngine, DATABASE_FILE, type Engine } from '../../electron/core/engine';
import { importSetupFile } from '../../electron/core/setup/setup-import';
import { findRecipeByName } from '../../electron/core/inventory/recipes';
import { findStorageUnitByName } from '../../electron/core/inventory/storage-units';
import { listItems } from '../../electron/core/items/item-sync';
import { linkStorageUnit } from '../../electron/core/locations/location-config';
import { listLocations } from '../../electron/core/locations/location-sync';
import { saveMapping } from '../../electron/core/items/mappings';
import { activateLocation, cancelMigration, MIGRATION_DAYS, migrationRange, runMigration } from '../../electron/core/migration/migration';
import { addDays } from '../../electron/core/time/zoned-time';
import { transferDay } from '../../electron/core/transfer/transfer-day';
import { createNodePlatform } from '../../electron/core/platform/node-platform';
import { approveInBrowser } from '../support/lightspeed';
import { syncItems, syncLocations } from '../../electron/core/sources/lightspeed/lightspeed-sync';
import { inOrder } from '../../electron/core/in-order';

export const NOW = '2026-05-08T10:00:00Z';
export const BL = '45454565682155';

const started = performance.now();
export const phase = (name: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${name}\n`);

export interface FakeProcess {
  env: Record<string, string>;
  stop(): void;
}

/** Besides the busy venue, the Harbour Group's terrace and kiosks: the nightly run's 20 other locations. */
export const NIGHTLY_LOCATIONS = 20;

/** An office line between Larder and the fake: latency per call (ms) and bandwidth (Mbit/s). */
export interface Line {
  latencyMs?: number | undefined;
  bandwidthMbit?: number | undefined;
}

/** `now`: the fake's own clock (a day after the engine's lets a later nightly run find that day closed). */
export async function startFake(salesPerDay: number, itemsPerBusiness: number, historyDays: number, line: Line, now = NOW): Promise<FakeProcess> {
  const args = ['--auto-approve', '--now', now, '--sales-per-day', String(salesPerDay), '--lines-per-sale', '4.2', '--items', String(itemsPerBusiness)];
  args.push('--history-days', String(historyDays), '--extra-locations', String(NIGHTLY_LOCATIONS - 1));
  if (line.latencyMs) args.push('--latency', String(line.latencyMs));
  if (line.bandwidthMbit) args.push('--bandwidth', String(line.bandwidthMbit));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo/fake-lightspeed/main.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const env = await new Promise<Record<string, string>>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line) as Record<string, string>));
  });
  return { env, stop: () => child.kill() };
}

/** The storage unit of the group's n-th venue (the busy venue's is the first). */
export const kitchenOf = (n: number) => (n === 0 ? 'Main Kitchen' : `Kitchen ${n + 1}`);

/**
 * 120 ingredients, 30 sub-recipes of 3, 240 recipes of 5 ingredients and a sub-recipe: two levels,
 * about 7 ingredients each; a delivery of each ingredient into each of `kitchens` storage units.
 */
export function inventory(kitchens = 1) {
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
  const units = Array.from({ length: kitchens }, (_, n) => kitchenOf(n));
  return {
    storageUnits: units.map((name) => ({ name })),
    ingredients,
    recipes: [...subs, ...tops],
    receipts: units.flatMap((unit) => ingredients.map((ingredient) => ({ ingredient: ingredient.name, storageUnit: unit, quantity: '100', value: '250', date: '2025-01-01' }))),
  };
}

export interface BusyVenue {
  engine: Engine;
  fake: FakeProcess;
  jobId: number;
  /** The environment the engine was made with: another process opens the same venue with it. */
  env: Record<string, string>;
}

/** `days`: how far back the fake has sales (the migration takes the last 90; postEarlierDays the rest). */
/** `env`: more of the engine's environment (LARDER_DATABASE_URL: the venue on PostgreSQL). */
export async function prepareBusyVenue(
  home: string,
  options: { salesPerDay: number; itemsPerBusiness: number; days?: number; line?: Line; env?: Record<string, string> },
): Promise<BusyVenue> {
  const fake = await startFake(options.salesPerDay, options.itemsPerBusiness, Math.max(120, (options.days ?? 90) + 2), options.line ?? {});
  const env = { ...fake.env, ...options.env, LARDER_HOME: home, LARDER_NOW: NOW };
  const engine = await createEngine(createNodePlatform({ env }), 'cli');
  phase('fake started; connecting');
  const signIn = await engine.lightspeed.connection.start();
  await approveInBrowser(signIn.authorizeUrl);
  await signIn.completion;
  phase('connected; syncing');
  await syncLocations(engine.scope, engine.lightspeed.api, NOW);
  await syncItems(engine.scope, engine.lightspeed.api, NOW);
  phase('synced; importing inventory');
  await importSetupFile(engine.scope, JSON.stringify(inventory()));
  phase('inventory imported; mapping');
  const items = (await listItems(engine.scope)).filter((item) => item.locations.includes(BL));
  const mapped = items.slice(0, Math.round(items.length * 0.7));
  const recipeIds = await inOrder(Array.from({ length: 240 }, (_, n) => n), async (n) => (await findRecipeByName(engine.scope, `Recipe ${n}`))!.id);
  for (const [n, item] of mapped.entries()) await saveMapping(engine.scope, { posItemId: item.id, target: { recipeId: recipeIds[n % 240]! }, quantity: '1', isSubtraction: false }, NOW);
  await linkStorageUnit(engine.scope, BL, (await findStorageUnitByName(engine.scope, 'Main Kitchen'))!.id);
  return { engine, fake, env, jobId: (await activateLocation(engine.scope, BL, engine.platform.clock)).job_id };
}

/**
 * After the 90-day migration, the `days - 90` business days before it, oldest first, each as the
 * nightly run would post it: a year of the busy venue for the size and screen benchmarks.
 */
export async function postEarlierDays(engine: Engine, days: number, businessLocationId = BL): Promise<void> {
  const { startDate } = migrationRange({ timezone: 'Europe/Amsterdam' }, engine.platform.clock);
  for (let back = days - MIGRATION_DAYS; back >= 1; back--) {
    const date = addDays(startDate, -back);
    const result = await transferDay(engine.transfers, { businessLocationId, date, force: false, trigger: 'nightly' });
    if (!result.success) throw new Error(`${date}: ${result.error?.code} ${result.error?.message}`);
    if (back % 30 === 0) phase(`earlier days: ${days - MIGRATION_DAYS - back + 1} of ${days - MIGRATION_DAYS}`);
  }
}

/**
 * The nightly run's setting: the busy group's other 20 locations linked and activated (their 90-day
 * migrations cancelled: only the night is measured), each with the day before yesterday posted, so
 * the nightly run has yesterday to post for every one of them.
 */
export async function prepareNightly(engine: Engine): Promise<string[]> {
  const kitchen = (await findStorageUnitByName(engine.scope, 'Main Kitchen'))!.id;
  const others = (await listLocations(engine.scope)).filter((location) => location.businessLocationId !== BL && location.businessName === 'Harbour Group');
  if (others.length !== NIGHTLY_LOCATIONS) throw new Error(`the fake has ${others.length} other Harbour Group locations, not ${NIGHTLY_LOCATIONS}`);
  const { endDate } = migrationRange({ timezone: 'Europe/Amsterdam' }, engine.platform.clock);
  for (const location of others) {
    await linkStorageUnit(engine.scope, location.businessLocationId, kitchen);
    await activateLocation(engine.scope, location.businessLocationId, engine.platform.clock);
    await cancelMigration(engine.scope, location.id, 'The benchmark measures the nightly run only.', engine.platform.clock);
    const posted = await transferDay(engine.transfers, { businessLocationId: location.businessLocationId, date: addDays(endDate, -1), force: false, trigger: 'manual' });
    if (!posted.success) throw new Error(`${location.name}: ${posted.error?.code} ${posted.error?.message}`);
  }
  return others.map((location) => location.businessLocationId);
}

/**
 * A year of the busy venue in `home` unless it is there already (BENCH_UI_DATA keeps one between
 * runs): about 10,000 POS items and 2.2 million sales lines, posted by a real 90-day migration and the
 * nightly transfers of the 275 days before it, not inserted rows. About 2 minutes to build.
 */
export async function yearOfBusyVenue(home: string): Promise<void> {
  if (existsSync(join(home, DATABASE_FILE))) return;
  mkdirSync(home, { recursive: true });
  const days = Number(process.env.BENCH_UI_DAYS ?? 365);
  const { engine, fake, jobId } = await prepareBusyVenue(home, {
    salesPerDay: Number(process.env.BENCH_SALES_PER_DAY ?? 1200),
    itemsPerBusiness: Number(process.env.BENCH_ITEMS_PER_BUSINESS ?? 3334),
    days,
  });
  phase('migrating');
  await runMigration(engine.transfers, jobId, (progress) => progress.progress_percent % 20 === 0 && phase(`migration ${progress.progress_percent} %`));
  await postEarlierDays(engine, days);
  engine.close();
  fake.stop();
}
