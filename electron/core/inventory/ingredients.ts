import { asc, eq, sql } from 'drizzle-orm';
import type { CompanyScope } from '../db/company';
import { ingredients, ledgerEntries, recipeLines } from '../db/schema';
import { DomainError } from '../domain-error';
import { requireName } from './names';
import { noteUnitWrite } from './unit-version';
import type { Ingredient } from '../../../shared/model/inventory';

const MAX_UNIT = 20;

export async function listIngredients(scope: CompanyScope): Promise<Ingredient[]> {
  return await scope.db.many(scope.db.orm
    .select({ id: ingredients.id, name: ingredients.name, unit: ingredients.unit })
    .from(ingredients)
    .where(eq(ingredients.companyId, scope.companyId))
    .orderBy(asc(ingredients.name)));
}

/** Another company's ingredient counts as not found: its existence is none of this company's business. */
// These two run per row of a setup file or a receipt import: prepared once, not built by the query builder each time.
export async function requireIngredient(scope: CompanyScope, id: number): Promise<Ingredient> {
  const row = await scope.db.statement('SELECT id, name, unit FROM ingredients WHERE id = ? AND company_id = ?').get(id, scope.companyId) as Ingredient | undefined;
  if (!row) throw new DomainError('ingredient_not_found', `No ingredient with id ${id} in this company.`);
  return row;
}

export async function findIngredientByName(scope: CompanyScope, name: string): Promise<Ingredient | undefined> {
  return await scope.db.statement('SELECT id, name, unit FROM ingredients WHERE company_id = ? AND name = ?').get(scope.companyId, name.trim()) as Ingredient | undefined;
}

function requireUnit(raw: string): string {
  const unit = raw.trim();
  if (unit.length === 0 || unit.length > MAX_UNIT) {
    throw new DomainError('invalid_input', `The unit must be 1 to ${MAX_UNIT} characters, such as kg, l or piece.`);
  }
  return unit;
}

export async function saveIngredient(scope: CompanyScope, input: { id?: number; name: string; unit: string }): Promise<Ingredient> {
  const name = requireName(input.name, 'Ingredient name');
  const unit = requireUnit(input.unit);
  return await scope.db.write(async () => {
    const clash = await findIngredientByName(scope, name);
    if (clash && clash.id !== input.id) {
      throw new DomainError('ingredient_name_taken', `An ingredient named "${name}" already exists.`);
    }
    if (input.id === undefined) {
      return await scope.db.one(scope.db.orm
        .insert(ingredients)
        .values({ companyId: scope.companyId, name, unit })
        .returning({ id: ingredients.id, name: ingredients.name, unit: ingredients.unit }));
    }
    await requireIngredient(scope, input.id);
    await scope.db.exec(scope.db.orm.update(ingredients).set({ name, unit }).where(eq(ingredients.id, input.id)));
    noteUnitWrite(scope.db);
    return { id: input.id, name, unit };
  });
}

export async function deleteIngredient(scope: CompanyScope, id: number): Promise<void> {
  await scope.db.write(async () => {
    await requireIngredient(scope, id);
    const usage = await scope.db.one(scope.db.orm
      .select({
        recipes: sql<number>`(SELECT count(*) FROM ${recipeLines} WHERE ${recipeLines.ingredientId} = ${id})`,
        entries: sql<number>`(SELECT count(*) FROM ${ledgerEntries} WHERE ${ledgerEntries.ingredientId} = ${id})`,
      })
      .from(sql`(SELECT 1) AS one`));
    if (usage && (usage.recipes > 0 || usage.entries > 0)) {
      throw new DomainError(
        'ingredient_in_use',
        `This ingredient is used by ${usage.recipes} recipe line(s) and ${usage.entries} ledger entr(y/ies) and cannot be deleted.`,
      );
    }
    await scope.db.exec(scope.db.orm.delete(ingredients).where(eq(ingredients.id, id)));
  });
}
