// Units as kitchens use them (issue 29), each figure worked by hand:
// - a case of 24 cola bottles received at 24.00: 24.00 ÷ 24 bottles = 1.00 a bottle;
// - gin in litres, bottle = 0.7 l, case = 6 bottle = 4.2 l: 2 case + 5 bottle + 0,4 bottle
//   = 8.4 + 3.5 + 0.28 = 12.18 l;
// - 40 ml of it in a recipe: 40 × 0.001 = 0.04 l;
// - 9 g of coffee beans (kg) per espresso, 20 sold: 20 × 0.009 = 0.18 kg;
// - 3 piece of flour (kg): piece is of another family, and flour has no unit bridging it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEngine, refusal, refusalOf, type TestEngine } from '../../../test/support/test-engine';
import { Decimal } from '../decimal/decimal';
import { findIngredientByName } from './ingredients';
import { resolveItem, saveMapping } from '../items/mappings';
import { listLedgerEntries } from '../ledger/ledger';
import { importSetupFile } from '../setup/setup-import';
import { saveCsvProfile } from '../sources/csv/csv-profiles';
import { previewCsv, uploadCsv } from '../sources/csv/csv-upload';
import { finishCount, countSheet, setCountLine, startCount } from '../stock/stock-control';
import { moveStock, recordWaste } from '../stock/waste-and-moves';
import { explodeRecipe } from './recipe-explosion';
import { currentRecipeBook, findRecipeByName, getRecipe, saveRecipe } from './recipes';
import { listIngredientUnits, perBase, saveIngredientUnit, setCountUnit, splitQuantity, sumToBase, unitBook, type UnitBook } from './units';
import { itemCost, menuReport, recipeCost, recipeCostHistory } from '../reports/plate-cost';
import { priceRises } from '../reports/price-rises';

const AT = '2026-05-08T10:00:00.000Z';

describe('conversions', () => {
  const gin: UnitBook = { ingredient: 'Gin', base: 'l', packs: [{ name: 'bottle', factor: new Decimal('0.7') }, { name: 'case', factor: new Decimal('4.2') }] };

  it('converts within a family and through pack units, exactly', () => {
    expect(perBase(gin, 'ml')?.toFixed()).toBe('0.001');
    expect(perBase(gin, 'L')?.toFixed()).toBe('1');
    expect(perBase(gin, 'fl oz')?.toFixed()).toBe('0.0295735295625');
    expect(perBase({ ingredient: 'Flour', base: 'kg', packs: [] }, 'lb')?.toFixed()).toBe('0.45359237');
    expect(perBase(gin, 'case')?.toFixed()).toBe('4.2');
    expect(perBase(gin, 'kg')).toBeNull();
    expect(sumToBase(gin, '2 case + 5 bottle + 0,4 bottle', 'Counted Gin').toFixed()).toBe('12.18');
  });

  it('crosses families through a pack unit named after a unit of the other family', () => {
    const lemons: UnitBook = { ingredient: 'Lemon', base: 'piece', packs: [{ name: 'kg', factor: new Decimal('8') }] };
    expect(perBase(lemons, 'g')?.toFixed()).toBe('0.008');
    expect(perBase(lemons, '250 g'.split(' ')[1] as string)?.times(250).toFixed()).toBe('2');
  });

  it('reads what people type', () => {
    expect(splitQuantity('3 case')).toEqual({ number: '3', unit: 'case' });
    expect(splitQuantity('0,5l')).toEqual({ number: '0,5', unit: 'l' });
    expect(splitQuantity(' 12 ')).toEqual({ number: '12', unit: null });
    expect(splitQuantity('2 fl oz')).toEqual({ number: '2', unit: 'fl oz' });
  });
});

describe('units in the ledger', () => {
  let engine: TestEngine;
  beforeEach(async () => {
    engine = await createTestEngine({ now: AT });
    await importSetupFile(
      engine.scope,
      JSON.stringify({
        storageUnits: [{ name: 'Bar' }],
        ingredients: [
          { name: 'Cola', unit: 'bottle', units: [{ name: 'case', factor: '24' }] },
          { name: 'Gin', unit: 'l', units: [{ name: 'bottle', factor: '0.7' }, { name: 'case', factor: '6 bottle' }] },
          { name: 'Coffee beans', unit: 'kg' },
          { name: 'Flour', unit: 'kg', units: [{ name: 'sack', factor: '25' }] },
          { name: 'Tonic', unit: 'l' },
        ],
        recipes: [{ name: 'Gin & Tonic', yield: '1', lines: [{ ingredient: 'Gin', quantity: '40', unit: 'ml' }, { ingredient: 'Tonic', quantity: '0.15' }] }],
        receipts: [
          { ingredient: 'Cola', storageUnit: 'Bar', quantity: '1', unit: 'case', value: '24.00', date: '2026-05-01' },
          { ingredient: 'Gin', storageUnit: 'Bar', quantity: '2', unit: 'case', value: '168', date: '2026-05-01' },
          { ingredient: 'Tonic', storageUnit: 'Bar', quantity: '10', value: '20', date: '2026-05-01' },
          { ingredient: 'Coffee beans', storageUnit: 'Bar', quantity: '1', value: '30', date: '2026-05-01' },
        ],
      }),
    );
  });
  afterEach(() => engine.dispose());

  it('a case of 24 cola received at 24.00 costs 1.00 a bottle, and the entry remembers "1 case"', async () => {
    const cola = (await listLedgerEntries(engine.scope, { type: 'RECEIPT' })).find((entry) => entry.ingredient === 'Cola');
    expect(cola).toMatchObject({ quantity: '24', unitCost: '1', value: '24' });
    const typed = await engine.scope.db.statement('SELECT typed_quantity FROM ledger_entries WHERE id = ?').pluck().get(cola?.id);
    expect(typed).toBe('1 case');
    // Gin: 2 case = 12 bottle = 8.4 l at 168.00: 20.00 a litre.
    expect((await listLedgerEntries(engine.scope, { type: 'RECEIPT' })).find((entry) => entry.ingredient === 'Gin')).toMatchObject({ quantity: '8.4', unitCost: '20' });
  });

  it('counts gin as 2 case + 5 bottle + 0,4 bottle = 12.18 l, kept as typed', async () => {
    const count = await startCount(engine.scope, 'Bar', '2026-05-07T22:00:00.000Z');
    expect(await setCountLine(engine.scope, count.id, 'Gin', '2 case + 5 bottle + 0,4 bottle')).toEqual({ ingredient: 'Gin', counted: '12.18' });
    expect((await countSheet(engine.scope, count.id)).rows.find((row) => row.ingredient === 'Gin')).toMatchObject({ counted: '12.18', typed: '2 case + 5 bottle + 0,4 bottle' });
    await finishCount(engine.scope, count.id, AT);
    // 12.18 counted against 8.4 received: +3.78 l.
    expect((await listLedgerEntries(engine.scope, { type: 'COUNT' })).map((entry) => [entry.ingredient, entry.quantity])).toEqual([['Gin', '3.78']]);
  });

  it('40 ml of gin in a recipe deducts 0.04 l a portion; the recipe shows the line as typed', async () => {
    const recipe = (await findRecipeByName(engine.scope, 'Gin & Tonic'))!;
    expect((await getRecipe(engine.scope, recipe.id)).lines[0]).toMatchObject({ targetName: 'Gin', quantity: '40', unit: 'ml' });
    const gin = (await findIngredientByName(engine.scope, 'Gin'))!.id;
    expect(explodeRecipe(await currentRecipeBook(engine.scope), recipe.id, new Decimal(1)).ingredients.get(gin)?.toFixed()).toBe('0.04');
    // Its plate cost: 0.04 l × 20.00 + 0.15 l × 2.00 = 0.80 + 0.30 = 1.10.
    expect(await recipeCost(engine.scope, 'Gin & Tonic', '2026-05-08')).toEqual({
      recipe: 'Gin & Tonic',
      yield: '1',
      cost: '1.1',
      lines: [
        { ingredient: 'Gin', quantity: '40', unit: 'ml', base_quantity: '0.04', unit_cost: '20', cost: '0.8' },
        { ingredient: 'Tonic', quantity: '0.15', unit: 'l', base_quantity: '0.15', unit_cost: '2', cost: '0.3' },
      ],
      missing_costs: [],
      currency: null,
    });
  });

  it('9 g of coffee beans mapped to an espresso deducts 0.009 kg a cup: 20 cups are 0.18 kg', async () => {
    await saveCsvProfile(
      engine.scope,
      { name: 'Till', rules: [{ type: 'column_values_to_pos_codes', source_column: 'Item', quantity_source_column: 'Qty', date_source_column: 'Date' }], amount_column: 'Net', locations: { default: 'Bar' } },
      AT,
    );
    const file = { name: 'day.csv', content: Buffer.from('Date,Item,Qty,Net\n2026-05-07,Espresso,20,50.00\n') };
    await previewCsv(engine.scope, 'Till', file, {}, AT);
    await saveMapping(engine.scope, { posItemId: (await resolveItem(engine.scope, 'Espresso', 'Till')).id, target: { ingredientId: (await findIngredientByName(engine.scope, 'Coffee beans'))!.id }, quantity: '9 g', isSubtraction: false }, AT);
    await uploadCsv(engine.scope, 'Till', file, {}, AT);
    expect((await listLedgerEntries(engine.scope, { type: 'ISSUE' })).map((entry) => [entry.ingredient, entry.quantity, entry.value])).toEqual([['Coffee beans', '-0.18', '-5.4']]);
    // One espresso costs 0.27 through its mapping; a CSV till sends no item price.
    expect(await itemCost(engine.scope, (await resolveItem(engine.scope, 'Espresso', 'Till')).id, '2026-05-08')).toEqual({ cost: '0.27', price: null, cost_pct: null, margin: null, missing_costs: [], currency: 'EUR' });
    // The menu: 20 espressos at 2.50 net, 0.27 each (0.009 kg × 30.00): a margin of 2.23, the only item, so a star.
    expect(await menuReport(engine.scope, 'Till', '2026-05-07', '2026-05-07')).toMatchObject({
      rows: [{ item: 'Espresso', sold: '20', price: '2.5', plate_cost: '0.27', margin: '2.23', margin_total: '44.6', cost_pct: '10.8', class: 'star' }],
      average_margin: '2.23',
      popularity_threshold: '14',
    });
  });

  it('names a delivery more than 10 % dearer than the weighted average before it: gin at 24.00 after 20.00 is +20 %', async () => {
    await importSetupFile(
      engine.scope,
      JSON.stringify({ receipts: [{ ingredient: 'Gin', storageUnit: 'Bar', quantity: '1', unit: 'bottle', value: '16.80', date: '2026-05-06', reference: 'INV-9' }] }),
    );
    // 16.80 for 0.7 l is 24.00 a litre, against 168.00 for 8.4 l (20.00) before it; tonic and cola came once.
    expect(await priceRises(engine.scope, '2026-04-08', 10)).toEqual([{ ingredient: 'Gin', unit: 'l', date: '2026-05-06', unitCost: '24', before: '20', pct: '20' }]);
    expect(await priceRises(engine.scope, '2026-04-08', 20)).toEqual([]);
    // The G&T's cost history shows the jump: 184.80 for 9.1 l is 20.307692 a litre, 0.04 l of it 0.8123; with the tonic's 0.30, 1.1123.
    expect(await recipeCostHistory(engine.scope, (await findRecipeByName(engine.scope, 'Gin & Tonic'))!.id, '2026-04-08', '2026-05-08')).toEqual([
      { date: '2026-05-01', cost: '1.1' },
      { date: '2026-05-06', cost: '1.1123' },
      { date: '2026-05-08', cost: '1.1123' },
    ]);
  });

  it('keeps one count unit per ingredient, by a unique index', async () => {
    const gin = (await findIngredientByName(engine.scope, 'Gin'))!.id;
    await setCountUnit(engine.scope, gin, 'bottle');
    await setCountUnit(engine.scope, gin, 'Case');
    expect((await listIngredientUnits(engine.scope)).filter((unit) => unit.ingredientId === gin).map((unit) => [unit.name, unit.countUnit])).toEqual([
      ['bottle', false],
      ['case', true],
    ]);
    expect(await refusal(() => setCountUnit(engine.scope, gin, 'crate'))).toMatchObject({ code: 'invalid_input' });
    await expect(engine.db.statement('UPDATE ingredient_units SET count_unit = TRUE WHERE ingredient_id = ?').run(gin)).rejects.toThrow(/UNIQUE|unique/);
  });

  it('refuses 3 piece of flour as unit_not_convertible, naming both units, and a unit its family already has', async () => {
    const flour = (await findIngredientByName(engine.scope, 'Flour'))!.id;
    expect(await refusal(async () => await unitBook(engine.scope, flour) && await saveIngredientUnit(engine.scope, flour, 'g', '0.001'))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(() => recordWaste(engine.scope, { storageUnit: 'Bar', ingredient: 'Flour', quantity: '3 piece', reason: 'spoiled', at: AT }, ['spoiled']))).toMatchObject({
      code: 'unit_not_convertible',
      message: expect.stringContaining('"piece" does not convert to "kg"'),
    });
    expect(await refusal(() => saveRecipe(engine.scope, { name: 'Bread', yield: '1', lines: [{ ingredientId: flour, quantity: '3 piece' }] }))).toMatchObject({ code: 'unit_not_convertible' });
    expect(await refusalOf(Promise.resolve().then(() => moveStock(engine.scope, { from: 'Bar', to: 'Bar', ingredient: 'Flour', quantity: '1 sack', at: AT })))).toMatchObject({ code: 'invalid_input' });
  });
});
