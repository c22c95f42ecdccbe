// Setting up the Lightspeed client: the environment, the client id (a setting) and the client secret
// (sealed in the vault, never in settings.json).
import type { ConfigurationInput, ConfigurationView } from '../../../../shared/model/connection';
import { DomainError } from '../../domain-error';
import type { SettingsStore } from '../../platform/platform';
import type { SecretVault } from '../../secrets/secret-vault';
import { CLIENT_SECRET_NAME, environmentPresets, type LightspeedConfig } from './environments';

/** What configuring the client needs of the engine (the engine itself is one). */
export interface LightspeedSetup {
  platform: { settings: SettingsStore };
  vault: SecretVault;
  lightspeed: { config(): Promise<LightspeedConfig> };
}

async function isComplete(engine: LightspeedSetup): Promise<boolean> {
  try {
    await engine.lightspeed.config();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'lightspeed_not_configured') return false;
    throw error;
  }
}

export async function viewConfiguration(engine: LightspeedSetup): Promise<ConfigurationView> {
  const { settings } = engine.platform;
  const environment = settings.get('lightspeedEnvironment');
  const preset = environment === 'custom' ? settings.get('lightspeedCustomEndpoints') : environmentPresets[environment];
  return {
    environment,
    endpoints: preset ? { authorizeUrl: preset.authorizeUrl, tokenUrl: preset.tokenUrl, apiUrl: preset.apiUrl } : null,
    clientId: settings.get('lightspeedClientId'),
    clientSecretStored: await engine.vault.find(CLIENT_SECRET_NAME) !== null,
    redirectUri: settings.get('lightspeedRedirectUri'),
    loopbackPort: settings.get('lightspeedLoopbackPort'),
    complete: await isComplete(engine),
    demoAccount: settings.get('demoAccount') !== null,
  };
}

export async function configureLightspeed(engine: LightspeedSetup, input: ConfigurationInput): Promise<ConfigurationView> {
  const { settings } = engine.platform;
  const environment = input.environment ?? settings.get('lightspeedEnvironment');
  if (environment === 'custom' && !input.customEndpoints && !settings.get('lightspeedCustomEndpoints')) {
    throw new DomainError('lightspeed_not_configured', 'The custom environment needs its authorize, token and API URLs.');
  }
  // The secret first: if it cannot be sealed here, nothing else changes either.
  if (input.clientSecret !== undefined) await engine.vault.put(CLIENT_SECRET_NAME, input.clientSecret);
  if (input.customEndpoints) settings.set('lightspeedCustomEndpoints', input.customEndpoints);
  settings.set('lightspeedEnvironment', environment);
  if (input.clientId !== undefined) settings.set('lightspeedClientId', input.clientId);
  if (input.redirectUri !== undefined) settings.set('lightspeedRedirectUri', input.redirectUri);
  if (input.loopbackPort !== undefined) settings.set('lightspeedLoopbackPort', input.loopbackPort);
  return await viewConfiguration(engine);
}
