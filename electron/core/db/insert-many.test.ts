import { describe, expect, it } from 'vitest';
import { nextRowId } from './row-ids';
import { defaultMigrationsFolder, openDatabase } from './open-database';

describe('inserting many rows', () => {
  it('inserts every row in order, sixteen to a statement and the rest after, and never reuses an id', async () => {
    const db = openDatabase({ file: ':memory:', migrationsFolder: defaultMigrationsFolder });
    db.sqlite.exec(`INSERT INTO companies (name) VALUES ('Harbour')`);
    const first = await nextRowId(db, 'storage_units');
    const names = Array.from({ length: 37 }, (_, n) => `Unit ${n}`);
    await db.write(() => db.insertMany('storage_units', ['id', 'company_id', 'name'], names.flatMap((name, n) => [first + n, 1, name])));
    expect(db.sqlite.prepare('SELECT id, name FROM storage_units ORDER BY id').all()).toEqual(names.map((name, n) => ({ id: first + n, name })));
    // Deleted ids stay used: AUTOINCREMENT's promise holds for ids chosen here too.
    db.sqlite.exec(`DELETE FROM storage_units WHERE id > 30`);
    expect(await nextRowId(db, 'storage_units')).toBe(first + 37);
    await expect(db.insertMany('storage_units', ['id', 'company_id', 'name'], [1, 1])).rejects.toThrow(RangeError);
    db.close();
  });
});
