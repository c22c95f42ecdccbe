// The SQLite schema and its PostgreSQL twin must describe the same database: the same tables and
// columns in the same order, the same meaning of each column's type, nullability, keys, defaults,
// generated columns, foreign keys (with their ON DELETE), unique and partial indexes and checks.
// Read from the drizzle schemas themselves, which the generated migrations of each dialect follow.
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema';

/** What a column's type means, whichever dialect spells it. */
const MEANING: Record<string, string> = {
  SQLiteInteger: 'integer',
  PgBigInt53: 'integer',
  SQLiteBoolean: 'boolean',
  PgBoolean: 'boolean',
  SQLiteText: 'text',
  PgText: 'text',
  SQLiteBlobBuffer: 'bytes',
  PgCustomColumn: 'bytes',
};

interface ColumnLike {
  name: string;
  columnType: string;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  hasDefault: boolean;
  default: unknown;
  generated: unknown;
  generatedIdentity?: unknown;
  autoIncrement?: boolean;
}

function column(c: ColumnLike) {
  const meaning = MEANING[c.columnType] ?? `unmapped ${c.columnType}`;
  // SQLite's AUTOINCREMENT is PostgreSQL's identity column (an INTEGER PRIMARY KEY the app always fills is neither).
  const identity = c.generatedIdentity !== undefined || c.autoIncrement === true;
  // A default is a value both dialects write alike, or an expression (created_at's "now") compared by kind.
  const fallback = !c.hasDefault || identity || c.default === undefined ? null : c.default !== null && typeof c.default === 'object' ? 'expression' : c.default;
  return { name: c.name, meaning, notNull: c.notNull, primary: c.primary, unique: c.isUnique, identity, default: fallback, generated: c.generated !== undefined };
}

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function describeTable(config: Config) {
  return {
    columns: (config.columns as unknown as ColumnLike[]).map(column),
    primaryKey: config.primaryKeys.map((key) => key.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return `${reference.columns.map((c) => c.name).join(',')} -> ${(reference.foreignTable as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')]}(${reference.foreignColumns.map((c) => c.name).join(',')}) on delete ${key.onDelete ?? 'no action'}`;
      })
      .sort(),
    indexes: config.indexes
      .map((index) => `${index.config.unique ? 'unique ' : ''}${index.config.name} (${(index.config.columns as { name: string }[]).map((c) => c.name).join(',')})${index.config.where ? ' partial' : ''}`)
      .sort(),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

function tablesOf<T>(schema: Record<string, unknown>, kind: abstract new (...args: never[]) => T, configOf: (table: T) => Config) {
  const tables = new Map<string, ReturnType<typeof describeTable>>();
  for (const value of Object.values(schema)) if (value instanceof kind) tables.set(configOf(value).name, describeTable(configOf(value)));
  return tables;
}

describe('the SQLite and PostgreSQL schemas', () => {
  const sqlite = tablesOf(sqliteSchema, SQLiteTable, (table) => sqliteTableConfig(table));
  const pg = tablesOf(pgSchema, PgTable, (table) => pgTableConfig(table));

  it('have the same tables', () => {
    expect([...pg.keys()].sort()).toEqual([...sqlite.keys()].sort());
    expect(sqlite.size).toBeGreaterThan(30);
  });

  it('agree on every column, key, default, foreign key, index and check of every table', () => {
    for (const [name, table] of sqlite) expect({ table: name, ...pg.get(name) }).toEqual({ table: name, ...table });
  });

  it('fail on a difference (a column of another meaning is caught)', () => {
    const changed = structuredClone(sqlite.get('ledger_entries'));
    (changed?.columns[0] as { meaning: string }).meaning = 'text';
    expect(changed).not.toEqual(pg.get('ledger_entries'));
  });
});
