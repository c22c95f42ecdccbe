import { readFileSync } from 'node:fs';
import { inOrder } from '../in-order';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import { listLedgerEntries, stockOnHand } from '../ledger/ledger';
import { findRecipeByName, getRecipe, listRecipes, previewExplosion } from '../inventory/recipes';
import { importSetupFile } from './setup-import';
import { largeSetupFile } from '../../../test/support/large-setup';
import { MONEY_SCALE, QUANTITY_SCALE } from '../decimal/decimal';

const threeLevels = readFileSync(new URL('../../../test/fixtures/setup-three-levels.json', import.meta.url), 'utf8');

let engine: TestEngine;
beforeEach(async () => (engine = await createTestEngine()));
afterEach(() => engine.dispose());

/** Every row of every domain table, to prove a refused import changed nothing at all. */
async function snapshot() {
  const tables = ['storage_units', 'ingredients', 'recipes', 'recipe_lines', 'ledger_entries'];
  return Object.fromEntries(await inOrder(tables, async (table) => [table, await engine.db.statement(`SELECT * FROM ${table} ORDER BY id`).all()]));
}

interface SetupJson {
  ingredients: { name: string; unit: string }[];
  recipes: { name: string; lines: Record<string, string>[] }[];
  receipts: Record<string, string>[];
}

function edited(change: (file: SetupJson) => void): string {
  const file = JSON.parse(threeLevels) as SetupJson;
  change(file);
  return JSON.stringify(file);
}

describe('setup import', () => {
  it('imports three nested levels with trims, forward references and exact figures', async () => {
    const result = await importSetupFile(engine.scope, threeLevels);
    expect(result).toEqual({
      storageUnits: { created: 2, updated: 0 },
      ingredients: { created: 7, updated: 0 },
      recipes: { created: 3, updated: 0 },
      receipts: { created: 3, updated: 0 },
    });
    const burger = await findRecipeByName(engine.scope, 'Classic Burger recipe');
    expect((await getRecipe(engine.scope, burger!.id)).lines.map((line) => `${line.targetName} ${line.quantity} ${line.trimPct ?? '-'}`)).toEqual([
      'Burger bun 1 -',
      'Tomato 0.03 10',
      'Beef patty 1 -',
      'House sauce 0.02 -',
    ]);
    expect((await previewExplosion(engine.scope, burger!.id, '5')).ingredients.map((line) => `${line.name} ${line.quantity}`)).toEqual([
      'Beef patty 5',
      'Burger bun 5',
      'Egg yolk 0.078947',
      'Mustard 0.005',
      'Sunflower oil 0.016112',
      'Tomato 0.166667',
    ]);
    expect((await stockOnHand(engine.scope)).map(({ storageUnit, ingredient, quantity, value }) => `${storageUnit}/${ingredient} ${quantity} ${value}`)).toEqual([
      'Bar Storage/Coffee beans 15 280',
      'Main Kitchen/Tomato 3.5 10.15',
    ]);
    expect((await listLedgerEntries(engine.scope, { type: 'RECEIPT' })).map(({ date, quantity, unitCost, value }) => `${date} ${quantity} ${unitCost} ${value}`)).toEqual([
      '2026-01-05 10 18 180',
      '2026-01-05 3.5 2.9 10.15',
      '2026-01-06 5 20 100',
    ]);
  });

  it('updates by name when imported again and never duplicates', async () => {
    await importSetupFile(engine.scope, threeLevels);
    const again = await importSetupFile(
      engine.scope,
      edited((file) => {
        file.ingredients[0]!.unit = 'g';
        file.receipts[0]!.quantity = '12';
      }),
    );
    expect(again.receipts).toEqual({ created: 0, updated: 3 });
    expect(await listRecipes(engine.scope)).toHaveLength(3);
    expect(await listLedgerEntries(engine.scope)).toHaveLength(3);
    expect((await stockOnHand(engine.scope))[0]).toMatchObject({ ingredient: 'Coffee beans', unit: 'g', quantity: '17' });
  });

  it.each([
    ['not JSON', () => '{"storageUnits": [', 'setup_file_invalid', 'not valid JSON'],
    ['an unknown field', () => edited((file) => (file.receipts[0]!.qty = '1')), 'setup_file_invalid', 'receipts[0]'],
    ['a line naming both', () => edited((file) => (file.recipes[1]!.lines[0]!.ingredient = 'Mustard')), 'setup_file_invalid', 'recipes[1].lines[0]'],
    ['a bad date', () => edited((file) => (file.receipts[2]!.date = '2026-13-01')), 'setup_file_invalid', 'receipts[2].date'],
    ['an unknown ingredient', () => edited((file) => (file.recipes[2]!.lines[1]!.ingredient = 'Olive oil')), 'ingredient_not_found', 'recipes[2] "Mayonnaise", lines[1]'],
    ['a trim of 100 %', () => edited((file) => (file.recipes[0]!.lines[1]!.trimPct = '100')), 'invalid_trim_pct', 'recipes[0] "Classic Burger recipe"'],
    ['a cycle', () => edited((file) => file.recipes[2]!.lines.push({ recipe: 'Classic Burger recipe', quantity: '1' })), 'recipe_cycle', 'recipes[2] "Mayonnaise"'],
    ['an unknown storage unit', () => edited((file) => (file.receipts[2]!.storageUnit = 'Cellar')), 'storage_unit_not_found', 'receipts[2]: storageUnit'],
  ])('refuses %s, names the entry and field, and changes nothing', async (_name, file, code, where) => {
    await importSetupFile(engine.scope, JSON.stringify({ storageUnits: [{ name: 'Already here' }] }));
    const before = await snapshot();
    const fault = await refusal(() => importSetupFile(engine.scope, file()));
    expect(fault.code).toBe(code);
    expect(fault.message).toContain(where);
    expect(await snapshot()).toEqual(before);
  });

  it('quotes at most 80 characters of an offending value', async () => {
    const long = `Unknown ${'ingredient '.repeat(40)}`;
    const { code, message } = await refusal(() =>
      importSetupFile(
        engine.scope,
        edited((file) => {
          file.receipts.push({ ingredient: long, storageUnit: 'Main Kitchen', quantity: '1', value: '1', date: '2026-05-01' });
        }),
      ),
    );
    expect(code).toBe('ingredient_not_found');
    expect(message).toContain(`"${long.slice(0, 80)}…"`);
    expect(message).not.toContain(long.slice(0, 81));
  });
});

describe('a large setup file (issue 25, item 15)', () => {
  it('imports 20,000 ingredients, 2,000 recipes and 60,000 receipts in under 30 s, and again as updates only', async () => {
    const file = largeSetupFile(20_000, 60_000, 2_000);
    // The goal, about 8 s alone on the 2-core CI machine: kept with room for a busy one. On
    // PostgreSQL each of the import's ~100,000 statements is a round trip to the server (about 0.3 ms
    // on this machine): about 40 s alone there, but 60.2 s once in a full CI run beside the other
    // test processes, so its bound is three times SQLite's: still a failure if it ever doubles.
    const started = performance.now();
    expect(await importSetupFile(engine.scope, file)).toMatchObject({ ingredients: { created: 20_000 }, recipes: { created: 2_000 }, receipts: { created: 60_000 } });
    expect(performance.now() - started).toBeLessThan(engine.db.kind === 'postgres' ? 90_000 : 30_000);
    expect(await importSetupFile(engine.scope, file)).toMatchObject({ ingredients: { updated: 20_000 }, recipes: { updated: 2_000 }, receipts: { updated: 60_000, created: 0 } });
    // 60,000 receipts of 2.5 kg at 7.25 each.
    expect(await engine.db.statement("SELECT count(*) AS entries, sum(quantity) AS quantity, sum(value) AS value FROM ledger_entries WHERE type = 'RECEIPT'").get()).toEqual({
      entries: 60_000,
      quantity: 60_000 * 2.5 * 10 ** QUANTITY_SCALE,
      value: 60_000 * 7.25 * 10 ** MONEY_SCALE,
    });
  }, 240_000);
});
