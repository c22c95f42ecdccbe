// Recipe explosion: how much of each ingredient N portions of a recipe use.
//
// A recipe makes `yield` portions per batch. A line's quantity is per batch, so for one portion it
// counts `quantity ÷ yield`; for N portions of a parent it counts `quantity ÷ yield × N`. A line with
// a trim loss is a net quantity: the gross amount taken from stock is `net ÷ (1 − trimPct/100)`.
// A line that is itself a recipe passes its amount down as the number of portions of that recipe,
// so nested recipes multiply through every level. Arithmetic is exact decimal; the caller rounds.
import { Decimal } from '../decimal/decimal';

export interface RecipeLineSpec {
  ingredientId?: number;
  recipeId?: number;
  quantity: Decimal;
  trimPct: Decimal | null;
}

export interface RecipeSpec {
  id: number;
  name: string;
  yield: Decimal;
  lines: readonly RecipeLineSpec[];
}

export type RecipeBook = ReadonlyMap<number, RecipeSpec>;

export type ExplosionException =
  | { code: 'invalid_trim_pct'; recipe: string; line: number; trimPct: string }
  | { code: 'recipe_cycle'; path: string[] }
  | { code: 'recipe_not_found'; recipeId: number };

export interface Explosion {
  /** Ingredient id → gross quantity, exact (not yet rounded to the stored scale). */
  ingredients: Map<number, Decimal>;
  /** Lines that could not be deducted; nothing is counted for them. */
  exceptions: ExplosionException[];
}

const HUNDRED = new Decimal(100);

/** `net ÷ (1 − trimPct/100)`, or null when the trim is outside 0 ≤ trimPct < 100. */
export function grossForTrim(net: Decimal, trimPct: Decimal | null): Decimal | null {
  if (trimPct === null) return net;
  if (trimPct.isNegative() || trimPct.greaterThanOrEqualTo(HUNDRED)) return null;
  return net.dividedBy(Decimal.sub(1, trimPct.dividedBy(HUNDRED)));
}

export function explodeRecipe(book: RecipeBook, recipeId: number, portions: Decimal): Explosion {
  const explosion: Explosion = { ingredients: new Map(), exceptions: [] };
  expand(book, recipeId, portions, [], explosion);
  return explosion;
}

function expand(book: RecipeBook, recipeId: number, portions: Decimal, path: readonly RecipeSpec[], into: Explosion): void {
  const recipe = book.get(recipeId);
  if (!recipe) {
    into.exceptions.push({ code: 'recipe_not_found', recipeId });
    return;
  }
  // Only the recipes on the current path make a cycle; a sub-recipe shared by two branches is fine.
  if (path.some((step) => step.id === recipeId)) {
    into.exceptions.push({ code: 'recipe_cycle', path: [...path.map((step) => step.name), recipe.name] });
    return;
  }
  const nextPath = [...path, recipe];
  recipe.lines.forEach((line, index) => {
    const net = line.quantity.dividedBy(recipe.yield).times(portions);
    const gross = grossForTrim(net, line.trimPct);
    if (gross === null) {
      into.exceptions.push({ code: 'invalid_trim_pct', recipe: recipe.name, line: index + 1, trimPct: line.trimPct?.toFixed() ?? '' });
      return;
    }
    if (line.ingredientId !== undefined) {
      const before = into.ingredients.get(line.ingredientId) ?? new Decimal(0);
      into.ingredients.set(line.ingredientId, before.plus(gross));
    } else if (line.recipeId !== undefined) {
      expand(book, line.recipeId, gross, nextPath, into);
    }
  });
}

/** The cycle a recipe would close, as names, or null; used to refuse saving one. */
export function findCycle(book: RecipeBook, recipeId: number): string[] | null {
  const cycle = explodeRecipe(book, recipeId, new Decimal(1)).exceptions.find((exception) => exception.code === 'recipe_cycle');
  return cycle?.code === 'recipe_cycle' ? cycle.path : null;
}

/** A one-line description of an exception, as transfer logs and screens show it. */
export function describeExplosionException(exception: ExplosionException): string {
  switch (exception.code) {
    case 'invalid_trim_pct':
      return `invalid_trim_pct:${exception.recipe} line ${exception.line} (${exception.trimPct} %)`;
    case 'recipe_cycle':
      return `recipe_cycle:${exception.path.join(' → ')}`;
    case 'recipe_not_found':
      return `recipe_not_found:${exception.recipeId}`;
  }
}
