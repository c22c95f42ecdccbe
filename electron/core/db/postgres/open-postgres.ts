// The PostgreSQL store (issue 31): the same LarderDb the engine writes through on SQLite, on a
// node-postgres pool. A write transaction holds one pooled client for its whole length, carried by
// AsyncLocalStorage as the SQLite store carries its own; everything else takes any free client, so
// screens and read-ahead never wait for a day being posted. Values come back as SQLite gives them:
// 64-bit integers and sums as numbers (as BigInt for `safeIntegers`), booleans as 1 and 0, JSON as
// text; the SQL goes through translate.ts.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { drizzle as sqliteProxy } from 'drizzle-orm/sqlite-proxy';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DomainError } from '../../domain-error';
import { POSTGRES_ADDRESS } from '../../../../shared/model/database';
import { scratchDatabase, type LarderDb, type Orm, type Statement } from '../open-database';
import * as schema from '../schema';
import { toPostgres, type Translated } from './translate';

export const defaultPgMigrationsFolder = new URL('../migrations-pg', import.meta.url).pathname;

/** Rows of COPY's text sent in one chunk: big enough that a chunk's overhead is nothing, small enough to hold. */
const COPY_ROWS_PER_CHUNK = 2_000;

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const JSON_TYPES = [114, 3802];

/** How a column's text becomes the value the engine reads on SQLite. */
function typesFor(bigints: boolean): pg.CustomTypesConfig {
  const asInteger = bigints ? (text: string) => (/^-?\d+$/.test(text) ? BigInt(text) : Number(text)) : Number;
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8 || oid === NUMERIC) return asInteger;
      if (oid === BOOL) return (text: string) => (text === 't' ? 1 : 0);
      if (JSON_TYPES.includes(oid)) return (text: string) => text;
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}
const NUMBERS = typesFor(false);
const BIGINTS = typesFor(true);

export function isPostgresUrl(url: string): boolean {
  return POSTGRES_ADDRESS.test(url);
}

/** What a caller may not learn from an error: the password in the address. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@');
}

export interface OpenPostgresOptions {
  url: string;
  migrationsFolder?: string;
  /** Clients in the pool: writers hold one for a transaction, readers share the rest. */
  poolSize?: number;
  /** Native binding of better-sqlite3 for `scratch()` (the Electron build's). */
  nativeBinding?: string;
}

interface Transaction {
  client: pg.PoolClient;
  depth: number;
}

/** A parameter as PostgreSQL reads it: SQLite's booleans are already 0/1; a Buffer stays bytes. */
function parameter(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** One value in COPY's text format: `\N` is NULL; a backslash, tab or line break inside text is escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // Most of a day's values are numbers (the trace is nothing else): no character of theirs needs escaping.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return String(value).replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char] as string);
}

/** `values` (rows one after another, `width` each) as COPY's text, a chunk of rows at a time. */
function* copyText(values: readonly unknown[], width: number): Generator<string> {
  const step = width * COPY_ROWS_PER_CHUNK;
  for (let start = 0; start < values.length; start += step) {
    let chunk = '';
    const end = Math.min(start + step, values.length);
    for (let row = start; row < end; row += width) {
      for (let column = 0; column < width; column++) chunk += (column === 0 ? '' : '\t') + copyField(values[row + column]);
      chunk += '\n';
    }
    yield chunk;
  }
}

export async function openPostgres(options: OpenPostgresOptions): Promise<LarderDb> {
  if (!isPostgresUrl(options.url)) throw new DomainError('invalid_input', 'A PostgreSQL address starts with postgres:// (postgres://user:password@host:5432/database).');
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 8, types: NUMBERS });
  // An idle client's error (the server restarted) must not end the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      const version = Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]?.server_version_num);
      if (version < 150000) throw new DomainError('database_unreachable', `Larder needs PostgreSQL 15 or newer; ${withoutPassword(options.url)} runs ${version}.`);
      // One process migrates at a time: two PCs starting together would otherwise both create tables.
      await client.query('SELECT pg_advisory_lock(31)');
      try {
        await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? defaultPgMigrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(31)');
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    if (error instanceof DomainError) throw error;
    throw new DomainError('database_unreachable', `Larder could not open the PostgreSQL database at ${withoutPassword(options.url)} (${(error as Error).message}).`);
  }
  return postgresStore(pool, options.nativeBinding);
}

function postgresStore(pool: pg.Pool, nativeBinding: string | undefined): LarderDb {
  const inside = new AsyncLocalStorage<Transaction>();
  // The engine's statements (db.statement: a fixed set of texts) are translated once and kept as
  // server-side prepared statements (named), which each connection parses and plans the first time
  // only, as better-sqlite3 keeps its statements. drizzle's texts vary with their lists: translated
  // each time, kept nowhere, so a long-running server holds no growing set of them.
  const translated = new Map<string, Translated & { name: string }>();
  const translate = (sql: string) => {
    let found = translated.get(sql);
    if (!found) translated.set(sql, (found = { ...toPostgres(sql), name: `larder_${translated.size + 1}` }));
    return found;
  };
  // Inside a write transaction on its client, else on any free one.
  const send = (config: pg.QueryConfig) => {
    const client = inside.getStore()?.client;
    return client ? client.query(config) : pool.query(config);
  };
  const query = async (sql: string, params: readonly unknown[], mode: { rowMode?: 'array'; bigints?: boolean; kept?: boolean } = {}) => {
    const { text, names, name } = mode.kept ? translate(sql) : { ...toPostgres(sql), name: '' };
    const named = params.length === 1 && names.length > 0 && typeof params[0] === 'object' && params[0] !== null ? (params[0] as Record<string, unknown>) : null;
    const values = (named ? names.map((name) => named[name] ?? null) : params).map(parameter);
    return send({ ...(mode.kept ? { name } : {}), text, values, types: mode.bigints ? BIGINTS : NUMBERS, ...(mode.rowMode ? { rowMode: mode.rowMode } : {}) });
  };
  const statementOf = (sql: string, mode: '' | 'pluck' | 'safeIntegers'): Statement => {
    const pluck = mode === 'pluck';
    const options = { kept: true, bigints: mode === 'safeIntegers', ...(pluck ? { rowMode: 'array' as const } : {}) };
    const rows = async (params: unknown[]) => {
      const result = await query(sql, params, options);
      return pluck ? (result.rows as unknown[][]).map((row) => row[0]) : result.rows;
    };
    return {
      all: (...params) => rows(params),
      get: async (...params) => (await rows(params))[0],
      run: async (...params) => ({ changes: (await query(sql, params, options)).rowCount ?? 0 }),
      pluck: () => statementOf(sql, 'pluck'),
      safeIntegers: () => statementOf(sql, 'safeIntegers'),
    };
  };
  // drizzle's SQLite builder writes the queries (the engine builds them on schema.ts); they run here
  // as SQL like any statement, and drizzle maps the rows back, SQLite's booleans included.
  const orm = sqliteProxy(
    async (sql, params, method) => {
      const result = await query(sql, params, { rowMode: 'array' });
      return { rows: method === 'get' ? (result.rows[0] as unknown[]) : (result.rows as unknown[][]) };
    },
    { schema },
  ) as unknown as Orm;
  return {
    kind: 'postgres',
    sqlite: null,
    orm,
    write: async (work) => {
      const current = inside.getStore();
      if (current) {
        const name = `larder_${++current.depth}`;
        await current.client.query(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          await current.client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await current.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
          throw error;
        } finally {
          current.depth--;
        }
      }
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await inside.run({ client, depth: 0 }, work);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
          throw error;
        }
      } finally {
        // A client whose rollback failed is in an unknown state: the pool drops it instead of lending it again.
        client.release(broken);
      }
    },
    statement: (sql) => statementOf(sql, ''),
    newIds: async (table, count) => {
      if (count === 0) return [];
      const result = await query(`SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, CAST(? AS integer))`, [table, count], { rowMode: 'array' });
      return (result.rows as number[][]).map((row) => row[0] as number).sort((a, b) => a - b);
    },
    // COPY, not multi-row INSERTs: a day's trace is millions of values, and COPY's text streams them
    // without parsing and planning a statement of thousands of parameters (measured: 3.15 million
    // trace rows in 24.8 s as INSERTs of 60,000 parameters).
    insertMany: async (table, columns, values) => {
      const width = columns.length;
      if (values.length % width !== 0) throw new RangeError(`${values.length} values do not make rows of ${width}`);
      if (values.length === 0) return;
      const own = inside.getStore()?.client;
      const client = own ?? (await pool.connect());
      try {
        await pipeline(Readable.from(copyText(values, width)), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
      } finally {
        if (!own) client.release();
      }
    },
    scratch: () => scratchDatabase(nativeBinding),
    one: async (built) => (await built.get()) as never,
    many: async (built) => (await built.all()) as never,
    exec: async (built) => void (await built.run()),
    close: () => {
      // Closing twice (a test's dispose after the engine's own close) is no error, as on SQLite.
      if (!pool.ended) void pool.end();
    },
  };
}
