import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './open-database';
import * as schema from './schema';
import { sqliteConnection } from '../../../test/support/test-engine';

// Describes what SQLite knows of a database's shape, in a stable order and by meaning: a column
// added later with an inline REFERENCES equals one created with a table-level FOREIGN KEY.
function describeSchema(sqlite: Database.Database) {
  const objects = sqlite
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND type <> 'trigger' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const normalize = (text: string | null) => text?.replace(/\s+/g, ' ').replace(/"/g, '`') ?? null;
  return objects.map((object) => {
    if (object.type !== 'table') return { ...object, sql: normalize(object.sql) };
    const foreignKeys = (sqlite.pragma(`foreign_key_list(${object.name})`) as { from: string; table: string; to: string; on_delete: string }[])
      .map(({ from, table, to, on_delete }) => `${from}->${table}.${to} on delete ${on_delete}`)
      .sort();
    const checks = (normalize(object.sql) ?? '')
      .split('CONSTRAINT ')
      .slice(1)
      .filter((clause) => clause.includes(' CHECK('))
      .map((clause) => clause.replace(/,\s*$|\s*\)\s*$/, '').trim())
      .sort();
    return { type: object.type, name: object.name, columns: sqlite.pragma(`table_info(${object.name})`), foreignKeys, checks };
  });
}

/** The migrations as they were up to `last`, in a folder of their own under `folder`. */
function migrationsUpTo(folder: string, last: number): string {
  const before = join(folder, `migrations-${last}`);
  cpSync(defaultMigrationsFolder, before, { recursive: true });
  const journalFile = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx <= last) }));
  return before;
}

describe('migrations', () => {
  it('replayed into an empty database give exactly the schema in schema.ts', async () => {
    const migrated = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });

    // The reference: the schema file turned into SQL from nothing, without the migration files.
    const empty = await generateSQLiteDrizzleJson({});
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    const fromSchema = new Database(':memory:');
    for (const statement of await generateSQLiteMigration(empty, current)) fromSchema.exec(statement);

    expect(describeSchema(sqliteConnection(migrated))).toEqual(describeSchema(fromSchema));
    // What drizzle's schema cannot say, migration 0029 adds by hand: the triggers that move the recipe book's version.
    const triggers = sqliteConnection(migrated).prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_moves_recipe_book'").pluck().all();
    expect(new Set(triggers)).toEqual(new Set(['recipes', 'recipe_lines', 'ingredients', 'ingredient_units']));
    expect(triggers).toHaveLength(12);
    migrated.close();
  });

  it('runs with WAL, foreign keys, a busy timeout and FULL sync', () => {
    const db = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });
    expect(sqliteConnection(db).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqliteConnection(db).pragma('busy_timeout', { simple: true })).toBe(10000);
    expect(sqliteConnection(db).pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('carries a database from before the log fixes over: a failed log’s recipes become a list, and rows that reference the rebuilt table stay', () => {
    const folder = mkdtempSync(join(tmpdir(), 'larder-migrate-'));
    try {
      const file = join(folder, 'larder.db');
      const old = openDatabase({ file, migrationsFolder: migrationsUpTo(folder, 4) });
      sqliteConnection(old).exec(`
        INSERT INTO companies (id, name) VALUES (1, 'Harbour');
        INSERT INTO locations (id, company_id, business_location_id, name, country, timezone, currency_code, business_id, business_name, last_synced_at)
          VALUES (1, 1, '45454565682155', 'Harbour Restaurant', 'NL', 'Europe/Amsterdam', 'EUR', '1234', 'Harbour Group', '2026-05-08T10:00:00Z');
        INSERT INTO transfer_logs (id, company_id, location_id, report_date, request_uuid, attempt, status, trigger, force_refresh, started_at, error_code, error_message)
          VALUES (7, 1, 1, '2026-05-07', 'u-1', 1, 'failed', 'nightly', 0, '2026-05-08T04:00:00Z', 'lightspeed_api_error', 'Lightspeed answered 500');
        INSERT INTO migration_jobs (id, company_id, location_id, status, start_date, end_date, total_days, created_at)
          VALUES (1, 1, 1, 'failed', '2026-02-07', '2026-05-07', 90, '2026-05-08T04:00:00Z');
        INSERT INTO migration_days (job_id, date, status, transfer_log_id, updated_at) VALUES (1, '2026-05-07', 'failed', 7, '2026-05-08T04:00:00Z');
        INSERT INTO storage_units (id, company_id, name) VALUES (1, 1, 'Main Kitchen');
        INSERT INTO ingredients (id, company_id, name, unit) VALUES (1, 1, 'Coffee beans', 'kg');
        INSERT INTO ledger_entries (company_id, type, date, ingredient_id, storage_unit_id, quantity, unit_cost, value, location_id)
          VALUES (1, 'ISSUE', '2026-05-06', 1, 1, -180000, 18000000, -32400, '45454565682155');
        INSERT INTO ledger_day_totals (company_id, date, location_id, storage_unit_id, ingredient_id, type, entries, quantity, value)
          VALUES (1, '2026-05-06', '45454565682155', 1, 1, 'ISSUE', 1, -180000, -32400);`);
      expect(sqliteConnection(old).prepare('SELECT recipes_used AS recipes FROM transfer_logs').get()).toEqual({ recipes: '{}' });
      old.close();

      const migrated = openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
      expect(sqliteConnection(migrated).prepare('SELECT recipes_used AS recipes, lines_unmapped AS unmapped, replaced_by_log_id AS replacedBy FROM transfer_logs').get()).toEqual({
        recipes: '[]',
        unmapped: 0,
        replacedBy: null,
      });
      expect(sqliteConnection(migrated).prepare('SELECT transfer_log_id AS logId FROM migration_days').get()).toEqual({ logId: 7 });
      // The ledger's Lightspeed ids keep their values under their new column names.
      expect(sqliteConnection(migrated).prepare('SELECT business_location_id AS bl, quantity FROM ledger_entries').get()).toEqual({ bl: '45454565682155', quantity: -180000 });
      expect(sqliteConnection(migrated).prepare('SELECT business_location_id AS bl, entries FROM ledger_day_totals').get()).toEqual({ bl: '45454565682155', entries: 1 });
      expect(sqliteConnection(migrated).pragma('foreign_key_check')).toEqual([]);
      expect(sqliteConnection(migrated).pragma('foreign_keys', { simple: true })).toBe(1);
      migrated.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('turns item mappings into group mappings: one group mapped two ways keeps the newest for the group and the other as overrides where its item is sold', () => {
    const folder = mkdtempSync(join(tmpdir(), 'larder-migrate-'));
    try {
      const file = join(folder, 'larder.db');
      const old = openDatabase({ file, migrationsFolder: migrationsUpTo(folder, 14) });
      sqliteConnection(old).exec(`
        INSERT INTO companies (id, name) VALUES (1, 'Harbour');
        INSERT INTO sales_sources (id, company_id, kind, name, settings, updated_at) VALUES (1, 1, 'lightspeed', 'Lightspeed K-Series', '{}', '2026-05-01T00:00:00Z');
        INSERT INTO locations (id, company_id, source_id, business_location_id, name, country, timezone, currency_code, business_id, business_name, last_synced_at) VALUES
          (1, 1, 1, '100', 'Harbour', 'NL', 'Europe/Amsterdam', 'EUR', '1', 'Harbour Group', '2026-05-01T00:00:00Z'),
          (2, 1, 1, '200', 'Bistro', 'NL', 'Europe/Amsterdam', 'EUR', '2', 'Bistro Group', '2026-05-01T00:00:00Z');
        INSERT INTO ingredients (id, company_id, name, unit) VALUES (1, 1, 'Coffee beans', 'kg');
        INSERT INTO pos_items (id, company_id, source_id, item_id, name, sku, active, price, last_synced_at) VALUES
          (1, 1, 1, 'a', 'Espresso', '8', 1, NULL, '2026-05-01T00:00:00Z'),
          (2, 1, 1, 'b', 'Espresso', '8', 1, NULL, '2026-05-01T00:00:00Z'),
          (3, 1, 1, 'c', 'Tea', NULL, 1, NULL, '2026-05-01T00:00:00Z');
        INSERT INTO pos_item_locations (pos_item_id, location_id) VALUES (1, 1), (2, 2), (3, 1), (3, 2);
        INSERT INTO pos_mappings (id, company_id, pos_item_id, mapped_object_type, ingredient_id, quantity, is_subtraction, updated_at) VALUES
          (1, 1, 1, 'ingredient', 1, 9000, 0, '2026-05-02T00:00:00Z'),
          (2, 1, 2, 'ingredient', 1, 18000, 0, '2026-05-01T00:00:00Z'),
          (3, 1, 3, 'ingredient', 1, 2000, 0, '2026-05-01T00:00:00Z');`);
      old.close();

      const migrated = openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
      expect(sqliteConnection(migrated).prepare('SELECT group_key AS groupKey, location_id AS locationId, quantity FROM pos_mappings ORDER BY group_key, location_id').all()).toEqual([
        { groupKey: 'name:1:Tea', locationId: null, quantity: 2000 },
        { groupKey: 'sku:1:8', locationId: null, quantity: 9000 },
        { groupKey: 'sku:1:8', locationId: 2, quantity: 18000 },
      ]);
      expect(sqliteConnection(migrated).pragma('foreign_key_check')).toEqual([]);
      migrated.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('splits groups that joined items of two sources by their code, each item keeping its mapping and overrides; the fixtures had none to split', () => {
    const folder = mkdtempSync(join(tmpdir(), 'larder-migrate-'));
    try {
      const file = join(folder, 'larder.db');
      const old = openDatabase({ file, migrationsFolder: migrationsUpTo(folder, 18) });
      sqliteConnection(old).exec(`
        INSERT INTO companies (id, name) VALUES (1, 'Harbour');
        INSERT INTO sales_sources (id, company_id, kind, name, settings, updated_at) VALUES
          (1, 1, 'lightspeed', 'Lightspeed K-Series', '{}', '2026-05-01T00:00:00Z'), (2, 1, 'csv', 'Kassenexport', '{}', '2026-05-01T00:00:00Z');
        INSERT INTO locations (id, company_id, source_id, business_location_id, name, country, timezone, currency_code, business_id, business_name, last_synced_at) VALUES
          (1, 1, 1, '100', 'Harbour', 'NL', 'Europe/Amsterdam', 'EUR', '1', 'Harbour Group', '2026-05-01T00:00:00Z');
        INSERT INTO ingredients (id, company_id, name, unit) VALUES (1, 1, 'Cheese', 'kg');
        INSERT INTO pos_items (id, company_id, source_id, item_id, name, sku, active, price, last_synced_at) VALUES
          (1, 1, 1, 'a', 'Extra cheese', '1004', 1, NULL, '2026-05-01T00:00:00Z'),
          (2, 1, 1, 'b', 'Extra cheese', '1004', 1, NULL, '2026-05-01T00:00:00Z'),
          (3, 1, 2, '1004', 'Apfelstrudel', '1004', 1, NULL, '2026-05-01T00:00:00Z');
        INSERT INTO pos_mappings (company_id, group_key, location_id, mapped_object_type, ingredient_id, quantity, is_subtraction, updated_at) VALUES
          (1, 'sku:1004', NULL, 'ingredient', 1, 20000, 0, '2026-05-02T00:00:00Z'),
          (1, 'sku:1004', 1, 'ingredient', 1, 30000, 0, '2026-05-02T00:00:00Z');`);
      old.close();

      const migrated = openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
      expect(sqliteConnection(migrated).prepare('SELECT id, group_key AS groupKey FROM pos_items ORDER BY id').all()).toEqual([
        { id: 1, groupKey: 'sku:1:1004' },
        { id: 2, groupKey: 'sku:1:1004' },
        { id: 3, groupKey: 'sku:2:1004' },
      ]);
      expect(sqliteConnection(migrated).prepare('SELECT group_key AS groupKey, location_id AS locationId, quantity FROM pos_mappings ORDER BY group_key, location_id').all()).toEqual([
        { groupKey: 'sku:1:1004', locationId: null, quantity: 20000 },
        { groupKey: 'sku:1:1004', locationId: 1, quantity: 30000 },
        { groupKey: 'sku:2:1004', locationId: null, quantity: 20000 },
        { groupKey: 'sku:2:1004', locationId: 1, quantity: 30000 },
      ]);
      expect(sqliteConnection(migrated).pragma('foreign_key_check')).toEqual([]);
      migrated.close();
      // The databases kept as fixtures, migrated: no group of theirs joined two sources, so none is split.
      for (const name of ['larder-2324115.db', 'larder-d4f7a09.db']) {
        const copy = join(folder, name);
        cpSync(new URL(`../../../test/fixtures/${name}`, import.meta.url).pathname, copy);
        const db = openDatabase({ file: copy, migrationsFolder: defaultMigrationsFolder });
        const split = sqliteConnection(db)
          .prepare(`SELECT count(*) AS groups FROM (SELECT CASE WHEN coalesce(sku, '') <> '' THEN 'sku:' || sku ELSE 'name:' || name END AS old FROM pos_items GROUP BY old HAVING count(DISTINCT group_key) > 1)`)
          .get() as { groups: number };
        db.close();
        expect([name, split.groups]).toEqual([name, 0]);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps the database, its WAL and shared memory readable by their owner only, even in a folder open to others', () => {
    const folder = mkdtempSync(join(tmpdir(), 'larder-modes-'));
    try {
      const file = join(folder, 'larder.db');
      const db = openDatabase({ file, migrationsFolder: defaultMigrationsFolder });
      sqliteConnection(db).exec(`INSERT INTO companies (name) VALUES ('Harbour')`);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
