// The token endpoint: authorization-code exchange and refresh. The client authenticates with HTTP
// Basic only (secrets in the body are refused by Lightspeed's Keycloak), the body is a form, and
// refresh never sends `scope`.
import { z } from 'zod';
import type { LightspeedConfig } from './environments';
import { LightspeedError, send, serverMessage, TEMPORARY_STATUSES } from './lightspeed-http';

export interface TokenSet {
  accessToken: string;
  /** Null when the server sent none: allowed by RFC 6749 (a refresh keeps the old one; a first sign-in without one has no offline access). */
  refreshToken: string | null;
  accessExpiresAt: string;
  /** Null when the refresh token has no fixed expiry (refresh_expires_in 0: offline tokens). */
  refreshExpiresAt: string | null;
  scope: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
  refresh_expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
});

/** Why a token request failed: the grant is dead (reauthorize), the client is misconfigured, or the server had trouble. */
export type TokenFailure = 'invalid_grant' | 'client' | 'server';

export class TokenEndpointError extends LightspeedError {
  readonly failure: TokenFailure;

  constructor(failure: TokenFailure, message: string, status: number | null) {
    super(failure === 'server' ? 'lightspeed_api_error' : failure === 'client' ? 'lightspeed_not_configured' : 'lightspeed_auth_failed', message, status, failure === 'server');
    this.failure = failure;
  }
}

function basicAuth(config: LightspeedConfig): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(config.clientId)}:${encode(config.clientSecret)}`).toString('base64')}`;
}

async function requestTokens(config: LightspeedConfig, form: Record<string, string>, now: Date): Promise<TokenSet> {
  try {
    return await tokensFrom(config, form, now);
  } catch (error) {
    // A token endpoint may echo the client secret, the refresh token or the code it was sent.
    if (error instanceof TokenEndpointError) throw error.withoutSecrets([config.clientSecret, form.refresh_token, form.code, form.code_verifier]);
    throw error;
  }
}

async function tokensFrom(config: LightspeedConfig, form: Record<string, string>, now: Date): Promise<TokenSet> {
  let answer;
  try {
    answer = await send(config.endpoints.tokenUrl, {
      method: 'POST',
      headers: { authorization: basicAuth(config), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    throw new TokenEndpointError('server', (error as Error).message, null);
  }
  if (answer.status !== 200) {
    const words = serverMessage(answer.text);
    if (answer.status === 400 && /invalid_grant/.test(answer.text)) throw new TokenEndpointError('invalid_grant', `Lightspeed refused the grant: ${words}`, 400);
    if (answer.status === 401 || /unauthorized_client|invalid_client/.test(answer.text)) {
      throw new TokenEndpointError('client', `Lightspeed refused the client id or secret: ${words}`, answer.status);
    }
    const failure: TokenFailure = answer.status >= 500 || TEMPORARY_STATUSES.has(answer.status) ? 'server' : 'client';
    throw new TokenEndpointError(failure, `The Lightspeed token endpoint answered ${answer.status}: ${words}`, answer.status);
  }
  let parsed;
  try {
    parsed = tokenResponse.safeParse(JSON.parse(answer.text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new TokenEndpointError('server', 'The Lightspeed token endpoint sent an answer that is not a token response.', 200);
  const body = parsed.data;
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    accessExpiresAt: at(body.expires_in),
    refreshExpiresAt: body.refresh_expires_in ? at(body.refresh_expires_in) : null,
    scope: body.scope ?? '',
  };
}

export function exchangeCode(config: LightspeedConfig, grant: { code: string; verifier: string; redirectUri: string }, now: Date): Promise<TokenSet> {
  return requestTokens(config, { grant_type: 'authorization_code', code: grant.code, redirect_uri: grant.redirectUri, code_verifier: grant.verifier }, now);
}

export function refreshTokens(config: LightspeedConfig, refreshToken: string, now: Date): Promise<TokenSet> {
  return requestTokens(config, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
}
