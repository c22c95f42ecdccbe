// What one sold line takes from stock under its mapping, the seed's rule as a pure function:
// an ingredient mapping deducts line quantity × mapping quantity; a recipe mapping deducts the
// recipe exploded for that many portions; a subtraction mapping ("No bun") gives the same back.
// Each ingredient's change is rounded once to the quantity scale, and a change that rounds to zero
// is left out (no entry of 0).
import { type Decimal, fromScaled, QUANTITY_SCALE, roundToScale, scaledValueAt, toScaled } from '../decimal/decimal';
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

/**
 * deductLine for a day's lines, the hot loop of a transfer: a day has thousands of lines but few
 * distinct (mapping, quantity) pairs, so each pair is worked out once in exact decimals and every line
 * then adds integers. Values are the line's quantity at the ingredient's unit cost of the day,
 * rounded half to even per line, exactly as before.
 */
export function dayDeductions(perPortion: (recipeId: number) => Explosion, unitCostOf: (ingredientId: number) => number) {
  const byMapping = new Map<LineMapping, Map<number, ScaledDeduction>>();
  return {
    /** `lineQuantity` at the quantity scale. */
    take(lineQuantity: number, mapping: LineMapping): ScaledDeduction {
      let byQuantity = byMapping.get(mapping);
      if (!byQuantity) byMapping.set(mapping, (byQuantity = new Map()));
      let deduction = byQuantity.get(lineQuantity);
      if (!deduction) {
        const { sold, changes, exceptions } = deductLine(fromScaled(lineQuantity, QUANTITY_SCALE), mapping, perPortion);
        const triples: number[] = [];
        for (const [ingredientId, quantity] of changes) {
          const scaled = toScaled(quantity, QUANTITY_SCALE, 'invalid_quantity', 'Deduction');
          triples.push(ingredientId, scaled, scaledValueAt(scaled, unitCostOf(ingredientId)));
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
