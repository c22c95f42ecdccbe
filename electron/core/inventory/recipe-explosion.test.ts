import { describe, expect, it } from 'vitest';
import { Decimal, formatDecimal, QUANTITY_SCALE, roundToScale } from '../decimal/decimal';
import { describeExplosionException, explodeRecipe, findCycle, grossForTrim, type RecipeBook, type RecipeLineSpec, type RecipeSpec } from './recipe-explosion';

const d = (text: string) => new Decimal(text);
const ing = (ingredientId: number, quantity: string, trimPct?: string): RecipeLineSpec => ({
  ingredientId,
  quantity: d(quantity),
  trimPct: trimPct === undefined ? null : d(trimPct),
});
const sub = (recipeId: number, quantity: string, trimPct?: string): RecipeLineSpec => ({
  recipeId,
  quantity: d(quantity),
  trimPct: trimPct === undefined ? null : d(trimPct),
});
const recipe = (id: number, name: string, yieldQty: string, lines: RecipeLineSpec[]): RecipeSpec => ({ id, name, yield: d(yieldQty), lines });
const bookOf = (...recipes: RecipeSpec[]): RecipeBook => new Map(recipes.map((r) => [r.id, r]));

/** The explosion as plain text, rounded to the stored scale. */
function quantities(book: RecipeBook, recipeId: number, portions: string) {
  const { ingredients, exceptions } = explodeRecipe(book, recipeId, d(portions));
  return {
    ingredients: Object.fromEntries([...ingredients].map(([id, q]) => [id, formatDecimal(roundToScale(q, QUANTITY_SCALE))])),
    exceptions: exceptions.map(describeExplosionException),
  };
}

const BUN = 1, TOMATO = 2, BEEF = 3, MUSTARD = 5, EGG = 6, OIL = 7;

describe('explodeRecipe', () => {
  it('multiplies a flat recipe by the portions sold', () => {
    const book = bookOf(recipe(10, 'Burger', '1', [ing(BUN, '1'), ing(BEEF, '0.15')]));
    expect(quantities(book, 10, '5')).toEqual({ ingredients: { [BUN]: '5', [BEEF]: '0.75' }, exceptions: [] });
  });

  it('divides by the yield of each level', () => {
    // A batch of sauce makes 2 kg; a batch of dough makes 10 bases.
    const book = bookOf(recipe(20, 'Sauce', '2', [ing(TOMATO, '3'), ing(OIL, '0.1')]), recipe(21, 'Pizza', '1', [sub(20, '0.2')]));
    expect(quantities(book, 21, '3').ingredients).toEqual({ [TOMATO]: '0.9', [OIL]: '0.03' });
  });

  it('multiplies through three and four levels', () => {
    const book = bookOf(
      recipe(30, 'Mayo', '4', [ing(EGG, '2'), ing(OIL, '0.8')]),
      recipe(31, 'House sauce', '2', [sub(30, '1'), ing(MUSTARD, '0.1')]),
      recipe(32, 'Burger', '1', [ing(BUN, '1'), sub(31, '0.04')]),
      recipe(33, 'Burger menu', '1', [sub(32, '2')]),
    );
    // One menu = 2 burgers = 0.08 sauce = 0.04 batches of sauce → 0.04 mayo = 0.01 batches of mayo.
    expect(quantities(book, 33, '1').ingredients).toEqual({ [BUN]: '2', [EGG]: '0.02', [OIL]: '0.008', [MUSTARD]: '0.004' });
    expect(quantities(book, 33, '25').ingredients).toEqual({ [BUN]: '50', [EGG]: '0.5', [OIL]: '0.2', [MUSTARD]: '0.1' });
  });

  it('adds up a sub-recipe shared by two branches, and that is no cycle', () => {
    const book = bookOf(
      recipe(40, 'Mayo', '1', [ing(EGG, '1'), ing(OIL, '0.2')]),
      recipe(41, 'Aioli', '1', [sub(40, '1')]),
      recipe(42, 'Fries with both', '1', [sub(40, '0.05'), sub(41, '0.03')]),
    );
    expect(quantities(book, 42, '10')).toEqual({ ingredients: { [EGG]: '0.8', [OIL]: '0.16' }, exceptions: [] });
  });

  it('applies trim as gross = net ÷ (1 − trim/100), at every level', () => {
    expect(formatDecimal(roundToScale(grossForTrim(d('0.03'), d('10'))!, QUANTITY_SCALE))).toBe('0.033333');
    expect(grossForTrim(d('0.09'), d('10'))!.equals(d('0.1'))).toBe(true);
    const book = bookOf(
      recipe(50, 'Salsa', '1', [ing(TOMATO, '0.8', '20')]),
      recipe(51, 'Taco', '1', [sub(50, '0.05', '50'), ing(BEEF, '0.09', '10')]),
    );
    // Salsa: 0.05 net → 0.1 gross of salsa, each unit of salsa takes 0.8 / 0.8 = 1 tomato.
    expect(quantities(book, 51, '4').ingredients).toEqual({ [TOMATO]: '0.4', [BEEF]: '0.4' });
  });

  it('keeps trim with a zero percent and repeating decimals exact to the stored scale', () => {
    const book = bookOf(recipe(60, 'Third', '3', [ing(OIL, '1', '0')]));
    expect(quantities(book, 60, '3').ingredients).toEqual({ [OIL]: '1' });
    expect(quantities(book, 60, '1').ingredients).toEqual({ [OIL]: '0.333333' });
  });

  it('records invalid_trim_pct and deducts nothing for that line only', () => {
    const book = bookOf(recipe(70, 'Bad', '1', [ing(TOMATO, '1', '100'), ing(BUN, '1'), ing(OIL, '1', '-5')]));
    expect(quantities(book, 70, '2')).toEqual({
      ingredients: { [BUN]: '2' },
      exceptions: ['invalid_trim_pct:Bad line 1 (100 %)', 'invalid_trim_pct:Bad line 3 (-5 %)'],
    });
  });

  it('stops a cycle, records recipe_cycle and still counts the rest', () => {
    const book = bookOf(
      recipe(80, 'A', '1', [ing(BUN, '1'), sub(81, '1')]),
      recipe(81, 'B', '1', [ing(EGG, '1'), sub(82, '1')]),
      recipe(82, 'C', '1', [sub(80, '1'), ing(OIL, '1')]),
    );
    expect(quantities(book, 80, '1')).toEqual({
      ingredients: { [BUN]: '1', [EGG]: '1', [OIL]: '1' },
      exceptions: ['recipe_cycle:A → B → C → A'],
    });
    expect(findCycle(book, 81)).toEqual(['B', 'C', 'A', 'B']);
  });

  it('records a recipe that refers to itself', () => {
    const book = bookOf(recipe(90, 'Loop', '1', [sub(90, '1'), ing(BUN, '1')]));
    expect(quantities(book, 90, '1').exceptions).toEqual(['recipe_cycle:Loop → Loop']);
  });

  it('records a missing sub-recipe instead of failing', () => {
    const book = bookOf(recipe(95, 'Orphan', '1', [sub(999, '1'), ing(BUN, '1')]));
    expect(quantities(book, 95, '1')).toEqual({ ingredients: { [BUN]: '1' }, exceptions: ['recipe_not_found:999'] });
  });

  it('never leaks binary floats: 0.009 × 20 is 0.18', () => {
    const book = bookOf(recipe(99, 'Espresso', '1', [ing(7, '0.009')]));
    expect(quantities(book, 99, '20').ingredients).toEqual({ 7: '0.18' });
  });
});
