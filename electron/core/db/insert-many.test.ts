import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './open-database';
import { sqliteConnection } from '../../../test/support/test-engine';

describe('inserting many rows', () => {
  it('inserts every row in order, sixteen to a statement and the rest after, and never reuses an id', async () => {
    const db = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });
    sqliteConnection(db).exec(`INSERT INTO companies (name) VALUES ('Harbour')`);
    const first = (await db.newIds('storage_units', 37))[0] as number;
    const names = Array.from({ length: 37 }, (_, n) => `Unit ${n}`);
    await db.write(() => db.insertMany('storage_units', ['id', 'company_id', 'name'], names.flatMap((name, n) => [first + n, 1, name])));
    expect(sqliteConnection(db).prepare('SELECT id, name FROM storage_units ORDER BY id').all()).toEqual(names.map((name, n) => ({ id: first + n, name })));
    // Deleted ids stay used: AUTOINCREMENT's promise holds for ids chosen here too.
    sqliteConnection(db).exec(`DELETE FROM storage_units WHERE id > 30`);
    expect(await db.newIds('storage_units', 2)).toEqual([first + 37, first + 38]);
    await expect(db.insertMany('storage_units', ['id', 'company_id', 'name'], [1, 1])).rejects.toThrow(RangeError);
    db.close();
  });
});
