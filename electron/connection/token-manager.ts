// Access tokens for every caller in this process (the nightly timer, a screen, a migration, a
// manual transfer). Lightspeed's refresh tokens rotate and are single use: two refreshes racing with
// the same one lose the connection. So refreshing is single-flight — concurrent callers share one
// refresh — and the new pair is stored before the new access token is handed out.
import type { CompanyScope } from '../company/company';
import { DomainError } from '../domain-error';
import type { LightspeedConfig } from '../lightspeed/environments';
import type { AccessTokenSource } from '../lightspeed/api-client';
import { refreshTokens, TokenEndpointError } from '../lightspeed/token-client';
import type { Clock } from '../platform/platform';
import type { SecretVault } from '../secrets/secret-vault';
import { raiseAlert, resolveOpenAlerts } from './alerts';
import { accessTokenName, findConnection, refreshTokenName, setConnectionStatus, storeTokens } from './connection-store';

/** Refresh this long before the stated expiry, so a token never dies in the middle of a transfer. */
export const REFRESH_BUFFER_MS = 5 * 60_000;

export class TokenManager implements AccessTokenSource {
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly scope: CompanyScope,
    private readonly vault: SecretVault,
    private readonly config: () => LightspeedConfig,
    private readonly clock: Clock,
    /** Told when the connection's status changes here, so open screens and the tray follow at once. */
    private readonly statusChanged: () => void = () => undefined,
  ) {}

  async accessToken(): Promise<string> {
    const connection = this.requireConnection();
    const expiresAt = connection.accessExpiresAt ? Date.parse(connection.accessExpiresAt) : 0;
    if (expiresAt - REFRESH_BUFFER_MS <= this.clock.now().getTime()) return this.refresh();
    return this.vault.get(accessTokenName(this.scope));
  }

  async afterRejection(rejected: string): Promise<string> {
    this.requireConnection();
    // Another caller (or the app beside this CLI) may have refreshed since `rejected` was read.
    const current = this.vault.get(accessTokenName(this.scope));
    if (current !== rejected) return current;
    return this.refresh();
  }

  refresh(): Promise<string> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private requireConnection() {
    const connection = findConnection(this.scope);
    if (!connection) throw new DomainError('lightspeed_not_connected', 'Lightspeed is not connected yet.');
    if (connection.status === 'disconnected') {
      throw new DomainError('lightspeed_auth_failed', 'The Lightspeed connection is disconnected; reauthorize it under Connection.');
    }
    return connection;
  }

  private async refreshOnce(): Promise<string> {
    const used = this.vault.get(refreshTokenName(this.scope));
    const config = this.config();
    const at = () => this.clock.now().toISOString();
    try {
      const tokens = await refreshTokens(config, used, this.clock.now());
      const wasActive = findConnection(this.scope)?.status === 'active';
      this.scope.db.write(() => {
        storeTokens(this.scope, this.vault, tokens, at(), findConnection(this.scope)?.environment ?? config.environment);
        resolveOpenAlerts(this.scope, at());
      });
      if (!wasActive) this.statusChanged();
      return tokens.accessToken;
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error;
      if (error.failure === 'invalid_grant') {
        // Refused because another process rotated it first? Then its new pair is already stored.
        if (this.vault.get(refreshTokenName(this.scope)) !== used) return this.vault.get(accessTokenName(this.scope));
        this.scope.db.write(() => {
          setConnectionStatus(this.scope, 'disconnected', at());
          raiseAlert(this.scope, 'disconnected', `Lightspeed no longer accepts the refresh token (${error.message}). Reauthorize to reconnect.`, at());
        });
        this.statusChanged();
        throw new DomainError('lightspeed_auth_failed', 'Lightspeed no longer accepts Larder’s authorization; reauthorize under Connection.');
      }
      this.scope.db.write(() => {
        setConnectionStatus(this.scope, 'refresh_failed', at());
        raiseAlert(this.scope, 'token_refresh_failed', `The token refresh failed: ${error.message}`, at());
      });
      this.statusChanged();
      throw error;
    }
  }
}
