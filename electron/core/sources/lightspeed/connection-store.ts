// The company's Lightspeed connection row and its sealed tokens, written together.
import { eq } from 'drizzle-orm';
import type { CompanyScope } from '../../db/company';
import { lightspeedConnections, type connectionStatuses } from '../../db/schema';
import type { TokenSet } from './token-client';
import type { SecretVault } from '../../secrets/secret-vault';

export type ConnectionStatus = (typeof connectionStatuses)[number];
export type ConnectionRow = typeof lightspeedConnections.$inferSelect;

export const accessTokenName = (scope: CompanyScope) => `lightspeed:${scope.companyId}:access-token`;
export const refreshTokenName = (scope: CompanyScope) => `lightspeed:${scope.companyId}:refresh-token`;

/** Read as a statement, not a query of the builder: every call to Lightspeed reads it, and a read-ahead must not wait for a day being posted. */
export async function findConnection(scope: CompanyScope): Promise<ConnectionRow | undefined> {
  return (await scope.db
    .statement(
      `SELECT id, company_id AS companyId, name, environment, status, access_expires_at AS accessExpiresAt, refresh_expires_at AS refreshExpiresAt,
              connected_at AS connectedAt, last_refresh_at AS lastRefreshAt, updated_at AS updatedAt, disconnected_by_user_at AS disconnectedByUserAt
       FROM lightspeed_connections WHERE company_id = ?`,
    )
    .get(scope.companyId)) as ConnectionRow | undefined;
}

export async function setConnectionStatus(scope: CompanyScope, status: ConnectionStatus, at: string): Promise<void> {
  await scope.db.exec(scope.db.orm.update(lightspeedConnections).set({ status, updatedAt: at }).where(eq(lightspeedConnections.companyId, scope.companyId)));
}

/**
 * Stores a new token pair and marks the connection active, in one transaction: a refresh token is
 * single use, so the new one must be on disk before the new access token is handed to anyone.
 */
export async function storeTokens(scope: CompanyScope, vault: SecretVault, tokens: TokenSet & { refreshToken: string }, at: string, environment: string): Promise<void> {
  await scope.db.write(async () => {
    await vault.put(accessTokenName(scope), tokens.accessToken);
    await vault.put(refreshTokenName(scope), tokens.refreshToken);
    const values = {
      status: 'active' as const,
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      lastRefreshAt: at,
      disconnectedByUserAt: null,
      updatedAt: at,
    };
    await scope.db.exec(scope.db.orm
      .insert(lightspeedConnections)
      .values({ companyId: scope.companyId, name: 'Lightspeed K-Series', environment, connectedAt: at, ...values })
      .onConflictDoUpdate({ target: lightspeedConnections.companyId, set: { ...values, environment } }));
  });
}

/** Disconnect: the tokens go, the connection row (and everything hanging on it) stays. */
export async function eraseTokens(scope: CompanyScope, vault: SecretVault, at: string): Promise<void> {
  await scope.db.write(async () => {
    await vault.delete(accessTokenName(scope));
    await vault.delete(refreshTokenName(scope));
    await scope.db.exec(scope.db.orm
      .update(lightspeedConnections)
      .set({ status: 'disconnected', accessExpiresAt: null, refreshExpiresAt: null, disconnectedByUserAt: at, updatedAt: at })
      .where(eq(lightspeedConnections.companyId, scope.companyId)));
  });
}
