// The inventory as the engine answers it and the screens show it: one schema per concept, and the
// engine's types are inferred from these. Quantities and money are decimal text.
import { z } from 'zod';
import { decimalOutput } from '../decimal-text';

const id = z.number().int().positive();

export const storageUnitView = z.object({ id, name: z.string() });
export type StorageUnit = z.infer<typeof storageUnitView>;

export const ingredientView = z.object({ id, name: z.string(), unit: z.string() });
export type Ingredient = z.infer<typeof ingredientView>;

/** A pack unit of an ingredient: one `name` is `factor` of its base unit ("case" = "24" bottle). */
export const ingredientUnitView = z.object({
  ingredientId: id,
  name: z.string(),
  factor: decimalOutput,
  /** Stock and count sheets show the ingredient in this unit, from it down. */
  countUnit: z.boolean(),
});
export type IngredientUnit = z.infer<typeof ingredientUnitView>;

export const recipeLineView = z.object({
  kind: z.enum(['ingredient', 'recipe']),
  targetId: id,
  targetName: z.string(),
  unit: z.string().nullable(),
  quantity: decimalOutput,
  trimPct: decimalOutput.nullable(),
});
export type RecipeLine = z.infer<typeof recipeLineView>;

export const recipeSummary = z.object({ id, name: z.string(), yield: decimalOutput, lineCount: z.number().int(), usedBy: z.number().int() });
export type RecipeSummary = z.infer<typeof recipeSummary>;

export const recipeDetail = z.object({ id, name: z.string(), yield: decimalOutput, lines: z.array(recipeLineView) });
export type RecipeDetail = z.infer<typeof recipeDetail>;

/** What selling some portions of a recipe takes from stock, rounded as a ledger entry would be. */
export const explosionPreview = z.object({
  portions: decimalOutput,
  ingredients: z.array(z.object({ ingredientId: id, name: z.string(), unit: z.string(), quantity: decimalOutput })),
  exceptions: z.array(z.string()),
});
export type ExplosionPreview = z.infer<typeof explosionPreview>;

const importCount = z.object({ created: z.number().int(), updated: z.number().int() });
export type ImportCount = z.infer<typeof importCount>;
export const setupImportResult = z.object({ storageUnits: importCount, ingredients: importCount, recipes: importCount, receipts: importCount });
export type SetupImportResult = z.infer<typeof setupImportResult>;

export const stockLine = z.object({
  storageUnitId: id,
  storageUnit: z.string(),
  ingredientId: id,
  ingredient: z.string(),
  unit: z.string(),
  quantity: decimalOutput,
  value: decimalOutput,
});
export type StockLine = z.infer<typeof stockLine>;
