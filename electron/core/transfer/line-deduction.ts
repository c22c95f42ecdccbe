// What one sold line takes from stock under its mapping, the seed's rule as a pure function:
// an ingredient mapping deducts line quantity × mapping quantity; a recipe mapping deducts the
// recipe exploded for that many portions; a subtraction mapping ("No bun") gives the same back.
// Each ingredient's change is rounded once to the quantity scale, and a change that rounds to zero
// is left out (no entry of 0).
import { Decimal, fromScaled, QUANTITY_SCALE, roundToScale, scaledValueAt, toScaled } from '../decimal/decimal';
import { explodeRecipe, type Explosion, type RecipeBook } from '../inventory/recipe-explosion';
import type { LineMapping } from '../items/mapping-lookup';

export interface LineDeduction {
  /** What the line stands for: portions of the recipe, or quantity of the ingredient. */
  sold: Decimal;
  /** Signed stock change per ingredient id: negative takes stock out. */
  changes: Map<number, Decimal>;
  /** The recipe explosion's exceptions (invalid trim, cycles), empty for an ingredient mapping. */
  exceptions: Explosion['exceptions'];
}

/** `perPortion` explodes a recipe for one portion; an explosion is linear, so callers may cache it. */
export function deductLine(lineQuantity: Decimal, mapping: LineMapping, perPortion: (recipeId: number) => Explosion): LineDeduction {
  const sold = lineQuantity.times(mapping.quantity);
  const gross = new Map<number, Decimal>();
  let exceptions: Explosion['exceptions'] = [];
  if (mapping.ingredientId !== null) {
    gross.set(mapping.ingredientId, sold);
  } else {
    const explosion = perPortion(mapping.recipeId as number);
    exceptions = explosion.exceptions;
    for (const [ingredientId, quantity] of explosion.ingredients) gross.set(ingredientId, quantity.times(sold));
  }
  const changes = new Map<number, Decimal>();
  for (const [ingredientId, amount] of gross) {
    const rounded = roundToScale(amount, QUANTITY_SCALE);
    if (rounded.isZero()) continue;
    changes.set(ingredientId, mapping.isSubtraction ? rounded : rounded.negated());
  }
  return { sold, changes, exceptions };
}

/** What every line of one quantity under one mapping deducts, worked out once, as scaled integers. */
export interface ScaledDeduction {
  mapping: LineMapping;
  sold: Decimal;
  /** (ingredient id, signed quantity at the quantity scale, signed value at the money scale) triples. */
  changes: number[];
  exceptions: Explosion['exceptions'];
  /** How many of the day's lines took it. */
  lines: number;
}

/** What a (mapping, line quantity) takes, without values: it depends on the recipe book only, so it is kept with the book. */
interface Quantities {
  sold: Decimal;
  /** (ingredient id, signed quantity at the quantity scale) pairs. */
  changes: number[];
  exceptions: Explosion['exceptions'];
}

const keptWithBook = new WeakMap<RecipeBook, { explosions: Map<number, Explosion>; quantities: Map<string, Quantities> }>();

/**
 * deductLine for a day's lines, the hot loop of a transfer: a day has thousands of lines but few
 * distinct (mapping, quantity) pairs, so each pair is worked out once in exact decimals — and kept
 * with the recipe book for the next day — and every line then adds integers. Values are the line's
 * quantity at the ingredient's unit cost of the day, rounded half to even per line, exactly as before.
 */
export function dayDeductions(book: RecipeBook, unitCostOf: (ingredientId: number) => number) {
  let kept = keptWithBook.get(book);
  if (!kept) keptWithBook.set(book, (kept = { explosions: new Map(), quantities: new Map() }));
  const { explosions, quantities } = kept;
  // An explosion is linear in the portions, so one per recipe serves every line.
  const perPortion = (recipeId: number) => {
    let explosion = explosions.get(recipeId);
    if (!explosion) explosions.set(recipeId, (explosion = explodeRecipe(book, recipeId, new Decimal(1))));
    return explosion;
  };
  const quantitiesOf = (lineQuantity: number, mapping: LineMapping): Quantities => {
    const key = `${mapping.ingredientId ?? ''}:${mapping.recipeId ?? ''}:${mapping.quantity.toString()}:${mapping.isSubtraction ? 1 : 0}:${lineQuantity}`;
    let found = quantities.get(key);
    if (!found) {
      const { sold, changes, exceptions } = deductLine(fromScaled(lineQuantity, QUANTITY_SCALE), mapping, perPortion);
      const pairs = [...changes].flatMap(([ingredientId, quantity]) => [ingredientId, toScaled(quantity, QUANTITY_SCALE, 'invalid_quantity', 'Deduction')]);
      quantities.set(key, (found = { sold, changes: pairs, exceptions }));
    }
    return found;
  };
  const byMapping = new Map<LineMapping, Map<number, ScaledDeduction>>();
  return {
    /** `lineQuantity` at the quantity scale. */
    take(lineQuantity: number, mapping: LineMapping): ScaledDeduction {
      let byQuantity = byMapping.get(mapping);
      if (!byQuantity) byMapping.set(mapping, (byQuantity = new Map()));
      let deduction = byQuantity.get(lineQuantity);
      if (!deduction) {
        const { sold, changes, exceptions } = quantitiesOf(lineQuantity, mapping);
        const triples: number[] = [];
        for (let n = 0; n < changes.length; n += 2) {
          const ingredientId = changes[n] as number;
          triples.push(ingredientId, changes[n + 1] as number, scaledValueAt(changes[n + 1] as number, unitCostOf(ingredientId)));
        }
        byQuantity.set(lineQuantity, (deduction = { mapping, sold, changes: triples, exceptions, lines: 0 }));
      }
      deduction.lines++;
      return deduction;
    },
    /** Every pair that lines took, for the log's exceptions and recipes used. */
    taken(): ScaledDeduction[] {
      return [...byMapping.values()].flatMap((byQuantity) => [...byQuantity.values()]);
    },
  };
}
