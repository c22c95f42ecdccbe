import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface LarderDb {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  /**
   * Runs `work` in a transaction that takes the write lock up front (BEGIN IMMEDIATE). A deferred
   * transaction that reads first and writes later can fail with SQLITE_BUSY half-way when another
   * process (the CLI beside the app) wrote in between; taking the lock first makes it wait instead.
   */
  write<T>(work: () => T): T;
  /**
   * A prepared statement kept for the life of the connection: for the statements a transfer runs
   * every day (preparing one costs about as much as running it on a small day). One SQL text, one
   * use: a caller that plucks or asks for BigInts gets its own text.
   */
  statement(sql: string): Database.Statement;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests that need no file. */
  file: string;
  migrationsFolder: string;
  /** Native binding path, for the Electron build of better-sqlite3 kept beside the Node one. */
  nativeBinding?: string;
}

export const defaultMigrationsFolder = new URL('./migrations', import.meta.url).pathname;

/**
 * The database holds sales, costs and the ledger: readable by its owner only, whatever the folder's
 * mode or the umask. SQLite gives the -wal and -shm files the main file's mode when it creates them,
 * and the chmod below mends files an older version created more openly.
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * Brings a connection's database up to this Larder's schema. Generated migrations rebuild a table to
 * change a column (create, copy, drop, rename). The migrator runs them in one transaction, where their
 * own PRAGMA foreign_keys=OFF does nothing, so dropping a table that others reference would fail: keys
 * are off for the migration and checked after it. A restore runs this on the live connection too.
 */
export function migrateDatabase(sqlite: Database.Database, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  migrate(drizzle(sqlite, { schema }), { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`The database migration left ${broken.length} broken foreign key(s); the data folder needs attention.`);
  sqlite.pragma('foreign_keys = ON');
}

/** The schema version this Larder writes: how many migrations it ships. */
export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** A database's schema version: how many migrations were applied to it (0 for a file none ran on). */
export function schemaVersionOf(sqlite: Database.Database): number {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) : 0;
}

export function openDatabase(options: OpenDatabaseOptions): LarderDb {
  const onDisk = options.file !== ':memory:';
  if (onDisk) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    ownerOnly(options.file);
  }
  const sqlite = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const orm = drizzle(sqlite, { schema });
  // A database that cannot be set up (a full disk, a migration that fails) is closed again, so the
  // refusal leaves no handle on the file behind.
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL is already atomic after a `kill -9` (a transaction is either
    // in the WAL or not), but it may drop the last commits on a power cut. A transfer that told the
    // manager "posted" must still be posted after the office PC loses power, and commits here are
    // few (one per business day), so the extra fsync per commit costs nothing that matters.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 10000');
    migrateDatabase(sqlite, options.migrationsFolder);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (onDisk) ownerOnly(options.file);
  const statements = new Map<string, Database.Statement>();
  return {
    sqlite,
    orm,
    write: (work) => sqlite.transaction(work).immediate(),
    statement: (sql) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
      return statement;
    },
    close: () => sqlite.close(),
  };
}
