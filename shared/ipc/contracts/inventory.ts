import { z } from 'zod';
import { dateInput } from '../../dates';
import { decimalInput, decimalOutput, quantityInput } from '../../decimal-text';
import { recipeCostView } from '../../model/stock';
import { explosionPreview, ingredientUnitView, ingredientView, recipeDetail, recipeSummary, setupImportResult, storageUnitView } from '../../model/inventory';
import { ledgerEntryView } from '../../model/ledger';
import { defineContract } from '../contract';

const id = z.number().int().positive();
const name = z.string().max(200);
const empty = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

export const importSetup = defineContract({
  channel: 'setup:import',
  input: z.object({ content: z.string().max(20_000_000) }).strict(),
  output: setupImportResult,
  errors: ['setup_file_invalid', 'ingredient_not_found', 'recipe_not_found', 'storage_unit_not_found', 'recipe_cycle', 'invalid_trim_pct', 'invalid_yield', 'invalid_quantity', 'invalid_value', 'invalid_input'],
});

export const listStorageUnits = defineContract({
  channel: 'storage-units:list',
  input: empty,
  output: z.array(storageUnitView),
  errors: [],
});

export const saveStorageUnit = defineContract({
  channel: 'storage-units:save',
  input: z.object({ id: id.optional(), name }).strict(),
  output: storageUnitView,
  errors: ['storage_unit_name_taken', 'storage_unit_not_found', 'storage_unit_company_mismatch', 'invalid_input'],
});

export const deleteStorageUnit = defineContract({
  channel: 'storage-units:delete',
  input: z.object({ id }).strict(),
  output: done,
  errors: ['storage_unit_in_use', 'storage_unit_not_found', 'storage_unit_company_mismatch'],
});

export const listIngredients = defineContract({
  channel: 'ingredients:list',
  input: empty,
  output: z.array(ingredientView),
  errors: [],
});

export const saveIngredient = defineContract({
  channel: 'ingredients:save',
  input: z.object({ id: id.optional(), name, unit: z.string().max(20) }).strict(),
  output: ingredientView,
  errors: ['ingredient_name_taken', 'ingredient_not_found', 'invalid_input'],
});

/** Every ingredient's pack units. */
export const listIngredientUnits = defineContract({
  channel: 'ingredients:units',
  input: empty,
  output: z.array(ingredientUnitView),
  errors: [],
});

/** Adds or resizes a pack unit; its size in the base unit ("24") or another unit of the ingredient ("6 bottle"). */
export const saveIngredientUnit = defineContract({
  channel: 'ingredients:unit-save',
  input: z.object({ ingredientId: id, name: z.string().trim().min(1).max(20), factor: quantityInput }).strict(),
  output: z.array(ingredientUnitView),
  errors: ['ingredient_not_found', 'invalid_input', 'invalid_quantity', 'unit_not_convertible'],
});

export const removeIngredientUnit = defineContract({
  channel: 'ingredients:unit-remove',
  input: z.object({ ingredientId: id, name: z.string().trim().min(1).max(20) }).strict(),
  output: z.array(ingredientUnitView),
  errors: ['ingredient_not_found', 'invalid_input', 'unit_in_use'],
});

/** The unit stock and count sheets show an ingredient in (null: its largest packs first). */
export const setCountUnit = defineContract({
  channel: 'ingredients:count-unit',
  input: z.object({ ingredientId: id, name: z.string().trim().min(1).max(20).nullable() }).strict(),
  output: z.array(ingredientUnitView),
  errors: ['ingredient_not_found', 'invalid_input'],
});

export const deleteIngredient = defineContract({
  channel: 'ingredients:delete',
  input: z.object({ id }).strict(),
  output: done,
  errors: ['ingredient_in_use', 'ingredient_not_found'],
});

export const listRecipes = defineContract({
  channel: 'recipes:list',
  input: empty,
  output: z.array(recipeSummary),
  errors: [],
});

export const getRecipe = defineContract({
  channel: 'recipes:get',
  input: z.object({ id }).strict(),
  output: recipeDetail,
  errors: ['recipe_not_found'],
});

export const saveRecipe = defineContract({
  channel: 'recipes:save',
  input: z
    .object({
      id: id.optional(),
      name,
      yield: decimalInput,
      lines: z
        .array(
          z
            .object({
              ingredientId: id.optional(),
              recipeId: id.optional(),
              quantity: quantityInput,
              trimPct: decimalInput.nullish(),
            })
            .strict(),
        )
        .max(500),
    })
    .strict(),
  output: recipeDetail,
  errors: ['recipe_name_taken', 'recipe_not_found', 'ingredient_not_found', 'recipe_cycle', 'invalid_trim_pct', 'invalid_yield', 'invalid_quantity', 'invalid_input', 'unit_not_convertible'],
});

/** A saved recipe's portion cost on each day a delivery changed it, over the last 90 days to today. */
export const recipeCostHistory = defineContract({
  channel: 'recipes:cost-history',
  input: z.object({ id }).strict(),
  output: z.array(z.object({ date: z.string(), cost: decimalOutput })),
  errors: ['recipe_not_found'],
});

/** A recipe's plate cost as it is edited, before it is saved: the editor's name, yield and lines. */
export const draftRecipeCost = defineContract({
  channel: 'recipes:cost-draft',
  input: z
    .object({
      name: z.string().max(200),
      yield: decimalInput,
      lines: z
        .array(z.object({ ingredientId: id.optional(), recipeId: id.optional(), quantity: quantityInput, trimPct: decimalInput.nullish() }).strict())
        .max(500),
    })
    .strict(),
  output: recipeCostView,
  errors: ['recipe_not_found', 'ingredient_not_found', 'invalid_yield', 'invalid_quantity', 'invalid_trim_pct', 'unit_not_convertible'],
});

export const deleteRecipe = defineContract({
  channel: 'recipes:delete',
  input: z.object({ id }).strict(),
  output: done,
  errors: ['recipe_in_use', 'recipe_not_found'],
});

export const previewRecipe = defineContract({
  channel: 'recipes:preview',
  input: z.object({ id, portions: decimalInput.default('1') }).strict(),
  output: explosionPreview,
  errors: ['recipe_not_found', 'invalid_quantity'],
});

export const listReceipts = defineContract({
  channel: 'receipts:list',
  input: z.object({ limit: z.number().int().positive().max(10_000).default(500) }).strict(),
  output: z.array(ledgerEntryView),
  errors: [],
});

export const createReceipt = defineContract({
  channel: 'receipts:create',
  input: z
    .object({
      ingredientId: id,
      storageUnitId: id,
      quantity: quantityInput,
      value: decimalInput,
      date: dateInput,
      reference: z.string().max(100).nullish(),
    })
    .strict(),
  output: z.object({ id }),
  errors: ['ingredient_not_found', 'storage_unit_not_found', 'storage_unit_company_mismatch', 'invalid_quantity', 'invalid_value', 'invalid_date_format', 'receipt_reference_taken', 'unit_not_convertible'],
});

export const deleteReceipt = defineContract({
  channel: 'receipts:delete',
  input: z.object({ id }).strict(),
  output: done,
  errors: ['receipt_not_found'],
});
