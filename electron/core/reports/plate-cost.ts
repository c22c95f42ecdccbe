// What each dish costs: a recipe's portion at the weighted average costs of a day (today's by
// default), line by line as it was typed, and a POS item's cost through its mapping; then the menu
// engineering report (Kasavana–Smith) over a location's sales of a period. Reads only.
import type { ItemCost, MenuReport, RecipeCost } from '../../../shared/model/stock';
import type { CompanyScope } from '../db/company';
import { Decimal, formatDecimal, fromScaled, MONEY_SCALE, parseDecimal, QUANTITY_SCALE, roundToScale, UNIT_COST_SCALE } from '../decimal/decimal';
import { DomainError, quoted } from '../domain-error';
import { mappingLookup, type LineMapping } from '../items/mapping-lookup';
import { grossForTrim } from '../inventory/recipe-explosion';
import { currentRecipeBook, findRecipeByName, getRecipe, type RecipeLineInput } from '../inventory/recipes';
import { requirePerBase, unitBook } from '../inventory/units';
import { splitQuantity } from '../../../shared/decimal-text';
import { receiptUnitCosts } from '../ledger/ledger';
import { companyCurrency, requireAnyLocation } from '../locations/location-sync';
import { itemsSold } from '../sales/sales-cache';
import { inOrder } from '../in-order';

const money = (value: Decimal) => formatDecimal(roundToScale(value, MONEY_SCALE));
const HUNDRED = new Decimal(100);

/**
 * Portion costs of a day: an ingredient never received costs nothing here and is named in `missing`.
 * The day's unit costs and the ingredients' names are read first, so the pricing itself reads nothing.
 */
async function portionCosts(scope: CompanyScope, date: string) {
  const book = await currentRecipeBook(scope);
  const costs = await receiptUnitCosts(scope, date);
  const names = new Map(
    ((await scope.db.statement('SELECT id, name FROM ingredients WHERE company_id = ?').all(scope.companyId)) as { id: number; name: string }[]).map((row) => [row.id, row.name]),
  );
  const unitCost = (ingredientId: number): Decimal | null => costs.get(ingredientId) ?? null;
  const ingredientName = (id: number) => names.get(id) ?? String(id);
  const portions = new Map<number, { cost: Decimal; missing: Set<string> }>();
  const portion = (recipeId: number, path: readonly number[] = []): { cost: Decimal; missing: Set<string> } => {
    const kept = portions.get(recipeId);
    if (kept) return kept;
    const recipe = book.get(recipeId);
    const result = { cost: new Decimal(0), missing: new Set<string>() };
    // A cycle cannot be saved; a recipe missing from the book costs nothing rather than looping.
    if (!recipe || path.includes(recipeId)) return result;
    for (const line of recipe.lines) {
      const gross = grossForTrim(line.quantity, line.trimPct) ?? line.quantity;
      if (line.ingredientId !== undefined) {
        const cost = unitCost(line.ingredientId);
        if (cost === null) result.missing.add(ingredientName(line.ingredientId));
        else result.cost = result.cost.plus(gross.times(cost));
      } else if (line.recipeId !== undefined) {
        const sub = portion(line.recipeId, [...path, recipeId]);
        result.cost = result.cost.plus(gross.times(sub.cost));
        for (const name of sub.missing) result.missing.add(name);
      }
    }
    result.cost = result.cost.dividedBy(recipe.yield);
    portions.set(recipeId, result);
    return result;
  };
  return { portion, unitCost, ingredientName };
}

/**
 * A recipe's cost at the weighted average costs of `date`: each line as typed (quantity and unit),
 * its base quantity (gross of trim), unit cost and cost per batch; `cost` is one portion's (the batch
 * over the yield). An ingredient never received has no cost yet: its line's cost is null, and it is
 * named in `missing_costs`.
 */
export async function recipeCost(scope: CompanyScope, recipe: string | number, date: string): Promise<RecipeCost> {
  const found = typeof recipe === 'number' ? { id: recipe } : await findRecipeByName(scope, recipe.trim());
  if (!found) throw new DomainError('recipe_not_found', `No recipe named ${quoted(String(recipe))}.`);
  const detail = await getRecipe(scope, found.id);
  const spec = (await currentRecipeBook(scope)).get(found.id);
  const lines = detail.lines.map((line, index) => {
    const specLine = spec?.lines[index];
    return { ...line, base: specLine ? (grossForTrim(specLine.quantity, specLine.trimPct) ?? specLine.quantity) : new Decimal(line.quantity) };
  });
  return await costOfLines(scope, detail.name, detail.yield, lines, date);
}

/**
 * A recipe's portion cost over time: on `to`, and on every day up to it (from `from`) that a delivery
 * of one of its ingredients (through its sub-recipes too) changed a weighted average cost — the days
 * the plate cost can jump.
 */
export async function recipeCostHistory(scope: CompanyScope, recipeId: number, from: string, to: string): Promise<{ date: string; cost: string }[]> {
  const spec = await currentRecipeBook(scope);
  const ingredients = new Set<number>();
  const visit = (id: number, path: readonly number[]) => {
    if (path.includes(id)) return;
    for (const line of spec.get(id)?.lines ?? []) {
      if (line.ingredientId !== undefined) ingredients.add(line.ingredientId);
      else if (line.recipeId !== undefined) visit(line.recipeId, [...path, id]);
    }
  };
  await getRecipe(scope, recipeId);
  visit(recipeId, []);
  const dates = await scope.db
    .statement(
      `SELECT DISTINCT date FROM ledger_entries WHERE company_id = ? AND type = 'RECEIPT' AND date BETWEEN ? AND ?
       AND ingredient_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) ORDER BY date`,
    )
    .pluck()
    .all(scope.companyId, from, to, JSON.stringify([...ingredients])) as string[];
  return await inOrder(new Set([...dates, to]), async (date) => ({ date, cost: (await recipeCost(scope, recipeId, date)).cost }));
}

/**
 * A recipe's cost as it is being edited, before it is saved: the lines as typed (an ingredient's in
 * any unit it converts), each priced as `recipeCost` prices a saved one.
 */
export async function draftRecipeCost(scope: CompanyScope, draft: { name: string; yield: string; lines: RecipeLineInput[] }, date: string): Promise<RecipeCost> {
  const portions = parseDecimal(draft.yield, 'invalid_yield', 'Yield');
  if (!portions.greaterThan(0)) throw new DomainError('invalid_yield', 'Yield must be above 0.');
  const lines = await inOrder(draft.lines, async (line, index) => {
    const where = `Line ${index + 1}`;
    const typed = splitQuantity(line.quantity);
    const quantity = parseDecimal(typed.number, 'invalid_quantity', `${where}: quantity`);
    const trim = line.trimPct?.toString().trim() ? parseDecimal(line.trimPct.toString(), 'invalid_trim_pct', `${where}: trim %`) : null;
    if (line.ingredientId !== undefined) {
      const book = await unitBook(scope, line.ingredientId);
      const unit = typed.unit ?? book.base;
      const base = quantity.times(requirePerBase(book, unit));
      return { kind: 'ingredient' as const, targetId: line.ingredientId, targetName: book.ingredient, quantity: quantity.toFixed(), unit, base: grossForTrim(base, trim) ?? base };
    }
    const sub = await getRecipe(scope, line.recipeId as number);
    return { kind: 'recipe' as const, targetId: sub.id, targetName: sub.name, quantity: quantity.toFixed(), unit: null, base: grossForTrim(quantity, trim) ?? quantity };
  });
  return await costOfLines(scope, draft.name, portions.toFixed(), lines, date);
}

/** Each line priced at the weighted average costs of `date` (a sub-recipe line at its portion's cost), and one portion's cost. */
async function costOfLines(
  scope: CompanyScope,
  name: string,
  yieldQty: string,
  lines: { kind: 'ingredient' | 'recipe'; targetId: number; targetName: string; quantity: string; unit: string | null; base: Decimal }[],
  date: string,
): Promise<RecipeCost> {
  const costs = await portionCosts(scope, date);
  const missing = new Set<string>();
  let batch = new Decimal(0);
  const priced = lines.map((line) => {
    let unitCost: Decimal | null;
    if (line.kind === 'ingredient') {
      unitCost = costs.unitCost(line.targetId);
      if (unitCost === null) missing.add(line.targetName);
    } else {
      const sub = costs.portion(line.targetId);
      unitCost = sub.cost;
      for (const ingredient of sub.missing) missing.add(ingredient);
    }
    const cost = unitCost === null ? null : line.base.times(unitCost);
    if (cost !== null) batch = batch.plus(cost);
    return {
      ingredient: line.targetName,
      quantity: line.quantity,
      unit: line.kind === 'ingredient' ? (line.unit ?? '') : 'portion',
      base_quantity: formatDecimal(roundToScale(line.base, QUANTITY_SCALE)),
      unit_cost: unitCost === null ? null : formatDecimal(roundToScale(unitCost, UNIT_COST_SCALE)),
      cost: cost === null ? null : money(cost),
    };
  });
  return { recipe: name, yield: yieldQty, cost: money(batch.dividedBy(new Decimal(yieldQty))), lines: priced, missing_costs: [...missing].sort(), currency: await companyCurrency(scope) };
}

/** What one sale of an item costs through its mapping, or null: unmapped, or a subtracting mapping (a correction, no dish). */
function mappedCost(mapping: LineMapping | null, costs: Awaited<ReturnType<typeof portionCosts>>): { cost: Decimal; missing: string[] } | null {
  if (!mapping || mapping.isSubtraction) return null;
  if (mapping.ingredientId !== null) {
    const unitCost = costs.unitCost(mapping.ingredientId);
    return unitCost === null ? { cost: new Decimal(0), missing: [costs.ingredientName(mapping.ingredientId)] } : { cost: mapping.quantity.times(unitCost), missing: [] };
  }
  const portion = costs.portion(mapping.recipeId as number);
  return { cost: mapping.quantity.times(portion.cost), missing: [...portion.missing] };
}

/**
 * What one sale of a POS item costs through its mapping (the group's, at the weighted average costs
 * of `date`), against its POS price: cost %, margin. Null when the item is not mapped (or only
 * subtracts). The price is the POS's own (Lightspeed's item price; a CSV till's has none).
 */
export async function itemCost(scope: CompanyScope, posItemId: number, date: string): Promise<ItemCost | null> {
  const item = await scope.db.statement('SELECT source_id AS sourceId, item_id AS itemId, sku, name, price FROM pos_items WHERE id = ? AND company_id = ?').get(posItemId, scope.companyId) as
    | { sourceId: number; itemId: string; sku: string | null; name: string; price: number | null }
    | undefined;
  if (!item) throw new DomainError('item_not_found', `No POS item with id ${posItemId}.`);
  const cost = mappedCost((await mappingLookup(scope, item.sourceId, 0))({ itemId: item.itemId, sku: item.sku, name: item.name }), await portionCosts(scope, date));
  if (!cost) return null;
  const price = item.price === null ? null : fromScaled(item.price, MONEY_SCALE);
  return {
    cost: money(cost.cost),
    price: price === null ? null : money(price),
    cost_pct: price === null || price.isZero() ? null : formatDecimal(roundToScale(cost.cost.dividedBy(price).times(HUNDRED), 2)),
    margin: price === null ? null : money(price.minus(cost.cost)),
    missing_costs: cost.missing,
    currency: await companyCurrency(scope),
  };
}

type MenuClass = 'star' | 'plowhorse' | 'puzzle' | 'dog';

/**
 * Menu engineering over a location's sold items of a period (Kasavana–Smith): each mapped item's units
 * sold, average net price (its sales value over its units), plate cost at the weighted average costs
 * of the period's last day, margin and margin × units. Popular: at least 70 % of an even share of the
 * units sold; profitable: a margin at least the average contribution margin (total margin over total
 * units). Star (both), plowhorse (popular only), puzzle (profitable only), dog (neither).
 */
export async function menuReport(scope: CompanyScope, businessLocationId: string, from: string, to: string): Promise<MenuReport> {
  if (from > to) throw new DomainError('invalid_input', `The period must start before it ends (${from} to ${to}).`);
  const location = await requireAnyLocation(scope, businessLocationId);
  const mappingFor = await mappingLookup(scope, location.sourceId, location.id);
  const costs = await portionCosts(scope, to);
  const unmapped: string[] = [];
  const missing = new Set<string>();
  const items = (await itemsSold(scope.db, location.id, from, to)).flatMap((item) => {
    const units = fromScaled(item.units, QUANTITY_SCALE);
    if (!units.greaterThan(0)) return [];
    const cost = mappedCost(mappingFor({ itemId: item.itemId, sku: item.sku, name: item.name }), costs);
    if (!cost) {
      unmapped.push(item.name);
      return [];
    }
    for (const name of cost.missing) missing.add(name);
    const price = fromScaled(item.value, MONEY_SCALE).dividedBy(units);
    return [{ name: item.name, units, price, cost: cost.cost, margin: price.minus(cost.cost) }];
  });
  const totalUnits = items.reduce((sum, item) => sum.plus(item.units), new Decimal(0));
  const totalMargin = items.reduce((sum, item) => sum.plus(item.margin.times(item.units)), new Decimal(0));
  const averageMargin = totalUnits.isZero() ? new Decimal(0) : totalMargin.dividedBy(totalUnits);
  // 70 % of an even share of the units sold.
  const threshold = items.length === 0 ? new Decimal(0) : totalUnits.dividedBy(items.length).times('0.7');
  const classOf = (popular: boolean, profitable: boolean): MenuClass => (popular ? (profitable ? 'star' : 'plowhorse') : profitable ? 'puzzle' : 'dog');
  const rows = items
    .map((item) => ({
      item: item.name,
      sold: formatDecimal(item.units),
      price: money(item.price),
      plate_cost: money(item.cost),
      margin: money(item.margin),
      margin_total: money(item.margin.times(item.units)),
      cost_pct: item.price.isZero() ? null : formatDecimal(roundToScale(item.cost.dividedBy(item.price).times(HUNDRED), 2)),
      class: classOf(item.units.greaterThanOrEqualTo(threshold), item.margin.greaterThanOrEqualTo(averageMargin)),
    }))
    .sort((a, b) => new Decimal(b.margin_total).comparedTo(new Decimal(a.margin_total)) || a.item.localeCompare(b.item));
  return {
    from,
    to,
    currency: location.currencyCode,
    rows,
    average_margin: money(averageMargin),
    popularity_threshold: formatDecimal(roundToScale(threshold, QUANTITY_SCALE)),
    unmapped: unmapped.sort(),
    missing_costs: [...missing].sort(),
  };
}
