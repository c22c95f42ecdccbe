import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DomainError } from '../domain-error';
import { insertRows } from './insert-many';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/**
 * A prepared statement, asynchronous whatever the store: on SQLite it runs at once (better-sqlite3 is
 * synchronous) unless another caller's write transaction is open on the connection, then after it.
 */
export interface Statement {
  all(...params: unknown[]): Promise<unknown[]>;
  get(...params: unknown[]): Promise<unknown>;
  run(...params: unknown[]): Promise<{ changes: number }>;
  /** The same statement answering each row's first column. */
  pluck(): Statement;
  /** The same statement answering integers as BigInt: for sums that may pass 2^53 before they are checked. */
  safeIntegers(): Statement;
}

export interface LarderDb {
  /** Which database holds the ledger: SQLite in the data folder, or a group's PostgreSQL server. */
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite connection, for what only SQLite does (its backups, its export); null on PostgreSQL. */
  readonly sqlite: Database.Database | null;
  /** drizzle's SQLite builder, for queries run by one/many/exec (on PostgreSQL too: see postgres/open-postgres.ts). */
  readonly orm: Orm;
  /**
   * Runs `work` in a write transaction; a write inside another of the same caller is a savepoint of
   * it. On SQLite the transaction takes the write lock up front (BEGIN IMMEDIATE): a deferred one
   * that reads first and writes later can fail with SQLITE_BUSY half-way when another process (the
   * CLI beside the app) wrote in between; taking the lock first makes it wait instead. While it is
   * open, every other caller of this connection waits for it, reads included: they would otherwise
   * read, or write into, a transaction that may still roll back.
   */
  write<T>(work: () => Promise<T> | T): Promise<T>;
  /**
   * A prepared statement kept for the life of the connection: for the statements a transfer runs
   * every day (preparing one costs about as much as running it on a small day).
   */
  statement(sql: string): Statement;
  /**
   * Many rows into one table, `values` holding them one after another (`columns.length` values each),
   * inside the caller's write transaction: the store's fastest way (SQLite: sixteen rows a statement).
   */
  insertMany(table: string, columns: readonly string[], values: readonly unknown[]): Promise<void>;
  /**
   * `count` ids of `table` nobody has used or will be given, ascending, for rows the caller inserts
   * with ids of its own choosing inside its write transaction (so it knows them without reading back).
   */
  newIds(table: string, count: number): Promise<number[]>;
  /**
   * A private SQLite database of the caller's own, on disk in the system's temporary folder and gone
   * when closed: working space for an operation larger than memory (a CSV file's external ids), apart
   * from the ledger whichever store holds it.
   */
  scratch(): Database.Database;
  /** A drizzle query's first row, every row, or its run, in turn with the statements. */
  one<Row>(query: { get(): Row }): Promise<Row>;
  many<Rows>(query: { all(): Rows }): Promise<Rows>;
  exec(query: { run(): unknown }): Promise<void>;
  close(): void;
}

/** Whether a write was refused by a unique index or primary key, on either store (SQLite's code, PostgreSQL's SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** The SQLite connection, for what only a data folder's database does; refused on a PostgreSQL store. */
export function sqliteOf(db: LarderDb, what: string): Database.Database {
  if (db.sqlite) return db.sqlite;
  throw new DomainError('sqlite_only', `${what} works on the database in Larder’s data folder; this Larder keeps its data on PostgreSQL (back it up with pg_dump).`);
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
  // Reads outside a write transaction go to a connection of their own: in WAL mode it reads the last
  // commit while the writer works, so a screen or a read-ahead never waits for a day being posted,
  // and never sees a transaction that may still roll back (as on a database server).
  const reader = onDisk ? new Database(options.file, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }) : null;
  reader?.pragma('busy_timeout = 10000');
  return sqliteStore(sqlite, reader, orm, options.nativeBinding);
}

/** LarderDb.scratch: SQLite's private temporary database (an empty file name), journal off, for one process only. */
export function scratchDatabase(nativeBinding?: string): Database.Database {
  const scratch = new Database('', nativeBinding ? { nativeBinding } : {});
  scratch.pragma('journal_mode = OFF');
  scratch.pragma('synchronous = OFF');
  return scratch;
}

/** `work`'s answer as a promise, a throw as a rejection: what a synchronous statement is to its caller. */
function settled<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** Which transaction, if any, the current async call chain runs inside (for nesting writes as savepoints). */
interface Transaction {
  depth: number;
}

function sqliteStore(sqlite: Database.Database, reader: Database.Database | null, orm: Orm, nativeBinding: string | undefined): LarderDb {
  const inside = new AsyncLocalStorage<Transaction>();
  let open: Transaction | null = null;
  // Settles when the open transaction ends; whoever waited for it tries again, in the order they began to wait.
  let turn: Promise<void> = Promise.resolve();
  const ours = () => open === null || inside.getStore() === open;
  // The check and the work run in one tick: nothing can open a transaction between them. Most calls
  // find the connection free and pay for no more than the promise they answer.
  const inTurn = <T>(work: () => T): Promise<T> => (ours() ? settled(work) : waitTurn(work));
  const waitTurn = async <T>(work: () => T): Promise<T> => {
    while (!ours()) await turn;
    return work();
  };
  const raws = new Map<string, Database.Statement>();
  const preparedRaw = (sql: string) => {
    let raw = raws.get(sql);
    if (!raw) raws.set(sql, (raw = sqlite.prepare(sql)));
    return raw;
  };
  const inOpenTransaction = () => open !== null && inside.getStore() === open;
  // Prepared once per SQL text and mode: a plucking or BigInt statement is a statement of its own.
  const prepared = new Map<string, Statement>();
  const statementOf = (sql: string, mode: '' | 'pluck' | 'safeIntegers'): Statement => {
    const key = `${mode}\u0000${sql}`;
    let statement = prepared.get(key);
    if (statement) return statement;
    const inMode = (raw: Database.Statement) => (mode === 'pluck' ? raw.pluck() : mode === 'safeIntegers' ? raw.safeIntegers() : raw);
    const writing = inMode(sqlite.prepare(sql));
    let reading: Database.Statement | null = null;
    // A read outside the caller's transaction runs on the reader at once; anything else on the writer, in turn.
    const run = <T>(work: (raw: Database.Statement) => T): Promise<T> => {
      if (!reader || !writing.readonly || inOpenTransaction()) return inTurn(() => work(writing));
      return settled(() => work((reading ??= inMode(reader.prepare(sql)))));
    };
    statement = {
      all: (...params) => run((raw) => raw.all(...params)),
      get: (...params) => run((raw) => raw.get(...params)),
      run: (...params) => run((raw) => raw.run(...params)),
      pluck: () => statementOf(sql, 'pluck'),
      safeIntegers: () => statementOf(sql, 'safeIntegers'),
    };
    prepared.set(key, statement);
    return statement;
  };
  return {
    kind: 'sqlite',
    sqlite,
    orm,
    write: async (work) => {
      const current = inside.getStore();
      if (current && inOpenTransaction()) {
        const name = `larder_${++current.depth}`;
        sqlite.exec(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          sqlite.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
          throw error;
        } finally {
          current.depth--;
        }
      }
      const transaction: Transaction = { depth: 0 };
      let done!: () => void;
      await waitTurn(() => {
        sqlite.exec('BEGIN IMMEDIATE');
        open = transaction;
        turn = new Promise((resolve) => (done = resolve));
      });
      try {
        const result = await inside.run(transaction, work);
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      } finally {
        open = null;
        done();
      }
    },
    statement: (sql) => statementOf(sql, ''),
    newIds: (table, count) =>
      inTurn(() => {
        // The first id the table never used (its AUTOINCREMENT counter, or past its rows); the caller's
        // write transaction keeps every other writer out until the rows are in.
        const first = sqlite
          .prepare(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1`)
          .pluck()
          .get(table) as number;
        return Array.from({ length: count }, (_, n) => first + n);
      }),
    insertMany: (table, columns, values) => inTurn(() => insertRows(preparedRaw, table, columns, values)),
    scratch: () => scratchDatabase(nativeBinding),
    one: (query) => inTurn(() => query.get()),
    many: (query) => inTurn(() => query.all()),
    exec: (query) => inTurn(() => void query.run()),
    close: () => {
      reader?.close();
      sqlite.close();
    },
  };
}
