import { and, eq, inArray } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { ingredients, recipeLines, recipes } from '../db/schema';
import { Decimal, formatDecimal, formatScaled, fromScaled, parseDecimal, QUANTITY_SCALE, roundToScale, toScaled } from '../decimal/decimal';
import { DomainError } from '../domain-error';
import { requireIngredient } from './ingredients';
import { keptUnit, requirePerBase, splitQuantity, unitBook, unitBooks, type UnitBook } from './units';
import { unitWrites } from './unit-version';
import { requireName } from './names';
import { describeExplosionException, explodeRecipe, findCycle, type RecipeBook, type RecipeSpec } from './recipe-explosion';
import type { LarderDb } from '../db/open-database';
import type { ExplosionPreview, RecipeDetail, RecipeSummary } from '../../../shared/model/inventory';
import { inOrder } from '../in-order';


export interface RecipeLineInput {
  ingredientId?: number | undefined;
  recipeId?: number | undefined;
  /** "0.04", "40 ml", "2 bottle": an ingredient line's quantity in any unit the ingredient converts; a recipe line's in portions. */
  quantity: string;
  /** The unit, when not typed after the quantity (a setup file's `unit`). */
  unit?: string | null | undefined;
  trimPct?: string | null | undefined;
}

export interface RecipeInput {
  id?: number | undefined;
  name: string;
  yield: string;
  lines: RecipeLineInput[];
}

const HUNDRED = new Decimal(100);

export async function listRecipes(scope: CompanyScope): Promise<RecipeSummary[]> {
  const rows = await scope.db.statement(
      `SELECT r.id, r.name, r.yield_qty AS yieldQty,
              (SELECT count(*) FROM recipe_lines l WHERE l.recipe_id = r.id) AS lineCount,
              (SELECT count(DISTINCT p.recipe_id) FROM recipe_lines p WHERE p.sub_recipe_id = r.id) AS usedBy
       FROM recipes r WHERE r.company_id = ? ORDER BY r.name`,
    )
    .all(scope.companyId) as (Omit<RecipeSummary, 'yield'> & { yieldQty: number })[];
  return rows.map(({ yieldQty, ...row }) => ({ ...row, yield: formatScaled(yieldQty, QUANTITY_SCALE) }));
}

/** Another company's recipe counts as not found. */
export async function requireRecipe(scope: CompanyScope, id: number): Promise<{ id: number; name: string; yieldQty: number }> {
  const row = await scope.db.one(scope.db.orm
    .select({ id: recipes.id, name: recipes.name, yieldQty: recipes.yieldQty })
    .from(recipes)
    .where(and(eq(recipes.id, id), eq(recipes.companyId, scope.companyId))));
  if (!row) throw new DomainError('recipe_not_found', `No recipe with id ${id} in this company.`);
  return row;
}

export async function findRecipeByName(scope: CompanyScope, name: string): Promise<{ id: number; name: string } | undefined> {
  return await scope.db.one(scope.db.orm
    .select({ id: recipes.id, name: recipes.name })
    .from(recipes)
    .where(and(eq(recipes.companyId, scope.companyId), eq(recipes.name, name.trim()))));
}

export async function getRecipe(scope: CompanyScope, id: number): Promise<RecipeDetail> {
  const recipe = await requireRecipe(scope, id);
  const lines = await scope.db.statement(
      `SELECT l.ingredient_id AS ingredientId, l.sub_recipe_id AS subRecipeId, l.quantity, l.trim_pct AS trimPct,
              coalesce(i.name, r.name) AS targetName, coalesce(l.unit, i.unit) AS unit
       FROM recipe_lines l
       LEFT JOIN ingredients i ON i.id = l.ingredient_id
       LEFT JOIN recipes r ON r.id = l.sub_recipe_id
       WHERE l.recipe_id = ? ORDER BY l.position`,
    )
    .all(id) as { ingredientId: number | null; subRecipeId: number | null; quantity: number; trimPct: number | null; targetName: string; unit: string | null }[];
  return {
    id: recipe.id,
    name: recipe.name,
    yield: formatScaled(recipe.yieldQty, QUANTITY_SCALE),
    lines: lines.map((line) => ({
      kind: line.ingredientId !== null ? 'ingredient' : 'recipe',
      targetId: (line.ingredientId ?? line.subRecipeId) as number,
      targetName: line.targetName,
      unit: line.unit,
      quantity: formatScaled(line.quantity, QUANTITY_SCALE),
      trimPct: line.trimPct === null ? null : formatScaled(line.trimPct, QUANTITY_SCALE),
    })),
  };
}

/**
 * This connection's recipe writes: with the database's recipe_book version (every commit's, another
 * process's or PC's too), what tells that a kept book is stale. The count here also tells a book read
 * inside a transaction that rolled back from one read after the same version is reached again.
 */
const recipeWrites = new WeakMap<LarderDb, number>();
const keptBooks = new WeakMap<LarderDb, { key: string; book: RecipeBook }>();

function noteRecipeWrite(scope: CompanyScope): void {
  recipeWrites.set(scope.db, (recipeWrites.get(scope.db) ?? 0) + 1);
}

/**
 * The recipe book as loadRecipeBook reads it, kept until a recipe may have changed: a write through
 * this module, or any commit by another connection (the CLI beside the app, another PC on PostgreSQL). A migration's 90
 * transfers read it once, and what is worked out from it (explosions, line deductions) can be kept
 * with it.
 */
export async function currentRecipeBook(scope: CompanyScope): Promise<RecipeBook> {
  const dataVersion = await scope.db.statement("SELECT version FROM data_versions WHERE name = 'recipe_book'").pluck().get() as number;
  const key = `${scope.companyId}:${recipeWrites.get(scope.db) ?? 0}:${unitWrites(scope.db)}:${dataVersion}`;
  const kept = keptBooks.get(scope.db);
  if (kept?.key === key) return kept.book;
  const book = await loadRecipeBook(scope);
  keptBooks.set(scope.db, { key, book });
  return book;
}

/**
 * Every recipe of the company with its lines, as the explosion reads them; or, from a recipe, only
 * the recipes it reaches through its lines (what a cycle through it can pass).
 */
export async function loadRecipeBook(scope: CompanyScope, reachableFrom?: number): Promise<Map<number, RecipeSpec>> {
  const book = new Map<number, RecipeSpec>();
  const only =
    reachableFrom === undefined
      ? ''
      : 'AND r.id IN (WITH RECURSIVE reach(id) AS (SELECT CAST(@from AS BIGINT) UNION SELECT sub_recipe_id FROM recipe_lines JOIN reach ON recipe_lines.recipe_id = reach.id WHERE sub_recipe_id IS NOT NULL) SELECT id FROM reach)';
  const bound = reachableFrom === undefined ? { company: scope.companyId } : { company: scope.companyId, from: reachableFrom };
  const heads = await scope.db.statement(`SELECT r.id, r.name, r.yield_qty AS yieldQty FROM recipes r WHERE r.company_id = @company ${only}`).all(bound) as {
    id: number;
    name: string;
    yieldQty: number;
  }[];
  for (const head of heads) book.set(head.id, { id: head.id, name: head.name, yield: fromScaled(head.yieldQty, QUANTITY_SCALE), lines: [] });
  const lines = await scope.db
    .statement(
      `SELECT l.recipe_id AS recipeId, l.ingredient_id AS ingredientId, l.sub_recipe_id AS subRecipeId, l.quantity, l.unit, l.trim_pct AS trimPct
       FROM recipe_lines l JOIN recipes r ON r.id = l.recipe_id WHERE r.company_id = @company ${only} ORDER BY l.recipe_id, l.position`,
    )
    .all(bound) as { recipeId: number; ingredientId: number | null; subRecipeId: number | null; quantity: number; unit: string | null; trimPct: number | null }[];
  // Lines typed in another unit are converted here, exactly: the explosion works in base units.
  const books = lines.some((line) => line.unit !== null) ? await unitBooks(scope) : new Map<number, UnitBook>();
  for (const line of lines) {
    const typed = fromScaled(line.quantity, QUANTITY_SCALE);
    const units = line.ingredientId === null ? undefined : books.get(line.ingredientId);
    (book.get(line.recipeId)?.lines as RecipeSpec['lines'][number][]).push({
      ...(line.ingredientId !== null ? { ingredientId: line.ingredientId } : { recipeId: line.subRecipeId as number }),
      quantity: line.unit === null || !units ? typed : typed.times(requirePerBase(units, line.unit)),
      trimPct: line.trimPct === null ? null : fromScaled(line.trimPct, QUANTITY_SCALE),
    });
  }
  return book;
}

interface ValidLine {
  ingredientId: number | null;
  subRecipeId: number | null;
  /** In `unit` (null: the ingredient's base unit, or portions of a recipe). */
  quantity: Decimal;
  unit: string | null;
  trimPct: Decimal | null;
}

async function validateLine(scope: CompanyScope, line: RecipeLineInput, position: number): Promise<ValidLine> {
  const where = `Line ${position}`;
  if ((line.ingredientId === undefined) === (line.recipeId === undefined)) {
    throw new DomainError('invalid_input', `${where} must name exactly one ingredient or one recipe.`);
  }
  if (line.ingredientId !== undefined) await requireIngredient(scope, line.ingredientId);
  if (line.recipeId !== undefined) await requireRecipe(scope, line.recipeId);
  const typed = splitQuantity(line.quantity);
  const typedUnit = typed.unit ?? (line.unit?.trim() || null);
  if (typedUnit !== null && line.recipeId !== undefined) throw new DomainError('invalid_input', `${where}: a recipe line counts portions of the recipe, without a unit.`);
  // An ingredient line keeps the unit it was typed in (converted when the recipe is read): 40 ml of a litre-based gin.
  const unit = typedUnit !== null && line.ingredientId !== undefined ? keptUnit(await unitBook(scope, line.ingredientId), typedUnit) : null;
  const quantity = parseDecimal(typed.number, 'invalid_quantity', `${where}: quantity`);
  if (!quantity.greaterThan(0)) throw new DomainError('invalid_quantity', `${where}: quantity must be above 0.`);
  toScaled(quantity, QUANTITY_SCALE, 'invalid_quantity', `${where}: quantity`);
  const trimText = line.trimPct?.toString().trim();
  const trimPct = trimText ? parseDecimal(trimText, 'invalid_trim_pct', `${where}: trim %`) : null;
  if (trimPct && (trimPct.isNegative() || trimPct.greaterThanOrEqualTo(HUNDRED))) {
    throw new DomainError('invalid_trim_pct', `${where}: trim % must be at least 0 and below 100, not ${trimPct.toFixed()}.`);
  }
  if (trimPct) toScaled(trimPct, QUANTITY_SCALE, 'invalid_trim_pct', `${where}: trim %`);
  return { ingredientId: line.ingredientId ?? null, subRecipeId: line.recipeId ?? null, quantity, unit, trimPct };
}

/**
 * Creates or replaces a recipe and its lines. Trim outside 0–100 and cycles are refused here, when
 * the manager can fix them, instead of surfacing weeks later as transfer exceptions.
 */
export async function saveRecipe(scope: CompanyScope, input: RecipeInput): Promise<RecipeDetail> {
  const name = requireName(input.name, 'Recipe name');
  const yieldQty = parseDecimal(input.yield, 'invalid_yield', 'Yield');
  if (!yieldQty.greaterThan(0)) throw new DomainError('invalid_yield', 'Yield must be above 0.');
  const storedYield = toScaled(yieldQty, QUANTITY_SCALE, 'invalid_yield', 'Yield');
  return await scope.db.write(async () => {
    noteRecipeWrite(scope);
    const clash = await findRecipeByName(scope, name);
    if (clash && clash.id !== input.id) throw new DomainError('recipe_name_taken', `A recipe named "${name}" already exists.`);
    if (input.id !== undefined) await requireRecipe(scope, input.id);
    const lines = await inOrder(input.lines, (line, index) => validateLine(scope, line, index + 1));

    const id =
      input.id ??
      (await scope.db.one(scope.db.orm.insert(recipes).values({ companyId: scope.companyId, name, yieldQty: storedYield }).returning({ id: recipes.id }))).id;
    await scope.db.exec(scope.db.orm.update(recipes).set({ name, yieldQty: storedYield }).where(eq(recipes.id, id)));
    await scope.db.exec(scope.db.orm.delete(recipeLines).where(eq(recipeLines.recipeId, id)));
    if (lines.length > 0) {
      await scope.db.exec(scope.db.orm
        .insert(recipeLines)
        .values(
          lines.map((line, index) => ({
            recipeId: id,
            position: index + 1,
            ingredientId: line.ingredientId,
            subRecipeId: line.subRecipeId,
            quantity: toScaled(line.quantity, QUANTITY_SCALE, 'invalid_quantity', 'quantity'),
            unit: line.unit,
            trimPct: line.trimPct === null ? null : toScaled(line.trimPct, QUANTITY_SCALE, 'invalid_trim_pct', 'trim %'),
          })),
        ));
    }
    // Checked on the written data, inside the transaction: a cycle rolls the whole save back. Only
    // this recipe's lines changed, so a new cycle passes through it: what it reaches is enough.
    const cycle = findCycle(await loadRecipeBook(scope, id), id);
    if (cycle) throw new DomainError('recipe_cycle', `This would make a recipe contain itself: ${cycle.join(' → ')}.`);
    return await getRecipe(scope, id);
  });
}

export async function deleteRecipe(scope: CompanyScope, id: number): Promise<void> {
  await scope.db.write(async () => {
    noteRecipeWrite(scope);
    await requireRecipe(scope, id);
    const parents = await scope.db.many(scope.db.orm
      .selectDistinct({ name: recipes.name })
      .from(recipeLines)
      .innerJoin(recipes, eq(recipes.id, recipeLines.recipeId))
      .where(eq(recipeLines.subRecipeId, id)));
    if (parents.length > 0) {
      throw new DomainError('recipe_in_use', `This recipe is used by: ${parents.map((parent) => parent.name).join(', ')}.`);
    }
    await scope.db.exec(scope.db.orm.delete(recipes).where(eq(recipes.id, id)));
  });
}

/** What selling `portions` of a recipe takes from stock, rounded as a ledger entry would be. */
export async function previewExplosion(scope: CompanyScope, recipeId: number, portionsText: string): Promise<ExplosionPreview> {
  await requireRecipe(scope, recipeId);
  const portions = parseDecimal(portionsText, 'invalid_quantity', 'Portions');
  const { ingredients: amounts, exceptions } = explodeRecipe(await loadRecipeBook(scope), recipeId, portions);
  const ids = [...amounts.keys()];
  const names = new Map(
    (ids.length === 0
      ? []
      : await scope.db.many(scope.db.orm.select({ id: ingredients.id, name: ingredients.name, unit: ingredients.unit }).from(ingredients).where(inArray(ingredients.id, ids)))
    ).map((row) => [row.id, row]),
  );
  return {
    portions: formatDecimal(portions),
    ingredients: [...amounts]
      .map(([ingredientId, quantity]) => ({
        ingredientId,
        name: names.get(ingredientId)?.name ?? `#${ingredientId}`,
        unit: names.get(ingredientId)?.unit ?? '',
        quantity: formatDecimal(roundToScale(quantity, QUANTITY_SCALE)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    exceptions: exceptions.map(describeExplosionException),
  };
}
