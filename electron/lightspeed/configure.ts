// Setting up the Lightspeed client: the environment, the client id (a setting) and the client secret
// (sealed in the vault, never in settings.json).
import { z } from 'zod';
import { lightspeedEnvironments, type Settings } from '../../shared/settings';
import { DomainError } from '../domain-error';
import type { Engine } from '../engine';
import { CLIENT_SECRET_NAME, environmentPresets } from './environments';

export const configurationInput = z.object({
  environment: z.enum(lightspeedEnvironments).optional(),
  clientId: z.string().trim().min(1).max(200).optional(),
  clientSecret: z.string().min(1).max(500).optional(),
  /** A registered https redirect (paste fallback), or null for the loopback listener. */
  redirectUri: z.string().url().nullable().optional(),
  loopbackPort: z.number().int().min(1024).max(65535).nullable().optional(),
  customEndpoints: z.object({ authorizeUrl: z.string().url(), tokenUrl: z.string().url(), apiUrl: z.string().url() }).optional(),
});

export interface ConfigurationView {
  environment: Settings['lightspeedEnvironment'];
  endpoints: { authorizeUrl: string; tokenUrl: string; apiUrl: string } | null;
  clientId: string;
  clientSecretStored: boolean;
  redirectUri: string | null;
  loopbackPort: number | null;
}

export function viewConfiguration(engine: Engine): ConfigurationView {
  const { settings } = engine.platform;
  const environment = settings.get('lightspeedEnvironment');
  const preset = environment === 'custom' ? settings.get('lightspeedCustomEndpoints') : environmentPresets[environment];
  return {
    environment,
    endpoints: preset ? { authorizeUrl: preset.authorizeUrl, tokenUrl: preset.tokenUrl, apiUrl: preset.apiUrl } : null,
    clientId: settings.get('lightspeedClientId'),
    clientSecretStored: engine.vault.find(CLIENT_SECRET_NAME) !== null,
    redirectUri: settings.get('lightspeedRedirectUri'),
    loopbackPort: settings.get('lightspeedLoopbackPort'),
  };
}

export function configureLightspeed(engine: Engine, input: z.output<typeof configurationInput>): ConfigurationView {
  const { settings } = engine.platform;
  const environment = input.environment ?? settings.get('lightspeedEnvironment');
  if (environment === 'custom' && !input.customEndpoints && !settings.get('lightspeedCustomEndpoints')) {
    throw new DomainError('lightspeed_not_configured', 'The custom environment needs its authorize, token and API URLs.');
  }
  // The secret first: if it cannot be sealed here, nothing else changes either.
  if (input.clientSecret !== undefined) engine.vault.put(CLIENT_SECRET_NAME, input.clientSecret);
  if (input.customEndpoints) settings.set('lightspeedCustomEndpoints', input.customEndpoints);
  settings.set('lightspeedEnvironment', environment);
  if (input.clientId !== undefined) settings.set('lightspeedClientId', input.clientId);
  if (input.redirectUri !== undefined) settings.set('lightspeedRedirectUri', input.redirectUri);
  if (input.loopbackPort !== undefined) settings.set('lightspeedLoopbackPort', input.loopbackPort);
  return viewConfiguration(engine);
}
