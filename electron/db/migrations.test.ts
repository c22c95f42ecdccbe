import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './open-database';
import * as schema from './schema';

// Describes what SQLite knows of a database's shape, in a stable order and by meaning: a column
// added later with an inline REFERENCES equals one created with a table-level FOREIGN KEY.
function describeSchema(sqlite: Database.Database) {
  const objects = sqlite
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY type, name`,
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

describe('migrations', () => {
  it('replayed into an empty database give exactly the schema in schema.ts', async () => {
    const migrated = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });

    // The reference: the schema file turned into SQL from nothing, without the migration files.
    const empty = await generateSQLiteDrizzleJson({});
    const current = await generateSQLiteDrizzleJson(schema as Record<string, unknown>);
    const fromSchema = new Database(':memory:');
    for (const statement of await generateSQLiteMigration(empty, current)) fromSchema.exec(statement);

    expect(describeSchema(migrated.sqlite)).toEqual(describeSchema(fromSchema));
    migrated.close();
  });

  it('runs with WAL, foreign keys, a busy timeout and FULL sync', () => {
    const db = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(10000);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
