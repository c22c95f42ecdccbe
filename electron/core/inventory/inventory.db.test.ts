import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anotherConnection, createTestEngine, refusal, type TestEngine } from '../../../test/support/test-engine';
import type { CompanyScope } from '../db/company';
import { companies } from '../db/schema';
import { listLedgerEntries } from '../ledger/ledger';
import { deleteIngredient, saveIngredient } from './ingredients';
import { createReceipt } from '../ledger/receipts';
import { currentRecipeBook, deleteRecipe, getRecipe, listRecipes, previewExplosion, saveRecipe } from './recipes';
import { deleteStorageUnit, listStorageUnits, saveStorageUnit } from './storage-units';

let engine: TestEngine;
let scope: CompanyScope;
let other: CompanyScope;

beforeEach(async () => {
  engine = await createTestEngine();
  scope = engine.scope;
  const otherId = (await engine.db.one(engine.db.orm.insert(companies).values({ name: 'Other company' }).returning())).id;
  other = { db: engine.db, companyId: otherId };
});
afterEach(() => engine.dispose());

describe('storage units', () => {
  it('are unique by name within a company, renamed in place, and kept while they have entries', async () => {
    const kitchen = await saveStorageUnit(scope, { name: '  Main   Kitchen ' });
    expect(kitchen.name).toBe('Main Kitchen');
    expect((await refusal(() => saveStorageUnit(scope, { name: 'Main Kitchen' }))).code).toBe('storage_unit_name_taken');
    expect((await saveStorageUnit(other, { name: 'Main Kitchen' })).name).toBe('Main Kitchen');
    await saveStorageUnit(scope, { id: kitchen.id, name: 'Kitchen' });
    expect((await listStorageUnits(scope)).map((unit) => unit.name)).toEqual(['Kitchen']);

    const beans = await saveIngredient(scope, { name: 'Coffee beans', unit: 'kg' });
    await createReceipt(scope, { ingredientId: beans.id, storageUnitId: kitchen.id, quantity: '1', value: '10', date: '2026-01-05' });
    expect((await refusal(() => deleteStorageUnit(scope, kitchen.id))).code).toBe('storage_unit_in_use');
    const spare = await saveStorageUnit(scope, { name: 'Spare' });
    await deleteStorageUnit(scope, spare.id);
    expect(await listStorageUnits(scope)).toHaveLength(1);
  });
});

describe('company scoping', () => {
  it('refuses another company’s objects with the seed’s codes', async () => {
    const mine = { unit: await saveStorageUnit(scope, { name: 'Bar' }), ingredient: await saveIngredient(scope, { name: 'Cola', unit: 'bottle' }) };
    const theirs = {
      unit: await saveStorageUnit(other, { name: 'Their bar' }),
      ingredient: await saveIngredient(other, { name: 'Their cola', unit: 'bottle' }),
      recipe: await saveRecipe(other, { name: 'Their recipe', yield: '1', lines: [] }),
    };
    const receipt = { quantity: '1', value: '1', date: '2026-01-05' };
    expect((await refusal(() => createReceipt(scope, { ...receipt, ingredientId: mine.ingredient.id, storageUnitId: theirs.unit.id }))).code).toBe(
      'storage_unit_company_mismatch',
    );
    expect((await refusal(() => createReceipt(scope, { ...receipt, ingredientId: theirs.ingredient.id, storageUnitId: mine.unit.id }))).code).toBe(
      'ingredient_not_found',
    );
    expect((await refusal(() => saveRecipe(scope, { name: 'Mine', yield: '1', lines: [{ recipeId: theirs.recipe.id, quantity: '1' }] }))).code).toBe(
      'recipe_not_found',
    );
    expect((await refusal(() => getRecipe(scope, theirs.recipe.id))).code).toBe('recipe_not_found');
    expect(await listLedgerEntries(scope)).toEqual([]);
  });
});

describe('recipes', () => {
  async function setup() {
    const bun = await saveIngredient(scope, { name: 'Bun', unit: 'piece' });
    const tomato = await saveIngredient(scope, { name: 'Tomato', unit: 'kg' });
    const sauce = await saveRecipe(scope, { name: 'Sauce', yield: '2', lines: [{ ingredientId: tomato.id, quantity: '1', trimPct: '20' }] });
    const burger = await saveRecipe(scope, {
      name: 'Burger',
      yield: '1',
      lines: [
        { ingredientId: bun.id, quantity: '1' },
        { recipeId: sauce.id, quantity: '0.05' },
      ],
    });
    return { bun, tomato, sauce, burger };
  }

  it('saves lines with exact quantities and explodes them through the levels', async () => {
    const { burger } = await setup();
    expect((await listRecipes(scope)).map(({ name, yield: y, lineCount, usedBy }) => [name, y, lineCount, usedBy])).toEqual([
      ['Burger', '1', 2, 0],
      ['Sauce', '2', 1, 1],
    ]);
    expect((await getRecipe(scope, burger.id)).lines.map((line) => [line.targetName, line.quantity, line.trimPct])).toEqual([
      ['Bun', '1', null],
      ['Sauce', '0.05', null],
    ]);
    // 3 burgers → 0.15 sauce → 0.075 batches → 0.075 kg net tomato → 0.09375 gross at 20 % trim.
    expect((await previewExplosion(scope, burger.id, '3')).ingredients.map((line) => [line.name, line.quantity])).toEqual([
      ['Bun', '3'],
      ['Tomato', '0.09375'],
    ]);
  });

  it('refuses a trim of 100 % or more, a zero yield and over-precise quantities, writing nothing', async () => {
    const { tomato, sauce } = await setup();
    const before = await getRecipe(scope, sauce.id);
    expect((await refusal(() => saveRecipe(scope, { id: sauce.id, name: 'Sauce', yield: '2', lines: [{ ingredientId: tomato.id, quantity: '1', trimPct: '100' }] }))).code).toBe(
      'invalid_trim_pct',
    );
    expect((await refusal(() => saveRecipe(scope, { id: sauce.id, name: 'Sauce', yield: '0', lines: [] }))).code).toBe('invalid_yield');
    expect((await refusal(() => saveRecipe(scope, { id: sauce.id, name: 'Sauce', yield: '2', lines: [{ ingredientId: tomato.id, quantity: '0.0000001' }] }))).code).toBe(
      'invalid_quantity',
    );
    expect(await getRecipe(scope, sauce.id)).toEqual(before);
  });

  it('refuses a line that would close a cycle and keeps the recipe as it was', async () => {
    const { sauce, burger } = await setup();
    const before = await getRecipe(scope, sauce.id);
    const cycle = await refusal(() => saveRecipe(scope, { id: sauce.id, name: 'Sauce', yield: '2', lines: [{ recipeId: burger.id, quantity: '1' }] }));
    expect(cycle.code).toBe('recipe_cycle');
    expect(cycle.message).toContain('Sauce → Burger → Sauce');
    expect(await getRecipe(scope, sauce.id)).toEqual(before);
  });

  it('keeps ingredients and recipes that others use', async () => {
    const { tomato, sauce, burger } = await setup();
    expect((await refusal(() => deleteIngredient(scope, tomato.id))).code).toBe('ingredient_in_use');
    expect((await refusal(() => deleteRecipe(scope, sauce.id))).message).toContain('Burger');
    await deleteRecipe(scope, burger.id);
    await deleteRecipe(scope, sauce.id);
    await deleteIngredient(scope, tomato.id);
  });
});

describe('the kept recipe book', () => {
  it('is read once while no recipe changes, and read again after a change here or by another connection', async () => {
    const beans = await saveIngredient(scope, { name: 'Coffee beans', unit: 'kg' });
    const espresso = await saveRecipe(scope, { name: 'Espresso', yield: '1', lines: [{ ingredientId: beans.id, quantity: '0.009' }] });
    const first = await currentRecipeBook(scope);
    expect(await currentRecipeBook(scope)).toBe(first);
    await saveRecipe(scope, { id: espresso.id, name: 'Espresso', yield: '1', lines: [{ ingredientId: beans.id, quantity: '0.010' }] });
    const second = await currentRecipeBook(scope);
    expect(second).not.toBe(first);
    expect(second.get(espresso.id)?.lines[0]?.quantity.toString()).toBe('0.01');
    // The CLI beside the app changes the recipe on its own connection.
    const cli = await anotherConnection(engine);
    await saveRecipe({ db: cli, companyId: scope.companyId }, { id: espresso.id, name: 'Espresso', yield: '1', lines: [{ ingredientId: beans.id, quantity: '0.011' }] });
    cli.close();
    expect((await currentRecipeBook(scope)).get(espresso.id)?.lines[0]?.quantity.toString()).toBe('0.011');
  });
});
