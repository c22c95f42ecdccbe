// POS items and their mappings to ingredients or recipes.
import { z } from 'zod';
import { quantityInput } from '../../decimal-text';
import { dateInput } from '../../dates';
import { itemRenameView, itemSyncResult, locationCoverage, mappedObjectTypes, mappingView, posItemView, posLocationId, reprocessPreviewView, suggestionView, workListRow } from '../../model/items';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

export const listItemsContract = defineContract({
  channel: 'items:list',
  input: z.object({ unmapped: z.boolean().default(false) }).strict(),
  output: z.array(posItemView),
  errors: [],
});

export const syncItemsContract = defineContract({
  channel: 'items:sync',
  input: empty,
  output: itemSyncResult,
  errors: ['no_locations', 'lightspeed_not_connected', 'lightspeed_auth_failed', 'lightspeed_api_error'],
});

const mappingInput = z
  .object({
    posItemId: z.number().int().positive(),
    mappedObjectType: z.enum(mappedObjectTypes),
    mappedObjectId: z.number().int().positive(),
    quantity: quantityInput,
    isSubtraction: z.boolean().default(false),
    /** A location's POS id: an override of the group's mapping there. */
    location: posLocationId.optional(),
  })
  .strict();

const mappingErrors = ['item_not_found', 'ingredient_not_found', 'recipe_not_found', 'location_not_found', 'unauthorized_company_access', 'invalid_quantity', 'invalid_input', 'unit_not_convertible'] as const;

export const saveMappingContract = defineContract({
  channel: 'mappings:save',
  input: mappingInput,
  output: mappingView,
  errors: [...mappingErrors],
});

/** Bulk mapping and "Accept all shown": every mapping saved in one transaction, or none. */
export const saveMappingsContract = defineContract({
  channel: 'mappings:save-many',
  input: z.object({ mappings: z.array(mappingInput).min(1).max(10_000) }).strict(),
  output: z.object({ saved: z.number().int() }),
  errors: [...mappingErrors],
});

export const deleteMappingContract = defineContract({
  channel: 'mappings:delete',
  input: z.object({ posItemId: z.number().int().positive(), location: posLocationId.optional() }).strict(),
  output: z.object({ done: z.literal(true) }),
  errors: ['item_not_found', 'location_not_found', 'unauthorized_company_access'],
});

/** Another till's item is the same dish: it joins the item's group and deducts what the group deducts. */
export const linkItemsContract = defineContract({
  channel: 'items:link',
  input: z.object({ posItemId: z.number().int().positive(), otherIds: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  output: z.object({ mapping: mappingView.nullable() }),
  errors: ['item_not_found', 'unauthorized_company_access'],
});

/** A linked item back to a dish of its own, keeping what it deducted. */
export const unlinkItemContract = defineContract({
  channel: 'items:unlink',
  input: z.object({ posItemId: z.number().int().positive() }).strict(),
  output: z.object({ mapping: mappingView.nullable() }),
  errors: ['item_not_found', 'unauthorized_company_access', 'invalid_input'],
});

export const workListContract = defineContract({
  channel: 'items:work-list',
  input: empty,
  output: z.object({ rows: z.array(workListRow), currencyCode: z.string().nullable() }),
  errors: [],
});

export const suggestContract = defineContract({
  channel: 'items:suggest',
  input: z.object({ posItemIds: z.array(z.number().int().positive()).max(500) }).strict(),
  output: z.array(z.object({ posItemId: z.number().int(), suggestions: z.array(suggestionView) })),
  errors: [],
});

export const coverageContract = defineContract({
  channel: 'items:coverage',
  input: empty,
  output: z.array(locationCoverage),
  errors: [],
});

export const renamesContract = defineContract({
  channel: 'items:renames',
  input: empty,
  output: z.array(itemRenameView),
  errors: [],
});

export const confirmRenameContract = defineContract({
  channel: 'items:confirm-rename',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: z.object({ done: z.literal(true) }),
  errors: ['rename_not_found'],
});

const range = z.object({ businessLocationId: posLocationId, from: dateInput, to: dateInput }).strict();

export const reprocessPreviewContract = defineContract({
  channel: 'reprocess:preview',
  input: range,
  output: reprocessPreviewView,
  errors: ['location_not_found', 'invalid_input'],
});

/** Runs in main until done or cancelled; `reprocess:progress` events say how far it is. */
export const reprocessRunContract = defineContract({
  channel: 'reprocess:run',
  input: range,
  output: z.object({ days: z.array(z.object({ date: z.string(), success: z.boolean() })), cancelled: z.boolean() }),
  errors: ['location_not_found', 'invalid_input', 'reprocess_running'],
});

export const reprocessCancelContract = defineContract({
  channel: 'reprocess:cancel',
  input: empty,
  output: z.object({ cancelled: z.boolean() }),
  errors: [],
});
