// Access tokens for every caller in this process (the nightly timer, a screen, a migration, a
// manual transfer). Lightspeed's refresh tokens rotate and are single use: two refreshes racing with
// the same one lose the connection. So refreshing is single-flight — concurrent callers in this
// process share one refresh — and across processes (the app beside the CLI or the web host) a lease
// in the database admits one refresher at a time: the others wait, and once the lease is theirs they
// first look whether the token still needs renewing. The refresh token is read again under the
// lease, and the new pair is stored before the new access token is handed out.
import { randomUUID } from 'node:crypto';
import type { CompanyScope } from '../../db/company';
import { DomainError } from '../../domain-error';
import type { LightspeedConfig } from './environments';
import type { AccessTokenSource } from './api-client';
import { LightspeedError } from './lightspeed-http';
import { refreshTokens, TokenEndpointError } from './token-client';
import type { Clock } from '../../clock';
import type { SecretVault } from '../../secrets/secret-vault';
import { raiseAlert, resolveOpenAlerts } from '../../alerts/alerts';
import { accessTokenName, findConnection, refreshTokenName, setConnectionStatus, storeTokens, type ConnectionRow } from './connection-store';
import { releaseRefreshLease, takeRefreshLease } from './refresh-lease';

/** Refresh this long before the stated expiry, so a token never dies in the middle of a transfer. */
export const REFRESH_BUFFER_MS = 5 * 60_000;
/** How long to wait for another process's refresh before giving up for now (a temporary failure). */
const LEASE_WAIT_MS = 60_000;
const LEASE_POLL_MS = 50;

export class TokenManager implements AccessTokenSource {
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly scope: CompanyScope,
    private readonly vault: SecretVault,
    private readonly config: () => Promise<LightspeedConfig>,
    private readonly clock: Clock,
    /** Told when the connection's status changes here, so open screens and the tray follow at once. */
    private readonly statusChanged: () => void = () => undefined,
  ) {}

  async accessToken(): Promise<string> {
    const connection = await this.requireConnection();
    if (this.expiring(connection)) return await this.refresh(async () => this.expiring(await findConnection(this.scope)));
    return await this.vault.get(accessTokenName(this.scope));
  }

  async afterRejection(rejected: string): Promise<string> {
    await this.requireConnection();
    // Another caller (or the app beside this CLI) may have refreshed since `rejected` was read.
    const current = await this.vault.get(accessTokenName(this.scope));
    if (current !== rejected) return current;
    return await this.refresh(async () => await this.vault.get(accessTokenName(this.scope)) === rejected);
  }

  /** Renews the tokens unless, once this process may, `stillNeeded` says another process already did. */
  async refresh(stillNeeded: () => Promise<boolean> = async () => true): Promise<string> {
    this.refreshing ??= this.refreshOnce(stillNeeded).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private expiring(connection: ConnectionRow | undefined): boolean {
    const expiresAt = connection?.accessExpiresAt ? Date.parse(connection.accessExpiresAt) : 0;
    return expiresAt - REFRESH_BUFFER_MS <= this.clock.now().getTime();
  }

  private async requireConnection() {
    const connection = await findConnection(this.scope);
    if (!connection) throw new DomainError('lightspeed_not_connected', 'Lightspeed is not connected yet.');
    if (connection.status === 'disconnected') {
      throw new DomainError('lightspeed_auth_failed', 'The Lightspeed connection is disconnected; reauthorize it under Connection.');
    }
    return connection;
  }

  /**
   * Waits for the cross-process lease; under it, reads the stored refresh token again in the same
   * transaction. Answers the stored access token when another process renewed it meanwhile.
   */
  private async takeLease(holder: string, stillNeeded: () => Promise<boolean>): Promise<string | null> {
    const deadline = Date.now() + LEASE_WAIT_MS;
    for (;;) {
      const taken = await this.scope.db.write(async () => {
        if (!await takeRefreshLease(this.scope, holder, Date.now())) return false;
        return { needed: await stillNeeded(), refreshToken: await this.vault.get(refreshTokenName(this.scope)) };
      });
      if (taken) {
        if (taken.needed) return taken.refreshToken;
        await releaseRefreshLease(this.scope, holder);
        return null;
      }
      if (Date.now() >= deadline) throw new LightspeedError('lightspeed_api_error', 'Another Larder window is still renewing the Lightspeed sign-in; try again in a minute.', null, true);
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
  }

  private async refreshOnce(stillNeeded: () => Promise<boolean>): Promise<string> {
    const holder = randomUUID();
    const used = await this.takeLease(holder, stillNeeded);
    if (used === null) return await this.vault.get(accessTokenName(this.scope));
    const config = await this.config();
    const at = () => this.clock.now().toISOString();
    try {
      const tokens = await refreshTokens(config, used, this.clock.now());
      const wasActive = (await findConnection(this.scope))?.status === 'active';
      await this.scope.db.write(async () => {
        // A server may answer a refresh without a new refresh token (RFC 6749 §6): the stored one stays valid.
        await storeTokens(this.scope, this.vault, { ...tokens, refreshToken: tokens.refreshToken ?? used }, at(), (await findConnection(this.scope))?.environment ?? config.environment);
        await resolveOpenAlerts(this.scope, at());
      });
      if (!wasActive) this.statusChanged();
      return tokens.accessToken;
    } catch (error) {
      if (!(error instanceof TokenEndpointError)) throw error;
      if (error.failure === 'invalid_grant') {
        // Refused because another process rotated it first? Then its new pair is already stored.
        if (await this.vault.get(refreshTokenName(this.scope)) !== used) return await this.vault.get(accessTokenName(this.scope));
        await this.scope.db.write(async () => {
          await setConnectionStatus(this.scope, 'disconnected', at());
          await raiseAlert(this.scope, 'disconnected', `Lightspeed no longer accepts the refresh token (${error.message}). Reauthorize to reconnect.`, at());
        });
        this.statusChanged();
        throw new DomainError('lightspeed_auth_failed', 'Lightspeed no longer accepts Larder’s authorization; reauthorize under Connection.');
      }
      await this.scope.db.write(async () => {
        await setConnectionStatus(this.scope, 'refresh_failed', at());
        await raiseAlert(this.scope, 'token_refresh_failed', `The token refresh failed: ${error.message}`, at());
      });
      this.statusChanged();
      throw error;
    } finally {
      await releaseRefreshLease(this.scope, holder);
    }
  }
}
