// Integration alerts, deduplicated by the database: one open alert per code and company (a partial
// unique index), so a repeated failure bumps the open alert's count instead of adding another.
import type { Alert, AlertCode } from '../../../shared/model/connection';
import type { CompanyScope } from '../db/company';

export type { Alert, AlertCode };

/** What an alert is about: a location, and the business day that failed (the newest, when several did). */
export interface AlertDay {
  businessLocationId: string;
  date: string | null;
}

export async function raiseAlert(scope: CompanyScope, code: AlertCode, message: string, at: string, day: AlertDay | null = null): Promise<void> {
  await scope.db.statement(
      `INSERT INTO integration_alerts (company_id, code, status, message, count, first_seen_at, last_seen_at, business_location_id, report_date)
       VALUES (?, ?, 'open', ?, 1, ?, ?, ?, ?)
       ON CONFLICT (company_id, code) WHERE status = 'open'
       DO UPDATE SET count = integration_alerts.count + 1, message = excluded.message, last_seen_at = excluded.last_seen_at,
         business_location_id = excluded.business_location_id, report_date = excluded.report_date`,
    )
    .run(scope.companyId, code, message, at, at, day?.businessLocationId ?? null, day?.date ?? null);
}

/** A recovered connection resolves its open alerts; a clean run-due resolves the transfer alerts. */
export async function resolveOpenAlerts(scope: CompanyScope, at: string, codes: AlertCode[] = ['disconnected', 'token_refresh_failed']): Promise<void> {
  await scope.db.statement(`UPDATE integration_alerts SET status = 'resolved', resolved_at = ? WHERE company_id = ? AND status = 'open' AND code IN (SELECT value FROM json_each(?))`)
    .run(at, scope.companyId, JSON.stringify(codes));
}

export async function listOpenAlerts(scope: CompanyScope): Promise<Alert[]> {
  return await scope.db.statement(
      `SELECT id, code, message, count, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt,
              business_location_id AS businessLocationId, report_date AS date
       FROM integration_alerts WHERE company_id = ? AND status = 'open' ORDER BY first_seen_at`,
    )
    .all(scope.companyId) as Alert[];
}
