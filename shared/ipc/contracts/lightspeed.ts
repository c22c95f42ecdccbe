import { z } from 'zod';
import { decimalInput } from '../../decimal-text';
import { configurationInput, configurationView, connectionView } from '../../model/connection';
import { itemSyncResult, locationSyncResult, locationView, mappedObjectTypes, mappingView, posItemView } from '../../model/items';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const blId = z.string().regex(/^\d+$/, 'a Lightspeed business location id');

export const getConnection = defineContract({ channel: 'connection:status', input: empty, output: connectionView, errors: [] });

export const getConfiguration = defineContract({ channel: 'connection:configuration', input: empty, output: configurationView, errors: [] });

export const configureConnection = defineContract({
  channel: 'connection:configure',
  input: configurationInput,
  output: configurationView,
  errors: ['lightspeed_not_configured', 'secret_storage_unavailable', 'secret_storage_weak', 'invalid_input'],
});

export const startConnect = defineContract({
  channel: 'connection:start',
  input: z.object({ reauthorize: z.boolean().default(false) }).strict(),
  /** In the web host the page opens the address itself: it already is the manager's browser. */
  output: z.object({ authorizeUrl: z.string(), mode: z.enum(['loopback', 'paste']), openedByApp: z.boolean() }),
  errors: ['lightspeed_not_configured', 'lightspeed_integration_exists', 'secret_storage_unavailable', 'secret_storage_weak'],
});

export const pasteAddress = defineContract({
  channel: 'connection:paste',
  input: z.object({ address: z.string().min(1).max(4000) }).strict(),
  output: connectionView,
  errors: ['oauth_flow_not_found', 'oauth_state_mismatch', 'oauth_denied', 'lightspeed_oauth_exchange_failed', 'invalid_input'],
});

export const testConnection = defineContract({
  channel: 'connection:test',
  input: empty,
  output: z.object({ ok: z.literal(true), businesses: z.number().int(), locations: z.number().int() }),
  errors: ['lightspeed_not_connected', 'lightspeed_auth_failed', 'lightspeed_api_error'],
});

export const disconnect = defineContract({ channel: 'connection:disconnect', input: empty, output: connectionView, errors: ['lightspeed_not_connected'] });

export const listLocationsContract = defineContract({ channel: 'locations:list', input: empty, output: z.array(locationView), errors: [] });

export const syncLocationsContract = defineContract({
  channel: 'locations:sync',
  input: empty,
  output: locationSyncResult,
  errors: ['lightspeed_not_connected', 'lightspeed_auth_failed', 'lightspeed_api_error'],
});

export const linkLocation = defineContract({
  channel: 'locations:link',
  input: z.object({ businessLocationId: blId, storageUnitId: z.number().int().positive().nullable() }).strict(),
  output: locationView,
  errors: ['location_not_found', 'storage_unit_not_found', 'storage_unit_company_mismatch'],
});

export const setLocationAutoIssue = defineContract({
  channel: 'locations:auto-issue',
  input: z.object({ businessLocationId: blId, on: z.boolean() }).strict(),
  output: locationView,
  errors: ['location_not_found'],
});

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
