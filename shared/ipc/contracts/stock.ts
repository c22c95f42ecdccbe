// Counts, waste and moves, as the Inventory screens reach them.
// Storage units, ingredients and recipes are named (their names are unique); quantities are text as typed.
import { z } from 'zod';
import { countSheet, countView, stockChange, stockChangeView } from '../../model/stock';
import { settingsSchema } from '../../settings';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const name = z.string().trim().min(1).max(200);
const typed = z.string().trim().min(1).max(80);
const instant = z.string().datetime({ offset: true });
const countId = z.object({ id: z.number().int().positive() }).strict();

export const listCountsContract = defineContract({ channel: 'counts:list', input: empty, output: z.array(countView), errors: [] });

export const startCountContract = defineContract({
  channel: 'counts:start',
  input: z.object({ storageUnit: name, at: instant }).strict(),
  output: countView,
  errors: ['storage_unit_not_found', 'count_exists', 'invalid_date_format'],
});

export const countSheetContract = defineContract({ channel: 'counts:sheet', input: countId, output: countSheet, errors: ['count_not_found'] });

/** Sets what was counted of one ingredient ("0,5" or "0.5"), or, with null, takes it off the count. */
export const setCountLineContract = defineContract({
  channel: 'counts:set',
  input: z.object({ id: z.number().int().positive(), ingredient: name, quantity: typed.nullable() }).strict(),
  output: z.object({ done: z.literal(true) }),
  errors: ['count_not_found', 'count_finished', 'ingredient_not_found', 'invalid_quantity', 'unit_not_convertible'],
});

/** The whole sheet saved at once, from the version it was opened at: a stale save is count_changed. */
export const saveCountContract = defineContract({
  channel: 'counts:save',
  input: z
    .object({
      id: z.number().int().positive(),
      version: z.number().int().min(0),
      lines: z.array(z.object({ ingredient: name, counted: typed.nullable(), was: z.string().max(40).nullable() }).strict()).max(5000),
    })
    .strict(),
  output: countView,
  errors: ['count_not_found', 'count_finished', 'count_changed', 'ingredient_not_found', 'invalid_quantity', 'unit_not_convertible'],
});

export const finishCountContract = defineContract({
  channel: 'counts:finish',
  /** With the version the sheet shows: finishing figures someone changed since is count_changed. */
  input: z.object({ id: z.number().int().positive(), version: z.number().int().min(0).optional() }).strict(),
  output: z.object({ id: z.number().int(), status: z.literal('finished'), entries: z.number().int(), counted: z.number().int() }),
  errors: ['count_not_found', 'count_finished', 'count_changed'],
});

export const reopenCountContract = defineContract({
  channel: 'counts:reopen',
  input: countId,
  output: z.object({ id: z.number().int(), status: z.literal('draft') }),
  errors: ['count_not_found', 'invalid_input'],
});

export const recordWasteContract = defineContract({
  channel: 'waste:record',
  input: z
    .object({ storageUnit: name, ingredient: name.optional(), recipe: name.optional(), quantity: typed, reason: z.string().trim().min(1).max(40), note: z.string().max(500).optional(), at: instant })
    .strict(),
  output: stockChange,
  errors: ['storage_unit_not_found', 'ingredient_not_found', 'recipe_not_found', 'invalid_quantity', 'invalid_input', 'unit_not_convertible'],
});

const reasons = settingsSchema.shape.wasteReasons.removeDefault();

/** The manager's list of waste reasons. */
export const wasteReasonsContract = defineContract({ channel: 'waste:reasons', input: empty, output: reasons, errors: [] });

export const saveWasteReasonsContract = defineContract({
  channel: 'waste:reasons-save',
  input: z.object({ reasons }).strict(),
  output: reasons,
  errors: ['invalid_input'],
});

export const moveStockContract = defineContract({
  channel: 'stock:move',
  input: z.object({ from: name, to: name, ingredient: name, quantity: typed, at: instant }).strict(),
  output: stockChange,
  errors: ['storage_unit_not_found', 'ingredient_not_found', 'invalid_quantity', 'invalid_input', 'unit_not_convertible'],
});

/** Recorded waste and moves, newest first, for the list with Undo. */
export const stockChangesContract = defineContract({ channel: 'stock:changes', input: empty, output: z.array(stockChangeView), errors: [] });

/** Takes back recorded waste or a move: reversing entries, the originals kept. */
export const undoStockChangeContract = defineContract({
  channel: 'stock:undo',
  input: z.object({ kind: z.enum(['waste', 'move']), id: z.number().int().positive() }).strict(),
  output: z.object({ id: z.number().int(), entries: z.number().int() }),
  errors: ['invalid_input'],
});
