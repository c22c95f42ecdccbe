// The Sides POS connection, as the Sales sources page reaches it. The password only ever goes in.
import { z } from 'zod';
import { sidesView } from '../../model/sides';
import { defineContract } from '../contract';

const empty = z.object({}).strict();
const reachErrors = ['sides_not_connected', 'sides_auth_failed', 'sides_unreachable', 'sides_rate_limited', 'sides_api_error'] as const;

export const sidesStatusContract = defineContract({ channel: 'sides:status', input: empty, output: sidesView, errors: [] });

export const sidesConnectContract = defineContract({
  channel: 'sides:connect',
  input: z
    .object({
      apiUrl: z.string().trim().max(300).optional(),
      username: z.string().trim().min(1).max(200),
      password: z.string().min(1).max(500),
      update: z.boolean().default(false),
    })
    .strict(),
  output: sidesView,
  errors: ['sides_integration_exists', 'invalid_input', ...reachErrors],
});

export const sidesTestContract = defineContract({
  channel: 'sides:test',
  input: empty,
  output: z.object({ ok: z.literal(true), checkedAt: z.string() }),
  errors: [...reachErrors],
});

export const sidesSyncStoresContract = defineContract({
  channel: 'sides:sync-stores',
  input: empty,
  output: z.object({ stores: z.number().int(), added: z.number().int(), notSeen: z.number().int() }),
  errors: [...reachErrors],
});

export const sidesSyncProductsContract = defineContract({
  channel: 'sides:sync-products',
  input: empty,
  output: z.object({ products: z.number().int(), stores: z.number().int() }),
  errors: ['no_locations', 'sides_store_not_found', ...reachErrors],
});
