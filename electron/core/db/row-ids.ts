import type { LarderDb } from './open-database';

/**
 * The first id a table with AUTOINCREMENT has never used, for rows the caller inserts with ids of its
 * own choosing in its write transaction (which keeps every other writer out meanwhile).
 */
export async function nextRowId(db: LarderDb, table: string): Promise<number> {
  const row = await db
    .statement(`SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1 AS next`)
    .get(table) as { next: number };
  return row.next;
}
