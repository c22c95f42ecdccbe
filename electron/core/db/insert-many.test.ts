import { afterEach, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from '../../../test/support/test-engine';
import { isUniqueViolation } from './open-database';

// On both stores: SQLite's multi-row INSERTs and PostgreSQL's COPY must store the same values.
describe('inserting many rows', () => {
  let engine: TestEngine | undefined;
  afterEach(() => engine?.dispose());

  it('inserts every row in order, sixteen to a statement and the rest after, and never reuses an id', async () => {
    engine = await createTestEngine();
    const { db, scope } = engine;
    const first = (await db.newIds('storage_units', 37))[0] as number;
    const names = Array.from({ length: 37 }, (_, n) => `Unit ${n}`);
    await db.write(() => db.insertMany('storage_units', ['id', 'company_id', 'name'], names.flatMap((name, n) => [first + n, scope.companyId, name])));
    expect(await db.statement('SELECT id, name FROM storage_units ORDER BY id').all()).toEqual(names.map((name, n) => ({ id: first + n, name })));
    // Deleted ids stay used: AUTOINCREMENT's (and a sequence's) promise holds for ids chosen here too.
    await db.write(() => db.statement('DELETE FROM storage_units WHERE id > ?').run(first + 30));
    expect(await db.newIds('storage_units', 2)).toEqual([first + 37, first + 38]);
    await expect(db.insertMany('storage_units', ['id', 'company_id', 'name'], [1, 1])).rejects.toThrow(RangeError);
  });

  it('keeps text exactly (tabs, line breaks, backslashes, a literal \\N), NULLs as NULL, a boolean column 1 and 0', async () => {
    engine = await createTestEngine();
    const { db, scope } = engine;
    const odd = ['Tab\there', 'Two\nlines', 'Back\\slash', '\\N', 'Carriage\r\nreturn', 'Ünïcødé € 🍋', '', ' '];
    const [recipe] = await db.newIds('recipes', 1);
    const ingredientIds = await db.newIds('ingredients', odd.length);
    await db.write(async () => {
      await db.insertMany('ingredients', ['id', 'company_id', 'name', 'unit'], odd.flatMap((name, n) => [ingredientIds[n], scope.companyId, name, 'kg']));
      await db.insertMany('recipes', ['id', 'company_id', 'name', 'yield_qty'], [recipe, scope.companyId, 'Odd soup', 1]);
      await db.insertMany('recipe_lines', ['recipe_id', 'position', 'ingredient_id', 'quantity', 'trim_pct', 'unit'], [recipe, 1, ingredientIds[0], 5, null, null, recipe, 2, ingredientIds[1], 7, 250, 'g']);
      await db.insertMany('ingredient_units', ['ingredient_id', 'name', 'factor', 'count_unit'], [ingredientIds[0], 'case', '6', 1, ingredientIds[0], 'bottle', '0.75', 0]);
    });
    expect(await db.statement('SELECT name FROM ingredients WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) ORDER BY id').pluck().all(JSON.stringify(ingredientIds))).toEqual(odd);
    expect(await db.statement('SELECT position, trim_pct AS trim, unit FROM recipe_lines ORDER BY position').all()).toEqual([
      { position: 1, trim: null, unit: null },
      { position: 2, trim: 250, unit: 'g' },
    ]);
    expect(await db.statement('SELECT name, count_unit AS count FROM ingredient_units ORDER BY name').all()).toEqual([
      { name: 'bottle', count: 0 },
      { name: 'case', count: 1 },
    ]);
  });

  it('refuses a row that breaks a constraint, and the transaction keeps nothing of it', async () => {
    engine = await createTestEngine();
    const { db, scope } = engine;
    const ids = await db.newIds('storage_units', 2);
    const refused = await db.write(() => db.insertMany('storage_units', ['id', 'company_id', 'name'], [ids[0], scope.companyId, 'Cellar', ids[1], scope.companyId, 'Cellar'])).catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
    expect(await db.statement("SELECT count(*) FROM storage_units WHERE name = 'Cellar'").pluck().get()).toBe(0);
  });
});
