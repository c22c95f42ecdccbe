// Every PostgreSQL migration replayed on a throwaway cluster of PostgreSQL 15 or newer: the database it
// leaves has the schema's tables, columns and unique indexes, and its constraints refuse what the
// SQLite ones refuse (a second ISSUE for the same location, day, ingredient, storage unit and source).
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgBinaries, startPgCluster, type PgCluster } from '../../../test/support/pg-cluster';
import * as pgSchema from './schema-pg';

const migrationsFolder = new URL('./migrations-pg', import.meta.url).pathname;
// CI installs PostgreSQL (.ci/run): there a missing server is a failure, not a skip.
const available = pgBinaries() !== null || process.env.CI !== undefined;

describe.runIf(available)('the PostgreSQL migrations', () => {
  let cluster: PgCluster;
  let client: pg.Client;

  beforeAll(async () => {
    cluster = await startPgCluster();
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await migrate(drizzle(client), { migrationsFolder });
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    cluster?.stop();
  });

  it('leave the tables, columns (in order) and unique indexes of schema-pg.ts', async () => {
    const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable).map((table) => getTableConfig(table));
    const columns = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    );
    const indexes = await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%'");
    const server = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    expect(Number(server.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
    for (const table of tables) {
      expect([table.name, columns.rows.filter((row) => row.table_name === table.name).map((row) => row.column_name)]).toEqual([table.name, table.columns.map((column) => column.name)]);
      for (const index of table.indexes.filter((candidate) => candidate.config.unique)) expect(indexes.rows.map((row) => row.indexname)).toContain(index.config.name);
    }
    expect(new Set(columns.rows.map((row) => row.table_name)).size).toBe(tables.length);
  });

  it('refuse a second ISSUE for the same location, day, ingredient, storage unit and source, as SQLite does', async () => {
    await client.query("INSERT INTO companies (name) VALUES ('Harbour Group')");
    await client.query("INSERT INTO storage_units (company_id, name) VALUES (1, 'Main Kitchen')");
    await client.query("INSERT INTO ingredients (company_id, name, unit) VALUES (1, 'Coffee beans', 'kg')");
    const issue = "INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, business_location_id, source) VALUES (1, 'ISSUE', '2026-05-07', 1, 1, -180000, 18000000, -32400, '45454565682155', 'lightspeed')";
    await client.query(issue);
    await expect(client.query(issue)).rejects.toMatchObject({ code: '23505', constraint: 'ledger_issue_once' });
    // The created_at default writes the same ISO-8601 text as SQLite's.
    const row = await client.query<{ created_at: string }>('SELECT created_at FROM ledger_entries');
    expect(row.rows[0]?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(client.query("INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value) VALUES (1, 'RECEIPT', '7.5.2026', 1, 1, 1, 1, 1)")).rejects.toMatchObject({ code: '23514', constraint: 'ledger_date_iso' });
  });
});
