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

export function findConnection(scope: CompanyScope): ConnectionRow | undefined {
  return scope.db.orm.select().from(lightspeedConnections).where(eq(lightspeedConnections.companyId, scope.companyId)).get();
}

export function setConnectionStatus(scope: CompanyScope, status: ConnectionStatus, at: string): void {
  scope.db.orm.update(lightspeedConnections).set({ status, updatedAt: at }).where(eq(lightspeedConnections.companyId, scope.companyId)).run();
}

/**
 * Stores a new token pair and marks the connection active, in one transaction: a refresh token is
 * single use, so the new one must be on disk before the new access token is handed to anyone.
 */
export function storeTokens(scope: CompanyScope, vault: SecretVault, tokens: TokenSet & { refreshToken: string }, at: string, environment: string): void {
  scope.db.write(() => {
    vault.put(accessTokenName(scope), tokens.accessToken);
    vault.put(refreshTokenName(scope), tokens.refreshToken);
    const values = {
      status: 'active' as const,
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      lastRefreshAt: at,
      disconnectedByUserAt: null,
      updatedAt: at,
    };
    scope.db.orm
      .insert(lightspeedConnections)
      .values({ companyId: scope.companyId, name: 'Lightspeed K-Series', environment, connectedAt: at, ...values })
      .onConflictDoUpdate({ target: lightspeedConnections.companyId, set: { ...values, environment } })
      .run();
  });
}

/** Disconnect: the tokens go, the connection row (and everything hanging on it) stays. */
export function eraseTokens(scope: CompanyScope, vault: SecretVault, at: string): void {
  scope.db.write(() => {
    vault.delete(accessTokenName(scope));
    vault.delete(refreshTokenName(scope));
    scope.db.orm
      .update(lightspeedConnections)
      .set({ status: 'disconnected', accessExpiresAt: null, refreshExpiresAt: null, disconnectedByUserAt: at, updatedAt: at })
      .where(eq(lightspeedConnections.companyId, scope.companyId))
      .run();
  });
}
