// `db copy --to postgres://…`: an office PC's SQLite database into an empty PostgreSQL database, for
// a group moving up. Every table's rows with every value as stored (scaled integers stay integers,
// SQLite's 0/1 become booleans, identity sequences continue after the copied ids), in one
// transaction; then the row counts and stock on hand are read on both sides and must agree.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DomainError } from '../domain-error';
import { sqliteOf, type LarderDb } from './open-database';
import * as pgSchema from './schema-pg';
import { defaultPgMigrationsFolder, isPostgresUrl, withoutPassword } from './postgres/open-postgres';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const PARAMETER_LIMIT = 60_000;

/**
 * Tables no copy carries: the sealed secrets open only on the PC that sealed them; locks and leases
 * belong to running processes, sessions and failed sign-ins to the server that had them (people sign
 * in again on the new one); the cache versions are the target's own (its migration seeds them).
 */
const LEFT_OUT = new Set(['sealed_secrets', 'day_locks', 'token_refresh_leases', 'sessions', 'sign_in_failures', 'data_versions']);

/** Stock on hand as both dialects read it: the same SQL, the same sums. */
const STOCK = 'SELECT storage_unit_id, ingredient_id, sum(quantity) AS quantity, sum(value) AS value FROM ledger_entries GROUP BY storage_unit_id, ingredient_id ORDER BY storage_unit_id, ingredient_id';

type TableConfig = ReturnType<typeof getTableConfig>;

/** The tables in an order where every row's foreign keys point at rows already copied. */
function inDependencyOrder(tables: TableConfig[]): TableConfig[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableConfig[] = [];
  const placed = new Set<string>();
  const visit = (table: TableConfig, path: string[]) => {
    if (placed.has(table.name)) return;
    if (path.includes(table.name)) throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' → ')}`);
    for (const key of table.foreignKeys) {
      const target = (key.reference().foreignTable as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')] as string;
      const dependency = byName.get(target);
      if (dependency && dependency !== table) visit(dependency, [...path, table.name]);
    }
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

function copiedColumns(table: TableConfig): PgColumn[] {
  return table.columns.filter((column) => column.generated === undefined);
}

/** A stored SQLite value as PostgreSQL takes it for `column`. */
function valueFor(column: PgColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.columnType === 'PgBoolean') return value === 1 || value === true;
  return value;
}

async function countsOf(client: pg.Client, tables: TableConfig[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table.name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table.name}"`)).rows[0]?.n);
  return counts;
}

export interface CopyResult {
  tables: number;
  rows: number;
  verified: true;
}

export async function copyToPostgres(db: LarderDb, url: string, migrationsFolder = defaultPgMigrationsFolder): Promise<CopyResult> {
  if (!isPostgresUrl(url)) throw new DomainError('invalid_input', 'db copy --to takes a PostgreSQL address such as postgres://larder@db.example:5432/larder.');
  const sqlite = sqliteOf(db, 'db copy');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new DomainError('invalid_input', `Larder could not connect to ${withoutPassword(url)} (${(error as Error).message}).`);
  }
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const tables = inDependencyOrder(
      (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable).map((table) => getTableConfig(table)).filter((table) => !LEFT_OUT.has(table.name)),
    );
    const before = await countsOf(client, tables);
    const used = Object.entries(before).filter(([, rows]) => rows > 0).map(([name]) => name);
    if (used.length > 0) throw new DomainError('import_needs_empty_larder', `The PostgreSQL database already holds data (${used.slice(0, 5).join(', ')}); db copy fills an empty one only.`);
    let rows = 0;
    await client.query('BEGIN');
    try {
      for (const table of tables) {
        const columns = copiedColumns(table);
        const names = columns.map((column) => `"${column.name}"`).join(', ');
        const perInsert = Math.max(1, Math.floor(PARAMETER_LIMIT / columns.length));
        let batch: unknown[] = [];
        let batchRows = 0;
        const flush = async () => {
          if (batchRows === 0) return;
          const placeholders = Array.from({ length: batchRows }, (_, row) => `(${columns.map((_, index) => `$${row * columns.length + index + 1}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO "${table.name}" (${names}) OVERRIDING SYSTEM VALUE VALUES ${placeholders}`, batch);
          batch = [];
          batchRows = 0;
        };
        for (const row of sqlite.prepare(`SELECT ${names} FROM "${table.name}"`).raw().iterate() as Iterable<unknown[]>) {
          columns.forEach((column, index) => batch.push(valueFor(column, row[index])));
          rows++;
          if (++batchRows === perInsert) await flush();
        }
        await flush();
        // Identity columns go on after the copied ids, so the next row written on PostgreSQL gets a new one.
        for (const column of columns.filter((candidate) => candidate.generatedIdentity !== undefined)) {
          await client.query(`SELECT setval(pg_get_serial_sequence('"${table.name}"', '${column.name}'), coalesce((SELECT max("${column.name}") FROM "${table.name}"), 0) + 1, false)`);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    const copied = await countsOf(client, tables);
    for (const table of tables) {
      const here = sqlite.prepare(`SELECT count(*) FROM "${table.name}"`).pluck().get() as number;
      if (copied[table.name] !== here) throw new DomainError('internal_error', `${table.name}: ${here} rows here, ${copied[table.name]} on PostgreSQL after the copy.`);
    }
    const stockHere = JSON.stringify(sqlite.prepare(STOCK).raw().all());
    const stockThere = JSON.stringify((await client.query({ text: STOCK, rowMode: 'array' })).rows.map((row: unknown[]) => row.map(Number)));
    if (stockHere !== stockThere) throw new DomainError('internal_error', 'Stock on hand differs between the copy and this database; the copy cannot be trusted.');
    return { tables: tables.length, rows, verified: true };
  } finally {
    await client.end();
  }
}
