// Where Lightspeed lives: trial and production, for both generations of auth servers (the reference
// page, section 1), or custom URLs. Environment variables override settings for the CLI and tests.
import { isSecureEndpoint, type LightspeedEnvironment } from '../../../../shared/settings';
import type { SettingsStore } from '../../platform/platform';
import { DomainError } from '../../domain-error';

export interface LightspeedEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
}

export const environmentPresets: Record<Exclude<LightspeedEnvironment, 'custom'>, LightspeedEndpoints & { label: string }> = {
  'trial-v2': {
    label: 'Trial (auth V2, Keycloak)',
    authorizeUrl: 'https://auth.lsk-demo.app/realms/k-series/protocol/openid-connect/auth',
    tokenUrl: 'https://auth.lsk-demo.app/realms/k-series/protocol/openid-connect/token',
    apiUrl: 'https://api.trial.lsk.lightspeed.app',
  },
  'production-v2': {
    label: 'Production (auth V2, Keycloak)',
    authorizeUrl: 'https://auth.lsk-prod.app/realms/k-series/protocol/openid-connect/auth',
    tokenUrl: 'https://auth.lsk-prod.app/realms/k-series/protocol/openid-connect/token',
    apiUrl: 'https://api.lsk.lightspeed.app',
  },
  'trial-v1': {
    label: 'Trial (auth V1)',
    authorizeUrl: 'https://api.trial.lsk.lightspeed.app/oauth/authorize',
    tokenUrl: 'https://api.trial.lsk.lightspeed.app/oauth/token',
    apiUrl: 'https://api.trial.lsk.lightspeed.app',
  },
  'production-v1': {
    label: 'Production (auth V1)',
    authorizeUrl: 'https://api.lsk.lightspeed.app/oauth/authorize',
    tokenUrl: 'https://api.lsk.lightspeed.app/oauth/token',
    apiUrl: 'https://api.lsk.lightspeed.app',
  },
};

/**
 * The issuer an authorization response may name (RFC 9207 `iss`): a Keycloak realm's address for the
 * V2 servers (and any Keycloak), else the authorize URL's origin.
 */
export function issuerOf(authorizeUrl: string): string {
  const url = new URL(authorizeUrl);
  const realm = /^(.*\/realms\/[^/]+)\/protocol\/openid-connect\/auth$/.exec(url.pathname);
  return realm ? `${url.origin}${realm[1]}` : url.origin;
}

/** This app needs businesses and sales (financial-api), items, and long-lived refresh tokens. */
export const LIGHTSPEED_SCOPES = 'financial-api items offline_access';

export const CLIENT_SECRET_NAME = 'lightspeed:client-secret';

export interface LightspeedConfig {
  environment: LightspeedEnvironment | 'environment-variables';
  endpoints: LightspeedEndpoints;
  clientId: string;
  clientSecret: string;
  /** null: the loopback listener's own http://127.0.0.1:PORT/callback. */
  redirectUri: string | null;
  loopbackPort: number | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The configuration in force. `readSecret` opens the sealed client secret only when the environment
 * does not supply one. Anything missing is `lightspeed_not_configured`, naming what is missing.
 */
export async function resolveLightspeedConfig(settings: SettingsStore, env: Env, readSecret: () => Promise<string | null>): Promise<LightspeedConfig> {
  const environment = settings.get('lightspeedEnvironment');
  const fromEnv = env.LIGHTSPEED_AUTH_URL || env.LIGHTSPEED_TOKEN_URL || env.LIGHTSPEED_API_URL;
  const base = environment === 'custom' ? settings.get('lightspeedCustomEndpoints') : environmentPresets[environment];
  const endpoints = {
    authorizeUrl: env.LIGHTSPEED_AUTH_URL || base?.authorizeUrl,
    tokenUrl: env.LIGHTSPEED_TOKEN_URL || base?.tokenUrl,
    apiUrl: env.LIGHTSPEED_API_URL || base?.apiUrl,
  };
  const clientId = env.LIGHTSPEED_CLIENT_ID || settings.get('lightspeedClientId');
  const clientSecret = env.LIGHTSPEED_CLIENT_SECRET || (await readSecret());
  const missing = [
    !endpoints.authorizeUrl && 'the authorize URL',
    !endpoints.tokenUrl && 'the token URL',
    !endpoints.apiUrl && 'the API URL',
    !clientId && 'the client id',
    !clientSecret && 'the client secret',
  ].filter(Boolean);
  if (missing.length > 0) throw new DomainError('lightspeed_not_configured', `Lightspeed is missing ${missing.join(', ')}.`);
  const insecure = Object.values(endpoints).filter((address) => !isSecureEndpoint(address as string));
  if (insecure.length > 0) {
    throw new DomainError('lightspeed_not_configured', `${insecure.join(', ')} must use https:// (plain http is allowed only to this computer).`);
  }
  return {
    environment: fromEnv ? 'environment-variables' : environment,
    endpoints: endpoints as LightspeedEndpoints,
    clientId,
    clientSecret: clientSecret as string,
    redirectUri: settings.get('lightspeedRedirectUri'),
    loopbackPort: settings.get('lightspeedLoopbackPort'),
  };
}
