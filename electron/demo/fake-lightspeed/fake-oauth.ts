// The fake's authorization server, shaped like Lightspeed's Keycloak (V2) and answering on the V1
// paths too. It is strict where real clients have broken: HTTP Basic client authentication only,
// PKCE S256 checked, codes and refresh tokens usable once, exact redirect URIs.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeClient {
  clientId: string;
  clientSecret: string;
  /** Exact URIs; a loopback `http://127.0.0.1/...` entry matches any port (RFC 8252 §7.3). */
  redirectUris: string[];
}

export interface FakeOAuthOptions {
  clients: FakeClient[];
  /** Seconds. */
  accessTokenLifetime: number;
  /** Seconds; 0 means no fixed expiry (offline tokens). */
  refreshTokenLifetime: number;
  /** Redirects at once instead of showing the consent page, for scripted tests. */
  autoApprove: boolean;
  now: () => number;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string | null;
  scope: string;
  expiresAt: number;
  used: boolean;
}

interface IssuedToken {
  clientId: string;
  scope: string;
  expiresAt: number | null;
  used: boolean;
}

const CODE_LIFETIME_MS = 60_000;

function keycloakError(response: ServerResponse, status: number, error: string, description: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error, error_description: description }));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/**
 * Whether the token endpoint leaves out the refresh token, as RFC 6749 allows: 'on-refresh' keeps the
 * old one valid (servers that do not rotate), 'always' also on the first exchange (no offline access).
 */
export type WithheldRefreshToken = 'never' | 'on-refresh' | 'always';

export class FakeOAuth {
  /** Sent as `iss` with every authorization response; set once the server knows its address. */
  issuer: string | null = null;
  withholdRefreshToken: WithheldRefreshToken = 'never';
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken>();

  constructor(readonly options: FakeOAuthOptions) {}

  /** For the API: is this bearer token valid now, and with which scopes? */
  inspectAccessToken(token: string): IssuedToken | undefined {
    const issued = this.accessTokens.get(token);
    if (!issued || (issued.expiresAt !== null && issued.expiresAt <= this.options.now())) return undefined;
    return issued;
  }

  /** Every token ever issued, so tests can prove none of them leaked into a file or a log. */
  issuedTokens(): string[] {
    return [...this.accessTokens.keys(), ...this.refreshTokens.keys()];
  }

  /** Invalidates every token, as a password change or a revoked session does. */
  revokeAll(): void {
    this.accessTokens.clear();
    for (const token of this.refreshTokens.values()) token.used = true;
  }

  /** Ends access tokens now, so the next API call gets a 401 and the client must refresh. */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = this.options.now() - 1;
  }

  private redirectAllowed(client: FakeClient, redirectUri: string): boolean {
    return client.redirectUris.some((registered) => {
      if (registered === redirectUri) return true;
      const wanted = new URL(registered);
      if (wanted.hostname !== '127.0.0.1') return false;
      try {
        const given = new URL(redirectUri);
        return given.protocol === 'http:' && given.hostname === '127.0.0.1' && given.pathname === wanted.pathname && given.search === '';
      } catch {
        return false;
      }
    });
  }

  authorize(request: IncomingMessage, url: URL, form: URLSearchParams | null, response: ServerResponse): void {
    const params = form ?? url.searchParams;
    const client = this.options.clients.find((candidate) => candidate.clientId === params.get('client_id'));
    const redirectUri = params.get('redirect_uri') ?? '';
    // Like Keycloak: a bad client or redirect URI is an error page, never a redirect to an unknown place.
    if (!client) return this.page(response, 400, 'Client not found.');
    if (!this.redirectAllowed(client, redirectUri)) return this.page(response, 400, 'Invalid parameter: redirect_uri');
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (this.issuer !== null) back.searchParams.set('iss', this.issuer);
    if (params.get('response_type') !== 'code') {
      back.searchParams.set('error', 'unsupported_response_type');
      return this.redirect(response, back);
    }
    const challenge = params.get('code_challenge');
    if (challenge !== null && params.get('code_challenge_method') !== 'S256') {
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', 'Invalid parameter: code challenge method is not matching the configured one');
      return this.redirect(response, back);
    }
    const decision = form?.get('decision') ?? (this.options.autoApprove ? 'authorize' : null);
    if (decision === null) return this.consent(response, url, params, client);
    if (decision !== 'authorize') {
      back.searchParams.set('error', 'access_denied');
      return this.redirect(response, back);
    }
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      challenge,
      scope: params.get('scope') ?? '',
      expiresAt: this.options.now() + CODE_LIFETIME_MS,
      used: false,
    });
    back.searchParams.set('code', code);
    this.redirect(response, back);
  }

  token(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return keycloakError(response, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(body);
    if (form.has('client_secret')) {
      return keycloakError(response, 401, 'unauthorized_client', 'Client secret in the request body is not accepted; use HTTP Basic');
    }
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
    const decode = (value: string | undefined) => (value === undefined ? undefined : decodeURIComponent(value.replace(/\+/g, ' ')));
    const [clientId, clientSecret] = (basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : []).map(decode);
    const client = this.options.clients.find((candidate) => candidate.clientId === clientId);
    if (!client || client.clientSecret !== clientSecret) {
      return keycloakError(response, 401, 'unauthorized_client', 'Invalid client or Invalid client credentials');
    }
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') return this.exchangeCode(client, form, response);
    if (grant === 'refresh_token') return this.refresh(client, form, response);
    keycloakError(response, 400, 'unsupported_grant_type', 'Unsupported grant_type');
  }

  private exchangeCode(client: FakeClient, form: URLSearchParams, response: ServerResponse): void {
    const pending = this.codes.get(form.get('code') ?? '');
    if (!pending || pending.used || pending.expiresAt <= this.options.now() || pending.clientId !== client.clientId) {
      if (pending) pending.used = true;
      return keycloakError(response, 400, 'invalid_grant', 'Code not valid');
    }
    pending.used = true;
    if (form.get('redirect_uri') !== pending.redirectUri) return keycloakError(response, 400, 'invalid_grant', 'Incorrect redirect_uri');
    if (pending.challenge !== null) {
      const verifier = form.get('code_verifier');
      if (!verifier) return keycloakError(response, 400, 'invalid_grant', 'PKCE code verifier not specified');
      if (s256(verifier) !== pending.challenge) return keycloakError(response, 400, 'invalid_grant', 'PKCE verification failed: Code mismatch');
    }
    this.issue(client, pending.scope, response, this.withholdRefreshToken === 'always');
  }

  private refresh(client: FakeClient, form: URLSearchParams, response: ServerResponse): void {
    if (form.has('scope')) return keycloakError(response, 400, 'invalid_scope', 'Do not send scope on refresh');
    const token = form.get('refresh_token') ?? '';
    const issued = this.refreshTokens.get(token);
    if (!issued || issued.clientId !== client.clientId) return keycloakError(response, 400, 'invalid_grant', 'Invalid refresh token');
    if (issued.used) return keycloakError(response, 400, 'invalid_grant', 'Maximum allowed refresh token reuse exceeded');
    if (issued.expiresAt !== null && issued.expiresAt <= this.options.now()) return keycloakError(response, 400, 'invalid_grant', 'Token is not active');
    const withhold = this.withholdRefreshToken !== 'never';
    // A server that sends no new refresh token keeps the one it was given valid.
    issued.used = !withhold;
    this.issue(client, issued.scope, response, withhold);
  }

  private issue(client: FakeClient, requestedScope: string, response: ServerResponse, withholdRefreshToken = false): void {
    const scope = withholdRefreshToken ? requestedScope.replace(/\s*offline_access\b/, '').trim() : requestedScope;
    const now = this.options.now();
    const { accessTokenLifetime, refreshTokenLifetime } = this.options;
    const accessToken = `fake-at-${randomBytes(24).toString('base64url')}`;
    const refreshToken = `fake-rt-${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(accessToken, { clientId: client.clientId, scope, expiresAt: now + accessTokenLifetime * 1000, used: false });
    if (!withholdRefreshToken) {
      this.refreshTokens.set(refreshToken, {
        clientId: client.clientId,
        scope,
        expiresAt: refreshTokenLifetime === 0 ? null : now + refreshTokenLifetime * 1000,
        used: false,
      });
    }
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(
      JSON.stringify({
        access_token: accessToken,
        ...(withholdRefreshToken ? {} : { refresh_token: refreshToken, refresh_expires_in: refreshTokenLifetime }),
        token_type: 'Bearer',
        expires_in: accessTokenLifetime,
        scope,
      }),
    );
  }

  private redirect(response: ServerResponse, to: URL): void {
    response.writeHead(302, { location: to.toString() });
    response.end();
  }

  private page(response: ServerResponse, status: number, message: string): void {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Lightspeed</title><h1>We are sorry…</h1><p>${escapeHtml(message)}</p>`);
  }

  private consent(response: ServerResponse, url: URL, params: URLSearchParams, client: FakeClient): void {
    const hidden = [...params.entries()].map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`).join('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Sign in to Lightspeed (test server)</title></head><body>
<h1>Lightspeed Restaurant (K-Series) — test server</h1>
<p>The application <strong>${escapeHtml(client.clientId)}</strong> asks for access to: ${escapeHtml(params.get('scope') ?? '')}.</p>
<form method="post" action="${escapeHtml(url.pathname)}">${hidden}
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></body></html>`);
  }
}
