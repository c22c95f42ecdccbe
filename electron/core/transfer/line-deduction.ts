// What one sold line takes from stock under its mapping, the seed's rule as a pure function:
// an ingredient mapping deducts line quantity × mapping quantity; a recipe mapping deducts the
// recipe exploded for that many portions; a subtraction mapping ("No bun") gives the same back.
// Each ingredient's change is rounded once to the quantity scale, and a change that rounds to zero
// is left out (no entry of 0).
import { type Decimal, QUANTITY_SCALE, roundToScale } from '../decimal/decimal';
import type { Explosion } from '../inventory/recipe-explosion';
import type { LineMapping } from './mapping-lookup';

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
