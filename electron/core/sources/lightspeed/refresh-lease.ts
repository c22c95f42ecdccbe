// Who may spend the company's refresh token right now, across processes and PCs. Lightspeed's refresh
// tokens rotate and are single use, and a provider that sees one reused may revoke the whole grant,
// so the desktop app, the CLI, the web host and every PC of a group must never refresh at the same
// moment: a row lease per company in token_refresh_leases (platform/row-lease.ts). A holder that is
// gone, or that overran the lease (longer than any token request may take), is stale and may be replaced.
import type { CompanyScope } from '../../db/company';
import { releaseRowLease, takeRowLease, type LeaseTable } from '../../platform/row-lease';

export const REFRESH_LEASE_MS = 2 * 60_000;
const LEASES: LeaseTable = { table: 'token_refresh_leases', keys: ['company_id'] };

/** Takes the lease for `holder` unless a live holder has it; runs inside the caller's write transaction. */
export async function takeRefreshLease(scope: CompanyScope, holder: string, now: number): Promise<boolean> {
  return await takeRowLease(scope.db, LEASES, [scope.companyId], holder, now, REFRESH_LEASE_MS);
}

export async function releaseRefreshLease(scope: CompanyScope, holder: string): Promise<void> {
  await releaseRowLease(scope.db, LEASES, [scope.companyId], holder);
}
