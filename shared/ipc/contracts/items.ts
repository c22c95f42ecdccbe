// POS items and their mappings to ingredients or recipes.
import { z } from 'zod';
import { decimalInput } from '../../decimal-text';
import { itemSyncResult, mappedObjectTypes, mappingView, posItemView } from '../../model/items';
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

export const saveMappingContract = defineContract({
  channel: 'mappings:save',
  input: z
    .object({
      posItemId: z.number().int().positive(),
      mappedObjectType: z.enum(mappedObjectTypes),
      mappedObjectId: z.number().int().positive(),
      quantity: decimalInput,
      isSubtraction: z.boolean().default(false),
    })
    .strict(),
  output: mappingView,
  errors: ['item_not_found', 'ingredient_not_found', 'recipe_not_found', 'unauthorized_company_access', 'invalid_quantity'],
});

export const deleteMappingContract = defineContract({
  channel: 'mappings:delete',
  input: z.object({ posItemId: z.number().int().positive() }).strict(),
  output: z.object({ done: z.literal(true) }),
  errors: ['item_not_found', 'unauthorized_company_access'],
});
