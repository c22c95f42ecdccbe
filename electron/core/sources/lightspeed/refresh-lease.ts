// Who may spend the company's refresh token right now, across processes. Lightspeed's refresh tokens
// rotate and are single use, and a provider that sees one reused may revoke the whole grant, so the
// desktop app, the CLI and the web host must never refresh at the same moment: one row per company
// in token_refresh_leases, taken inside BEGIN IMMEDIATE. A holder whose process died, or that
// overran the lease (longer than any token request may take), is stale and may be replaced.
import type { CompanyScope } from '../../db/company';
import { processAlive } from '../../platform/processes';

export const REFRESH_LEASE_MS = 2 * 60_000;

/** Takes the lease for `holder` unless a live holder has it; runs inside the caller's write transaction. */
export async function takeRefreshLease(scope: CompanyScope, holder: string, now: number): Promise<boolean> {
  const current = await scope.db.statement('SELECT holder, pid, expires_at AS expiresAt FROM token_refresh_leases WHERE company_id = ?').get(scope.companyId) as
    | { holder: string; pid: number; expiresAt: string }
    | undefined;
  if (current && current.holder !== holder && processAlive(current.pid) && Date.parse(current.expiresAt) > now) return false;
  await scope.db.statement(
      `INSERT INTO token_refresh_leases (company_id, holder, pid, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (company_id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, expires_at = excluded.expires_at`,
    )
    .run(scope.companyId, holder, process.pid, new Date(now + REFRESH_LEASE_MS).toISOString());
  return true;
}

export async function releaseRefreshLease(scope: CompanyScope, holder: string): Promise<void> {
  await scope.db.write(() => scope.db.statement('DELETE FROM token_refresh_leases WHERE company_id = ? AND holder = ?').run(scope.companyId, holder));
}
