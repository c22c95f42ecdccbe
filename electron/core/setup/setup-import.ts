// The setup file: storage units, ingredients, recipes and receipts in one JSON document, imported
// all or nothing. Objects are matched by name, so importing a corrected file again updates them.
import { z } from 'zod';
import { dateInput } from '../../../shared/dates';
import { decimalInput } from '../../../shared/decimal-text';
import type { CompanyScope } from '../db/company';
import { DomainError, quoted } from '../domain-error';
import { saveIngredient } from '../inventory/ingredients';
import { saveIngredientUnit } from '../inventory/units';
import { prepareReceipt, receiptLookups, saveReceipts, type PreparedReceipt } from '../ledger/receipts';
import { findRecipeByName, saveRecipe, type RecipeLineInput } from '../inventory/recipes';
import { findStorageUnitByName, saveStorageUnit } from '../inventory/storage-units';
import type { ImportCount, SetupImportResult } from '../../../shared/model/inventory';
import { inOrder } from '../in-order';


const setupFileSchema = z
  .object({
    storageUnits: z.array(z.object({ name: z.string() }).strict()).default([]),
    ingredients: z
      .array(
        z
          .object({
            name: z.string(),
            unit: z.string(),
            /** Pack units: `factor` is one of it in the base unit ("24"), or in another unit of the ingredient ("6 bottle"). */
            units: z.array(z.object({ name: z.string(), factor: z.string() }).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
    recipes: z
      .array(
        z
          .object({
            name: z.string(),
            yield: decimalInput.default('1'),
            lines: z
              .array(
                z
                  .object({
                    ingredient: z.string().optional(),
                    recipe: z.string().optional(),
                    quantity: decimalInput,
                    unit: z.string().nullish(),
                    trimPct: decimalInput.nullish(),
                  })
                  .strict()
                  .refine((line) => (line.ingredient === undefined) !== (line.recipe === undefined), {
                    message: 'a line names exactly one of "ingredient" or "recipe"',
                  }),
              )
              .default([]),
          })
          .strict(),
      )
      .default([]),
    receipts: z
      .array(
        z
          .object({
            ingredient: z.string(),
            storageUnit: z.string(),
            quantity: decimalInput,
            unit: z.string().nullish(),
            value: decimalInput,
            date: dateInput,
            reference: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type SetupFile = z.input<typeof setupFileSchema>;

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Re-throws a refusal with the entry and field at fault in front of its message. */
async function at<T>(where: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `${where}: ${error.message}`, error.details);
    throw error;
  }
}

export function parseSetupFile(text: string): z.output<typeof setupFileSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DomainError('setup_file_invalid', `The setup file is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = setupFileSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${pathText(issue.path) || '(file)'}: ${issue.message}`);
    throw new DomainError('setup_file_invalid', `The setup file has ${details.length} fault(s); first: ${details[0]}`, details);
  }
  return parsed.data;
}

export async function importSetupFile(scope: CompanyScope, text: string): Promise<SetupImportResult> {
  const file = parseSetupFile(text);
  const count = (): ImportCount => ({ created: 0, updated: 0 });
  const result: SetupImportResult = { storageUnits: count(), ingredients: count(), recipes: count(), receipts: count() };
  const tally = (into: ImportCount, existed: boolean) => (existed ? into.updated++ : into.created++);

  await scope.db.write(async () => {
    for (const [index, unit] of file.storageUnits.entries()) {
      await at(`storageUnits[${index}] ${quoted(unit.name)}`, async () => {
        const existing = await findStorageUnitByName(scope, unit.name);
        if (!existing) await saveStorageUnit(scope, { name: unit.name });
        tally(result.storageUnits, existing !== undefined);
      });
    }
    // The company's ingredients by name, read once (not once per ingredient and recipe line): on a
    // database server each lookup is a round trip.
    const ingredientIds = new Map(
      ((await scope.db.statement('SELECT name, id FROM ingredients WHERE company_id = ?').all(scope.companyId)) as { name: string; id: number }[]).map(({ name, id }) => [name, id]),
    );
    for (const [index, ingredient] of file.ingredients.entries()) {
      await at(`ingredients[${index}] ${quoted(ingredient.name)}`, async () => {
        const existing = ingredientIds.get(ingredient.name.trim());
        const saved = await saveIngredient(scope, { id: existing, name: ingredient.name, unit: ingredient.unit });
        ingredientIds.set(saved.name, saved.id);
        // In the file's order, so a unit may be given in one named before it (case = 6 bottle after bottle = 0.7).
        for (const [unitIndex, unit] of ingredient.units.entries()) {
          await at(`units[${unitIndex}] ${quoted(unit.name)}`, () => saveIngredientUnit(scope, saved.id, unit.name, unit.factor));
        }
        tally(result.ingredients, existing !== undefined);
      });
    }
    // Headers first, so a recipe line may name a recipe that comes later in the file.
    const recipeIds = await inOrder(file.recipes, (recipe, index) =>
      at(`recipes[${index}] ${quoted(recipe.name)}`, async () => {
        const existing = await findRecipeByName(scope, recipe.name);
        tally(result.recipes, existing !== undefined);
        return existing?.id ?? (await saveRecipe(scope, { name: recipe.name, yield: recipe.yield, lines: [] })).id;
      }),
    );
    for (const [index, recipe] of file.recipes.entries()) {
      const where = `recipes[${index}] ${quoted(recipe.name)}`;
      const lines = await inOrder(recipe.lines, (line, lineIndex) =>
        at(`${where}, lines[${lineIndex}]`, async (): Promise<RecipeLineInput> => ({
          ingredientId: line.ingredient === undefined ? undefined : requireByName('ingredient', line.ingredient, idNamed(ingredientIds, line.ingredient)),
          recipeId: line.recipe === undefined ? undefined : requireByName('recipe', line.recipe, await findRecipeByName(scope, line.recipe)),
          quantity: line.quantity,
          unit: line.unit ?? null,
          trimPct: line.trimPct ?? null,
        })),
      );
      await at(where, () => saveRecipe(scope, { id: recipeIds[index], name: recipe.name, yield: recipe.yield, lines }));
    }
    // Each name is looked up once, and the receipts are saved together: their days are added up once
    // each, so a file's cost grows with its size, not with its size squared.
    const storageUnitIds = new Map<string, number>();
    const storageUnitOf = async (name: string) => {
      let id = storageUnitIds.get(name);
      if (id === undefined) storageUnitIds.set(name, (id = requireByName('storage unit', name, await findStorageUnitByName(scope, name))));
      return id;
    };
    const lookups = await receiptLookups(scope);
    const occurrences = new Map<string, number>();
    const byReference = new Map<string, number>();
    const prepared: PreparedReceipt[] = [];
    for (const [index, receipt] of file.receipts.entries()) {
      await at(`receipts[${index}]`, async () => {
        // Without an invoice number, a receipt is known by what, where and when, plus its order
        // among identical ones in the file: that key is stable across imports of the same file.
        const natural = `${receipt.date}|${receipt.ingredient}|${receipt.storageUnit}`;
        const occurrence = (occurrences.get(natural) ?? 0) + 1;
        occurrences.set(natural, occurrence);
        const reference = receipt.reference?.trim() || `setup:${natural}|${occurrence}`;
        const ingredientId = await at('ingredient', () => requireByName('ingredient', receipt.ingredient, idNamed(ingredientIds, receipt.ingredient)));
        const storageUnitId = await at('storageUnit', () => storageUnitOf(receipt.storageUnit));
        const receiptOf = await prepareReceipt(scope, { ingredientId, storageUnitId, quantity: receipt.quantity, unit: receipt.unit, value: receipt.value, date: receipt.date, reference }, lookups);
        // A reference the file repeats updates the receipt its first mention made.
        const earlier = byReference.get(reference);
        if (earlier === undefined) {
          byReference.set(reference, prepared.length);
          prepared.push(receiptOf);
        } else prepared[earlier] = { ...receiptOf, existing: (prepared[earlier] as PreparedReceipt).existing };
        tally(result.receipts, earlier !== undefined || receiptOf.existing !== undefined);
      });
    }
    await saveReceipts(scope, prepared);
  });
  return result;
}

/** An id from a map by name, as the find…ByName lookups give it (the name trimmed). */
function idNamed(ids: ReadonlyMap<string, number>, name: string): { id: number } | undefined {
  const id = ids.get(name.trim());
  return id === undefined ? undefined : { id };
}

function requireByName(kind: 'ingredient' | 'recipe' | 'storage unit', name: string, found: { id: number } | undefined): number {
  if (found) return found.id;
  const code = kind === 'ingredient' ? 'ingredient_not_found' : kind === 'recipe' ? 'recipe_not_found' : 'storage_unit_not_found';
  throw new DomainError(code, `no ${kind} named ${quoted(name)} in the file or in Larder`);
}
