import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dayTotalsBothWays } from '../../../test/support/day-totals';
import { HARBOUR, startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { refusalOf, sqliteConnection } from '../../../test/support/test-engine';
import { runCliIn } from '../../../test/support/run-cli';
import { knownSchemaVersion } from '../db/open-database';
import { createEngine } from '../engine';
import { stockOnHand } from '../ledger/ledger';
import { activateLocation, runMigration, startMigration } from '../migration/migration';
import { reprocess } from '../transfer/reprocess';
import { createNodePlatform } from '../platform/node-platform';
import { recordWaste } from '../stock/waste-and-moves';
import { backupIfDue, dueKind, listBackups, pruneBackups, takeBackup, type BackupPlace } from './backups';
import { DatabaseProblem, databaseSourceOf, inspectDatabase } from './data-folder';
import { exportEverything } from './export-import';
import { describeBackup, restoreBackup } from './restore';
import { startEngine } from './startup';

let restaurant: Restaurant | undefined;
const folders: string[] = [];
afterEach(async () => {
  await restaurant?.dispose();
  restaurant = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'larder-backup-'));
  folders.push(folder);
  return folder;
}

/** A restaurant with a few posted days, counts-free but with receipts, recipes and mappings. */
async function busyRestaurant(): Promise<Restaurant> {
  restaurant = await startRestaurant({ salesPerDay: 6 });
  await restaurant.map('Cappuccino', { ingredient: 'Coffee beans' }, '0.009');
  for (const day of ['2026-05-04', '2026-05-05', '2026-05-06']) await restaurant.transfer(day);
  return restaurant;
}

const everyRow = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all();
const ledgerOf = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return everyRow(sqlite, 'ledger_entries');
  } finally {
    sqlite.close();
  }
};

describe('a backup', () => {
  it('is an online copy with the WAL in it, verified, 0600, without sealed secrets, and asks for the POS sign-in again', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    // Uncheckpointed work sits in larder.db-wal: a file copy of larder.db would miss it.
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '0,5', reason: 'spoiled', at: '2026-05-07T12:00:00Z' }, ['spoiled']);
    expect(statSync(join(engine.platform.dataFolder, 'larder.db-wal')).size).toBeGreaterThan(0);
    const secrets = await engine.vault.values();
    expect(secrets.length).toBeGreaterThan(0);

    const backup = await engine.backups.take('daily');
    expect(backup).toMatchObject({ verified: true, kind: 'daily', schema_version: knownSchemaVersion(engine.platform.migrationsFolder) });
    expect(backup.file.startsWith(join(engine.platform.dataFolder, 'Backups'))).toBe(true);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backup.file}-wal`)).toBe(false);
    expect(ledgerOf(backup.file)).toEqual(everyRow(sqliteConnection(engine.db), 'ledger_entries'));

    const bytes = readFileSync(backup.file).toString('latin1');
    for (const secret of secrets.filter((value) => value.length >= 8)) expect(bytes.includes(secret)).toBe(false);
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM sealed_secrets').pluck().get()).toBe(0);
    expect(copy.prepare('SELECT status FROM lightspeed_connections').pluck().get()).toBe('refresh_failed');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('taken while a migration writes, and another process imports receipts, step by step, is consistent and verified', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    const job = await activateLocation(engine.scope, HARBOUR, engine.platform.clock);
    const place: BackupPlace = { ...engine.backups.place(), pagesPerStep: 1 };
    // A second process writing all along: SQLite restarts a backup whose source another connection changed.
    const writer = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test/crash/import-loop.ts')], {
      env: { ...process.env, LARDER_HOME: engine.platform.dataFolder, CRASH_RECEIPTS: '200', CRASH_PAUSE_MS: '5' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
    const migrating = runMigration(engine.transfers, job.job_id);
    const backups = [];
    try {
      for (let round = 0; round < 4; round++) backups.push(await takeBackup(sqliteConnection(engine.db), place, 'before-change'));
      await migrating;
    } finally {
      writer.kill('SIGKILL');
      await new Promise((resolve) => writer.once('exit', resolve));
    }
    for (const backup of backups) {
      expect(backup.verified).toBe(true);
      const copy = new Database(backup.file, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      // Every day's totals add up to its entries: no day half in the copy.
      const totals = await dayTotalsBothWays(copy);
      expect(totals.kept).toEqual(totals.recounted);
      copy.close();
    }
  }, 60_000);

  it('killed with kill -9 half way leaves no file counted as a backup, and the next one sweeps it', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    const first = await engine.backups.take('daily');
    const script = join(process.cwd(), 'test/crash/backup-loop.ts');
    const { clock: _clock, ...place } = engine.backups.place();
    for (const delay of [0, 5, 20, 60]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, join(engine.platform.dataFolder, 'larder.db'), JSON.stringify({ ...place, pagesPerStep: 1 })], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the backup child ended (${code}) before it started`)));
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    for (const backup of listBackups(engine.backups.place())) {
      expect(backup.verified).toBe(true);
      const copy = new Database(backup.file, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    }
    const folder = engine.backups.place().folder;
    const partials = readdirSync(folder).filter((name) => name.endsWith('.partial'));
    expect(listBackups(engine.backups.place()).map((backup) => backup.file)).not.toContain(expect.stringContaining('.partial'));
    expect(listBackups(engine.backups.place()).at(-1)?.file).toBe(first.file);
    // A partial an hour old belongs to no running backup: the next backup removes it.
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of partials) utimesSync(join(folder, name), hourAgo, hourAgo);
    await engine.backups.take('before-change');
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('keeps 7 daily, 4 weekly and 12 monthly generations (and the last before-change ones)', async () => {
    const home = tempFolder();
    let now = new Date('2025-01-01T09:00:00');
    const platform = createNodePlatform({ dataFolder: home, env: {}, clock: { now: () => now } });
    const engine = await createEngine(platform, 'cli');
    try {
      for (let day = 0; day < 420; day++) {
        now = new Date(2025, 0, 1 + day, 9);
        await backupIfDue(sqliteConnection(engine.db), engine.backups.place());
        expect(await backupIfDue(sqliteConnection(engine.db), engine.backups.place())).toBeNull();
      }
      for (let change = 0; change < 7; change++) await engine.backups.take('before-change');
      const kept = listBackups(engine.backups.place());
      const count = (kind: string) => kept.filter((backup) => backup.kind === kind).length;
      expect([count('daily'), count('weekly'), count('monthly'), count('before-change')]).toEqual([7, 4, 12, 5]);
      const monthly = kept.filter((backup) => backup.kind === 'monthly').map((backup) => new Date(backup.created_at).getDate());
      expect(new Set(monthly)).toEqual(new Set([1]));
      // The newest daily is the last day's: nothing newer was deleted.
      expect(new Date(kept.find((backup) => backup.kind === 'daily')?.created_at ?? 0).getDate()).toBe(now.getDate());
      expect(pruneBackups({ ...engine.backups.place(), keep: { daily: 7, weekly: 4, monthly: 12, beforeChange: 5 } })).toEqual([]);
    } finally {
      engine.close();
    }
  }, 120_000);

  it('is stale after 3 days without a verified one, and before the first', async () => {
    const home = tempFolder();
    let now = new Date('2026-05-01T09:00:00Z');
    const engine = await createEngine(createNodePlatform({ dataFolder: home, env: {}, clock: { now: () => now } }), 'cli');
    try {
      expect(engine.backups.status()).toMatchObject({ last_verified: null, stale: true, folder: join(home, 'Backups') });
      const backup = await engine.backups.now();
      expect(engine.backups.status()).toMatchObject({ last_verified: { file: backup.file }, stale: false });
      now = new Date('2026-05-04T08:59:00Z');
      expect(engine.backups.status().stale).toBe(false);
      now = new Date('2026-05-04T09:01:00Z');
      expect(engine.backups.status().stale).toBe(true);
    } finally {
      engine.close();
    }
  });

  it("names the day's kind: the month's first is monthly, the week's first weekly, else daily", () => {
    const at = (iso: string) => ({ created_at: new Date(iso).toISOString(), kind: 'daily' as const });
    expect(dueKind([], new Date(2026, 11, 7, 9))).toBe('monthly');
    expect(dueKind([{ ...at('2026-12-01T09:00:00'), kind: 'monthly' }], new Date(2026, 11, 7, 9))).toBe('weekly');
    expect(dueKind([{ ...at('2026-12-01T09:00:00'), kind: 'monthly' }, { ...at('2026-12-07T01:00:00'), kind: 'weekly' }], new Date(2026, 11, 8, 9))).toBe('daily');
    expect(dueKind([{ ...at('2026-12-08T01:00:00'), kind: 'daily' }], new Date(2026, 11, 8, 23))).toBeNull();
  });
});

describe('before a large change', () => {
  it("a migration's re-run and a reprocess of more than 7 days are backed up first; a short reprocess is not", async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    const beforeChange = () => listBackups(engine.backups.place()).filter((backup) => backup.kind === 'before-change').length;
    const first = await activateLocation(engine.scope, HARBOUR, engine.platform.clock);
    await runMigration(engine.transfers, first.job_id);
    expect(beforeChange()).toBe(0);
    const rerun = await startMigration(engine.scope, HARBOUR, engine.platform.clock, { rerun: true });
    await runMigration(engine.transfers, rerun.job_id);
    expect(beforeChange()).toBe(1);

    await run.map('Cappuccino', { ingredient: 'Coffee beans' }, '0.010');
    await reprocess(engine.transfers, HARBOUR, '2026-05-01', '2026-05-06');
    expect(beforeChange()).toBe(1);
    await reprocess(engine.transfers, HARBOUR, '2026-04-01', '2026-04-30');
    expect(beforeChange()).toBe(2);
    expect(engine.log.tail(50).join('\n')).toMatch(/Backed up to .*before-change\.db before a reprocess of \d+ days/);
  }, 60_000);
});

describe('a restore', () => {
  it('previews what a backup holds, backs the current database up, and brings back exactly its ledger', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    const backup = await engine.backups.take('daily');
    const ledgerThen = everyRow(sqliteConnection(engine.db), 'ledger_entries');
    const stockThen = await stockOnHand(engine.scope);

    const preview = await describeBackup(engine.platform, backup.file);
    expect(preview).toMatchObject({ file: backup.file, created_at: backup.created_at, schema_version: backup.schema_version });
    expect(preview.locations.find((location) => location.business_location_id === HARBOUR)?.last_posted_day).toBe('2026-05-06');
    expect(preview.counts).toEqual({
      ingredients: sqliteConnection(engine.db).prepare('SELECT count(*) FROM ingredients').pluck().get(),
      recipes: sqliteConnection(engine.db).prepare('SELECT count(*) FROM recipes').pluck().get(),
      mappings: sqliteConnection(engine.db).prepare('SELECT count(*) FROM pos_mappings').pluck().get(),
      ledger_entries: ledgerThen.length,
    });

    await run.transfer('2026-05-07');
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '1', reason: 'spoiled', at: '2026-05-07T12:00:00Z' }, ['spoiled']);
    const ledgerAfter = everyRow(sqliteConnection(engine.db), 'ledger_entries');
    expect(ledgerAfter.length).toBeGreaterThan(ledgerThen.length);

    // Restored under the running engine: its connection stays good and reads the backup's data.
    const restored = await restoreBackup(engine.platform, backup.file, sqliteConnection(engine.db));
    expect(everyRow(sqliteConnection(engine.db), 'ledger_entries')).toEqual(ledgerThen);
    expect(await stockOnHand(engine.scope)).toEqual(stockThen);
    expect(restored.previous_saved_as).toMatch(/before-change\.db$/);
    expect(ledgerOf(restored.previous_saved_as as string)).toEqual(ledgerAfter);
    expect(sqliteConnection(engine.db).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteConnection(engine.db).prepare('SELECT count(*) FROM sealed_secrets').pluck().get()).toBe(0);
  });

  it('refuses a backup from a newer Larder and a damaged one, changing nothing', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    const backup = await engine.backups.take('daily');
    const newer = join(tempFolder(), 'newer.db');
    const copy = new Database(backup.file);
    copy.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now());
    await copy.backup(newer);
    copy.close();
    const before = everyRow(sqliteConnection(engine.db), 'ledger_entries');
    expect(await refusalOf(restoreBackup(engine.platform, newer, sqliteConnection(engine.db)))).toMatchObject({ code: 'backup_too_new' });
    const broken = join(tempFolder(), 'broken.db');
    writeFileSync(broken, readFileSync(backup.file).subarray(0, 8192));
    expect(await refusalOf(restoreBackup(engine.platform, broken, sqliteConnection(engine.db)))).toMatchObject({ code: 'backup_damaged' });
    expect(await refusalOf(restoreBackup(engine.platform, join(tempFolder(), 'nothing.db'), sqliteConnection(engine.db)))).toMatchObject({ code: 'backup_not_found' });
    expect(everyRow(sqliteConnection(engine.db), 'ledger_entries')).toEqual(before);
  });
});

describe('the CLI', () => {
  it('backup now, backup list, restore (a preview and confirmation_required without --yes), export, in the README formats', async () => {
    const home = tempFolder();
    const env = { LARDER_HOME: home, LARDER_NOW: '2026-05-08T10:00:00Z' };
    const setup = join(home, 'setup.json');
    writeFileSync(setup, JSON.stringify({ storageUnits: [{ name: 'Main Kitchen' }], ingredients: [{ name: 'Tomato', unit: 'kg' }], receipts: [{ ingredient: 'Tomato', storageUnit: 'Main Kitchen', quantity: '3.5', value: '10.15', date: '2026-05-01' }] }));
    expect((await runCliIn(env, ['import', setup])).code).toBe(0);

    const now = await runCliIn(env, ['backup', 'now']);
    expect(now.code).toBe(0);
    expect(now.json).toEqual({ backup: { file: expect.stringMatching(/Backups\/larder-backup-2026-05-08T100000000Z-monthly\.db$/), bytes: expect.any(Number), verified: true, created_at: '2026-05-08T10:00:00.000Z' } });
    const file = (now.json.backup as { file: string }).file;
    const again = await runCliIn(env, ['backup', 'now']);
    expect((again.json.backup as { file: string }).file).toMatch(/before-change\.db$/);
    const list = await runCliIn(env, ['backup', 'list']);
    expect(list.json).toEqual({
      backups: [
        { file: (again.json.backup as { file: string }).file, created_at: '2026-05-08T10:00:00.001Z', schema_version: knownSchemaVersion(join(process.cwd(), 'electron/core/db/migrations')), verified: true, kind: 'before-change' },
        { file, created_at: '2026-05-08T10:00:00.000Z', schema_version: expect.any(Number), verified: true, kind: 'monthly' },
      ],
    });

    expect((await runCliIn(env, ['waste', 'Main Kitchen', '--ingredient', 'Tomato', '1,5', '--reason', 'spoiled'])).code).toBe(0);
    const asked = await runCliIn(env, ['restore', file]);
    expect(asked.code).toBe(1);
    const preview = { file, created_at: '2026-05-08T10:00:00.000Z', schema_version: expect.any(Number), locations: [], counts: { ingredients: 1, recipes: 0, mappings: 0, ledger_entries: 1 } };
    expect(JSON.parse(asked.text.split('\n')[0] as string)).toEqual({ preview });
    expect(asked.json).toEqual({ error: { code: 'confirmation_required', message: expect.stringContaining('--yes'), preview } });
    expect((await runCliIn(env, ['stock'])).json).toMatchObject({ stock: [{ quantity: '2' }] });

    const restored = await runCliIn(env, ['restore', file.split('/').at(-1) as string, '--yes']);
    expect(restored.json).toEqual({ restored: { file, previous_saved_as: expect.stringMatching(/before-change\.db$/) } });
    expect((await runCliIn(env, ['stock'])).json).toMatchObject({ stock: [{ quantity: '3.5' }] });

    const zip = join(home, 'larder-export-2026-05-08.zip');
    expect((await runCliIn(env, ['export', zip])).json).toEqual({ exported: { file: zip, schema_version: expect.any(Number), tables: expect.any(Number), rows: expect.any(Number) } });
  });
});

describe('a damaged or missing database', () => {
  /** The data folder as the office PC leaves it: its database (checkpointed on close), log, key and backups. */
  async function closedRestaurantFolder(): Promise<{ home: string; backup: string; ledger: unknown[] }> {
    const run = await busyRestaurant();
    const backup = await run.engine.backups.take('daily');
    const ledger = everyRow(sqliteConnection(run.engine.db), 'ledger_entries');
    const home = run.engine.platform.dataFolder;
    run.engine.close();
    await run.fake.close();
    restaurant = undefined;
    folders.push(home);
    return { home, backup: backup.file, ledger };
  }

  const damages: [string, (file: string) => void][] = [
    ['truncated', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    [
      'with bytes flipped mid-file',
      (file) => {
        const handle = openSync(file, 'r+');
        const middle = Math.floor(statSync(file).size / 4096 / 2) * 4096;
        writeSync(handle, Buffer.alloc(4096, 0xa5), 0, 4096, middle);
        closeSync(handle);
      },
    ],
    ['a text file', (file) => writeFileSync(file, 'These are the minutes of the staff meeting.\n'.repeat(200))],
  ];

  for (const [what, damage] of damages) {
    it(`${what}: opens the recovery path with the newest backup offered, and a restore brings the ledger back`, async () => {
      const { home, backup, ledger } = await closedRestaurantFolder();
      damage(join(home, 'larder.db'));
      const platform = createNodePlatform({ dataFolder: home, env: {} });
      expect(inspectDatabase(platform).state).toBe('damaged');
      const problem = await startEngine(platform, 'cli').then(
        () => null,
        (error: unknown) => error,
      );
      expect(problem).toBeInstanceOf(DatabaseProblem);
      expect(problem).toMatchObject({ code: 'database_damaged', path: join(home, 'larder.db'), newestBackup: { file: backup } });

      const cli = await runCliIn({ LARDER_HOME: home }, ['stock']);
      expect(cli.code).toBe(1);
      expect(cli.json).toMatchObject({ error: { code: 'database_damaged', path: join(home, 'larder.db'), newest_backup: { file: backup } } });

      const restored = await restoreBackup(platform, backup);
      expect(restored.previous_saved_as).toMatch(/larder\.db\.damaged-/);
      expect(existsSync(restored.previous_saved_as as string)).toBe(true);
      const engine = await startEngine(platform, 'cli');
      expect(everyRow(sqliteConnection(engine.db), 'ledger_entries')).toEqual(ledger);
      engine.close();
    });
  }

  it('is checked at a start once a day and after a run that did not end cleanly, and damage is found by the next check', async () => {
    const { home } = await closedRestaurantFolder();
    const at = (now: string) => createNodePlatform({ dataFolder: home, env: { LARDER_NOW: now } });
    const first = at('2026-05-08T06:00:00Z');
    expect(inspectDatabase(first, undefined, 'when-due')).toMatchObject({ state: 'ok', checked: true });
    expect(first.settings.get('databaseCheckedAt')).toBe('2026-05-08T06:00:00.000Z');
    expect(inspectDatabase(at('2026-05-09T05:59:00Z'), undefined, 'when-due')).toMatchObject({ state: 'ok', checked: false });

    // A run killed mid-way leaves its write-ahead log: the next start checks, whatever the time.
    writeFileSync(join(home, 'larder.db-wal'), '');
    expect(inspectDatabase(at('2026-05-08T07:00:00Z'), undefined, 'when-due')).toMatchObject({ state: 'ok', checked: true });
    rmSync(join(home, 'larder.db-wal'), { force: true });

    const handle = openSync(join(home, 'larder.db'), 'r+');
    writeSync(handle, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(statSync(join(home, 'larder.db')).size / 4096 / 2) * 4096);
    closeSync(handle);
    const nextDay = at('2026-05-09T07:00:00Z');
    expect(inspectDatabase(nextDay, undefined, 'when-due')).toMatchObject({ state: 'damaged' });
    await expect(startEngine(nextDay, 'cli')).rejects.toMatchObject({ code: 'database_damaged' });
    expect(nextDay.settings.get('databaseCheckedAt')).toBe('2026-05-08T07:00:00.000Z');
  });

  it('missing where Larder ran before is database_missing, not a fresh start; an empty folder or init starts fresh', async () => {
    const { home } = await closedRestaurantFolder();
    rmSync(join(home, 'larder.db'));
    const platform = createNodePlatform({ dataFolder: home, env: {} });
    expect(inspectDatabase(platform)).toMatchObject({ state: 'missing' });
    const cli = await runCliIn({ LARDER_HOME: home }, ['stock']);
    expect(cli.json).toMatchObject({ error: { code: 'database_missing', path: join(home, 'larder.db') } });
    expect(existsSync(join(home, 'larder.db'))).toBe(false);

    const fresh = tempFolder();
    expect(inspectDatabase(createNodePlatform({ dataFolder: fresh, env: {} }))).toEqual({ state: 'new' });
    expect((await runCliIn({ LARDER_HOME: fresh }, ['stock'])).code).toBe(0);

    expect((await runCliIn({ LARDER_HOME: home }, ['init'])).json).toEqual({ database: { file: join(home, 'larder.db'), created: true } });
    expect((await runCliIn({ LARDER_HOME: home }, ['stock'])).json).toEqual({ stock: [] });
  });
});

describe('export and import', () => {
  it('reproduces every table, stock on hand and every recipe exactly in an empty data folder', async () => {
    const run = await busyRestaurant();
    const { engine } = run;
    await recordWaste(engine.scope, { storageUnit: 'Main Kitchen', ingredient: 'Tomato', quantity: '0.009', reason: 'spoiled', at: '2026-05-07T12:00:00Z' }, ['spoiled']);
    const file = join(tempFolder(), 'larder-export-2026-05-08.zip');
    const manifest = await exportEverything(databaseSourceOf(engine.platform), file, engine.platform.clock.now());
    expect(manifest.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['ingredients', 'ingredient_units', 'recipes', 'recipe_lines', 'pos_mappings', 'storage_units', 'ledger_entries', 'stock_counts', 'waste_records', 'stock_moves']));
    expect(manifest.tables.map((table) => table.name)).not.toContain('sealed_secrets');
    const ledgerCsv = manifest.tables.find((table) => table.name === 'ledger_entries');
    expect(ledgerCsv?.columns.find((column) => column.name === 'quantity')).toEqual({ name: 'quantity', type: 'decimal', scale: 6 });

    const home = tempFolder();
    const imported = await runCliIn({ LARDER_HOME: home }, ['import-export', file]);
    expect(imported.code).toBe(0);
    const target = await createEngine(createNodePlatform({ dataFolder: home, env: {} }), 'cli');
    try {
      for (const table of manifest.tables) expect([table.name, everyRow(sqliteConnection(target.db), table.name)]).toEqual([table.name, everyRow(sqliteConnection(engine.db), table.name)]);
      expect(await stockOnHand(target.scope)).toEqual(await stockOnHand(engine.scope));
      expect(await runCliIn({ LARDER_HOME: home }, ['import-export', file])).toMatchObject({ code: 1, json: { error: { code: 'import_needs_empty_larder' } } });
    } finally {
      target.close();
    }
  });

  it('refuses a changed file and imports nothing', async () => {
    const run = await busyRestaurant();
    const file = join(tempFolder(), 'larder-export.zip');
    await exportEverything(databaseSourceOf(run.engine.platform), file, run.engine.platform.clock.now());
    const { unzipSync, zipSync, strToU8 } = await import('fflate');
    const files = unzipSync(readFileSync(file));
    files['ledger_entries.csv'] = strToU8(Buffer.from(files['ledger_entries.csv'] as Uint8Array).toString('utf8').replace(/\n[^\n]*\n$/, '\n'));
    writeFileSync(file, zipSync(files));
    const home = tempFolder();
    expect(await runCliIn({ LARDER_HOME: home }, ['import-export', file])).toMatchObject({ code: 1, json: { error: { code: 'export_invalid' } } });
    const target = await createEngine(createNodePlatform({ dataFolder: home, env: {} }), 'cli');
    expect(sqliteConnection(target.db).prepare('SELECT count(*) FROM ingredients').pluck().get()).toBe(0);
    target.close();
  });
});
