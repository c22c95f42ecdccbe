import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { defaultMigrationsFolder, openDatabase, sqliteOf, type LarderDb } from '../../electron/core/db/open-database';
import { openPostgres } from '../../electron/core/db/postgres/open-postgres';
import { createEngine, DATABASE_FILE, type Engine } from '../../electron/core/engine';
import { createNodePlatform, type NodePlatformOptions } from '../../electron/core/platform/node-platform';
import { TEMPLATE } from './pg-global';

export interface TestEngine extends Engine {
  dispose(): void;
}

let databases = 0;

/**
 * Under the `postgres` project (LARDER_TEST_STORE, with the cluster pg-global.ts started at
 * LARDER_TEST_PG_URL): a new database copied from the migrated template, and its address for
 * LARDER_DATABASE_URL; elsewhere nothing (SQLite in the data folder).
 */
async function testDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (process.env.LARDER_TEST_STORE !== 'postgres') return null;
  const cluster = process.env.LARDER_TEST_PG_URL;
  if (!cluster) throw new Error('LARDER_TEST_STORE=postgres without the cluster test/support/pg-global.ts starts');
  const name = `larder_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return {
    url: cluster.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const client = new pg.Client({ connectionString: cluster });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}

/**
 * An engine on a database of its own: a file in a data folder of its own (never in memory: WAL, locks
 * and files are part of what is tested), or, under the `postgres` project, a PostgreSQL database.
 */
export async function createTestEngine(options: { now?: string; env?: Record<string, string> } & Pick<NodePlatformOptions, 'secretBackend' | 'clock'> = {}): Promise<TestEngine> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'larder-test-'));
  const database = await testDatabase();
  const platform = createNodePlatform({
    dataFolder,
    env: { ...(database ? { LARDER_DATABASE_URL: database.url } : {}), ...options.env },
    clock: options.clock ?? { now: () => new Date(options.now ?? Date.now()) },
    browser: { open: async () => undefined },
    notifier: { notify: () => undefined },
    ...(options.secretBackend ? { secretBackend: options.secretBackend } : {}),
  });
  const engine = await createEngine(platform, 'cli');
  return {
    ...engine,
    dispose() {
      engine.close();
      rmSync(dataFolder, { recursive: true, force: true });
      // The cluster is thrown away after the run: a database a failed drop leaves goes with it.
      void database?.drop().catch(() => undefined);
    },
  };
}

/** Expects `work` to be refused with `code`; returns the message for further checks. */
export async function refusal(work: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await work();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code) return { code, message };
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** Expects `work` (a promise) to be refused with a code; returns the code and message. */
export async function refusalOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code) return { code, message };
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** The SQLite connection under a test that reads or breaks SQLite itself (its files, pragmas, migrations): such a test runs on the SQLite store only. */
export function sqliteConnection(db: LarderDb): Database.Database {
  return sqliteOf(db, 'This test');
}

/** On SQLite, the write-ahead log folded into larder.db, so the data folder's files hold every byte written; a PostgreSQL database keeps none there. */
export function checkpoint(db: LarderDb): void {
  db.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
}

/** Another connection to the engine's database, as the CLI beside the app (or another PC on PostgreSQL) opens it. */
export async function anotherConnection(engine: Engine): Promise<LarderDb> {
  const url = engine.platform.env.LARDER_DATABASE_URL;
  return url ? await openPostgres({ url }) : openDatabase({ file: join(engine.platform.dataFolder, DATABASE_FILE), migrationsFolder: defaultMigrationsFolder });
}
