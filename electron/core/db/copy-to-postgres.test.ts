import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pgBinaries, startPgCluster, type PgCluster } from '../../../test/support/pg-cluster';
import { startRestaurant, type Restaurant } from '../../../test/support/restaurant';
import { runCliIn } from '../../../test/support/run-cli';
import { refusalOf, sqliteConnection } from '../../../test/support/test-engine';
import { copyToPostgres } from './copy-to-postgres';
import { defaultMigrationsFolder, openDatabase } from './open-database';

const available = pgBinaries() !== null || process.env.CI !== undefined;

const INT8 = 20;

/** Every row of a table as SQLite stores it, read on PostgreSQL: int8 (read back as text) as numbers, booleans as 0/1. */
async function rowsOn(client: pg.Client, table: string): Promise<unknown[][]> {
  const result = await client.query({ text: `SELECT * FROM "${table}" ORDER BY 1, 2`, rowMode: 'array' });
  return result.rows.map((row: unknown[]) =>
    row.map((value, index) => (typeof value === 'boolean' ? Number(value) : value !== null && result.fields[index]?.dataTypeID === INT8 ? Number(value) : value)),
  );
}

describe.runIf(available)('db copy --to postgres://…', () => {
  let cluster: PgCluster;
  let restaurant: Restaurant | undefined;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());
  afterEach(async () => {
    await restaurant?.dispose();
    restaurant = undefined;
  });

  it("copies a restaurant's database, every table and value, and verifies counts and stock on hand", async () => {
    restaurant = await startRestaurant({ salesPerDay: 6 });
    await restaurant.map('Cappuccino', { ingredient: 'Coffee beans' }, '0.009');
    for (const day of ['2026-05-05', '2026-05-06']) await restaurant.transfer(day);
    const { engine } = restaurant;
    const url = cluster.database(`copy_${++databases}`);
    const copied = await runCliIn({ LARDER_HOME: engine.platform.dataFolder }, ['db', 'copy', '--to', url]);
    expect(copied.json).toEqual({ copied: { tables: 35, rows: expect.any(Number), verified: true } });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = sqliteConnection(engine.db)
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__drizzle_migrations', 'sealed_secrets', 'day_locks', 'token_refresh_leases', 'sessions', 'sign_in_failures', 'data_versions')")
        .pluck()
        .all() as string[];
      expect(tables).toHaveLength(35);
      for (const table of tables) {
        const here = sqliteConnection(engine.db).prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all() as unknown[][];
        const there = await rowsOn(client, table);
        expect([table, there]).toEqual([table, here]);
      }
      // The next row written on PostgreSQL gets a new id, after the copied ones.
      const next = await client.query<{ id: string }>("INSERT INTO storage_units (company_id, name) VALUES (1, 'Cellar') RETURNING id");
      expect(Number(next.rows[0]?.id)).toBeGreaterThan(sqliteConnection(engine.db).prepare('SELECT max(id) FROM storage_units').pluck().get() as number);
      expect(await refusalOf(copyToPostgres(engine.db, url))).toMatchObject({ code: 'import_needs_empty_larder' });
    } finally {
      await client.end();
    }
  }, 60_000);

  for (const fixture of ['larder-d4f7a09.db', 'larder-2324115.db']) {
    it(`copies ${fixture}, a database of an earlier Larder, once it is brought up to date`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'larder-copy-'));
      try {
        copyFileSync(join('test/fixtures', fixture), join(folder, 'larder.db'));
        const db = openDatabase({ file: join(folder, 'larder.db'), migrationsFolder: defaultMigrationsFolder });
        try {
          const result = await copyToPostgres(db, cluster.database(`fixture_${++databases}`));
          expect(result).toMatchObject({ verified: true });
          expect(result.rows).toBeGreaterThan(0);
        } finally {
          db.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
