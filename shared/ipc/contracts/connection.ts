// Connecting Lightspeed: the configuration, the sign-in, the status and a test call.
import { z } from 'zod';
import { configurationInput, configurationView, connectionView } from '../../model/connection';
import { defineContract } from '../contract';

const empty = z.object({}).strict();

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
