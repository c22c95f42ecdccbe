// Waste and moves between storage units, as a manager records them by hand, and their undo. Each posts
// its ledger entries through the ledger writer under its own reference (`waste:<id>`, `move:<id>`), so
// doing it again replaces and never adds; an undo posts the reversing entries under `<reference>:undo`
// and keeps the originals, so the ledger shows both. The only module that writes waste_records and
// stock_moves.
import { notAboveZero } from '../../../shared/decimal-text';
import type { CompanyScope } from '../db/company';
import { type Decimal, formatScaled, fromScaled, MONEY_SCALE, QUANTITY_SCALE, roundToScale, toScaled } from '../decimal/decimal';
import { DomainError, quoted } from '../domain-error';
import { findIngredientByName, requireIngredient } from '../inventory/ingredients';
import { typedIn, unitBook } from '../inventory/units';
import { explodeRecipe } from '../inventory/recipe-explosion';
import { currentRecipeBook, findRecipeByName } from '../inventory/recipes';
import { weightedAverageUnitCost } from '../ledger/ledger';
import { replaceReferencedEntries, reverseReferencedEntries, type NewLedgerEntry } from '../ledger/ledger-writer';
import { positionAt } from '../ledger/count-restatement';
import { entryValue, ingredientId, moment, readFields, storageUnitId, typedQuantity } from './stock-inputs';
import type { StockChange, StockChangeView } from '../../../shared/model/stock';
import { inOrder } from '../in-order';

/**
 * Taking more than the ledger says the storage unit holds is allowed (the ledger may be behind the
 * shelf), but said: a typo of 500 for 5.00 shows at once, with the stock it leaves.
 */
async function overdrawn(scope: CompanyScope, unit: { id: number; name: string }, taken: Map<number, Decimal>, when: { at: string; date: string }): Promise<string[]> {
  const warnings = await inOrder(taken, async ([ingredient, amount]) => {
    const held = fromScaled(await positionAt(scope, unit.id, ingredient, { id: null, date: when.date, countedAt: when.at }), QUANTITY_SCALE);
    if (!amount.greaterThan(held)) return [];
    const { name, unit: measure } = await requireIngredient(scope, ingredient);
    return [`${unit.name} held ${held.toFixed()} ${measure} of ${name} then; taking ${amount.toFixed()} ${measure} leaves ${held.minus(amount).toFixed()} ${measure}.`];
  });
  return warnings.flat();
}

/** A typed quantity that must be more than nothing: portions of a recipe, or of an ingredient in any unit it converts ("2 bottle"). */
async function positiveQuantity(scope: CompanyScope, text: string, field: string, ingredient?: string): Promise<{ quantity: Decimal; typedQuantity: string | null }> {
  // An unknown ingredient is its own field's fault: the quantity is then read as a bare number.
  const found = ingredient === undefined ? undefined : await findIngredientByName(scope, ingredient.trim());
  const typed = found ? typedIn(await unitBook(scope, found.id), text, field) : { quantity: typedQuantity(text, field), typedQuantity: null };
  if (!typed.quantity.greaterThan(0)) throw new DomainError('invalid_quantity', `${notAboveZero(field)}.`);
  return typed;
}

/**
 * Waste of an ingredient, or of a recipe exploded like a sale: WASTE entries at the weighted average
 * cost. The reason is one of `reasons` (the manager's list, kept in the settings).
 */
export async function recordWaste(
  scope: CompanyScope,
  input: { storageUnit: string; ingredient?: string | undefined; recipe?: string | undefined; quantity: string; reason: string; note?: string | undefined; at: string },
  reasons: readonly string[],
): Promise<StockChange> {
  if ((input.ingredient === undefined) === (input.recipe === undefined)) throw new DomainError('invalid_input', 'Waste is of one ingredient or one recipe.');
  const { unitId, reason, quantity, when, recipe, ingredient } = await readFields({
    unitId: () => storageUnitId(scope, input.storageUnit),
    reason: () => {
      const known = reasons.find((each) => each.toLowerCase() === input.reason.trim().toLowerCase());
      if (known === undefined) throw new DomainError('invalid_input', `The reason is one of: ${reasons.join(', ')}.`);
      return known;
    },
    quantity: () => positiveQuantity(scope, input.quantity, 'Wasted quantity', input.ingredient),
    when: () => moment(input.at),
    recipe: async () => {
      if (input.recipe === undefined) return null;
      const found = await findRecipeByName(scope, input.recipe.trim());
      if (!found) throw new DomainError('recipe_not_found', `No recipe named ${quoted(input.recipe)}.`);
      return found;
    },
    ingredient: async () => (input.ingredient === undefined ? null : await ingredientId(scope, input.ingredient)),
  });
  const taken = recipe ? explodeRecipe(await currentRecipeBook(scope), recipe.id, quantity.quantity).ingredients : new Map([[ingredient as number, quantity.quantity]]);
  return await scope.db.write(async () => {
    const warnings = await overdrawn(scope, { id: unitId, name: input.storageUnit.trim() }, taken, when);
    const { id } = await scope.db
      .statement(
        `INSERT INTO waste_records (company_id, storage_unit_id, at, date, ingredient_id, recipe_id, quantity, reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(scope.companyId, unitId, when.at, when.date, ingredient, recipe?.id ?? null, toScaled(roundToScale(quantity.quantity, QUANTITY_SCALE), QUANTITY_SCALE, 'invalid_quantity', 'Wasted quantity'), reason, input.note?.trim() || null) as {
      id: number;
    };
    const entries = await inOrder(taken, async ([ingredientOf, amount]): Promise<NewLedgerEntry> => {
      const out = roundToScale(amount, QUANTITY_SCALE).negated();
      const unitCost = await weightedAverageUnitCost(scope, ingredientOf, when.date);
      return { type: 'WASTE', date: when.date, ingredientId: ingredientOf, storageUnitId: unitId, quantity: out, unitCost, value: entryValue(out, unitCost), typedQuantity: recipe ? null : quantity.typedQuantity };
    });
    return { id, entries: (await replaceReferencedEntries(scope, `waste:${id}`, entries)).length, warnings };
  });
}

/** A move: out of one storage unit and into another at the same cost (ADJUSTMENT entries, `move:<id>`), so it is a variance in neither. */
export async function moveStock(scope: CompanyScope, input: { from: string; to: string; ingredient: string; quantity: string; at: string }): Promise<StockChange> {
  const { from, to, ingredient, quantity, when } = await readFields({
    from: () => storageUnitId(scope, input.from),
    to: () => storageUnitId(scope, input.to),
    ingredient: () => ingredientId(scope, input.ingredient),
    quantity: () => positiveQuantity(scope, input.quantity, 'Moved quantity', input.ingredient),
    when: () => moment(input.at),
  });
  if (from === to) throw new DomainError('invalid_input', 'A move goes from one storage unit to another.');
  return await scope.db.write(async () => {
    const moved = roundToScale(quantity.quantity, QUANTITY_SCALE);
    const warnings = await overdrawn(scope, { id: from, name: input.from.trim() }, new Map([[ingredient, moved]]), when);
    const { id } = await scope.db
      .statement('INSERT INTO stock_moves (company_id, from_storage_unit_id, to_storage_unit_id, ingredient_id, quantity, at, date) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .get(scope.companyId, from, to, ingredient, toScaled(moved, QUANTITY_SCALE, 'invalid_quantity', 'Moved quantity'), when.at, when.date) as { id: number };
    const unitCost = await weightedAverageUnitCost(scope, ingredient, when.date);
    const leg = (storageUnitId: number, signed: Decimal): NewLedgerEntry => ({
      type: 'ADJUSTMENT',
      date: when.date,
      ingredientId: ingredient,
      storageUnitId,
      quantity: signed,
      unitCost,
      value: entryValue(signed, unitCost),
      typedQuantity: quantity.typedQuantity,
    });
    return { id, entries: (await replaceReferencedEntries(scope, `move:${id}`, [leg(from, moved.negated()), leg(to, moved)])).length, warnings };
  });
}

/** Recorded waste and moves, newest first, with their value and whether they were undone. */
export async function listWasteAndMoves(scope: CompanyScope, limit = 200): Promise<StockChangeView[]> {
  const rows = await scope.db
    .statement(
      `SELECT * FROM (
         SELECT 'waste' AS kind, w.id, w.at, w.date, u.name AS storageUnit, NULL AS toStorageUnit, coalesce(i.name, r.name) AS what, i.unit AS unit, w.quantity,
                w.reason, w.note, w.undone_at AS undoneAt,
                (SELECT coalesce(sum(e.value), 0) FROM ledger_entries e WHERE e.company_id = w.company_id AND e.reference = 'waste:' || w.id) AS value
         FROM waste_records w JOIN storage_units u ON u.id = w.storage_unit_id LEFT JOIN ingredients i ON i.id = w.ingredient_id LEFT JOIN recipes r ON r.id = w.recipe_id
         WHERE w.company_id = @company
         UNION ALL
         SELECT 'move', m.id, m.at, m.date, f.name, t.name, i.name, i.unit, m.quantity, NULL, NULL, m.undone_at,
                (SELECT coalesce(sum(e.value), 0) FROM ledger_entries e WHERE e.company_id = m.company_id AND e.reference = 'move:' || m.id AND e.quantity > 0)
         FROM stock_moves m JOIN storage_units f ON f.id = m.from_storage_unit_id JOIN storage_units t ON t.id = m.to_storage_unit_id JOIN ingredients i ON i.id = m.ingredient_id
         WHERE m.company_id = @company) AS changes
       ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all({ company: scope.companyId, limit }) as (Omit<StockChangeView, 'quantity' | 'value'> & { quantity: number; value: number })[];
  return rows.map((row) => ({ ...row, quantity: formatScaled(row.quantity, QUANTITY_SCALE), value: formatScaled(row.value, MONEY_SCALE) }));
}

/**
 * Takes back recorded waste or a move: reversing entries under `<reference>:undo`, the record marked
 * undone. Once only: a second undo is refused, and the ledger's unique index holds one reversal.
 */
export async function undoStockChange(scope: CompanyScope, kind: 'waste' | 'move', id: number, at: string): Promise<{ id: number; entries: number }> {
  const table = kind === 'waste' ? 'waste_records' : 'stock_moves';
  return await scope.db.write(async () => {
    const { changes } = await scope.db.statement(`UPDATE ${table} SET undone_at = ? WHERE company_id = ? AND id = ? AND undone_at IS NULL`).run(at, scope.companyId, id);
    if (changes === 0) {
      const exists = await scope.db.statement(`SELECT 1 FROM ${table} WHERE company_id = ? AND id = ?`).get(scope.companyId, id);
      if (!exists) throw new DomainError('invalid_input', `There is no ${kind === 'waste' ? 'recorded waste' : 'move'} with id ${id}.`);
      throw new DomainError('invalid_input', `That ${kind === 'waste' ? 'waste' : 'move'} was undone already.`);
    }
    return { id, entries: await reverseReferencedEntries(scope, `${kind}:${id}`, `${kind}:${id}:undo`) };
  });
}
